import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, databaseKeyOf } from '../backup';
import { openTestRegistry, testPassword } from '../registry';
import { bundleWriter, migrationsFolder } from './bundle';
import { inspectRegistry, lostNumbers, reportedNumbers, startWriter } from './support';

const diskFullMessage = 'Ổ đĩa đã đầy nên thay đổi vừa rồi chưa được lưu. Các dữ liệu đã lưu trước đó vẫn còn nguyên.';

/**
 * A small tmpfs is a real full disk (ENOSPC). Mounting one needs no root where unprivileged user
 * namespaces are allowed (`unshare --user --map-root-user --mount`); the mount lives only as long
 * as the shell inside the namespace, so everything on it happens in that shell.
 */
const tmpfsAvailable =
  process.platform === 'linux' &&
  spawnSync('unshare', [
    '--user',
    '--map-root-user',
    '--mount',
    'sh',
    '-c',
    'mount -t tmpfs -o size=64k so86-probe "$0"',
    mkdtempSync(path.join(tmpdir(), 'so86-probe-')),
  ]).status === 0;

let writer = '';
let registry: { databaseFile: string; key: Buffer };

beforeAll(async () => {
  writer = await bundleWriter();
  const opened = await openTestRegistry();
  await addMember(opened);
  opened.session.lock();
  registry = { databaseFile: opened.databaseFile, key: databaseKeyOf(opened.databaseFile, opened.recoveryKey) };
});

function freshCopyFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'so86-disk-'));
}

describe('a full disk during a write', () => {
  it.runIf(tmpfsAvailable)(
    'refuses the write with DISK_FULL, loses nothing committed, and the file still opens (a 2 MB tmpfs)',
    async () => {
      const work = freshCopyFolder();
      const disk = path.join(work, 'disk');
      const out = path.join(work, 'out');
      mkdirSync(disk);
      mkdirSync(out);
      // First: signing in on a completely full disk, twice, then after room is made. Then: writing until the disk is full.
      const script = `set -e
mount -t tmpfs -o size=2m so86-full "$DISK"
mkdir "$DISK/signin" "$DISK/write"
cp "$DB" "$DB.keys" "$DISK/signin/"
head -c 8388608 /dev/zero > "$DISK/filler" 2>/dev/null || true
FREE_FILE="$DISK/filler" "$NODE" "$WRITER" sign-in "$DISK/signin/so86.db" "$MIGRATIONS" < /dev/null
rm -r "$DISK/signin"
cp "$DB" "$DB.keys" "$DISK/write/"
"$NODE" "$WRITER" commit "$DISK/write/so86.db" "$MIGRATIONS" <<KEY || echo "writer exited $?"
$KEY
KEY
df -k "$DISK" | awk 'NR==2 { print "free " $4 }'
"$NODE" "$WRITER" inspect "$DISK/write/so86.db" "$MIGRATIONS" <<KEY
$KEY
KEY
cp "$DISK"/write/so86.db* "$OUT/"
`;
      const running = startWriter('', 'unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script], {
        ...process.env,
        DISK: disk,
        OUT: out,
        DB: registry.databaseFile,
        NODE: process.execPath,
        WRITER: writer,
        MIGRATIONS: migrationsFolder,
        KEY: registry.key.toString('hex'),
        SO86_PASSWORD: testPassword,
      });
      const exit = await running.exited;
      expect(exit).toMatchObject({ code: 0, stderr: '' });
      const said = running.lines.filter((line) => !/^\d+$/.test(line));
      expect(said).toEqual([
        'sign-in full DISK_FULL',
        'sign-in again DISK_FULL',
        expect.stringMatching(/^sign-in freed ok \d+$/),
        'ready',
        expect.stringContaining(`refused DISK_FULL ${diskFullMessage}`),
        'writer exited 3',
        expect.stringMatching(/^free \d+$/),
        expect.stringMatching(/^inspect \d+ intact chained$/),
      ]);
      const reported = reportedNumbers(running.lines);
      expect(reported.length).toBeGreaterThan(10);
      // On the full disk itself the file opened with every committed record…
      expect(Number(said.at(-1)!.split(' ')[1])).toBeGreaterThanOrEqual(reported.length);
      // …and so does the copy taken off it.
      const verdict = inspectRegistry(path.join(out, 'so86.db'), registry.key);
      expect({
        lost: lostNumbers(verdict.numbers, reported),
        integrity: verdict.integrity,
        auditIntact: verdict.auditIntact,
      }).toEqual({ lost: [], integrity: [], auditIntact: true });
    },
  );

  it.runIf(process.platform !== 'win32')(
    'refuses a write past the file-size limit (RLIMIT_FSIZE) with DISK_WRITE_FAILED, loses nothing committed, and the file still opens',
    async () => {
      const copy = path.join(freshCopyFolder(), 'so86.db');
      spawnSync('cp', [registry.databaseFile, `${registry.databaseFile}.keys`, path.dirname(copy)]);
      // `ulimit -f` counts 512-byte blocks in sh: 1 MiB, beyond the 0.3 MB file, reached as its log grows.
      const running = startWriter(registry.key.toString('hex'), '/bin/sh', [
        '-c',
        'ulimit -f 2048 && exec "$0" "$@"',
        process.execPath,
        writer,
        'commit',
        copy,
        migrationsFolder,
      ]);
      const exit = await running.exited;
      expect(exit).toMatchObject({ code: 3, signal: null, stderr: '' });
      expect(running.lines.at(-1)).toMatch(/^refused DISK_WRITE_FAILED Không ghi được vào ổ đĩa/);
      const reported = reportedNumbers(running.lines);
      expect(reported.length).toBeGreaterThan(10);
      const verdict = inspectRegistry(copy, registry.key);
      expect({
        lost: lostNumbers(verdict.numbers, reported),
        integrity: verdict.integrity,
        auditIntact: verdict.auditIntact,
      }).toEqual({ lost: [], integrity: [], auditIntact: true });
    },
  );
});
