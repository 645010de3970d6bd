import { defineConfig } from 'vitest/config';
import { bundlerAliases } from './scripts/lint/aliases.js';

export default defineConfig({
  resolve: { alias: bundlerAliases(import.meta.dirname) },
  test: {
    include: ['shared/**/*.test.ts', 'db/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
