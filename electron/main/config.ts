import { contentSecurityPolicy, withStyleNonce } from '../../shared/csp';

/** The scheme the packaged renderer is served from, instead of file://, so 'self' means only the app's own files. */
export const appScheme = 'app';
export const appHost = 'so86';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export { contentSecurityPolicy, withStyleNonce };

/** Only the application's own top-level page may call the services. */
export function isTrustedRendererUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return parsed.origin === dev.origin;
  }
  return false;
}
