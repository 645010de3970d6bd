import os from 'node:os';
import path from 'node:path';

export const applicationFolderName = 'So86';
export const registryFileName = 'so86.db';
export const trainingRegistryFileName = 'so86-training.db';

/**
 * Where the registry lives when no `--db` is given: the per-user application data folder
 * the platform expects (%APPDATA% on Windows), or SO86_DATA_DIR when set.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.SO86_DATA_DIR) return path.resolve(env.SO86_DATA_DIR);
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), applicationFolderName);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', applicationFolderName);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), applicationFolderName);
}

export function defaultDatabaseFile(options: { training?: boolean; env?: NodeJS.ProcessEnv } = {}): string {
  return path.join(defaultDataDir(options.env), options.training ? trainingRegistryFileName : registryFileName);
}
