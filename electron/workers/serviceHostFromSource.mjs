// Starts the service host from its TypeScript source, for the tests, the test bridge and the
// benchmark, which run from a checkout. The application loads the built out/main/serviceHost.js.
import { register } from 'tsx/esm/api';

register();
await import('./serviceHost.ts');
