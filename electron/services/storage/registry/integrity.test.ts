import { afterEach, describe, expect, it } from 'vitest';
import { openRegistryDatabase, type OpenRegistry } from '@db/connection';
import { addMember, databaseKeyOf, overwritePages, pagesOf } from '../../../testkit/backup';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';
import { checkIntegrity, quickCheckByTable } from './integrity';

const opened: { registry: OpenTestRegistry; handle?: OpenRegistry }[] = [];

afterEach(() => {
  for (const { registry, handle } of opened.splice(0)) {
    handle?.sqlite.close();
    registry.session.dispose();
  }
});

/** A locked registry of 60 members with long notes, so that its tables span many pages. */
async function lockedRegistry() {
  const registry = await openTestRegistry();
  const entry: (typeof opened)[number] = { registry };
  opened.push(entry);
  for (let number = 1; number <= 60; number += 1)
    await addMember(registry, { code: `DV-${number}`, fullName: `Lê Văn Bình ${number}`, notes: 'ghi chú '.repeat(60) });
  registry.session.lock();
  const open = () => {
    entry.handle = openRegistryDatabase(registry.databaseFile, databaseKeyOf(registry.databaseFile, registry.recoveryKey));
    return entry.handle.sqlite;
  };
  return { registry, open };
}

function runToEnd(steps: ReturnType<typeof quickCheckByTable>) {
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { verdict: next.value, yields };
    yields += 1;
  }
}

describe('the quick check one table at a time', () => {
  it('checks the schema and every table in turn, yielding between them, and finds an intact file intact', async () => {
    const { open } = await lockedRegistry();
    const sqlite = open();
    const tables = sqlite.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'`).pluck().get() as number;
    const { verdict, yields } = runToEnd(quickCheckByTable(sqlite));
    expect(yields).toBe(tables + 1);
    expect(verdict).toMatchObject({ depth: 'quick', ok: true, problems: [] });
    expect(verdict.pages).toBe(sqlite.pragma('page_count', { simple: true }));
  });

  // A table whose pages signing in never reads, and an index.
  it.each(['audit_log', 'members_search'])('finds an overwritten leaf page of %s, as the whole check does', async (name) => {
    const { registry, open } = await lockedRegistry();
    overwritePages(registry.databaseFile, pagesOf(registry.databaseFile, registry.recoveryKey, name, 'leaf').slice(1, 2));

    const sqlite = open();
    const { verdict } = runToEnd(quickCheckByTable(sqlite));
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.length).toBeGreaterThan(0);
    expect(checkIntegrity(sqlite, 'quick').ok).toBe(false);
  });
});
