import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const sourceFolders = ['bin', 'db', 'e2e', 'electron', 'renderer', 'scripts', 'shared'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' || name === 'artifacts' ? [] : sourceFiles(file);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [file] : [];
  });
}

describe('the unencrypted database the benchmark compares with', () => {
  it('is named only by the database layer that offers it and by the benchmark', () => {
    const naming = sourceFolders
      .flatMap((folder) => sourceFiles(path.join(root, folder)))
      .filter((file) => readFileSync(file, 'utf8').includes('unencryptedBenchmarkOnly'))
      .map((file) => path.relative(root, file).split(path.sep).join('/'))
      .sort();
    expect(naming.length).toBeGreaterThan(1);
    expect(naming.filter((file) => file !== 'db/connection.ts' && !file.startsWith('scripts/bench/'))).toEqual([]);
  });
});
