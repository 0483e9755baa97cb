// End-to-end in Firefox (Debian's firefox-esr, headless, puppeteer-core over WebDriver BiDi):
// the same checks as the Chromium suite (lib/checks.mjs) on the same pages, triggered the
// ways a user does — toolbar button, both keyboard shortcuts, both context-menu items — plus
// what differs in Firefox: the background is an event page that unloads when idle, and the
// activeTab grant of a gesture ends when the tab navigates.
//
// Firefox grants activeTab only to its own gesture code, so the gestures go through
// privileged browser-chrome JS (lib/firefox.mjs; the testing flag --remote-allow-system-access).
// Real key presses are in shortcuts.test.mjs (Xvfb). Skipped when firefox-esr is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { launchFirefox, firefoxPath, isLocal } from './lib/firefox.mjs';
import { fixtureRoutes } from './lib/fixtures.mjs';
import { REPO, EXT_DIR, SHARED_PAGES, hasShared, sharedIndex, squash } from './lib/shared.mjs';
import { firefoxHarness, sleep } from './lib/harness.mjs';
import {
  OUT, Timings, summarise, panel, waitClosed, settle, clickAndCheckHighlight, checkArticle,
  checkLengthAndKeyboard, checkMarkupStaysText, checkScrollLands, checkStrictCsp, checkRightToLeft, checkNotArticle,
  checkSelectionSummary, checkMessageChecks, checkOptions, pickSharedPages, KNOWN_CORE_ISSUES, checkRealPage,
  selectParagraphs,
} from './lib/checks.mjs';

const built = fs.existsSync(path.join(EXT_DIR, 'pkg', 'abridge_bg.wasm'));
const skip = (!firefoxPath() && 'firefox-esr not installed (scripts/setup.sh test installs it)') || (!built && 'extension not built (scripts/build.sh)');

let srv;
let fx;
let H;
let ownLog = null; // the request log before the real pages
const timings = new Timings('Firefox', 'timings-firefox.json', 'background event page');

before(async () => {
  if (skip) return;
  fs.mkdirSync(OUT, { recursive: true });
  srv = await startServer({ repo: REPO, shared: hasShared ? SHARED_PAGES : null, routes: fixtureRoutes });
  fx = await launchFirefox(EXT_DIR);
  H = firefoxHarness(fx);
});

after(async () => {
  if (fx) await fx.close();
  if (srv) await srv.close();
  timings.print();
});

/** Polls the selected tab's action until its badge is `badge`. */
async function waitBadge(badge) {
  let st;
  for (let i = 0; i < 50; i++) {
    st = await fx.actionState();
    if (st.badge === badge) return st;
    await sleep(100);
  }
  assert.fail(`action badge ${JSON.stringify(st.badge)}, not ${JSON.stringify(badge)}`);
}

// ---------------------------------------------------------------------------------------
// Our own pages: the Chromium suite's checks.

test('Firefox: a plain article: panel, summary from the article only, highlight, copy, Esc, reopen', { skip }, async () => {
  const P = await checkArticle(H, srv.base, { timings });
  await settle(P);
  await P.screenshot(path.join(OUT, 'firefox-panel-light.png'));
  await P.close();
});

test('Firefox: the same with the keyboard shortcut (Alt+Shift+U opens, again closes)', { skip }, async () => {
  const P = await checkArticle(H, srv.base, { how: 'shortcut-action', toggle: 'shortcut-action' });
  await P.close();
});

test('Firefox: length control re-summarises; keyboard works; focus is visible', { skip }, async () => {
  await checkLengthAndKeyboard(H, srv.base, { timings });
});

test('Firefox: a click on a sentence lands on it although photos above it shrink and grow during the scroll', { skip }, async () => {
  await checkScrollLands(H, srv.base);
});

test('Firefox: article text that shows markup stays text (context menu)', { skip }, async () => {
  await checkMarkupStaysText(H, srv.base, { how: 'menu-page' });
});

test('Firefox: a page with a strict CSP works (the wasm runs in the background page)', { skip }, async () => {
  await checkStrictCsp(H, srv.base);
});

test('Firefox: a right-to-left article gets a right-to-left summary', { skip }, async () => {
  await checkRightToLeft(H, srv.base);
});

