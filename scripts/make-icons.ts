import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from './chromium';

/**
 * Draws `build/icon.svg` into the icons electron-builder takes: `icon.png` (512 px, Linux) and
 * `icon.ico` (256, 64, 48, 32 and 16 px, Windows and the installer). Run after changing the drawing:
 * `npx tsx scripts/make-icons.ts`.
 */
const buildFolder = path.resolve(import.meta.dirname, '..', 'build');
const icoSizes = [256, 64, 48, 32, 16];

async function renderPng(svg: string, size: number, browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
  );
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
}

/** An ICO file whose images are PNGs, which Windows reads since Vista. */
function icoOf(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const svg = readFileSync(path.join(buildFolder, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  writeFileSync(path.join(buildFolder, 'icon.png'), await renderPng(svg, 512, browser));
  const images = [];
  for (const size of icoSizes) images.push({ size, png: await renderPng(svg, size, browser) });
  writeFileSync(path.join(buildFolder, 'icon.ico'), icoOf(images));
} finally {
  await browser.close();
}
