import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { sourceMigrationsFolder } from '@db/connection';

export const migrationsFolder = sourceMigrationsFolder;

/**
 * The fault writer as one JavaScript file for plain Node, built with esbuild (the compiler tsx
 * runs the command line with): starting it then takes a fraction of a second instead of the
 * second and a half tsx needs to load the services, which matters over hundreds of cycles.
 * The native SQLCipher module stays outside the bundle, loaded from node_modules.
 */
export async function bundleWriter(): Promise<string> {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'so86-writer-')), 'writer.mjs');
  const nativeModule = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as so86CreateRequire } from 'node:module'; const require = so86CreateRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'native-sqlcipher',
        setup: (builder) =>
          builder.onResolve({ filter: /^better-sqlite3-multiple-ciphers$/ }, () => ({ path: nativeModule, external: true })),
      },
    ],
  });
  return outfile;
}