test('Firefox: a page that is not an article gets a message, not a summary', { skip }, async () => {
  await checkNotArticle(H, srv.base);
  await checkNotArticle(H, srv.base, { how: 'menu-page' });
});

test('Firefox: the "summarise selection" shortcut (Alt+Shift+Y) summarises the selected text', { skip }, async () => {
  await checkSelectionSummary(H, srv.base, 'shortcut-selection');
});

test('Firefox: the context-menu item "Summarise selection" summarises the selected text', { skip }, async () => {
  await checkSelectionSummary(H, srv.base, 'menu-selection');
});

test('Firefox: the background ignores messages that are not its own summarise requests', { skip }, async () => {
  await checkMessageChecks(H);
});

test('Firefox: options page saves settings to storage.sync and the panel follows them', { skip }, async () => {
  await checkOptions(H, srv.base);
});

// ---------------------------------------------------------------------------------------
// Where Firefox differs.

// The sidebar (sidebar_action, extension/sidepanel.html). BiDi cannot reach the sidebar, so
// most tests open the same page in a tab, pinned to the article's tab with ?tab=<id> (the
// gesture opens the real sidebar too); one drives the real sidebar through a frame script.
async function sidebarPage(page, { display } = {}) {
  // The tab's id as the extension sees it (tabs.query has no addresses without the tabs permission).
  await page.bringToFront();
  const tabId = await fx.chromeEval(`ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs')
    .ExtensionParent.apiManager.global.tabTracker.getId(gBrowser.selectedTab)`);
  const ext = await fx.extensionPage('options.html');
  if (display) {
    await ext.evaluate((d) => browser.storage.sync.set({ display: d }), display);
    await sleep(300);
  }
  await ext.close();
  return tabId;
}

const SIDEBAR_STATE = (url) => {
  const h = document.querySelector('#abridge-host');
  if (!h || h.dataset.state !== 'summary' || h.dataset.url !== url) return null;
  return { ...h.dataset, sentences: [...h.shadowRoot.querySelectorAll('.sentence')].map((e) => e.textContent), title: h.shadowRoot.querySelector('h2').textContent };
};

test('Firefox: the sidebar shows the summary (no overlay), a click highlights in the page, copy works', { skip }, async () => {
  const P = await H.open(`${srv.base}/pages/article.html`);
  const tabId = await sidebarPage(P.raw, { display: 'sidepanel' });
  await P.raw.bringToFront();
  await fx.clickAction(P.raw);
  const panel = await fx.extensionPage(`sidepanel.html?tab=${tabId}`);
  const st = await (await panel.waitForFunction(SIDEBAR_STATE, { polling: 100, timeout: 15000 }, P.url())).jsonValue();
  assert.match(st.title, /Harbour town votes to rebuild its flooded sea wall/);
  assert.ok(st.sentences.length >= 2);
  assert.equal(await P.evaluate(() => document.querySelectorAll('#abridge-host').length), 0, 'no overlay');
  await panel.evaluate(() => document.querySelector('#abridge-host').shadowRoot.querySelectorAll('.sentence')[1].click());
  await panel.waitForFunction(() => document.querySelector('#abridge-host').dataset.highlight, { polling: 100, timeout: 10000 });
  const painted = await P.evaluate(() => {
    const h = CSS.highlights.get('abridge-sentence');
    return h ? [...h][0].toString() : null;
  });
  assert.equal(painted.replace(/\s+/g, ' ').trim(), st.sentences[1].replace(/\s+/g, ' ').trim());
  await panel.click('#abridge-host >>> #copy-summary');
  await panel.waitForFunction(() => /^Copied/.test(document.querySelector('#abridge-host').shadowRoot.querySelector('.status').textContent), { polling: 100, timeout: 10000 });
  const clip = await panel.evaluate(() => navigator.clipboard.readText());
  assert.ok(clip.includes(st.sentences[0]) && clip.includes(P.url()), clip);
  await panel.close();
  // Not pinned, the page follows the active tab of its window (tabs.onActivated), as the sidebar does.
  const follower = await fx.extensionPage('sidepanel.html');
  await P.raw.bringToFront();
  await follower.waitForFunction(SIDEBAR_STATE, { polling: 100, timeout: 10000 }, P.url());
  const Q = await H.open(`${srv.base}/pages/article-long.html`);
  await follower.waitForFunction(() => {
    const h = document.querySelector('#abridge-host');
    return h && h.dataset.state === 'empty' && h.shadowRoot.querySelector('#abridge-action');
  }, { polling: 100, timeout: 10000 });
  await P.raw.bringToFront();
  await follower.waitForFunction(SIDEBAR_STATE, { polling: 100, timeout: 10000 }, P.url());
  await follower.close();
  await Q.close();
  await sidebarPage(P.raw, { display: 'overlay' });
  await P.close();
});

