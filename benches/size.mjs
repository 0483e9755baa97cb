// Size check: the gzipped size of the wasm module and of the extension's payload (the
// WebAssembly module, its JS bindings, our JavaScript and the vendored Readability: the
// code that ships, icons excluded, as it goes into the store packages: JavaScript without its
// comments, see `shippedBytes` in scripts/package.mjs), each file gzipped on its own with `gzip -9` (as a store
// zip deflates each entry; the same figure scripts/build.sh prints for the wasm). Node's own
// zlib at level 9 comes out about 3 % larger on the wasm; it is used only where gzip is missing. Exits 1 when over budget:
//   payload  ≤ 300 KB gzipped (the budget since the language data files: issues 13 and 16)
// The wasm module's own figure is printed for information (it is most of the payload).
// (KB = 1000 bytes.) Also lists the rest of the package (HTML, CSS, locales, licences) for
// information. Reads the built extension (scripts/build.sh first), the same file list as
// scripts/package.mjs. Part of scripts/test.sh, right after the build. The content script
// counts as its two joined files (pkg/panel.js, pkg/content.js: scripts/content-bundle.mjs).
// Last measured: wasm 262.2 KB, payload 298.5 KB gzipped (README "Size" has the account):
//   node benches/size.mjs         (npm run size)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { shippedFiles, shippedBytes, EXT_DIR } from '../scripts/package.mjs';

export const BUDGET = { payload: 300_000 };

function gz(data) {
  try {
    return execFileSync('gzip', ['-9c'], { input: data, maxBuffer: 64 << 20 }).length;
  } catch {
    return zlib.gzipSync(data, { level: 9 }).length;
  }
}
const kb = (n) => (n / 1000).toFixed(1).padStart(7) + ' KB';

function kind(name) {
  if (name === 'pkg/abridge_bg.wasm') return 'wasm';
  if (name === 'pkg/abridge.js') return 'bindings';
  if (name === 'pkg/content.js' || name === 'pkg/panel.js') return 'content';
  if (/^vendor\/.*\.js$/.test(name)) return 'vendor';
  if (/^icons\//.test(name)) return 'icons';
  if (/\.js$/.test(name)) return 'js';
  return 'other';
}

export function measure() {
  if (!fs.existsSync(path.join(EXT_DIR, 'pkg', 'abridge_bg.wasm'))) throw new Error('extension/pkg/abridge_bg.wasm not found: run scripts/build.sh first');
  const groups = {};
  for (const f of shippedFiles().files) {
    const k = kind(f.name);
    const g = (groups[k] = groups[k] || { files: 0, bytes: 0, gzip: 0 });
    g.files++;
    const data = shippedBytes(f.name, f.file);
    g.bytes += data.length;
    g.gzip += gz(data);
  }
  const payload = ['wasm', 'bindings', 'content', 'js', 'vendor'].reduce((n, k) => n + (groups[k] ? groups[k].gzip : 0), 0);
  return { groups, wasm: groups.wasm.gzip, payload };
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const m = measure();
  const label = {
    wasm: 'wasm module', bindings: 'wasm-bindgen JS', content: 'content script (pkg/)', js: 'our other JavaScript', vendor: 'Readability (vendor)',
    other: 'html, css, locales, licences', icons: 'icons (not counted)',
  };
  console.log(`${'part'.padEnd(30)} ${'files'.padStart(5)} ${'raw'.padStart(10)} ${'gzipped'.padStart(10)}`);
  for (const k of ['wasm', 'bindings', 'content', 'js', 'vendor', 'other', 'icons']) {
    const g = m.groups[k];
    if (g) console.log(`${label[k].padEnd(30)} ${String(g.files).padStart(5)} ${kb(g.bytes)} ${kb(g.gzip)}`);
  }
  const over = [];
  const line = (name, value, budget) => {
    const ok = value <= budget;
    if (!ok) over.push(name);
    console.log(`${name.padEnd(30)} ${kb(value)} gzipped   budget ${kb(budget)}   ${ok ? 'ok' : 'OVER by ' + kb(value - budget).trim()}`);
  };
  console.log(`${'wasm'.padEnd(30)} ${kb(m.wasm)} gzipped   (part of the payload)`);
  line('payload (wasm + JS + vendor)', m.payload, BUDGET.payload);
  if (over.length) {
    console.log(`size: over budget: ${over.join(', ')}`);
    process.exit(1);
  }
  console.log('size: within budget');
}
