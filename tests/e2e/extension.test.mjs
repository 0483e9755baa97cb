// End-to-end: the unpacked extension in headless Chromium, clicked the way a user clicks it
// (CDP Extensions.triggerAction), on our own small pages and on real pages of
// ../shared/pages (skipped, with a note, when that folder is absent).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { launch, triggerAction, waitPanel, isLocal, chromiumPath } from './lib/browser.mjs';
import { requests } from './lib/netlog.mjs';
import { REPO, EXT_DIR, SHARED_PAGES, hasShared, sharedIndex, truth, squash } from './lib/shared.mjs';

const OUT = path.join(REPO, 'test-output');
const built = fs.existsSync(path.join(EXT_DIR, 'pkg', 'abridge_bg.wasm'));
const browserMissing = !chromiumPath() && 'chromium not installed (scripts/setup.sh test installs it)';
const skip = browserMissing || (!built && 'extension not built (scripts/build.sh)');

let srv;
let b;
const timings = [];
const ownRequests = [];

before(async () => {
  if (skip) return;
  fs.mkdirSync(OUT, { recursive: true });
  srv = await startServer({ repo: REPO, shared: hasShared ? SHARED_PAGES : null });
  b = await launch(EXT_DIR);
});

after(async () => {
  if (b) {
    await b.close();
    b.cleanup();
  }
  if (srv) await srv.close();
  if (timings.length) printTimings();
});

// ---------------------------------------------------------------------------------------
// Helpers.

async function open(url, { watch = false } = {}) {
  const page = await b.context.newPage();
  if (watch) page.on('request', (r) => ownRequests.push(r.url()));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Clicks the button and waits for the panel; adds `wallMs`: in-page time from just before the click to the rendered panel. */
async function summarise(page) {
  const t0 = await page.evaluate(() => performance.now());
  const shown = page.evaluate(
    () =>
      new Promise((resolve) => {
        const ready = () => {
          const h = document.querySelector('#abridge-host');
          return h && h.dataset.state && h.dataset.coreMs !== undefined;
        };
        const obs = new MutationObserver(() => {
          if (!ready()) return;
          obs.disconnect();
          resolve(performance.now());
        });
        obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
        setTimeout(() => resolve(null), 30000);
      }),
  );
  await triggerAction(b, page);
  const st = await waitPanel(page);
  const t1 = await shown;
  return { ...st, wallMs: t1 === null ? null : t1 - t0 };
}

function panel(page) {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('#abridge-host');
    const root = hosts[0] && hosts[0].shadowRoot;
    const all = (sel) => (root ? [...root.querySelectorAll(sel)] : []);
    return {
      hosts: hosts.length,
      elements: document.querySelectorAll('abridge-panel').length,
      state: hosts[0] ? hosts[0].dataset.state : null,
      title: root && root.querySelector('h2') ? root.querySelector('h2').textContent : null,
      sentences: all('.sentence').map((e) => e.textContent),
      message: all('.message').map((e) => e.textContent).join(' '),
      facts: all('#facts li').length,
      keywords: all('#keywords li').map((e) => e.textContent),
      stats: all('#stats').map((e) => e.textContent).join(''),
      imgs: all('img').length,
      scripts: all('script').length,
      dir: all('#sentences').map((e) => e.getAttribute('dir')).join(''),
    };
  });
}

/** Clicks summary sentence `i` and waits until the page highlights exactly it, in view. */
async function clickAndCheckHighlight(page, i) {
  const text = (await panel(page)).sentences[i];
  await page.locator('#abridge-host .sentence').nth(i).click();
  const squashIn = (s) => s.replace(/[\s\u200b-\u200f\u2060\ufeff\u00ad]+/g, '');
  await page.waitForFunction(
    (want) => {
      const squashFn = (s) => s.replace(/[\s\u200b-\u200f\u2060\ufeff\u00ad]+/g, '');
      const h = CSS.highlights && CSS.highlights.get('abridge-sentence');
      if (!h) return false;
      for (const r of h) {
        if (squashFn(r.toString()) !== want) continue;
        const rect = r.getBoundingClientRect();
        return rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight;
      }
      return false;
    },
    squashIn(text),
    { polling: 100, timeout: 8000 },
  );
  return text;
}