// The real sidebar, read and clicked through a frame script (lib/firefox.mjs sidebarEval).
const SIDEBAR_HOST = `document.querySelector('#abridge-host')`;
const sidebarSummary = (url) => `(() => { const h = ${SIDEBAR_HOST};
  if (!h || h.dataset.state !== 'summary' || h.dataset.url !== ${JSON.stringify(url)}) return null;
  return { title: h.shadowRoot.querySelector('h2').textContent, sentences: [...h.shadowRoot.querySelectorAll('.sentence')].map((e) => e.textContent) }; })()`;

test('Firefox: the real sidebar: the active tab\'s summary, follows tab switches, a click highlights in the page, copy', { skip }, async () => {
  const P = await H.open(`${srv.base}/pages/article.html`);
  await sidebarPage(P.raw, { display: 'sidepanel' });
  await P.raw.bringToFront();
  await fx.clickAction(P.raw);
  const st = await fx.waitSidebar(sidebarSummary(P.url()));
  assert.equal(await fx.sidebarOpen(), true);
  assert.match(st.title, /Harbour town votes/);
  assert.equal(await P.evaluate(() => document.querySelectorAll('#abridge-host').length), 0, 'no overlay');
  // A click on a sentence in the sidebar: highlighted in the page.
  await fx.sidebarEval(`(${SIDEBAR_HOST}.shadowRoot.querySelectorAll('.sentence')[1].click(), true)`);
  await fx.waitSidebar(`${SIDEBAR_HOST}.dataset.highlight`);
  const painted = await P.evaluate(() => {
    const h = CSS.highlights.get('abridge-sentence');
    return h ? [...h][0].toString() : null;
  });
  assert.equal(painted.replace(/\s+/g, ' ').trim(), st.sentences[1].replace(/\s+/g, ' ').trim());
  // Copy as Markdown from the sidebar.
  await fx.sidebarEval(`(${SIDEBAR_HOST}.shadowRoot.querySelector('#copy-markdown').click(), true)`);
  await fx.waitSidebar(`/^Copied/.test(${SIDEBAR_HOST}.shadowRoot.querySelector('.status').textContent)`);
  const clip = await P.evaluate(() => navigator.clipboard.readText());
  assert.ok(clip.includes(`](${P.url()})`), clip);
  // A new tab: the button; back: the summary again.
  const Q = await H.open(`${srv.base}/pages/article-long.html`);
  const empty = await fx.waitSidebar(`${SIDEBAR_HOST}.dataset.state === 'empty' && ${SIDEBAR_HOST}.shadowRoot.querySelector('#abridge-action').textContent`);
  assert.equal(empty, 'Summarise this page');
  await P.raw.bringToFront();
  await fx.waitSidebar(sidebarSummary(P.url()));
  // The button on the new tab summarises it into the sidebar.
  await Q.raw.bringToFront();
  await fx.clickAction(Q.raw);
  const long = await fx.waitSidebar(sidebarSummary(Q.url()));
  assert.notEqual(long.title, st.title);
  await Q.close();
  await sidebarPage(P.raw, { display: 'overlay' });
  await fx.chromeEval('((window.SidebarController || window.SidebarUI).hide(), true)');
  await P.close();
});

