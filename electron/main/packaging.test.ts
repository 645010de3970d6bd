import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { PlatformPackager, type FuseOptionsV1 } from 'app-builder-lib';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { resourcePaths } from '../services/application/resources';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Electron gives security fixes to its three newest major versions and releases a new major every
 * 8 weeks. The pinned major's first stable release (from the npm registry: `npm view electron time`)
 * tells when it falls out of that window: once three newer majors are due by that cadence, about
 * 24 weeks later. Change this together with the pin.
 */
const pinnedMajorFirstRelease = { major: 45, date: '2026-10-21' };
const supportedElectronMajors = 3;
const weeksBetweenMajors = 8;

interface BuilderConfig {
  asar: boolean;
  npmRebuild: boolean;
  buildDependenciesFromSource?: boolean;
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  publish: unknown;
  win: { target: string[]; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean; installerLanguages: string[]; installerIcon: string };
  linux: { target: string[]; icon: string };
  fileAssociations: { ext: string; name: string }[];
  electronFuses: FuseOptionsV1;
}

const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('the installer configuration', () => {
  it('builds a per-user Vietnamese NSIS installer and a portable build for Windows, AppImage and deb for Linux, and publishes nothing', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['vi_VN'],
    });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.publish).toBeNull();
    expect(config.productName).toBe(packageJson.productName);
  });

  it('gives the application, its installer and its files the icon drawn in build/icon.svg, at the sizes Windows asks for', () => {
    const ico = readFileSync(path.join(root, config.win.icon));
    expect(config.nsis.installerIcon).toBe(config.win.icon);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => ico.readUInt8(6 + 16 * index) || 256);
    expect(sizes).toEqual(expect.arrayContaining([256, 48, 32, 16]));
    const png = readFileSync(path.join(root, config.linux.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageJson.description).toMatch(/Quy định 86/);
  });

  it('pins an Electron major that still gets security fixes', () => {
    const pinned = packageJson.devDependencies.electron;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const major = Number(pinned.split('.')[0]);
    expect(major).toBe(pinnedMajorFirstRelease.major);
    const weeksSinceRelease = (Date.now() - Date.parse(`${pinnedMajorFirstRelease.date}T00:00:00Z`)) / (7 * 24 * 3600 * 1000);
    const newerMajorsDue = Math.floor(weeksSinceRelease / weeksBetweenMajors);
    expect({ major, newerMajorsDue }).toEqual({
      major,
      newerMajorsDue: expect.toSatisfy((due: number) => due < supportedElectronMajors),
    });
  });

  it('packs the application into app.asar and ships the SQLCipher module’s own Node-API binary, unpacked and not rebuilt', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBeUndefined();
    const binding = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
    const bindingPackage = JSON.parse(readFileSync(path.join(binding, 'package.json'), 'utf8')) as {
      version: string;
      gypfile?: boolean;
      scripts?: Record<string, string>;
    };
    expect(bindingPackage.version).toBe(packageJson.dependencies['better-sqlite3-multiple-ciphers']);
    // Nothing is compiled at install: no install script, no implicit node-gyp run, the binaries come in the npm tarball.
    expect(bindingPackage.gypfile).toBe(false);
    expect(Object.keys(bindingPackage.scripts ?? {}).filter((name) => /^(pre|post)?install$/.test(name))).toEqual([]);
    expect(existsSync(path.join(binding, 'prebuilds', 'win32-x64.node'))).toBe(true);
    expect(existsSync(path.join(binding, 'prebuilds', 'linux-x64.node'))).toBe(true);
  });

  it('keeps the native SQLCipher module outside the asar archive and ships the migrations as resources', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**');
    expect(config.extraResources).toContainEqual({ from: 'db/migrations', to: 'migrations' });
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']));
  });

  it('never packages the test bridge or the sources', () => {
    expect(config.files.some((pattern) => /bridge|^electron\/|^shared\/|^e2e/.test(pattern))).toBe(false);
    const mainBundle = readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');
    expect(mainBundle).not.toMatch(/bridge/);
  });

  it('flips the fuses: no running as Node, no NODE_OPTIONS, no inspector, only the checked app.asar', async () => {
    // The options pass through electron-builder's own translation, so a misspelt option (which it drops silently) fails here.
    const generateFuseConfig = (
      PlatformPackager.prototype as unknown as { generateFuseConfig(fuses: FuseOptionsV1): Promise<Record<string, unknown>> }
    ).generateFuseConfig;
    expect(await generateFuseConfig(config.electronFuses)).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: undefined,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('associates .so86 report files with the application', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'so86' })]);
  });
});

describe('finding the application’s own files', () => {
  it('uses the resources folder beside app.asar when installed', () => {
    const installed = resourcePaths({
      packaged: true,
      resourcesPath: 'C:\\Users\\a\\AppData\\Local\\Programs\\so86\\resources',
      appPath: 'C:\\Users\\a\\AppData\\Local\\Programs\\so86\\resources\\app.asar',
    });
    expect(installed.migrationsFolder).toBe(path.join('C:\\Users\\a\\AppData\\Local\\Programs\\so86\\resources', 'migrations'));
    expect(installed.rendererFolder).toBe(
      path.join('C:\\Users\\a\\AppData\\Local\\Programs\\so86\\resources\\app.asar', 'out', 'renderer'),
    );
  });

  it('uses the checkout when run from source', () => {
    const fromSource = resourcePaths({ packaged: false, resourcesPath: '/usr/lib/electron/resources', appPath: root });
    expect(fromSource.migrationsFolder).toBe(path.join(root, 'db', 'migrations'));
    expect(fromSource.rendererFolder).toBe(path.join(root, 'out', 'renderer'));
  });
});
