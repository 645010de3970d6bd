/**
 * The Content-Security-Policy of every page the application shows: only its own scripts,
 * fonts and images, no inline script, nothing remote, no framing. Inline styles are
 * refused too, except `<style>` elements carrying the page's one-time nonce: the UI
 * library writes its layout media queries that way.
 */
export function contentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' blob:",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const styleNonceMetaName = 'so86-style-nonce';

/** Writes the nonce into the page's placeholder meta element so the renderer can hand it to the UI library. */
export function withStyleNonce(html: string, styleNonce: string): string {
  const placeholder = `<meta name="${styleNonceMetaName}" content="" />`;
  if (!html.includes(placeholder)) throw new Error('The page has no style nonce placeholder');
  return html.replace(placeholder, `<meta name="${styleNonceMetaName}" content="${styleNonce}" />`);
}
