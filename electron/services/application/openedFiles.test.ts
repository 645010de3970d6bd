import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportFile, reportFileFromArguments } from './openedFiles';
import { AppSession } from './session';

describe('a report file opened with the application', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'so86-open-'));
  const file = path.join(folder, 'VINHTRACH_2026-01-01_2026-06-30_v1.so86');
  writeFileSync(file, 'package bytes');

  it('is found among the arguments Windows passes on a double-click', () => {
    expect(reportFileFromArguments(['C:\\Program Files\\So86\\So86.exe', file])).toBe(file);
    expect(reportFileFromArguments(['So86.exe', '--disable-gpu', file])).toBe(file);
    expect(reportFileFromArguments(['So86.exe', path.join(folder, 'missing.so86')])).toBeNull();
    expect(reportFileFromArguments(['So86.exe', path.join(folder, 'notes.txt')])).toBeNull();
    expect(reportFileFromArguments(['So86.exe'])).toBeNull();
  });

  it('waits in the session until the renderer takes it, once', async () => {
    const session = new AppSession({ databaseFile: path.join(folder, 'so86.db'), appVersion: 'test' });
    const announced: unknown[] = [];
    session.onEvent((name, payload) => announced.push([name, payload]));
    const opened = await readReportFile(file);
    session.offerOpenedFile(opened!.fileName, opened!.content);
    expect(announced).toEqual([['file.opened', { fileName: 'VINHTRACH_2026-01-01_2026-06-30_v1.so86' }]]);
    expect(session.takeOpenedFile()?.content.toString()).toBe('package bytes');
    expect(session.takeOpenedFile()).toBeNull();
  });
});
