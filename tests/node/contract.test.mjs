// The contract between the core and the JavaScript (extension/lib/contract.js, generated from
// src/contract.rs; tests/contract.rs keeps the file current) against what the wasm build
// actually does: the errors it throws carry codes from the list, the size limit is the one it
// enforces, the fact kinds it returns are the list's and group in its order. Also: no hand
// copy of a code or of the message type is left in the extension's or the demo's JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import '../../extension/lib/contract.js';
import '../../extension/content/format.js';
import { SUMMARIZE, MAX_CHARS, MAX_SUMMARY_SENTENCES, parseSummarizeRequest, errorReply } from '../../extension/lib/messages.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = path.join(REPO, 'www', 'pkg');
const skip = !fs.existsSync(path.join(PKG, 'abridge_bg.wasm')) && 'wasm not built (run scripts/build.sh)';
const C = globalThis.AbridgeLib.contract;
const CODES = new Set(Object.values(C.ERROR_CODES));

let wasm;
async function core() {
  if (!wasm) {
    wasm = await import(path.join(PKG, 'abridge.js'));
    wasm.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(PKG, 'abridge_bg.wasm'))) });
  }
  return wasm;
}

/** The error `summarize(...args)` throws (fails when it returns). */
async function thrown(...args) {
  const { summarize } = await core();
  try {
    summarize(...args);
  } catch (e) {
    assert.ok(CODES.has(e.name), `${e.name} is not a contract error code (${e.message})`);
    return e;
  }
  assert.fail(`summarize(${JSON.stringify(args).slice(0, 80)}) did not throw`);
}

test('the module: frozen, the names the JavaScript uses', () => {
  assert.ok(Object.isFrozen(C) && Object.isFrozen(C.ERROR_CODES) && Object.isFrozen(C.FACT_KINDS));
  assert.equal(SUMMARIZE, C.SUMMARIZE_MESSAGE);
  assert.equal(MAX_CHARS, C.MAX_INPUT_BYTES);
  assert.equal(MAX_SUMMARY_SENTENCES, C.MAX_SUMMARY_SENTENCES);
  assert.ok(C.MAX_ANALYSED_SENTENCES > C.MAX_SUMMARY_SENTENCES, 'two limits, two names');
  assert.deepEqual(Object.keys(C.ERROR_CODES), Object.values(C.ERROR_CODES).map((c) => c.toUpperCase()));
  assert.equal(new Set(C.FACT_KINDS).size, C.FACT_KINDS.length);
});

test('the worker speaks the contract: its refusals and replies carry its codes', () => {
  const big = parseSummarizeRequest({ type: SUMMARIZE, article: { text: 'a'.repeat(C.MAX_INPUT_BYTES + 1) } });
  assert.equal(big.code, C.ERROR_CODES.TOO_LARGE);
  const many = parseSummarizeRequest({ type: SUMMARIZE, article: { text: 'a' }, options: { sentences: C.MAX_SUMMARY_SENTENCES + 1 } });
  assert.ok(many.error, 'more summary sentences than the core returns');
  assert.equal(parseSummarizeRequest({ type: SUMMARIZE, article: { text: 'a' }, options: { sentences: C.MAX_SUMMARY_SENTENCES } }).error, undefined);
  for (const code of CODES) assert.equal(errorReply(Object.assign(new Error('x'), { name: code })).error.code, code);
  assert.equal(errorReply(new TypeError('x')).error.code, C.ERROR_CODES.INTERNAL);
});

