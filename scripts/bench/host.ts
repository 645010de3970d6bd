import type { OpenOptions } from '../../db/connection';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { errorSentence } from '../../shared/errors';
import { translatorIn } from '../../shared/i18n';
import { demoAdministrator } from '../../electron/services/application/demo/scenarios';
import { ServiceHostClient } from '../../electron/services/application/serviceHost/client';
import { serviceHostSource } from '../../electron/services/application/serviceHost/source';
import { appVersion } from '../../electron/services/storage/version';

/** Every figure is measured twice, on the encrypted registry and on the same work without encryption. */
export type Mode = 'encrypted' | 'plain';
export const modes: readonly Mode[] = ['encrypted', 'plain'];

export const benchPassword = 'mật khẩu đo hiệu năng 2026';

export function openOptionsFor(mode: Mode): OpenOptions {
  return mode === 'plain' ? { unencryptedBenchmarkOnly: true } : {};
}

/** The services as the application runs them: in the service host, a worker thread, signed in. */
export class BenchHost {
  private constructor(readonly client: ServiceHostClient) {}

  static async open(databaseFile: string, mode: Mode): Promise<BenchHost> {
    const client = ServiceHostClient.start({
      entry: serviceHostSource,
      config: { databaseFile, appVersion, openOptions: openOptionsFor(mode) },
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
