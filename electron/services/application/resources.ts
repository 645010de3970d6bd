import path from 'node:path';

export interface RuntimeLayout {
  /** True inside an installed application (Electron's `app.isPackaged`). */
  packaged: boolean;
  /** Electron's `process.resourcesPath`: the folder beside app.asar. */
  resourcesPath: string;
  /** Electron's `app.getAppPath()`: the project root from a checkout, app.asar when installed. */
  appPath: string;
}

export interface ResourcePaths {
  migrationsFolder: string;
  rendererFolder: string;
}

/**
 * Where the Electron application's own files are, installed or running from a checkout.
 * (The command line and the tests run under Node from the checkout and use the defaults.)
 */
export function resourcePaths(layout: RuntimeLayout): ResourcePaths {
  if (layout.packaged) {
    return {
      migrationsFolder: path.join(layout.resourcesPath, 'migrations'),
      rendererFolder: path.join(layout.appPath, 'out', 'renderer'),
    };
  }
  return {
    migrationsFolder: path.join(layout.appPath, 'db', 'migrations'),
    rendererFolder: path.join(layout.appPath, 'out', 'renderer'),
  };
}
