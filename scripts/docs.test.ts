import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../shared/i18n';
import { columnLabelKey, memberColumns, tripColumns, type ImportColumn } from '../shared/importing/columns';
import { crossingColumns } from '../shared/reconcile/columns';

const root = path.resolve(import.meta.dirname, '..');

function markdownFilesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return markdownFilesUnder(relative);
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

const documents = ['README.md', ...markdownFilesUnder('docs')];

/** The text a reader sees as prose: fenced blocks hold examples and usage lines, not references. */
function proseOf(file: string): string {
  return readFileSync(path.join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '');
}

function linksOf(file: string): string[] {
  return [...proseOf(file).matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
}

/** Folders a build or a test run makes, listed in .gitignore: the docs may name them though a checkout lacks them. */
const generatedFolders = readFileSync(path.join(root, '.gitignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.endsWith('/'));

const repositoryFolders = ['shared/', 'db/', 'electron/', 'renderer/', 'scripts/', 'docs/', 'bin/', 'e2e/', 'build/'];

/** Code spans that name a file or folder of the repository: `shared/rules/dates.ts`, not `so86 status` or `<unit>/x`. */
function quotedPathsOf(file: string): string[] {
  return [...proseOf(file).matchAll(/`([^`\n]+)`/g)]
    .map((match) => match[1]!)
    .filter((span) => repositoryFolders.some((folder) => span.startsWith(folder)) && !/[\s<>*{}|]/.test(span));
}

describe('the documentation', () => {
  it.each(documents)('%s links only to files of the repository that exist', (file) => {
    const broken = linksOf(file).filter((link) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return file === 'README.md';
      const target = link.split('#')[0]!;
      if (target === '') return false;
      const resolved = path.resolve(root, path.dirname(file), target);
      return !resolved.startsWith(root + path.sep) || !existsSync(resolved);
    });
    expect(broken).toEqual([]);
  });

  it.each(documents)('%s names only repository paths that exist', (file) => {
    const missing = quotedPathsOf(file).filter(
      (quoted) => !generatedFolders.some((folder) => quoted.startsWith(folder)) && !existsSync(path.join(root, quoted)),
    );
    expect(missing).toEqual([]);
  });

  it('finds the links and paths it checks', () => {
    expect(linksOf('README.md')).toContain('docs/FORMATS.md');
    expect(linksOf('docs/FORMATS.md')).toContain('formats/import-files.md');
    expect(quotedPathsOf('docs/formats/import-files.md')).toContain('shared/importing/columns.ts');
  });
});

interface DocumentedColumn {
  key: string;
  header: string;
  aliases: string[];
  required: string;
}

/** The table that follows `<!-- columns: NAME -->` in a format document. */
function documentedColumns(file: string, name: string): DocumentedColumn[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const start = text.indexOf(`<!-- columns: ${name} -->`);
  expect(start, `${file} marks the table of ${name}`).toBeGreaterThanOrEqual(0);
  const rows = text.slice(start).split('\n').slice(1);
  const table = rows
    .slice(
      0,
      rows.findIndex((row) => !row.startsWith('|')),
    )
    .slice(2);
  return table.map((row) => {
    const [key, header, aliases, required] = row
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim());
    return {
      key: key!.replace(/`/g, ''),
      header: header!,
      aliases: aliases === '—' ? [] : aliases!.split('; '),
      required: required!,
    };
  });
}

function declared(columns: readonly ImportColumn[]): DocumentedColumn[] {
  return columns.map((column) => ({
    key: column.key,
    header: translate('vi', columnLabelKey(column)),
    aliases: [...(column.aliases ?? [])],
    required: column.exportOnly ? 'export only: ignored on import' : column.required ? 'yes' : '—',
  }));
}

describe('the import columns in the docs', () => {
  it.each([
    ['docs/formats/import-files.md', 'members', memberColumns],
    ['docs/formats/import-files.md', 'trips', tripColumns],
    ['docs/formats/border-crossing-list.md', 'crossing', crossingColumns],
  ] as const)('%s lists the %s columns the importer declares, in order, with their headers', (file, name, columns) => {
    expect(documentedColumns(file, name)).toEqual(declared(columns));
  });
});
