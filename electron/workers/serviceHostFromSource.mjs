// Starts the service host from its TypeScript source, for the tests, the test bridge and the
// benchmark, which run from a checkout. The application loads the built out/main/serviceHost.js.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig names the import aliases (@shared, @db), wherever the command is started from.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./serviceHost.ts');
