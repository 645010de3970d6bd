import { execFileSync } from 'node:child_process';

/** The Chromium the browser tests and the icon script drive: `CHROMIUM_PATH`, else Debian's `chromium`. */
export function chromiumPath(): string {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) return fromEnvironment;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Browser tests need Chromium: install Debian’s "chromium" package or set CHROMIUM_PATH.');
  }
}
