import { sourceMigrationsFolder, type OpenOptions } from '../../db/connection';
import { builtServiceHost } from '../../e2e/harness';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { errorSentence } from '../../shared/errors';
import { translatorIn } from '../../shared/i18n';
import { demoAdministrator } from '../../electron/services/application/demo/scenarios';
import { ServiceHostClient } from '../../electron/services/application/serviceHost/client';
import { appVersion } from '../../electron/services/storage/version';
import type { MeasuredProcess } from './measure';
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
let openHosts = 0;

/**
 * The process the benchmark's service hosts run in: started with the first, stopped when the last
 * closes, so that each registry's work is measured in a process as fresh as the application's
 * after it starts, without what the hosts before it left behind.
 */
export function servicesProcess(): Promise<ServicesProcess> {
  return (starting ??= ServicesProcess.start().then((started) => (services = started)));
}

/** The services process, when it runs. */
export function runningServicesProcess(): ServicesProcess | null {
  return services;
}

/** The peak of the services processes stopped since the high-water mark was last restarted. */
let stoppedPeakMb = 0;

/** Where the jobs' memory is measured: the services process, and those stopped during the job. */
export const servicesMemory: MeasuredProcess = {
  restartPeak() {
    stoppedPeakMb = 0;
    services?.restartPeak();
  },
  peakRssMb() {
    return Math.max(stoppedPeakMb, services?.peakRssMb() ?? 0);
  },
};

export async function stopServicesProcess(): Promise<void> {
  const running = await starting;
  starting = null;
  services = null;
  if (!running) return;
  stoppedPeakMb = Math.max(stoppedPeakMb, running.peakRssMb());
  await running.stop();
}

/**
 * The services as the application runs them: the built service host, a worker thread (of the
 * benchmark's services process), signed in.
 */
export class BenchHost {
  private constructor(readonly client: ServiceHostClient) {}

  static async open(databaseFile: string, mode: Mode): Promise<BenchHost> {
    openHosts += 1;
    const client = ServiceHostClient.start({
      entry: builtServiceHost(),
      startThread: (await servicesProcess()).startThread,
      config: { databaseFile, appVersion, openOptions: { ...openOptionsFor(mode), migrationsFolder: sourceMigrationsFolder } },
    });
    const host = new BenchHost(client);
    try {
      await client.ready();
      await host.call('session.unlock', { username: demoAdministrator.username, password: benchPassword });
    } catch (error) {
      await host.close();
      throw error;
    }
    return host;
  }

  async call<Name extends CallName>(name: Name, input: CallInput<Name>): Promise<CallOutput<Name>> {
    const envelope = await this.client.dispatch(name, input);
    if (!envelope.ok)
      throw new Error(`${name} failed: ${envelope.error.code} ${errorSentence(envelope.error, translatorIn('vi'))}`);
    return envelope.value as CallOutput<Name>;
  }

  async close(): Promise<void> {
    await this.client.close();
    openHosts -= 1;
    if (openHosts === 0) await stopServicesProcess();
  }
}
