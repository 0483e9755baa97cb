// The icons: one SVG source (assets/icon.svg), PNGs at the sizes the manifest names, and the
// committed PNGs are exactly what scripts/make-icons.mjs renders from the SVG now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { renderIcons, SIZES, OUT_DIR, SOURCE } from '../../scripts/make-icons.mjs';

const REPO = path.resolve(OUT_DIR, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'extension', 'manifest.json'), 'utf8'));
let hasResvg = true;
try {
  createRequire(import.meta.url).resolve('@resvg/resvg-js');
} catch {
  hasResvg = false;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  assert.equal(buf.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test('the manifest names a square PNG of each size, drawn from the one SVG', () => {
  assert.ok(fs.readFileSync(SOURCE, 'utf8').startsWith('<svg'), 'assets/icon.svg is the source');
  const named = { ...manifest.icons, ...manifest.action.default_icon };
  assert.deepEqual(Object.keys(manifest.icons).map(Number), SIZES);
  for (const [size, rel] of Object.entries(named)) {
    assert.equal(rel, `icons/icon-${size}.png`);
    assert.deepEqual(pngSize(fs.readFileSync(path.join(REPO, 'extension', rel))), [Number(size), Number(size)], rel);
  }
  const files = fs.readdirSync(OUT_DIR).sort();
  assert.deepEqual(files, SIZES.map((s) => `icon-${s}.png`).sort(), 'no stray files in extension/icons');
});

test('the committed PNGs are what scripts/make-icons.mjs renders from assets/icon.svg', { skip: !hasResvg && '@resvg/resvg-js not installed (npm ci)' }, async () => {
  const icons = await renderIcons();
  for (const size of SIZES) {
    const committed = fs.readFileSync(path.join(OUT_DIR, `icon-${size}.png`));
    assert.ok(committed.equals(icons[size]), `icon-${size}.png is stale: run node scripts/make-icons.mjs`);
  }
});
