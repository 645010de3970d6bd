import { defineConfig } from 'vitest/config';
import { bundlerAliases } from '../scripts/lint/aliases.js';

export default defineConfig({
  resolve: { alias: bundlerAliases(`${import.meta.dirname}/..`) },
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
