import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonicalJson';
import { errorSentence } from '../../shared/errors';
import { translatorIn } from '../../shared/i18n';
import { verifyAuditChain } from '../services/storage/audit';
import { openDatabaseWithOwnPassword, openTestRegistry, testPassword, type OpenTestRegistry } from '../testkit/registry';
import { so86 } from '../testkit/cli';

const period = { from: '2026-01-01', to: '2026-06-30' };
const viewerPassword = 'người xem sổ 2026';

let province: OpenTestRegistry;
let commune: OpenTestRegistry;

async function trust(office: OpenTestRegistry, other: OpenTestRegistry) {
  const card = await other.call('keys.ownCard', {});
  await office.call('keys.trust', { fileName: card.fileName, contentBase64: card.contentBase64, fingerprint: card.fingerprint });
}

async function signIn(office: OpenTestRegistry, username: string, password: string) {
  office.session.lock();
  await office.call('session.unlock', { username, password });
}

interface ChainRow {
  seq: number;
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  outcome: string;
}

/**
 * The review's attack, done as the viewer would: its own password unwraps the registry key, the
 * database is opened outside the application, the viewer becomes an administrator, its audit rows
 * are put under the administrator's name, and the whole chain and its head are hashed again with
 * the published algorithm.
 */
async function rewriteAsViewer(databaseFile: string): Promise<number> {
  const { sqlite } = await openDatabaseWithOwnPassword(databaseFile, 'xem', viewerPassword);
  try {
    const admin = sqlite.prepare(`SELECT id FROM users WHERE username = 'admin'`).get() as { id: string };
    sqlite.prepare(`UPDATE users SET role = 'administrator' WHERE username = 'xem'`).run();
    const reassigned = sqlite
      .prepare(`UPDATE audit_log SET user_id = ?, username = 'admin' WHERE username = 'xem'`)
      .run(admin.id).changes;
    const rows = sqlite
      .prepare(
        `SELECT seq, id, at, user_id AS userId, username, action, entity, entity_id AS entityId, before, after, outcome FROM audit_log ORDER BY seq`,
      )
      .all() as ChainRow[];
    let previous = '0'.repeat(64);
    const rehash = sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
    for (const row of rows) {
      const fields = canonicalJson([
        row.seq,
        row.id,
        row.at,
        row.userId,
        row.username,
        row.action,
        row.entity,
        row.entityId,
        row.before,
        row.after,
        row.outcome,
      ]);
      const hash = createHash('sha256').update(previous).update('\n').update(fields).digest('hex');
      rehash.run(previous, hash, row.seq);
      previous = hash;
    }
    sqlite
      .prepare(`UPDATE settings SET value = ? WHERE key = 'audit.head'`)
      .run(JSON.stringify({ seq: rows.length, hash: previous }));
    return reassigned;
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  province = await openTestRegistry({ code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province', parentCode: 'TW' });
  commune = await openTestRegistry({ code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune', parentCode: 'ANGIANG' });
  await trust(province, commune);
  await trust(commune, province);
  await commune.call('users.create', {
    username: 'xem',
    displayName: 'Người xem',
    role: 'viewer',
    password: viewerPassword,
    passwordConfirm: viewerPassword,
  });
  // The viewer works a little: its sign-in and a refused call are in the log before the next report file.
  await signIn(commune, 'xem', viewerPassword);
  expect((await commune.refusal('members.save', { code: 'X1', fullName: 'Nguyễn Văn X', cellName: 'Chi bộ 1' })).code).toBe(
    'FORBIDDEN',
  );
  await signIn(commune, 'admin', testPassword);
}, 240_000);

afterAll(() => {
  for (const office of [province, commune]) office.session.dispose();
});

describe('audit anchored outside the writer’s reach', () => {
  it('catches a viewer who makes itself administrator and re-hashes the chain: locally, on the command line and at the upper level', async () => {
    const first = await commune.call('packages.export', { period, includeDocuments: false });
    expect(
      (await province.call('packages.import', { fileName: first.fileName, contentBase64: first.contentBase64 })).outcome,
    ).toBe('imported');
    expect((await commune.call('audit.verify', {})).anchor).toBe('checked');
    commune.session.lock();

    expect(await rewriteAsViewer(commune.databaseFile)).toBeGreaterThan(0);

    // The chain alone is whole again: this is what `audit verify` trusted before.
    await signIn(commune, 'admin', testPassword);
    expect(verifyAuditChain(commune.session.requireRegistry()).ok).toBe(true);
    const verdict = await commune.call('audit.verify', {});
    expect(verdict).toMatchObject({ ok: false, problem: 'rewritten', anchor: 'checked' });

    // The self-made administrator opens the registry but holds no office keys: it cannot sign.
    await signIn(commune, 'xem', viewerPassword);
    expect(commune.session.requireRegistry().user.role).toBe('administrator');
    expect((await commune.refusal('packages.export', { period, includeDocuments: false })).code).toBe('OFFICE_KEYS_NOT_GRANTED');
    commune.session.lock();

    const cli = await so86(['audit', 'verify', '--db', commune.databaseFile, '--user', 'admin'], { SO86_PASSWORD: testPassword });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`tại dòng số ${verdict.brokenAtSeq} (nhật ký bị viết lại`);

    // The next report file, signed by the real administrator, no longer passes through the head the province anchored.
    await signIn(commune, 'admin', testPassword);
    const second = await commune.call('packages.export', { period, includeDocuments: false });
    const before = province.session.requireRegistry().counts();
    const refusedVerify = await province.refusal('packages.verify', {
      fileName: second.fileName,
      contentBase64: second.contentBase64,
    });
    expect(refusedVerify.code).toBe('EXCHANGE_AUDIT_REWRITTEN');
    const refused = await province.call('packages.importMany', {
      files: [{ fileName: second.fileName, contentBase64: second.contentBase64 }],
    });
    expect(refused.results[0]).toMatchObject({ outcome: null, error: { code: 'EXCHANGE_AUDIT_REWRITTEN' } });
    expect(errorSentence({ ...refused.results[0]!.error!, issues: [] }, translatorIn('vi'))).toContain(
      'Đảng ủy xã Vĩnh Trạch (VINHTRACH)',
    );
    expect(province.session.requireRegistry().counts()).toEqual(before);
  }, 300_000);
});