/** Waits until the page has stopped (smooth-)scrolling, so a screenshot is not mid-scroll. */
async function settle(page) {
  await page.mouse.move(5, 5);
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const y = await page.evaluate(() => scrollY);
    if (y === last) return;
    last = y;
    await page.waitForTimeout(150);
  }
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function printTimings() {
  const cols = ['wall', 'total', 'extract', 'core', 'wasm', 'render'];
  const lines = [
    `click-to-panel timings over ${timings.length} pages, ms. wall: in the page, from just before the click to the rendered panel`,
    '(includes injecting the content scripts); total = extract + core + render, measured by the extension; core: message round',
    'trip to the service worker, of which wasm: the summarize() call alone.',
  ];
  for (const c of cols) {
    const xs = timings.map((t) => t[c]).filter((x) => typeof x === 'number' && !Number.isNaN(x));
    lines.push(`  ${c.padEnd(8)} median ${percentile(xs, 50).toFixed(1).padStart(7)}   p95 ${percentile(xs, 95).toFixed(1).padStart(7)}`);
  }
  console.log(lines.join('\n'));
  fs.writeFileSync(path.join(OUT, 'timings.json'), JSON.stringify(timings, null, 1));
}

function recordTimings(id, st) {
  const t = { id, wall: st.wallMs, extract: +st.extractMs, core: +st.coreMs, wasm: +st.wasmMs, render: +st.renderMs };
  t.total = t.extract + t.core + t.render;
  timings.push(t);
}

// ---------------------------------------------------------------------------------------
// Our own pages (always run).

test('a plain article: panel, summary from the article only, highlight, copy, Esc, reopen', { skip }, async () => {
  const page = await open(`${srv.base}/pages/article.html`, { watch: true });
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.base });
  const st = await summarise(page);
  assert.equal(st.state, 'summary');
  recordTimings('article.html', st);
  const p = await panel(page);
  assert.equal(p.hosts, 1);
  assert.match(p.title, /Harbour town votes to rebuild its flooded sea wall/);
  assert.ok(p.sentences.length >= 2, 'at least two summary sentences');
  const article = squash(await page.locator('article').innerText());
  for (const s of p.sentences) {
    assert.ok(article.includes(squash(s)), `summary sentence is article text: ${s}`);
    assert.doesNotMatch(s, /Sandbags line the harbour road|Related stories|All rights reserved|Subscribe/);
  }
  assert.match(p.stats, /^\d+ of \d+ sentences/);
  assert.ok(p.facts > 0, 'key facts listed');
  assert.ok(p.keywords.length > 0, 'keywords listed');
  assert.equal(p.dir, 'ltr');

  // The hostile page CSS (div, li, button { font-size: 22px !important; color: red }) must not reach the panel.
  const fontSize = await page.evaluate(() => {
    const s = document.querySelector('#abridge-host').shadowRoot.querySelector('.sentence');
    return getComputedStyle(s).fontSize;
  });
  assert.equal(fontSize, '14px');

  await clickAndCheckHighlight(page, p.sentences.length - 1);

  // Copy summary → clipboard holds title, address and bullets.
  await page.locator('#abridge-host #copy-summary').click();
  await page.waitForFunction(() => /\S/.test(document.querySelector('#abridge-host').shadowRoot.querySelector('.status').textContent), null, { polling: 100 });
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  const expected = [p.title, page.url(), '', 'Summary', ...p.sentences.map((s) => '• ' + s)].join('\n') + '\n';
  assert.equal(clip, expected);

  // Copy key facts.
  await page.locator('#abridge-host #copy-facts').click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('Key facts'), null, { polling: 100 });
  const facts = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(facts.startsWith(p.title + '\n' + page.url() + '\n\nKey facts\n'), facts);
  assert.match(facts, /\n• .+/);

  // Esc closes; the highlight goes with it.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#abridge-host'), null, { polling: 100, timeout: 3000 });
  assert.equal(await page.evaluate(() => CSS.highlights.has('abridge-sentence')), false);
  // A second click reopens exactly one panel; a third closes it (toggle).
  await summarise(page);
  assert.equal((await panel(page)).hosts, 1);
  assert.equal((await panel(page)).elements, 1);
  await triggerAction(b, page);
  await page.waitForFunction(() => !document.querySelector('#abridge-host'), null, { polling: 100, timeout: 5000 });
  await summarise(page);
  assert.equal((await panel(page)).hosts, 1);
  await clickAndCheckHighlight(page, 1);
  await settle(page);
  await page.screenshot({ path: path.join(OUT, 'panel-light.png') });
  await page.close();
});

