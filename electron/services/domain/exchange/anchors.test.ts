import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/canonicalJson';
import { appendAudit } from '../../storage/audit';
import { MAX_AUDIT_CHECKPOINTS, inspectPackage } from '../../formats/reportFiles';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';
import { exportReportPackage } from './transfer';

const period = { from: '2026-01-01', to: '2026-06-30' };

let province: OpenTestRegistry;
let commune: OpenTestRegistry;

async function trust(office: OpenTestRegistry, other: OpenTestRegistry) {
  const card = await other.call('keys.ownCard', {});
  return office.call('keys.trust', { fileName: card.fileName, contentBase64: card.contentBase64, fingerprint: card.fingerprint });
}

async function exportReport() {
  return exportReportPackage(commune.session.requireRegistry(), { period, recipient: null, includeDocuments: false });
}

function fileInput(made: { fileName: string; content: Uint8Array }) {
  return { fileName: made.fileName, contentBase64: Buffer.from(made.content).toString('base64') };
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

beforeAll(async () => {
  province = await openTestRegistry({ code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province', parentCode: 'TW' });
  commune = await openTestRegistry({ code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune', parentCode: 'ANGIANG' });
  await trust(province, commune);
  await trust(commune, province);
}, 120_000);

afterAll(() => {
  for (const office of [province, commune]) office.session.dispose();
});

describe('audit anchors of a unit that sends many report files', () => {
  const files = MAX_AUDIT_CHECKPOINTS + 44;

  it('accepts every file of an honest unit past 256 exports, and still names a rewrite hidden behind forged export rows', async () => {
    for (let sent = 1; sent <= files; sent += 1) {
      const made = await exportReport();
      // The province receives most files; a few never arrive, as happens with USB sticks.
      if (sent % 7 === 0) continue;
      expect((await province.call('packages.import', fileInput(made))).outcome).toMatch(/^(imported|superseded_older)$/);
    }
    const last = await exportReport();
    expect(inspectPackage(last.content).manifest.audit?.checkpoints).toHaveLength(MAX_AUDIT_CHECKPOINTS);
    expect(await province.call('packages.verify', fileInput(last))).toMatchObject({ unit: { code: 'VINHTRACH' } });
    const province_ = province.session.requireRegistry();
    const kept = province_.sqlite
      .prepare(`SELECT count(*) AS n, max(rows) AS newest FROM audit_anchors WHERE unit_code = 'VINHTRACH'`)
      .get() as { n: number; newest: number };
    expect(kept.n).toBeGreaterThan(MAX_AUDIT_CHECKPOINTS + 1);

    // Someone with the database rewrites an early row, re-hashes the chain, and adds forged export
    // rows so that the next file's checkpoints all lie past every point the province kept.
    const registry = commune.session.requireRegistry();
    registry.sqlite.prepare(`UPDATE audit_log SET username = 'ai-do' WHERE seq = 3`).run();
    const rows = registry.sqlite
      .prepare(
        `SELECT seq, id, at, user_id AS userId, username, action, entity, entity_id AS entityId, before, after, outcome FROM audit_log ORDER BY seq`,
      )
      .all() as ChainRow[];
    let previous = '0'.repeat(64);
    const rehash = registry.sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
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
    registry.sqlite
      .prepare(`UPDATE settings SET value = ? WHERE key = 'audit.head'`)
      .run(JSON.stringify({ seq: rows.length, hash: previous }));
    registry.write((db) => {
      for (let forged = 1; forged <= MAX_AUDIT_CHECKPOINTS; forged += 1) {
        appendAudit(db, registry.actor, {
          action: 'package.export',
          entity: 'report',
          after: { auditRows: rows.length + forged },
        });
      }
    });
    const rewritten = await exportReport();
    const carried = inspectPackage(rewritten.content).manifest.audit!.checkpoints;
    expect(Math.min(...carried.map((point) => point.rows))).toBeGreaterThan(kept.newest);

    const before = province_.sqlite
      .prepare(`SELECT (SELECT count(*) FROM audit_anchors) AS anchors, (SELECT count(*) FROM imported_packages) AS packages`)
      .get();
    expect(await province.refusal('packages.import', fileInput(rewritten))).toMatchObject({ code: 'EXCHANGE_AUDIT_REWRITTEN' });
    expect(await province.refusal('packages.verify', fileInput(rewritten))).toMatchObject({ code: 'EXCHANGE_AUDIT_REWRITTEN' });
    expect(
      province_.sqlite
        .prepare(`SELECT (SELECT count(*) FROM audit_anchors) AS anchors, (SELECT count(*) FROM imported_packages) AS packages`)
        .get(),
    ).toEqual(before);
  }, 600_000);
});
