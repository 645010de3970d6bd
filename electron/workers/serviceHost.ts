import { parentPort, workerData } from 'node:worker_threads';
import { createDispatcher } from '../services/application/api/dispatch';
import { startBackupSchedule } from '../services/application/backupSchedule';
import { fileLogger, stderrLogger } from '../services/storage/log';
import type { FromHost, ServiceHostData, ToHost } from '../services/application/serviceHost/protocol';
import { AppSession } from '../services/application/session';

/*
 * The service host: the application's session and every service, in a worker thread, so that
 * an import, a backup or combining report files never holds up the main process. It answers the
 * calls `ServiceHostClient` forwards and sends the session's events back.
 */

if (!parentPort) throw new Error('The service host runs as a worker thread');
const port = parentPort;
const { config, lang, cancelFlags } = workerData as ServiceHostData;
const flags = new Int32Array(cancelFlags);

const session = new AppSession({
  databaseFile: config.databaseFile,
  appVersion: config.appVersion,
  ...(config.openOptions ? { openOptions: config.openOptions } : {}),
  training: config.training ?? false,
  watchIdle: config.watchIdle ?? false,
  checkAfterSigningIn: true,
  logger: config.logFile ? fileLogger(config.logFile) : stderrLogger,
});
session.lang = lang;
const dispatch = createDispatcher(session);
if (config.scheduleBackups) startBackupSchedule(session);

const slotOfJob = new Map<string, number>();
session.jobs.cancelledElsewhere = (jobId) => {
  const slot = slotOfJob.get(jobId);
  return slot !== undefined && Atomics.load(flags, slot) !== 0;
};

const send = (message: FromHost) => port.postMessage(message);
session.onEvent((name, payload) => send({ type: 'event', name, payload } as FromHost));

async function handle(message: ToHost): Promise<void> {
  switch (message.type) {
    case 'call': {
      if (message.job) slotOfJob.set(message.job.id, message.job.slot);
      try {
        send({ type: 'result', id: message.id, envelope: await dispatch(message.name, message.input) });
      } finally {
        if (message.job) slotOfJob.delete(message.job.id);
      }
      return;
    }
    case 'lock':
      session.lock(message.reason);
      return;
    case 'offerOpenedFile':
      session.offerOpenedFile(message.fileName, Buffer.from(message.content));
      return;
    case 'close':
      session.dispose();
      port.close();
      return;
  }
}

port.on('message', (message: ToHost) => void handle(message));
send({ type: 'ready' });
