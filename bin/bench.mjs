#!/usr/bin/env node
// `npm run bench -- [--scale commune|province|national|all] [--json] [--seed N]`: the benchmark runs
// the TypeScript services directly, like the command line.
import { register } from 'tsx/esm/api';
import { requireSupportedNode } from './nodeCheck.mjs';

requireSupportedNode('npm run bench -- …');
register();
const { main } = await import('../scripts/bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
