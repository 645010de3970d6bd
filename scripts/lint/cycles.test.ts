import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { circles, importGraph } from './importGraph';

const root = path.resolve(import.meta.dirname, '../..');

describe('the import graph', () => {
  it('has no circle anywhere in shared, db, electron and renderer', () => {
    const graph = importGraph(root, ['shared', 'db', 'electron', 'renderer']);
    expect(graph.size).toBeGreaterThan(300);
    expect(circles(graph).map((circle) => circle.join(' → '))).toEqual([]);
  });

  it('finds every circle of a tangled graph, each ending where it starts', () => {
    const graph = new Map([
      ['registry', ['upgrade', 'identity']],
      ['upgrade', ['create']],
      ['create', ['registry']],
      ['identity', ['registry']],
      ['self', ['self']],
      ['report', ['registry']],
    ]);
    expect(circles(graph)).toEqual([
      ['create', 'registry', 'upgrade', 'create'],
      ['identity', 'registry', 'identity'],
      ['self', 'self'],
    ]);
  });

  it('follows re-exports, dynamic imports, type-only imports, folder indexes and .js names of .ts files', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'so86-graph-'));
    const write = (name: string, text: string) => {
      mkdirSync(path.dirname(path.join(folder, 'src', name)), { recursive: true });
      writeFileSync(path.join(folder, 'src', name), text);
    };
    write('a.ts', "export { b } from './b';\n");
    write('b.ts', "export const b = () => import('./c');\n");
    write('c.ts', "import type { D } from './d';\nexport type C = D;\n");
    write('d/index.ts', "import '../a.js';\nexport type D = string;\n");
    write('e.ts', "import { z } from 'zod';\nexport const e = z;\n");
    expect(circles(importGraph(folder, ['src']))).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d/index.ts', 'src/a.ts']]);
  });
});
