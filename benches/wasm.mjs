// Speed of the WebAssembly build in Node (the module the extension ships, build/pkg/, made by
// scripts/build.sh), called through its JS bindings: every time includes crossing the
// JS/wasm boundary both ways (the article string copied into wasm memory, the Summary built
// as a JS object).
//
//   node benches/wasm.mjs sizes [--json FILE]
//       The inputs of `cargo bench --bench speed` (benches/speed.rs): articles of
//       ../shared/eval/{cnndm,bbc-news-summary}/dev.jsonl concatenated as paragraphs and cut
//       at 1 KB, 10 KB, 100 KB, 1 MB and 5 MB (at a paragraph break), or the bundled seed
//       article repeated when ../shared is absent; median of at least 5 runs and 2 s per size.
//   node benches/wasm.mjs per-article FILE.jsonl [--lines] [--sentences N | --ratio R] [--n 300] [--reps 3] [--json FILE]
//       Milliseconds per article, timed as examples/per_article.rs and benches/peers.py time
//       theirs: one warm-up pass, then the best of --reps passes over the first --n records.
//
// Figures only; nothing is asserted (benches/run.sh prints them beside the native ones).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_EVAL = path.resolve(REPO, '..', 'shared', 'eval');
const PKG = path.join(REPO, 'build', 'pkg');

export async function loadCore() {
  const wasm = path.join(PKG, 'abridge_bg.wasm');
  if (!fs.existsSync(wasm)) throw new Error(`${wasm} not found: run scripts/build.sh first`);
  const m = await import(path.join(PKG, 'abridge.js'));
  m.initSync({ module: new WebAssembly.Module(fs.readFileSync(wasm)) });
  return m;
}

/** The text benches/speed.rs uses: {text, source}. */
export function corpus() {
  let text = '';
  for (const name of ['cnndm/dev.jsonl', 'bbc-news-summary/dev.jsonl']) {
    const file = path.join(SHARED_EVAL, name);
    if (!fs.existsSync(file)) continue;
    const parts = [];
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      parts.push(JSON.parse(line).article || '', '\n\n');
    }
    text += parts.join('');
  }
  if (!text) {
    const seed = fs.readFileSync(path.join(REPO, 'tests', 'fixtures', 'seed.txt'), 'utf8');
    const parts = [];
    let n = 0;
    while (n < 6_000_000) {
      parts.push(seed, '\n\n');
      n += Buffer.byteLength(seed) + 2;
    }
    return { text: parts.join(''), source: 'the bundled seed article, repeated (../shared/ absent)' };
  }
  return { text, source: 'articles from ../shared/eval/{cnndm,bbc-news-summary}/dev.jsonl' };
}

/** The first `n` bytes of `bytes` (UTF-8), cut at a paragraph break as benches/speed.rs `prefix` does. */
export function prefix(bytes, n) {
  let end = Math.min(n, bytes.length);
  while (end > 0 && end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--; // char boundary
  const head = bytes.subarray(0, end);
  const p = lastBreak(head);
  return (p > n / 2 ? head.subarray(0, p) : head).toString('utf8');
}

function lastBreak(buf) {
  for (let i = buf.length - 2; i >= 0; i--) if (buf[i] === 0x0a && buf[i + 1] === 0x0a) return i;
  return -1;
}

/** Median wall time (ms) of `f`, run at least 5 times and for at least `budgetMs` (at most 1000 runs). */
export function median(budgetMs, f) {
  const times = [];
  const start = performance.now();
  while (times.length < 5 || (performance.now() - start < budgetMs && times.length < 1000)) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const SIZES = [1_000, 10_000, 100_000, 1_000_000, 5_000_000];

export function human(n) {
  return n >= 1_000_000 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(0)} KB`;
}

async function sizes(json) {
  const core = await loadCore();
  const { text, source } = corpus();
  const bytes = Buffer.from(text, 'utf8');
  console.log(`input: ${source}`);
  console.log(`${'size'.padStart(8)} ${'wasm'.padStart(10)} ${'MB/s'.padStart(8)}`);
  const rows = [];
  for (const size of SIZES) {
    const input = prefix(bytes, size);
    const inBytes = Buffer.byteLength(input);
    let sink = 0;
    core.summarize({ text: input }, undefined); // warm-up
    const ms = median(2000, () => {
      sink += core.summarize({ text: input }, undefined).sentences.length;
    });
    if (!sink) throw new Error('no summary');
    rows.push({ size, bytes: inBytes, ms, mbps: inBytes / 1e6 / (ms / 1e3) });
    console.log(`${human(inBytes).padStart(8)} ${ms.toFixed(3).padStart(8)}ms ${(inBytes / 1e6 / (ms / 1e3)).toFixed(1).padStart(8)}`);
  }
  if (json) fs.writeFileSync(json, JSON.stringify({ source, rows }, null, 1));
}

async function perArticle(file, { lines, sentences, ratio, n, reps, json }) {
  const core = await loadCore();
  const articles = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, n)
    .map((l) => JSON.parse(l).article);
  const options = sentences ? { sentences } : ratio ? { ratio } : undefined;
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  let best = null;
  for (let rep = 0; rep <= reps; rep++) {
    const times = [];
    for (const text of articles) {
      const t = performance.now();
      const article = lines ? { paragraphs: text.split('\n') } : { text };
      core.summarize(article, options);
      times.push(performance.now() - t);
    }
    if (rep > 0 && (!best || mean(times) < mean(best))) best = times;
  }
  const sorted = [...best].sort((a, b) => a - b);
  const out = { n: articles.length, reps, mean_ms: mean(best), median_ms: sorted[Math.floor(sorted.length / 2)] };
  console.log(JSON.stringify(out));
  if (json) fs.writeFileSync(json, JSON.stringify(out));
}

function arg(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'sizes') {
    await sizes(arg(args, '--json'));
  } else if (mode === 'per-article' && args[0]) {
    await perArticle(args[0], {
      lines: args.includes('--lines'),
      sentences: arg(args, '--sentences') ? Number(arg(args, '--sentences')) : 0,
      ratio: arg(args, '--ratio') ? Number(arg(args, '--ratio')) : 0,
      n: Number(arg(args, '--n') || 300),
      reps: Number(arg(args, '--reps') || 3),
      json: arg(args, '--json'),
    });
  } else {
    console.error('usage: node benches/wasm.mjs sizes [--json FILE] | per-article FILE.jsonl [--lines] [--sentences N | --ratio R] [--n 300] [--reps 3] [--json FILE]');
    process.exit(2);
  }
}
