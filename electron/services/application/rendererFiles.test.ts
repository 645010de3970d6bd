import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaTypeOf, resolveRendererFile } from './rendererFiles';

describe('the renderer files', () => {
  it('serves module files, such as the PDF preview worker, as JavaScript so a module worker may load them', () => {
    expect(mediaTypeOf('assets/pdf.worker.min-Bx1.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mediaTypeOf('assets/index.js')).toBe('text/javascript; charset=utf-8');
    expect(mediaTypeOf('assets/unknown.bin')).toBe('application/octet-stream');
  });

  it('never resolves a path that leaves the renderer folder', () => {
    const folder = path.resolve('/srv/renderer');
    expect(resolveRendererFile(folder, '/assets/pdf.worker.min.mjs')).toBe(path.join(folder, 'assets', 'pdf.worker.min.mjs'));
    expect(resolveRendererFile(folder, '/../secret')).toBeNull();
    expect(resolveRendererFile(folder, '/%2e%2e/secret')).toBeNull();
  });
});
