import path from 'node:path';
import { startBridge } from '../electron/bridge/server';
import { defaultDatabaseFile } from '../electron/services/storage/paths';
import { startBackupSchedule } from '../electron/services/application/backupSchedule';
import { AppSession } from '../electron/services/application/session';
import { appVersion } from '../electron/services/storage/version';

/** Serves the built renderer over the test bridge, for working on the UI in an ordinary browser. */
const databaseFile = process.argv[2] ? path.resolve(process.argv[2]) : defaultDatabaseFile();
const session = new AppSession({ databaseFile, appVersion, training: !process.argv[2], checkAfterSigningIn: true });
startBackupSchedule(session);
const bridge = await startBridge({
  session,
  rendererFolder: path.resolve(import.meta.dirname, '..', 'out', 'renderer'),
  port: Number(process.env.PORT ?? 0),
});
console.log(`Sổ 86 (cầu nối thử nghiệm) — sổ dữ liệu: ${databaseFile}`);
console.log(bridge.url);
