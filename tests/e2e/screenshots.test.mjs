// The store screenshots script (scripts/screenshots.mjs) works: it writes 1280×800 PNGs of
// the panel on tests/pages/store-article.html, light, dark, with a highlighted sentence and
// with the browser in French, each a different picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { takeScreenshots, WIDTH, HEIGHT } from '../../scripts/screenshots.mjs';
import { chromiumPath } from './lib/browser.mjs';
import { EXT_DIR } from './lib/shared.mjs';

const built = fs.existsSync(path.join(EXT_DIR, 'pkg', 'abridge_bg.wasm'));
const skip = (!chromiumPath() && 'chromium not installed (scripts/setup.sh test installs it)') || (!built && 'extension not built (scripts/build.sh)');

test('store screenshots: four distinct 1280×800 PNGs and the side panel, light and dark', { skip, timeout: 120000 }, async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'abridge-shots-'));
  try {
    const files = await takeScreenshots({ outDir: out });
    assert.deepEqual(files.map((f) => path.basename(f)), [
      'abridge-light.png', 'abridge-dark.png', 'abridge-highlight.png', 'abridge-sidepanel-light.png', 'abridge-sidepanel-dark.png', 'abridge-fr.png',
    ]);
    const hashes = new Set();
    for (const f of files) {
      const png = fs.readFileSync(f);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', f);
      // The side panel is captured alone, at the size Chromium gives it.
      if (f.includes('sidepanel')) assert.ok(png.readUInt32BE(16) >= 300 && png.readUInt32BE(20) >= 400, f);
      else assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [WIDTH, HEIGHT], f);
      hashes.add(crypto.createHash('sha256').update(png).digest('hex'));
    }
    assert.equal(hashes.size, files.length, 'each screenshot shows something else');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
