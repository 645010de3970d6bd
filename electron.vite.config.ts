import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { bundlerAliases } from './scripts/lint/aliases.js';

const root = import.meta.dirname;
const sourceAliases = bundlerAliases(root);

export default defineConfig({
  main: {
    resolve: { alias: sourceAliases },
    build: {
      outDir: 'out/main',
      // The services run in a worker thread: its entry is built beside the main process's, as out/main/serviceHost.js.
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/index.ts'), serviceHost: resolve(root, 'electron/workers/serviceHost.ts') },
      },
    },
  },
  preload: {
    resolve: { alias: sourceAliases },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: everything it uses is bundled into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    resolve: { alias: sourceAliases },
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
