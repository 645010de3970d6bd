import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isTrustedRendererUrl, withStyleNonce } from './config';

describe('the shell configuration', () => {
  it('has a policy that allows only the application’s own resources', () => {
    const policy = contentSecurityPolicy('bm9uY2U=');
    const directives = Object.fromEntries(
      policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('puts the nonce into the page the renderer is built from', () => {
    const page = readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    expect(withStyleNonce(page, 'abc')).toContain('<meta name="so86-style-nonce" content="abc" />');
    expect(() => withStyleNonce('<html></html>', 'abc')).toThrow();
  });

  it('trusts only the application’s own origin', () => {
    expect(isTrustedRendererUrl('app://so86/index.html', undefined)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('not a url', undefined)).toBe(false);
  });
});