test('Firefox: with the sidebar chosen, the context menu and the selection shortcut put the summary there too', { skip }, async () => {
  const P = await H.open(`${srv.base}/pages/article-long.html`);
  const tabId = await sidebarPage(P.raw, { display: 'sidepanel' });
  const panelPage = await fx.extensionPage(`sidepanel.html?tab=${tabId}`);
  await P.raw.bringToFront();
  await H.trigger(P, 'menu-page');
  const page = await (await panelPage.waitForFunction(SIDEBAR_STATE, { polling: 100, timeout: 15000 }, P.url())).jsonValue();
  assert.equal(page.source, 'readability');
  const selected = squash(await selectParagraphs(P, 2, 8));
  await H.trigger(P, 'shortcut-selection');
  const sel = await (await panelPage.waitForFunction((url) => {
    const h = document.querySelector('#abridge-host');
    return h && h.dataset.url === url && h.dataset.source === 'selection' && h.dataset.state === 'summary' &&
      [...h.shadowRoot.querySelectorAll('.sentence')].map((e) => e.textContent);
  }, { polling: 100, timeout: 15000 }, P.url())).jsonValue();
  for (const s of sel) assert.ok(selected.includes(squash(s)), `from the selection: ${s}`);
  assert.equal(await P.evaluate(() => document.querySelectorAll('#abridge-host').length), 0, 'no overlay');
  await panelPage.close();
  await sidebarPage(P.raw, { display: 'overlay' });
  await fx.chromeEval('((window.SidebarController || window.SidebarUI).hide(), true)');
  await P.close();
});

test('Firefox: with the sidebar chosen, a click that wakes the stopped background opens the sidebar at once', { skip }, async () => {
  const P = await H.open(`${srv.base}/pages/article.html`);
  const tabId = await sidebarPage(P.raw, { display: 'sidepanel' });
  await fx.chromeEval('((window.SidebarController || window.SidebarUI).hide(), true)');
  await fx.stopBackground();
  await P.raw.bringToFront();
  await fx.clickAction(P.raw);
  // The event page knows the setting synchronously (its localStorage copy), so the click opens the sidebar.
  for (let i = 0; i < 50 && !(await fx.chromeEval('(window.SidebarController || window.SidebarUI).isOpen')); i++) await sleep(100);
  assert.equal(await fx.chromeEval('(window.SidebarController || window.SidebarUI).isOpen'), true, 'the sidebar is open');
  assert.equal((await fx.actionState()).badge, '', 'no "click again" badge');
  const panelPage = await fx.extensionPage(`sidepanel.html?tab=${tabId}`);
  await panelPage.waitForFunction(SIDEBAR_STATE, { polling: 100, timeout: 15000 }, P.url());
  await panelPage.close();
  await sidebarPage(P.raw, { display: 'overlay' });
  await fx.chromeEval('((window.SidebarController || window.SidebarUI).hide(), true)');
  await P.close();
});

test('Firefox: a page that deletes the overlay: put back once, then the button says the summary is in the sidebar; the next click opens it', { skip }, async () => {
  const P = await H.open(`${srv.base}/pages/hostile-remover.html`);
  const tabId = await sidebarPage(P.raw, { display: 'overlay' });
  // The sidebar the previous test opened, closed (open, it would just show the summary).
  await fx.chromeEval('((window.SidebarController || window.SidebarUI).hide(), true)');
  await P.raw.bringToFront();
  await fx.clickAction(P.raw);
  await P.waitFor(() => window.removed >= 2, null, { timeout: 15000 });
  const st = await waitBadge('»');
  assert.match(st.title, /side panel/);
  await sleep(500);
  assert.equal(await P.evaluate(() => window.removed), 2, 'no endless fight');
  assert.equal(await P.evaluate(() => document.querySelectorAll('abridge-panel').length), 0);
  await fx.clickAction(P.raw);
  const panel = await fx.extensionPage(`sidepanel.html?tab=${tabId}`);
  const shown = await (await panel.waitForFunction(SIDEBAR_STATE, { polling: 100, timeout: 15000 }, P.url())).jsonValue();
  assert.equal(shown.fallback, 'true');
  assert.match(shown.title, /Ferry company orders two electric boats/);
  await P.raw.bringToFront();
  await waitBadge('');
  await panel.close();
  await P.close();
  // The real sidebar is open now (the click opened it): a page loading in a new tab, which it
  // follows, does not wake the stopped background (it asks only tabs that have a summary).
  assert.equal(await fx.chromeEval('(window.SidebarController || window.SidebarUI).isOpen'), true);
  // (Closing P made another, older tab active, which the sidebar asked: let that settle first.)
  await sleep(500);
  await fx.stopBackground();
  const Q = await H.open(`${srv.base}/pages/article-long.html`);
  await sleep(500);
  assert.equal(await fx.backgroundState(), 'stopped');
  await fx.chromeEval('((window.SidebarController || window.SidebarUI).hide(), true)');
  await Q.close();
});

