import { sourceMigrationsFolder, type OpenOptions } from '../../db/connection';
import { builtServiceHost } from '../../e2e/harness';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { errorSentence } from '../../shared/errors';
import { translatorIn } from '../../shared/i18n';
import { demoAdministrator } from '../../electron/services/application/demo/scenarios';
import { ServiceHostClient } from '../../electron/services/application/serviceHost/client';
import { appVersion } from '../../electron/services/storage/version';
import { ServicesProcess } from './servicesProcess';

/** Every figure is measured twice, on the encrypted registry and on the same work without encryption. */
export type Mode = 'encrypted' | 'plain';
export const modes: readonly Mode[] = ['encrypted', 'plain'];

export const benchPassword = 'mật khẩu đo hiệu năng 2026';

export function openOptionsFor(mode: Mode): OpenOptions {
  return mode === 'plain' ? { unencryptedBenchmarkOnly: true } : {};
}

let starting: Promise<ServicesProcess> | null = null;
let services: ServicesProcess | null = null;

/** The process every service host of the benchmark runs in, started with the first. */
export function servicesProcess(): Promise<ServicesProcess> {
  return (starting ??= ServicesProcess.start().then((started) => (services = started)));
}

/** The services process, when it runs: the jobs' memory is measured there. */
export function runningServicesProcess(): ServicesProcess | null {
  return services;
}

export async function stopServicesProcess(): Promise<void> {
  const running = starting;
  starting = null;
  services = null;
  await (await running)?.stop();
}

/**
 * The services as the application runs them: the built service host, a worker thread (of the
 * benchmark's services process), signed in.
 */
export class BenchHost {
  private constructor(readonly client: ServiceHostClient) {}

  static async open(databaseFile: string, mode: Mode): Promise<BenchHost> {
    const client = ServiceHostClient.start({
      entry: builtServiceHost(),
      startThread: (await servicesProcess()).startThread,
      config: { databaseFile, appVersion, openOptions: { ...openOptionsFor(mode), migrationsFolder: sourceMigrationsFolder } },
    });
    await client.ready();
    const host = new BenchHost(client);
    await host.call('session.unlock', { username: demoAdministrator.username, password: benchPassword });
    return host;
  }

  async call<Name extends CallName>(name: Name, input: CallInput<Name>): Promise<CallOutput<Name>> {
    const envelope = await this.client.dispatch(name, input);
    if (!envelope.ok)
      throw new Error(`${name} failed: ${envelope.error.code} ${errorSentence(envelope.error, translatorIn('vi'))}`);
    return envelope.value as CallOutput<Name>;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
