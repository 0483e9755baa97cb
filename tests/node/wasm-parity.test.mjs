// The WebAssembly build (www/pkg, the same files as extension/pkg) returns the same Summary
// as the native CLI's --json, on the bundled article and on every hard case.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = path.join(REPO, 'www', 'pkg');
const built = fs.existsSync(path.join(PKG, 'abridge_bg.wasm'));
const skip = !built && 'wasm not built (run scripts/build.sh)';

let wasm;
let cli;

before(() => {
  if (skip) return;
  // Build the native CLI once (release, like the README's CLI), then run the binary directly.
  execFileSync('cargo', ['build', '--locked', '--quiet', '--release', '--bin', 'abridge'], { cwd: REPO, stdio: 'inherit' });
  cli = path.join(REPO, 'target', 'release', 'abridge');
});

async function loadWasm() {
  if (!wasm) {
    wasm = await import(path.join(PKG, 'abridge.js'));
    wasm.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(PKG, 'abridge_bg.wasm'))) });
  }
  return wasm;
}

function native(file, title) {
  const args = [file, '--json'];
  if (title) args.push('--title', title);
  return JSON.parse(execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

// The core breaks ties between equally scored keywords in hash-map order, which differs
// between a 64-bit native build and 32-bit wasm (hashes are word-sized), so equal-score
// keywords are compared as a set, and at the cut-off (a full list) only by score.
const KEYWORDS = 8;
function canonicalKeywords(list) {
  const key = (k) => k.score.toFixed(9);
  const sorted = [...list].sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  if (list.length < KEYWORDS || !sorted.length) return sorted;
  const last = key(sorted[sorted.length - 1]);
  return sorted.map((k) => (key(k) === last ? { score: k.score, text: '(tie at the cut)', count: 0 } : k));
}

function canonical(summary) {
  return { ...summary, keywords: canonicalKeywords(summary.keywords) };
}

/** Deep equality, numbers equal to 1e-9 (libm may differ in the last bits between targets). */
function assertSame(actual, expected, where = '$') {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tol = 1e-9 * Math.max(1, Math.abs(expected));
    assert.ok(Math.abs(actual - expected) <= tol, `${where}: ${actual} != ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    assert.equal(actual, expected, where);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: not an array`);
    assert.equal(actual.length, expected.length, `${where}.length`);
    expected.forEach((e, i) => assertSame(actual[i], e, `${where}[${i}]`));
    return;
  }
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${where}: keys`);
  for (const k of Object.keys(expected)) assertSame(actual[k], expected[k], `${where}.${k}`);
}

test('seed article: wasm == native CLI', { skip }, async () => {
  const { summarize } = await loadWasm();
  const file = path.join(REPO, 'tests', 'fixtures', 'seed.txt');
  const got = summarize({ text: fs.readFileSync(file, 'utf8') }, {});
  const want = native(file);
  assert.ok(want.sentences.length > 0);
  assertSame(canonical(got), canonical(want));
});

const casesDir = path.join(REPO, 'tests', 'fixtures', 'cases');
const cases = fs.readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort();

test(`hard cases (${cases.length}): wasm == native CLI`, { skip }, async (t) => {
  assert.ok(cases.length > 0);
  const { summarize } = await loadWasm();
  const tmp = fs.mkdtempSync(path.join(REPO, 'target', 'parity-'));
  try {
    for (const name of cases) {
      await t.test(name, () => {
        const c = JSON.parse(fs.readFileSync(path.join(casesDir, name), 'utf8'));
        const file = path.join(tmp, name.replace(/\.json$/, '.txt'));
        fs.writeFileSync(file, c.input);
        let want;
        let wantErr = null;
        try {
          want = native(file, c.title);
        } catch (e) {
          wantErr = String(e.stderr || e.message);
        }
        const article = { text: c.input };
        if (c.title) article.title = c.title;
        if (wantErr !== null) {
          assert.throws(() => summarize(article, {}), (e) => typeof e.name === 'string' && e.message.length > 0, `CLI failed (${wantErr}); wasm must throw too`);
          return;
        }
        assertSame(canonical(summarize(article, {})), canonical(want));
      });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('errors are JS Errors named by code', { skip }, async () => {
  const { summarize, version } = await loadWasm();
  assert.match(version(), /^\d+\.\d+\.\d+/);
  assert.throws(() => summarize({ text: '   ' }, {}), (e) => e instanceof Error && e.name === 'empty_input');
  assert.throws(() => summarize({ paragraphs: 'not a list' }, {}), (e) => e.name === 'bad_argument');
  assert.throws(() => summarize({ text: 'A sentence.' }, { sentences: 'three' }), (e) => e.name === 'bad_argument');
});

test('paragraph spans index the strings that were sent', { skip }, async () => {
  const { summarize } = await loadWasm();
  const paragraphs = [
    'Économie : le café coûte 3 € de plus 🙂 depuis lundi, selon l’institut national.',
    'Le gouvernement a annoncé mardi un plan de 2 milliards d’euros pour les agriculteurs touchés par la sécheresse.',
    'Les syndicats jugent le plan insuffisant et appellent à manifester samedi à Paris.',
  ];
  const s = summarize({ paragraphs, title: 'Plan pour les agriculteurs' }, { sentences: 3 });
  assert.ok(s.sentences.length >= 1);
  for (const x of s.sentences) {
    const slice = paragraphs[x.paragraph].slice(x.paragraph_span_utf16.start, x.paragraph_span_utf16.end);
    assert.equal(slice.replace(/\s+/g, ' ').trim(), x.text);
  }
});

test('native CLI gives the same output on every run', { skip }, () => {
  const c = JSON.parse(fs.readFileSync(path.join(casesDir, 'C03.json'), 'utf8'));
  const file = path.join(REPO, 'target', 'determinism-C03.txt');
  fs.writeFileSync(file, c.input);
  const runs = new Set(Array.from({ length: 6 }, () => JSON.stringify(native(file, c.title).keywords)));
  fs.rmSync(file);
  assert.equal(runs.size, 1, `${runs.size} different keyword lists in 6 runs`);
});

test('published: the wasm resolves like the native CLI, and a malformed one is ignored', { skip }, async () => {
  const { summarize } = await loadWasm();
  const text = 'The council voted last Tuesday to close the plant, officials said. The council will meet again next Tuesday to decide on compensation. The mayor said the vote was hard.';
  const tmp = fs.mkdtempSync(path.join(REPO, 'target', 'parity-'));
  try {
    const file = path.join(tmp, 'published.txt');
    fs.writeFileSync(file, text);
    const want = JSON.parse(execFileSync(cli, [file, '--json', '--published', '2023-04-13T10:00:00-04:00'], { encoding: 'utf8' }));
    const got = summarize({ text, published: '2023-04-13T10:00:00-04:00' }, {});
    assertSame(canonical(got), canonical(want));
    const resolved = got.key_facts.filter((f) => f.resolved).map((f) => f.resolved).sort();
    assert.deepEqual(resolved, ['2023-04-11', '2023-04-18']);
    // Page metadata is often junk: ignored, never an error.
    const junk = summarize({ text, published: 'Thursday' }, {});
    assert.ok(junk.key_facts.every((f) => !('resolved' in f)));
    assert.throws(() => summarize({ text, published: 20230413 }, {}), (e) => e.name === 'bad_argument');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
