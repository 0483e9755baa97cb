// Unit tests of the service worker's pure modules: message checks, restricted pages, settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SUMMARIZE, trustedSender, parseSummarizeRequest, errorReply, MAX_PARAGRAPHS } from '../../extension/lib/messages.js';
import { isRestrictedUrl, isAccessError } from '../../extension/lib/restricted.js';
import '../../extension/content/settings.js';

const { sanitize, DEFAULTS } = globalThis.AbridgeLib.settings;

test('only this extension is a trusted sender', () => {
  assert.equal(trustedSender({ id: 'abc', tab: { id: 1 } }, 'abc'), true);
  assert.equal(trustedSender({ id: 'other' }, 'abc'), false);
  assert.equal(trustedSender({ url: 'https://evil.example/' }, 'abc'), false);
  assert.equal(trustedSender(undefined, 'abc'), false);
  assert.equal(trustedSender({ id: undefined }, undefined), false);
});

test('a valid request keeps only known fields', () => {
  const r = parseSummarizeRequest({
    type: SUMMARIZE,
    article: { paragraphs: ['A.', 'B.'], title: 'T', lang: 'en', published: '2023-04-13T09:30:00Z', extra: 1, text: 'ignored' },
    options: { sentences: 4, key_facts: 1000, evil: true },
  });
  assert.deepEqual(r, {
    article: { paragraphs: ['A.', 'B.'], title: 'T', lang: 'en', published: '2023-04-13T09:30:00Z' },
    options: { sentences: 4 },
  });
  assert.deepEqual(parseSummarizeRequest({ type: SUMMARIZE, article: { text: 'x' } }), { article: { text: 'x' }, options: {} });
  // full_length: kept when longer than the text sent (the first part of a long page), else dropped.
  const part = parseSummarizeRequest({ type: SUMMARIZE, article: { paragraphs: ['Abc.', 'De.'], full_length: 70 } });
  assert.deepEqual(part.article, { paragraphs: ['Abc.', 'De.'], full_length: 70 });
  const whole = parseSummarizeRequest({ type: SUMMARIZE, article: { paragraphs: ['Abc.', 'De.'], full_length: 7 } });
  assert.deepEqual(whole.article, { paragraphs: ['Abc.', 'De.'] });
});

test('bad requests are refused with a reason', () => {
  const bad = [
    null,
    'abridge:summarize',
    { type: 'other', article: { text: 'x' } },
    { type: SUMMARIZE },
    { type: SUMMARIZE, article: {} },
    { type: SUMMARIZE, article: { paragraphs: 'x' } },
    { type: SUMMARIZE, article: { paragraphs: [1] } },
    { type: SUMMARIZE, article: { paragraphs: new Array(MAX_PARAGRAPHS + 1).fill('a') } },
    { type: SUMMARIZE, article: { text: 'x', title: 5 } },
    { type: SUMMARIZE, article: { text: 'x', published: 20230413 } },
    { type: SUMMARIZE, article: { text: 'x', published: 'x'.repeat(2001) } },
    { type: SUMMARIZE, article: { text: 'x' }, options: { sentences: 0 } },
    { type: SUMMARIZE, article: { text: 'x' }, options: { sentences: 2.5 } },
    { type: SUMMARIZE, article: { text: 'x' }, options: { sentences: 1000 } },
    { type: SUMMARIZE, article: { text: 'x' }, options: 'long' },
    { type: SUMMARIZE, article: { text: 'x', full_length: '9' } },
    { type: SUMMARIZE, article: { text: 'x', full_length: -1 } },
    { type: SUMMARIZE, article: { text: 'x', full_length: 1.5 } },
  ];
  for (const m of bad) assert.ok(parseSummarizeRequest(m).error, JSON.stringify(m)?.slice(0, 80));
});

test('core errors become replies with their code', () => {
  const e = new Error('Nothing to summarise.');
  e.name = 'nothing_to_summarize';
  assert.deepEqual(errorReply(e), { ok: false, error: { code: 'nothing_to_summarize', message: 'Nothing to summarise.' } });
  assert.equal(errorReply(new TypeError('x')).error.code, 'internal');
  assert.equal(errorReply('boom').error.message, 'boom');
});

test('pages where extensions cannot run', () => {
  for (const u of ['chrome://extensions/', 'about:blank', 'about:addons', 'view-source:https://a.example/', 'chrome-extension://x/options.html',
    'moz-extension://x/y', 'edge://settings', 'https://chromewebstore.google.com/detail/x', 'https://chrome.google.com/webstore/category',
    'https://addons.mozilla.org/en-US/firefox/']) {
    assert.equal(isRestrictedUrl(u), true, u);
  }
  for (const u of ['https://news.example/story', 'http://127.0.0.1:8080/', 'https://chrome.google.com/search', undefined, '', 'not a url']) {
    assert.equal(isRestrictedUrl(u), false, String(u));
  }
  assert.equal(isAccessError(new Error('Cannot access contents of the page. Extension manifest must request permission')), true);
  assert.equal(isAccessError(new Error('Missing host permission for the tab')), true);
  assert.equal(isAccessError(new Error('No tab with id: 5')), false);
});

test('settings: defaults and validation', () => {
  assert.deepEqual(sanitize(undefined), { ...DEFAULTS });
  assert.deepEqual(sanitize({ length: 5, side: 'left', theme: 'dark' }), { length: 5, side: 'left', theme: 'dark', display: 'overlay' });
  assert.deepEqual(sanitize({ display: 'sidepanel' }), { ...DEFAULTS, display: 'sidepanel' });
  assert.deepEqual(sanitize({ display: 'popup' }), { ...DEFAULTS });
  assert.deepEqual(sanitize({ length: -1, side: 'top', theme: 'neon', article: 'text' }), { ...DEFAULTS });
  assert.deepEqual(sanitize({ length: 2.5 }), { ...DEFAULTS });
});
