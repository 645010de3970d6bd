import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const notes = readFileSync(path.join(root, 'docs', 'SECURITY.md'), 'utf8');

/** Every `path::test name` the security notes cite, in the order they cite them. */
function citedTests(text: string): { file: string; name: string }[] {
  return [...text.matchAll(/`([\w./-]+\.test\.ts)::([^`]+)`/g)].map(([, file, name]) => ({ file: file!, name: name! }));
}

/** The titles a test file gives its tests, as written between quotes after `it(`, `it.each(…)(` or `test(`. */
function testTitles(source: string): string[] {
  const titles: string[] = [];
  for (const [, quote, title] of source.matchAll(
    /\b(?:it|test)(?:\.each\((?:[^()]|\([^()]*\))*\))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g,
  )) {
    titles.push(title!.replace(new RegExp(`\\\\${quote}`, 'g'), quote!));
  }
  return titles;
}

describe('docs/SECURITY.md', () => {
  const cited = citedTests(notes);

  it('cites the tests behind its claims, among them one for each attack of the review', () => {
    const files = new Set(cited.map(({ file }) => file));
    for (const file of [
      'electron/cli/roles.cli.test.ts',
      'electron/cli/auditAnchor.cli.test.ts',
      'electron/services/storage/registry/rekey.test.ts',
      'electron/cli/backup.cli.test.ts',
      'electron/services/domain/exchange/attacks.test.ts',
      'shared/text/legacy.test.ts',
      'electron/cli/importing.cli.test.ts',
      'electron/main/packaging.test.ts',
    ]) {
      expect(files).toContain(file);
    }
  });

  it('names only tests that exist, by their file and their exact name', () => {
    const missing = cited.filter(({ file, name }) => {
      const source = path.join(root, file);
      return !existsSync(source) || !testTitles(readFileSync(source, 'utf8')).includes(name);
    });
    expect(missing).toEqual([]);
  });

  it('tells a renamed test from the one it cites', () => {
    expect(
      testTitles(
        "it('refuses a 2099 file', async () => {})\nit.each([1, 2])('takes %s', () => {})\ntest(\"it\\\"s fine\", () => {})",
      ),
    ).toEqual(['refuses a 2099 file', 'takes %s', 'it"s fine']);
    expect(testTitles("it('refuses a 2099 file, twice', () => {})")).not.toContain('refuses a 2099 file');
  });
});
