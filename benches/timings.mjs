// The browser timings of the last Chromium end-to-end run (tests/e2e/extension.test.mjs saves
// one row per summarised page to test-output/timings.json; the Firefox suite writes
// test-output/timings-firefox.json, given as FILE), as a table to quote: median and
// 95th percentile of click-to-panel wall time and of its split (extraction, core round trip,
// of which the wasm call, render). Also written beside FILE as <name>-summary.json.
//   node benches/timings.mjs [FILE]      (after scripts/test.sh)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] || path.join(REPO, 'test-output', 'timings.json');
if (!fs.existsSync(file)) {
  console.error(`${file} not found: run scripts/test.sh (the Chromium end-to-end suite writes it)`);
  process.exit(1);
}
const rows = JSON.parse(fs.readFileSync(file, 'utf8'));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const cols = [
  ['wall', 'click → rendered panel, in the page: from after the harness\'s tab lookup (checks.mjs summarise) to the panel, injection included'],
  ['total', 'extract + core + render, measured by the extension'],
  ['extract', 'finding the article (Readability on a clone, text maps)'],
  ['core', 'message round trip to the worker, summary included'],
  ['wasm', 'the summarize() call alone, in the worker'],
  ['render', 'building the panel'],
];
const summary = { pages: rows.length, source: path.relative(REPO, file) };
const browser = /firefox/i.test(path.basename(file)) ? 'Firefox' : 'Chromium';
console.log(`click-to-panel timings, ${browser} headless, ${rows.length} pages (ms)`);
console.log(`${'phase'.padEnd(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)}  what`);
for (const [c, what] of cols) {
  const xs = rows.map((r) => r[c]).filter((x) => typeof x === 'number' && !Number.isNaN(x));
  if (!xs.length) continue;
  summary[c] = { median: +pct(xs, 50).toFixed(1), p95: +pct(xs, 95).toFixed(1) };
  console.log(`${c.padEnd(8)} ${pct(xs, 50).toFixed(1).padStart(8)} ${pct(xs, 95).toFixed(1).padStart(8)}  ${what}`);
}
fs.writeFileSync(path.join(path.dirname(file), path.basename(file, '.json') + '-summary.json'), JSON.stringify(summary, null, 1) + '\n');