test('every fact kind has a heading, in the contract order', () => {
  const en = JSON.parse(fs.readFileSync(path.join(REPO, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));
  const fmt = globalThis.AbridgeLib.format;
  assert.deepEqual(
    fmt.FACT_KINDS.map(([kind]) => kind),
    [...C.FACT_KINDS],
  );
  for (const [kind, key] of fmt.FACT_KINDS) assert.ok(key && en[key], `${kind}: heading ${key}`);
});

test('no hand copy of an error code or of the message type in our JavaScript', () => {
  const files = ['extension/background.js', 'extension/options.js', 'www/demo.js'];
  for (const dir of ['extension/lib', 'extension/content']) {
    for (const f of fs.readdirSync(path.join(REPO, dir))) if (f.endsWith('.js') && f !== 'contract.js') files.push(`${dir}/${f}`);
  }
  for (const f of files) {
    const src = fs.readFileSync(path.join(REPO, f), 'utf8');
    for (const literal of [...CODES, C.SUMMARIZE_MESSAGE]) {
      assert.ok(!src.includes(`'${literal}'`) && !src.includes(`"${literal}"`), `${f} spells out '${literal}': use lib/contract.js`);
    }
  }
});

test('wasm: empty input, nothing left, bad arguments: the contract codes', { skip }, async () => {
  assert.equal((await thrown({ text: '' })).name, C.ERROR_CODES.EMPTY_INPUT);
  assert.equal((await thrown({ paragraphs: [] })).name, C.ERROR_CODES.EMPTY_INPUT);
  assert.equal((await thrown({ text: 'Skip to main content' })).name, C.ERROR_CODES.NOTHING_TO_SUMMARIZE);
  assert.equal((await thrown(42)).name, C.ERROR_CODES.BAD_ARGUMENT);
  assert.equal((await thrown({ text: 5 })).name, C.ERROR_CODES.BAD_ARGUMENT);
  assert.equal((await thrown({ paragraphs: [1] })).name, C.ERROR_CODES.BAD_ARGUMENT);
  assert.equal((await thrown({ text: 'a' }, { sentences: 'three' })).name, C.ERROR_CODES.BAD_ARGUMENT);
});

test('wasm: MAX_INPUT_BYTES is the limit it enforces, in bytes of UTF-8', { skip }, async () => {
  // White space: at the limit the core gets past the size check (and finds nothing to
  // summarise, cheaply); one byte over, it refuses the size.
  assert.equal((await thrown({ text: ' '.repeat(C.MAX_INPUT_BYTES) })).name, C.ERROR_CODES.EMPTY_INPUT);
  const over = await thrown({ text: ' '.repeat(C.MAX_INPUT_BYTES + 1) });
  assert.equal(over.name, C.ERROR_CODES.TOO_LARGE);
  assert.match(over.message, new RegExp(`limit is ${C.MAX_INPUT_BYTES} bytes`));
  // Bytes, not UTF-16 units: half as many two-byte characters, plus one, are over it.
  assert.equal((await thrown({ text: 'é'.repeat(C.MAX_INPUT_BYTES / 2 + 1) })).name, C.ERROR_CODES.TOO_LARGE);
});

test('wasm: at most MAX_SUMMARY_SENTENCES summary sentences', { skip }, async () => {
  const { summarize } = await core();
  const text = Array.from({ length: C.MAX_SUMMARY_SENTENCES + 30 }, (_, i) => `Council member ${i} voted for plan number ${i * 7}.`).join(' ');
  const s = summarize({ text }, { sentences: C.MAX_SUMMARY_SENTENCES + 20 });
  assert.equal(s.stats.article_sentences, C.MAX_SUMMARY_SENTENCES + 30);
  assert.equal(s.sentences.length, C.MAX_SUMMARY_SENTENCES);
});

test('wasm: the fact kinds it returns are the contract list, grouped in its order', { skip }, async () => {
  const { summarize } = await core();
  const inputs = [fs.readFileSync(path.join(REPO, 'tests', 'fixtures', 'seed.txt'), 'utf8')];
  const casesDir = path.join(REPO, 'tests', 'fixtures', 'cases');
  for (const f of fs.readdirSync(casesDir).filter((f) => f.endsWith('.json'))) inputs.push(JSON.parse(fs.readFileSync(path.join(casesDir, f), 'utf8')).input);
  const seen = new Set();
  for (const text of inputs) {
    let s;
    try {
      s = summarize({ text }, { key_facts: C.MAX_LIST_ITEMS });
    } catch (e) {
      assert.ok(CODES.has(e.name), e.name);
      continue;
    }
    assert.ok(s.key_facts.length <= C.MAX_LIST_ITEMS);
    for (const f of s.key_facts) {
      assert.ok(C.FACT_KINDS.includes(f.kind), `unknown kind ${f.kind}`);
      seen.add(f.kind);
    }
    const groups = globalThis.AbridgeLib.format.groupFacts(s.key_facts);
    assert.equal(groups.reduce((n, g) => n + g.facts.length, 0), s.key_facts.length, 'every fact in a group');
    const order = groups.map((g) => C.FACT_KINDS.indexOf(g.kind));
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
  }
  assert.ok(seen.size >= 6, `the fixtures show most kinds (${[...seen]})`);
});

test('wasm: full_length longer than the text makes a FIRST_PART truncation with the share in percent', { skip }, async () => {
  const { summarize } = await core();
  const paragraphs = ['The council approved the budget on Monday after a long debate.', 'Officials said the vote was close.'];
  const units = paragraphs.reduce((n, p) => n + p.length, 0);
  const part = summarize({ paragraphs, full_length: units * 4 }, {});
  assert.equal(part.truncated.limit, C.FIRST_PART);
  assert.equal(part.truncated.value, 25);
  assert.equal(fmtNote(part.truncated), 'first 25 %');
  assert.equal(summarize({ paragraphs, full_length: units }, {}).truncated, null);
  assert.equal(summarize({ paragraphs }, {}).truncated, null);
  assert.ok(C.LONG_ARTICLE_CHARS * 4 < C.MAX_INPUT_BYTES && C.LONG_ARTICLE_PARAGRAPHS >= 1000);
});

/** The share as the panel words it, with the English message's shape. */
function fmtNote(truncated) {
  return globalThis.AbridgeLib.format.truncationNote(truncated, (key, subs) => (key === 'truncatedFirstPart' ? `first ${subs[0]} %` : key));
}
