import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';

interface ScanResult {
  errors: unknown[];
  issues: { id: string; file: string; location: { line: number } }[];
}

const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<ScanResult>;

describe('the Electronegativity scan of the shell', () => {
  it('finds nothing in electron/ (each deliberate exception is justified by an eng-disable comment beside it)', async () => {
    const result = await runElectronegativity({
      input: path.resolve(import.meta.dirname, '..'),
      isRelative: true,
      electronVersionOverride: packageJson.devDependencies.electron,
    });
    expect(result.errors).toEqual([]);
    expect(result.issues.map((issue) => `${issue.id} ${issue.file}:${issue.location.line}`)).toEqual([]);
  }, 120_000);
});
