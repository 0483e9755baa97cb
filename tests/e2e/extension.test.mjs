// End-to-end: the unpacked extension in headless Chromium, clicked the way a user clicks it
// (CDP Extensions.triggerAction), on our own small pages and on real pages of
// ../shared/pages (skipped, with a note, when that folder is absent). The checks themselves
// are shared with the Firefox suite (firefox.test.mjs): lib/checks.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { triggerAction, isLocal, stopServiceWorker } from './lib/browser.mjs';
import { requests } from './lib/netlog.mjs';
import { hasShared, sharedIndex } from './lib/shared.mjs';
import { chromiumSuite } from './lib/fixture.mjs';
import { chromiumHarness } from './lib/harness.mjs';
import {
  OUT, Timings, summarise, panel, settle, clickAndCheckHighlight, checkArticle, checkLengthAndKeyboard,
  checkMarkupStaysText, checkScrollLands, checkStrictCsp, checkRightToLeft, checkNotArticle, checkMessageChecks, checkOptions,
  pickSharedPages, KNOWN_CORE_ISSUES, checkRealPage,
} from './lib/checks.mjs';

const E2E = chromiumSuite({ shared: true });
const { skip } = E2E;

let srv;
let b;
let H;
const timings = new Timings('Chromium', 'timings.json');
const ownRequests = [];

before(async () => {
  if (skip) return;
  fs.mkdirSync(OUT, { recursive: true });
  ({ srv, b } = await E2E.ready());
  H = chromiumHarness(b, { onRequest: (url) => ownRequests.push(url) });
});

after(() => timings.print());

// ---------------------------------------------------------------------------------------
// Our own pages (always run).

test('a plain article: panel, summary from the article only, highlight, copy, Esc, reopen', { skip }, async () => {
  const P = await checkArticle(H, srv.base, { timings });
  await settle(P);
  await P.screenshot(path.join(OUT, 'panel-light.png'));
  await P.close();
});

test('length control re-summarises; keyboard works; focus is visible', { skip }, async () => {
  await checkLengthAndKeyboard(H, srv.base, {
    timings,
    beforeKeyboard: async (P) => {
      if (hasShared) return;
      // Without ../shared the dark screenshot is of this page.
      await P.raw.emulateMedia({ colorScheme: 'dark' });
      await settle(P);
      await P.screenshot(path.join(OUT, 'panel-dark.png'));
      await P.raw.emulateMedia({ colorScheme: 'light' });
    },
  });
});

test('a click on a sentence lands on it although photos above it shrink and grow during the scroll', { skip }, async () => {
  await checkScrollLands(H, srv.base);
});

test('article text that shows markup stays text: no element, nothing runs', { skip }, async () => {
  await checkMarkupStaysText(H, srv.base);
});

test('a page with a strict CSP works', { skip }, async () => {
  await checkStrictCsp(H, srv.base);
});

test('a right-to-left article gets a right-to-left summary', { skip }, async () => {
  await checkRightToLeft(H, srv.base);
});

test('a page that is not an article gets a message, not a summary', { skip }, async () => {
  await checkNotArticle(H, srv.base);
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
  // The badge belongs to that page: the next page in the same tab starts clean (Chromium drops
  // tab-specific action values on navigation; the extension has no tabs.onUpdated listener).
  await page.goto(`${srv.base}/pages/article.html`);
  const [badgeAfter, titleAfter] = await sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return [await chrome.action.getBadgeText({ tabId: tab.id }), await chrome.action.getTitle({ tabId: tab.id })];
  });
  assert.equal(badgeAfter, '');
  assert.match(titleAfter, /summarise this page/);
  await page.close();
});

test('the service worker ignores messages that are not its own summarise requests', { skip }, async () => {
  // From an extension page (a trusted sender), a malformed request gets a bad_argument reply.
  await checkMessageChecks(H);
  assert.ok(b.context.serviceWorkers()[0]);
});

test('options page saves settings to storage.sync and the panel follows them', { skip }, async () => {
  await checkOptions(H, srv.base);
});

test('after the service worker is stopped, a new click still works (nothing kept only in memory)', { skip }, async () => {
  const P = await H.open(`${srv.base}/pages/article.html`);
  assert.equal((await summarise(H, P)).state, 'summary');
  const n = (await panel(P)).sentences.length;
  await stopServiceWorker(b);
  // The open panel's length control asks the (stopped) worker: the message wakes it.
  await P.clickPanel('button.longer');
  await P.waitFor((k) => document.querySelector('#abridge-host').shadowRoot.querySelectorAll('.sentence').length === k, n + 1);
  await stopServiceWorker(b);
  await P.press('Escape');
  await P.waitFor(() => !document.querySelector('#abridge-host'));
  assert.equal((await summarise(H, P)).state, 'summary');
  assert.equal((await panel(P)).hosts, 1);
  await clickAndCheckHighlight(P, 0);
  await P.close();
});

// ---------------------------------------------------------------------------------------
// Real pages.

const shared = hasShared ? pickSharedPages() : [];
const DARK_SCREENSHOT = (shared.find((r) => /^en/i.test(r.lang)) || {}).id;
if (!hasShared) console.log('../shared/pages not found: skipping the real-page tests');

test(`real pages (${shared.length}): summary is article text, highlight lands, one panel`, { skip: skip || (!hasShared && '../shared absent') }, async (t) => {
  if (!process.env.ABRIDGE_E2E_PAGES) assert.equal(shared.length, sharedIndex().length, 'every shared page');
  const failures = [];
  for (const row of shared) {
    await t.test(`${row.id} (${row.lang})`, { todo: KNOWN_CORE_ISSUES[row.id] }, async () => {
      await checkRealPage(H, srv.base, row, {
        t,
        timings,
        failures,
        onReopened: async (P, rendered) => {
          if (row.id !== DARK_SCREENSHOT) return;
          await P.raw.emulateMedia({ colorScheme: 'dark' });
          if (rendered) await clickAndCheckHighlight(P, 0);
          await settle(P);
          await P.screenshot(path.join(OUT, 'panel-dark.png'));
        },
      });
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