test('Firefox: browser pages, source views and the PDF viewer get a clear "cannot run here" on the button', { skip }, async () => {
  for (const url of ['about:robots', `view-source:${srv.base}/pages/article.html`, `${srv.base}/doc.pdf`]) {
    const page = await fx.browser.newPage();
    await fx.navigate(page, url);
    if (url.endsWith('.pdf')) await sleep(500); // the viewer replaces the document once loaded
    await fx.clickAction(page);
    const st = await waitBadge('!');
    assert.match(st.title, /cannot run on this page/, url);
    // The badge belongs to that page: the next page in the same tab starts clean.
    await page.goto(`${srv.base}/pages/article.html`, { waitUntil: 'domcontentloaded' });
    const clean = await waitBadge('');
    assert.match(clean.title, /summarise this page/, `${url}: title reset after navigation`);
    await page.close();
  }
});

test('Firefox: the grant of a gesture ends when the tab navigates; the next gesture works on the new page', { skip }, async () => {
  const P = await H.open(`${srv.base}/pages/article.html`);
  assert.equal(await fx.hasActiveTab(P.raw), false, 'no grant before a gesture');
  assert.equal((await summarise(H, P)).state, 'summary');
  assert.equal(await fx.hasActiveTab(P.raw), true);
  const steps = [
    ['goto, same origin', () => P.goto(`${srv.base}/pages/article-long.html`)],
    ['reload', () => P.raw.reload({ waitUntil: 'domcontentloaded' })],
    ['goto, another origin', () => P.goto(`${srv.base.replace('127.0.0.1', 'localhost')}/pages/article.html`)],
  ];
  for (const [what, go] of steps) {
    await go();
    assert.equal(await fx.hasActiveTab(P.raw), false, `${what}: Firefox took the grant back`);
    assert.equal(await P.evaluate(() => document.querySelector('#abridge-host')), null, `${what}: new page, no panel`);
    for (const how of ['action', 'shortcut-selection', 'menu-page']) {
      const st = await summarise(H, P, how);
      assert.equal(st.state, 'summary', `${what}, then ${how}`);
      assert.equal((await panel(P)).hosts, 1);
      await P.press('Escape');
      await waitClosed(P);
    }
    const st = await fx.actionState();
    assert.equal(st.badge, '', `${what}: no "cannot run" badge`);
  }
  // A same-document navigation (as single-page news sites do) keeps the page and its panel.
  await summarise(H, P);
  await P.evaluate(() => history.pushState({}, '', '#more'));
  assert.equal((await panel(P)).hosts, 1);
  await H.trigger(P, 'action');
  await waitClosed(P);
  await P.close();
});

test('Firefox: after the background event page is stopped, every gesture and the open panel still work', { skip }, async () => {
  const P = await H.open(`${srv.base}/pages/article.html`);
  await fx.stopBackground();
  assert.equal((await summarise(H, P)).state, 'summary', 'toolbar button after a stop');
  const n = (await panel(P)).sentences.length;
  // The open panel's length control asks the (stopped) background: the message wakes it.
  await fx.stopBackground();
  await P.clickPanel('button.longer');
  await P.waitFor((k) => document.querySelector('#abridge-host').shadowRoot.querySelectorAll('.sentence').length === k, n + 1);
  for (const how of ['shortcut-action', 'menu-page', 'action']) {
    await P.press('Escape');
    await waitClosed(P);
    await fx.stopBackground();
    const st = await summarise(H, P, how);
    assert.equal(st.state, 'summary', `${how} after a stop`);
    assert.equal((await panel(P)).hosts, 1);
  }
  await clickAndCheckHighlight(P, 0);
  await P.close();
  // On a fresh tab everything is injected again by the woken background.
  await fx.stopBackground();
  const Q = await H.open(`${srv.base}/pages/article-long.html`);
  await sleep(500);
  assert.equal(await fx.backgroundState(), 'stopped', 'loading a page in a tab does not wake the background');
  assert.equal((await summarise(H, Q, 'menu-page')).state, 'summary');
  await Q.close();
});

