// Renders appPackage/icons/*.svg to the PNGs the Teams manifest needs (color 192×192, outline
// 32×32 white on transparent) with Debian's Chromium. Run after editing the SVGs:
//   npx tsx scripts/make-icons.ts
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dir = resolve(import.meta.dirname, '..', 'appPackage');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (const [name, size] of [['color', 192], ['outline', 32]] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const svg = readFileSync(resolve(dir, 'icons', `${name}.svg`), 'utf8');
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: resolve(dir, `${name}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote appPackage/${name}.png (${size}×${size})`);
  }
} finally {
  await browser.close();
}