test('length control re-summarises; keyboard works; focus is visible', { skip }, async () => {
  const page = await open(`${srv.base}/pages/article-long.html`, { watch: true });
  const st = await summarise(page);
  assert.equal(st.state, 'summary');
  recordTimings('article-long.html', st);
  const n = (await panel(page)).sentences.length;
  await page.locator('#abridge-host button.longer').click();
  await page.waitForFunction((k) => document.querySelector('#abridge-host').shadowRoot.querySelectorAll('.sentence').length === k, n + 1, { polling: 100 });
  await page.locator('#abridge-host button.shorter').click();
  await page.locator('#abridge-host button.shorter').click();
  await page.waitForFunction((k) => document.querySelector('#abridge-host').shadowRoot.querySelectorAll('.sentence').length === k, n - 1, { polling: 100 });
  const p = await panel(page);
  assert.match(p.stats, new RegExp(`^${n - 1} of \\d+ sentences`));
  if (!hasShared) {
    // Without ../shared the dark screenshot is of this page.
    await page.emulateMedia({ colorScheme: 'dark' });
    await settle(page);
    await page.screenshot({ path: path.join(OUT, 'panel-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  // Keyboard: the panel has focus after opening; Tab reaches a sentence; Enter shows it.
  await page.evaluate(() => document.querySelector('#abridge-host').shadowRoot.querySelector('.panel').focus());
  let guard = 0;
  while (guard++ < 20) {
    await page.keyboard.press('Tab');
    const onSentence = await page.evaluate(() => {
      const a = document.querySelector('#abridge-host').shadowRoot.activeElement;
      return Boolean(a && a.classList.contains('sentence'));
    });
    if (onSentence) break;
  }
  const focus = await page.evaluate(() => {
    const a = document.querySelector('#abridge-host').shadowRoot.activeElement;
    const cs = getComputedStyle(a);
    const why = document.querySelector('#abridge-host').shadowRoot.getElementById(a.getAttribute('aria-describedby'));
    return { cls: a.className, outline: cs.outlineStyle, whyShown: getComputedStyle(why).display !== 'none', why: why.textContent };
  });
  assert.equal(focus.cls, 'sentence');
  assert.equal(focus.outline, 'solid', 'visible focus ring');
  assert.ok(focus.whyShown, '"why this sentence?" shows on focus');
  assert.match(focus.why, /^Why this sentence\?(.+[+−±]\d\.\d\d)+$/);
  assert.doesNotMatch(focus.why, /object/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => CSS.highlights.has('abridge-sentence'), null, { polling: 100, timeout: 5000 });
  // Esc with focus inside the panel closes it.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#abridge-host'), null, { polling: 100, timeout: 3000 });
  await page.close();
});

test('article text that shows markup stays text: no element, nothing runs', { skip }, async () => {
  const page = await open(`${srv.base}/pages/markup-as-text.html`, { watch: true });
  const st = await summarise(page);
  assert.equal(st.state, 'summary');
  await page.locator('#abridge-host button.longer').click().catch(() => {});
  await page.waitForTimeout(300);
  const p = await panel(page);
  assert.equal(p.imgs, 0, 'no <img> in the panel');
  assert.equal(p.scripts, 0, 'no <script> in the panel');
  const shown = [p.title, ...p.sentences].join('\n');
  assert.match(shown, /<img src=x onerror=|<script>/, 'the markup is shown as text');
  assert.equal(await page.evaluate(() => window.__abridgePwned), undefined, 'no handler or script ran');
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  await page.close();
});

test('a page with a strict CSP works', { skip }, async () => {
  const page = await open(`${srv.base}/csp/article.html`, { watch: true });
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.match(csp, /script-src 'self'/);
  const st = await summarise(page);
  assert.equal(st.state, 'summary');
  const p = await panel(page);
  assert.ok(p.sentences.length >= 2);
  const position = await page.evaluate(() => getComputedStyle(document.querySelector('#abridge-host').shadowRoot.querySelector('.panel')).position);
  assert.equal(position, 'fixed', 'the panel style applies under the page CSP');
  await clickAndCheckHighlight(page, 0);
  await page.close();
});

test('a right-to-left article gets a right-to-left summary', { skip }, async () => {
  const page = await open(`${srv.base}/pages/article-he.html`, { watch: true });
  const st = await summarise(page);
  assert.equal(st.state, 'summary');
  const p = await panel(page);
  assert.ok(p.sentences.length >= 2);
  assert.equal(p.dir, 'rtl');
  const align = await page.evaluate(() => {
    const s = document.querySelector('#abridge-host').shadowRoot.querySelector('.sentence');
    return getComputedStyle(s).direction;
  });
  assert.equal(align, 'rtl');
  await clickAndCheckHighlight(page, 0);
  await page.close();
});

test('a page that is not an article gets a message, not a summary', { skip }, async () => {
  const page = await open(`${srv.base}/pages/not-an-article.html`, { watch: true });
  const st = await summarise(page);
  assert.equal(st.state, 'message');
  const p = await panel(page);
  assert.equal(p.sentences.length, 0);
  assert.match(p.message, /does not look like a news article/);
  await page.close();
});

test('browser pages get a clear "cannot run here" on the button', { skip }, async () => {
  const page = await b.context.newPage();
  await page.goto('chrome://version/');
  await triggerAction(b, page);
  const sw = b.context.serviceWorkers()[0];
  let badge = '';
  let title = '';
  for (let i = 0; i < 50 && badge !== '!'; i++) {
    [badge, title] = await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return [await chrome.action.getBadgeText({ tabId: tab.id }), await chrome.action.getTitle({ tabId: tab.id })];
    });
    if (badge !== '!') await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(badge, '!');
  assert.match(title, /cannot run on this page/);
  await page.close();
});

test('the service worker ignores messages that are not its own summarise requests', { skip }, async () => {
  // From an extension page (a trusted sender), a malformed request gets a bad_argument reply.
  const sw = b.context.serviceWorkers()[0];
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extId}/options.html`);
  const replies = await page.evaluate(async () => [
    await chrome.runtime.sendMessage({ type: 'abridge:summarize', article: { paragraphs: [42] } }),
    await chrome.runtime.sendMessage({ type: 'something-else' }).catch((e) => 'no reply: ' + e.message),
    await chrome.runtime.sendMessage({ type: 'abridge:summarize', article: { paragraphs: ['   ', ''] } }),
  ]);
  assert.equal(replies[0].ok, false);
  assert.equal(replies[0].error.code, 'bad_argument');
  assert.match(String(replies[1]), /no reply|undefined/);
  assert.equal(replies[2].ok, false);
  assert.ok(['nothing_to_summarize', 'empty_input'].includes(replies[2].error.code), JSON.stringify(replies[2]));
  assert.ok(sw);
  await page.close();
});

test('options page saves settings to storage.sync and the panel follows them', { skip }, async () => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extId}/options.html`);
  await page.locator('#sentences').selectOption('5');
  await page.locator('input[name=side][value=left]').check();
  await page.locator('input[name=theme][value=dark]').check();
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0, null, { polling: 100 });
  const stored = await page.evaluate(() => chrome.storage.sync.get(null));
  assert.deepEqual(stored, { length: 5, side: 'left', theme: 'dark' });
  const article = await open(`${srv.base}/pages/article-long.html`);
  await summarise(article);
  const p = await panel(article);
  assert.equal(p.sentences.length, 5);
  const cls = await article.evaluate(() => document.querySelector('#abridge-host').shadowRoot.querySelector('.panel').className);
  assert.match(cls, /side-left/);
  assert.match(cls, /theme-dark/);
  await page.evaluate(() => chrome.storage.sync.clear());
  await article.close();
  await page.close();
});

