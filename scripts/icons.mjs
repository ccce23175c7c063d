// Draws the PNG app icons (home-screen install needs 192 and 512 px PNGs)
// from public/icons/favicon.svg with headless Chromium. Run once after the
// logo changes: node scripts/icons.mjs
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('public/icons/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [name, size, padding, background] of [
  ['icon-192.png', 192, 0, 'transparent'],
  ['icon-512.png', 512, 0, 'transparent'],
  // Maskable: the logo inside the 80% safe zone on a full-bleed background.
  ['icon-maskable-512.png', 512, 0.1, '#1d70b8'],
]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * padding));
  await page.setContent(
    `<html><body style="margin:0;background:${background};display:flex;align-items:center;justify-content:center;width:${size}px;height:${size}px">` +
      svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
      '</body></html>',
  );
  await page.screenshot({ path: `public/icons/${name}`, omitBackground: background === 'transparent' });
}
await browser.close();
console.log('icons written to public/icons');
