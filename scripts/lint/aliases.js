// The import aliases: `@shared/…` and `@db/…` name the two folders every layer builds on, from any
// depth. tsconfig.base.json declares the same for the compiler and tsx (aliases.test.ts checks both agree).
import path from 'node:path';

export const sourceAliases = { '@shared': 'shared', '@db': 'db' };

/** The project path (relative to the root) an aliased specifier names, or null for any other specifier. */
export function aliasedPath(specifier) {
  for (const [alias, folder] of Object.entries(sourceAliases)) {
    if (specifier === alias || specifier.startsWith(`${alias}/`)) return folder + specifier.slice(alias.length);
  }
  return null;
}

/** The aliases as the bundler and the test runner take them: absolute folders. */
export function bundlerAliases(root) {
  return Object.fromEntries(Object.entries(sourceAliases).map(([alias, folder]) => [alias, path.resolve(root, folder)]));
}