// ---------------------------------------------------------------------------------------
// Real pages.

/**
 * At least 30 pages: every non-English page, then English ones spread over the sources.
 * ABRIDGE_E2E_PAGES=all runs every shared page (about three minutes more).
 */
function pickSharedPages() {
  const rows = sharedIndex();
  if (process.env.ABRIDGE_E2E_PAGES === 'all') return rows;
  const nonEn = rows.filter((r) => !/^en/i.test(r.lang));
  const en = rows.filter((r) => /^en/i.test(r.lang));
  const step = Math.max(1, Math.floor(en.length / 24));
  return [...nonEn, ...en.filter((_, i) => i % step === 0).slice(0, 24)];
}

const shared = hasShared ? pickSharedPages() : [];
const DARK_SCREENSHOT = (shared.find((r) => /^en/i.test(r.lang)) || {}).id;

// Pages where the CORE picks a sentence that is not article text (reported to the core's
// maintainer). They still run, as `todo`: they show in the output and start passing when the
// core is fixed, without failing the suite meanwhile.
const KNOWN_CORE_ISSUES = {
  'sh-aljazeera-7916ecca': 'a related-story headline inside the article is chosen as a summary sentence',
  'sh-express-ba4dfe2d': 'a fragment "Express." is chosen as a summary sentence',
  'sh-nbcnews-5a822960': 'a newsletter sign-up line ("Get breaking news alerts…") is chosen',
  'sh-space-686bb170': 'a photo caption outside <figcaption> ("An artist\'s illustration…") is chosen',
  'sh-thehill-156770d6': 'hover-card text inlined in a paragraph (names + headlines) is chosen',
};
if (!hasShared) console.log('../shared/pages not found: skipping the real-page tests');

