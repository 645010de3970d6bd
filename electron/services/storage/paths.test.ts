import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultDatabaseFile } from './paths';

describe('the data folder', () => {
  it('is where each platform keeps per-user application data', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\Hoa\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Hoa')).toBe(
      'C:\\Users\\Hoa\\AppData\\Roaming\\So86',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\Hoa')).toBe('C:\\Users\\Hoa\\AppData\\Roaming\\So86');
    expect(defaultDataDir({}, 'darwin', '/Users/hoa')).toBe('/Users/hoa/Library/Application Support/So86');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/hoa/.cfg' }, 'linux', '/home/hoa')).toBe('/home/hoa/.cfg/So86');
    expect(defaultDataDir({}, 'linux', '/home/hoa')).toBe('/home/hoa/.config/So86');
  });

  it('can be moved with SO86_DATA_DIR, and the training registry is a separate file', () => {
    expect(defaultDataDir({ SO86_DATA_DIR: '/srv/so86' }, 'win32', 'C:\\x')).toBe(path.resolve('/srv/so86'));
    const env = { SO86_DATA_DIR: '/srv/so86' };
    expect(defaultDatabaseFile({ env })).toBe(path.join(path.resolve('/srv/so86'), 'so86.db'));
    expect(defaultDatabaseFile({ env, training: true })).toBe(path.join(path.resolve('/srv/so86'), 'so86-training.db'));
  });
});
