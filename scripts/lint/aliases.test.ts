import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceAliases } from './aliases.js';

const root = path.resolve(import.meta.dirname, '../..');

function compilerPaths(file: string): Record<string, string[]> {
  const { config } = ts.readConfigFile(path.join(root, file), (name) => readFileSync(name, 'utf8'));
  return (config as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths;
}

describe('the import aliases', () => {
  it.each(['tsconfig.base.json', 'tsconfig.node.json'])('are declared alike for the compiler in %s', (file) => {
    const paths = compilerPaths(file);
    for (const [alias, folder] of Object.entries(sourceAliases)) expect(paths[`${alias}/*`]).toEqual([`./${folder}/*`]);
  });
});