test(`real pages (${shared.length}): summary is article text, highlight lands, one panel`, { skip: skip || (!hasShared && '../shared absent') }, async (t) => {
  assert.ok(shared.length >= 30, 'at least 30 pages');
  const failures = [];
  for (const row of shared) {
    await t.test(`${row.id} (${row.lang})`, { todo: KNOWN_CORE_ISSUES[row.id] }, async () => {
      const page = await open(`${srv.base}/shared/${row.id}/`);
      try {
        const st = await summarise(page);
        recordTimings(row.id, st);
        const p = await panel(page);
        assert.equal(p.hosts, 1, 'exactly one panel');
        assert.equal(st.state, 'summary', `summary shown (got ${st.state}: ${p.message})`);
        assert.ok(p.sentences.length >= 1);
        const text = squash(truth(row.id).text);
        for (const s of p.sentences) {
          if (!text.includes(squash(s))) failures.push({ id: row.id, sentence: s });
          assert.ok(text.includes(squash(s)), `not in the article's true text: «${s}»`);
        }
        // Some pages keep <html> hidden until their own scripts run (switched off here):
        // nothing of them is visible, so there is nothing to scroll to.
        const rendered = await page.evaluate(() => getComputedStyle(document.documentElement).display !== 'none');
        if (rendered) await clickAndCheckHighlight(page, p.sentences.length - 1);
        else t.diagnostic(`${row.id}: page not rendered without its scripts; highlight check skipped`);
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.querySelector('#abridge-host'), null, { polling: 100, timeout: 3000 });
        await summarise(page);
        assert.equal((await panel(page)).hosts, 1, 'reopened: exactly one panel');
        if (row.id === DARK_SCREENSHOT) {
          await page.emulateMedia({ colorScheme: 'dark' });
          if (rendered) await clickAndCheckHighlight(page, 0);
          await settle(page);
          await page.screenshot({ path: path.join(OUT, 'panel-dark.png') });
        }
      } finally {
        await page.close();
      }
    });
  }
  if (failures.length) fs.writeFileSync(path.join(OUT, 'not-in-truth.json'), JSON.stringify(failures, null, 1));
});

// ---------------------------------------------------------------------------------------
// Network: last, because it closes the browser to read the complete net log.

test('the extension makes no network request', { skip }, async () => {
  const leaked = ownRequests.filter((u) => !isLocal(u));
  assert.deepEqual(leaked, [], 'our own pages (no external resources) made no outside request');
  await b.close();
  const all = requests(b.netlog);
  const origin = `chrome-extension://${b.extId}`;
  assert.ok(all.some((r) => r.url.startsWith(srv.base)), 'the net log records the pages loaded from the test server');
  const fromExtension = all.filter((r) => r.initiator.startsWith(origin) || r.isolationKey.includes(origin));
  const outside = fromExtension.filter((r) => !isLocal(r.url));
  assert.deepEqual(outside, [], 'no request from the extension left the machine');
});