test('Firefox: with a 1 s idle timeout the background unloads between gestures and nothing is lost', { skip }, async () => {
  // A second Firefox whose event page unloads after 1 s idle, as every Firefox does after 30 s.
  const idle = await launchFirefox(EXT_DIR, { prefs: { 'extensions.background.idle.timeout': 1000 } });
  try {
    const I = firefoxHarness(idle);
    const P = await I.open(`${srv.base}/pages/article.html`);
    const gestures = ['action', 'shortcut-action', 'shortcut-selection', 'menu-page'];
    let first = null;
    for (const how of gestures) {
      await idle.waitBackground('stopped', 15000);
      const st = await summarise(I, P, how);
      assert.equal(st.state, 'summary', `${how} with the background unloaded`);
      const p = await panel(P);
      assert.equal(p.hosts, 1);
      // The same article gives the same summary whether the wasm was just started or not.
      if (first === null) first = p.sentences;
      else if (how !== 'shortcut-selection') assert.deepEqual(p.sentences, first, how);
      await P.press('Escape');
      await waitClosed(P);
    }
    await summarise(I, P);
    const n = (await panel(P)).sentences.length;
    await idle.waitBackground('stopped', 15000);
    await P.clickPanel('button.longer');
    await P.waitFor((k) => document.querySelector('#abridge-host').shadowRoot.querySelectorAll('.sentence').length === k, n + 1);
    await idle.waitBackground('stopped', 15000);
    await P.clickPanel('#copy-summary');
    await P.waitFor(() => /\S/.test(document.querySelector('#abridge-host').shadowRoot.querySelector('.status').textContent));
    const clip = await P.evaluate(() => navigator.clipboard.readText());
    assert.match(clip, /\nSummary\n• /);
    await P.close();
  } finally {
    await idle.close();
  }
});

// ---------------------------------------------------------------------------------------
// Real pages.

const shared = hasShared ? pickSharedPages() : [];
if (!hasShared) console.log('../shared/pages not found: skipping the real-page tests in Firefox');

test(`Firefox: real pages (${shared.length}): summary is article text, highlight lands, one panel`, { skip: skip || (!hasShared && '../shared absent') }, async (t) => {
  if (!process.env.ABRIDGE_E2E_PAGES) assert.equal(shared.length, sharedIndex().length, 'every shared page');
  ownLog = await fx.requests();
  const failures = [];
  for (const row of shared) {
    await t.test(`${row.id} (${row.lang})`, { todo: KNOWN_CORE_ISSUES[row.id] }, async () => {
      await checkRealPage(H, srv.base, row, { t, timings, failures });
    });
  }
  if (failures.length) fs.writeFileSync(path.join(OUT, 'not-in-truth-firefox.json'), JSON.stringify(failures, null, 1));
});

// ---------------------------------------------------------------------------------------
// Network: last. Every HTTP request Firefox made is in the privileged log (lib/firefox.mjs).

test('Firefox: the extension makes no network request', { skip }, async () => {
  const all = await fx.requests();
  assert.ok(all.some((r) => r.url.startsWith(`${srv.base}/pages/`)), 'the log records the pages loaded from the test server');
  assert.ok(all.some((r) => r.triggering.startsWith('http://127.0.0.1') && r.url.startsWith(srv.base)), 'and their subresources');
  const fromExtension = all.filter((r) => fx.fromExtension(r));
  const outside = fromExtension.filter((r) => !isLocal(r.url));
  assert.deepEqual(outside, [], 'no request from the extension left the machine');
  // Our own pages load nothing from elsewhere: a request from one of them would be a leak.
  // (Requests up to the real pages, which do load from elsewhere: cancelled, not ours.)
  const ownPages = (ownLog || all).filter((r) => /^http:\/\/(127\.0\.0\.1|localhost):/.test(r.loading));
  const leaked = ownPages.filter((r) => !isLocal(r.url));
  assert.deepEqual(leaked, [], 'our own pages made no outside request');
});
