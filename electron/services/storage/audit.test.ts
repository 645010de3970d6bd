import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEntries, verifyAuditChain } from './audit';
import { openTestRegistry, type OpenTestRegistry } from '../../testkit/registry';

let registry: OpenTestRegistry;

beforeEach(async () => {
  registry = await openTestRegistry();
  for (let index = 0; index < 5; index += 1) {
    await registry.call('members.save', { code: `DV-${index}`, fullName: `Nguyễn Văn ${index}`, cellName: 'Chi bộ 1' });
  }
});

afterEach(() => registry.session.dispose());

function sqlite() {
  return registry.session.requireRegistry().sqlite;
}

function verdict() {
  return verifyAuditChain(registry.session.requireRegistry());
}

describe('the audit trail', () => {
  it('records every write with who, what, before and after, in an unbroken chain', () => {
    expect(verdict()).toMatchObject({ ok: true });
    const rows = sqlite().prepare(`SELECT action, username, after FROM audit_log WHERE action = 'member.create'`).all() as {
      action: string;
      username: string;
      after: string;
    }[];
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ username: 'admin' });
    expect(JSON.parse(rows[0]!.after)).toMatchObject({ code: 'DV-0', fullName: 'Nguyễn Văn 0' });
  });

  it('detects an edited row', () => {
    sqlite()
      .prepare(
        `UPDATE audit_log SET after = replace(after, 'Nguyễn Văn 2', 'Người Khác') WHERE action = 'member.create' AND after LIKE '%Văn 2%'`,
      )
      .run();
    expect(verdict()).toMatchObject({ ok: false, problem: 'edited' });
  });

  it('detects a deleted row in the middle', () => {
    sqlite().prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(verdict()).toMatchObject({ ok: false, brokenAtSeq: 5, problem: 'missing_or_reordered' });
  });

  it('detects reordered rows', () => {
    sqlite().exec(
      'UPDATE audit_log SET seq = -1 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = -1;',
    );
    expect(verdict()).toMatchObject({ ok: false, brokenAtSeq: 4 });
  });

  it('detects a truncated tail', () => {
    sqlite().prepare('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)').run();
    expect(verdict()).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('appends a batch of rows with one head update, continuing the chain so it still verifies and still detects tampering', () => {
    const opened = registry.session.requireRegistry();
    const before = verdict();
    opened.write((db) =>
      appendAuditEntries(
        { db, sqlite: opened.sqlite },
        opened.actor,
        Array.from({ length: 2000 }, (_, index) => ({
          action: 'member.create',
          entity: 'member',
          entityId: `m-${index}`,
          after: { code: `B-${index}` },
        })),
      ),
    );
    expect(verdict()).toEqual({ ok: true, rows: before.rows + 2000 });
    const last = sqlite().prepare('SELECT seq, entity_id AS entityId FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ seq: before.rows + 2000, entityId: 'm-1999' });
    sqlite().prepare(`UPDATE audit_log SET after = '{"code":"B-X"}' WHERE entity_id = 'm-1000'`).run();
    expect(verdict()).toMatchObject({ ok: false, brokenAtSeq: before.rows + 1001, problem: 'edited' });
  });
});
