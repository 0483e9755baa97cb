#!/usr/bin/env node
// Renders the extension's icons, extension/icons/icon-<size>.png at 16, 32, 48 and 128 px,
// from their one source, assets/icon.svg, with resvg (the npm package @resvg/resvg-js, a
// dev dependency). The PNGs are committed, so building the extension does not need this;
// rerun it after changing the SVG (`npm run icons`). tests/node/icons.test.mjs fails when
// the committed PNGs are not what this script renders from the SVG.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = path.join(REPO, 'assets', 'icon.svg');
export const OUT_DIR = path.join(REPO, 'extension', 'icons');
export const SIZES = [16, 32, 48, 128];

/** `{size: PNG bytes}` rendered from the SVG source. */
export async function renderIcons() {
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = fs.readFileSync(SOURCE);
  const out = {};
  for (const size of SIZES) {
    const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
    out[size] = resvg.render().asPng();
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const icons = await renderIcons();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [size, png] of Object.entries(icons)) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, png);
    console.log(`wrote ${path.relative(REPO, file)} (${png.length} bytes)`);
  }
}
