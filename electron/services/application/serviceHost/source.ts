/**
 * The service host run from its TypeScript source (tests, the test bridge, the benchmark). Kept
 * out of the client's module so the application's bundle never refers to the source tree.
 */
export const serviceHostSource = new URL('../../../workers/serviceHostFromSource.mjs', import.meta.url);
