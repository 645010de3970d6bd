import path from 'node:path';
import { startBridge } from '../electron/bridge/server';
import { defaultDatabaseFile } from '../electron/services/storage/paths';
import { startBackupSchedule } from '../electron/services/application/backupSchedule';
import { AppSession } from '../electron/services/application/session';
import { appVersion } from '../electron/services/storage/version';

/**
 * Serves the built renderer over the test bridge, for working on the UI in an ordinary browser: on
 * the registry file given, or else on the training registry, made with sample data if it is not there.
 */
const databaseFile = process.argv[2] ? path.resolve(process.argv[2]) : defaultDatabaseFile();
const session = new AppSession({ databaseFile, appVersion, checkAfterSigningIn: true });
if (!process.argv[2]) await session.setTraining(true);
startBackupSchedule(session);
const bridge = await startBridge({
  session,
  rendererFolder: path.resolve(import.meta.dirname, '..', 'out', 'renderer'),
  port: Number(process.env.PORT ?? 0),
});
console.log(`Sổ 86 (cầu nối thử nghiệm) — sổ dữ liệu: ${databaseFile}`);
console.log(bridge.url);
