#!/usr/bin/env node
// `npm run bench -- [--scale commune|province|national|all] [--json] [--seed N]`: the benchmark runs
// the TypeScript services directly, like the command line.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { requireSupportedNode } from './nodeCheck.mjs';

requireSupportedNode('npm run bench -- …');
// The project's tsconfig names the import aliases (@shared, @db), wherever the command is started from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../scripts/bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
