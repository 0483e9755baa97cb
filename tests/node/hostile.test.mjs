// The worker's side of hostile input. Its limits on a summarise request agree with the core's:
// never stricter than the core's 16 MiB, and an article over them gets the core's own error
// code, too_large, which the panel explains in the UI's language (an English "article too
// long" under a generic "could not summarise" before). The panel's shadow root is closed
// except in development installs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { SUMMARIZE, parseSummarizeRequest, MAX_CHARS, MAX_PARAGRAPHS, shadowModeFor } from '../../extension/lib/messages.js';

test("the worker's size limit is the core's", () => {
  // The core's limit comes from src/contract.rs (tests/node/contract.test.mjs checks that the
  // wasm build enforces it). UTF-16 units ≤ UTF-8 bytes: any request the worker refuses, the
  // core would refuse too.
  assert.equal(MAX_CHARS, globalThis.AbridgeLib.contract.MAX_INPUT_BYTES);
  assert.equal(MAX_CHARS, 16 * 1024 * 1024, 'the core still refuses more than 16 MiB');
});

test('over the limits: code too_large; malformed: bad_argument (no code)', () => {
  const big = parseSummarizeRequest({ type: SUMMARIZE, article: { text: 'a'.repeat(MAX_CHARS + 1) } });
  assert.deepEqual(big, { error: 'article too long', code: 'too_large' });
  const bigParas = parseSummarizeRequest({ type: SUMMARIZE, article: { paragraphs: ['a'.repeat(MAX_CHARS / 2), 'b'.repeat(MAX_CHARS / 2 + 1)] } });
  assert.equal(bigParas.code, 'too_large');
  const many = parseSummarizeRequest({ type: SUMMARIZE, article: { paragraphs: new Array(MAX_PARAGRAPHS + 1).fill('a') } });
  assert.equal(many.code, 'too_large');
  const atLimit = parseSummarizeRequest({ type: SUMMARIZE, article: { text: 'a'.repeat(MAX_CHARS) } });
  assert.equal(atLimit.error, undefined, 'exactly at the limit is passed on to the core');
  const bad = parseSummarizeRequest({ type: SUMMARIZE, article: { paragraphs: [1] } });
  assert.ok(bad.error);
  assert.equal(bad.code, undefined);
});

test('shadow root: open only in development installs', () => {
  assert.equal(shadowModeFor('development'), 'open');
  for (const kind of ['normal', 'sideload', 'admin', 'other', undefined, null, '']) assert.equal(shadowModeFor(kind), 'closed', String(kind));
  const panel = fs.readFileSync(new URL('../../extension/content/panel.js', import.meta.url), 'utf8');
  assert.match(panel, /attachShadow\(\{ mode: lib\.shadowMode === 'open' \? 'open' : 'closed' \}\)/, 'closed unless told open');
});
