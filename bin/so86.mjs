#!/usr/bin/env node
// The `so86` command runs the TypeScript services directly, so it needs no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { requireSupportedNode } from './nodeCheck.mjs';

requireSupportedNode('npx so86 …');
// The project's tsconfig names the import aliases (@shared, @db), wherever the command is started from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../electron/cli/main.ts');
const { terminalIo } = await import('../electron/cli/terminal.ts');
process.exitCode = await main(process.argv.slice(2), terminalIo);
