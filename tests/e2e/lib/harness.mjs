// One small interface over both browsers, so the end-to-end checks (checks.mjs) are written
// once and run in Chromium (playwright-core, CDP) and in Firefox (puppeteer-core, BiDi).
//
// A harness `H`:
//   H.name                 'chromium' | 'firefox'
//   H.open(url)            a new tab at `url` → page adapter `P`
//   H.trigger(P, how)      a user gesture on P's tab: 'action' (toolbar button),
//                          'shortcut-action' / 'shortcut-selection' (the manifest's keys),
//                          'menu-page' / 'menu-selection' (context menu); `H.gestures` lists
//                          the ones this harness can do headless
//   H.prepare(P, how)      the harness's own work before that gesture (P's tab to the front,
//                          finding its target) → the gesture itself, a function to call: what
//                          the timings (checks.mjs summarise) start the clock just before
//   H.grantClipboard(P)    lets P's page read the clipboard back
//   H.roundTrip(P)         what the panel on P was made from: the content script's own
//                          extraction (`article`) sent again through the extension's message
//                          round trip → `{article, source, reply: {ok, summary}}`
//   H.extensionPage(file)  one of the extension's pages in a tab → `P`
// A page adapter `P`: raw, url(), goto(url), evaluate(fn, arg), waitFor(fn, arg, opts),
//   clickPanel(selectorInShadowRoot, i), click(selector), select(selector, value), press(key),
//   mouseMove(x, y), screenshot(file), close().
import fs from 'node:fs';
import path from 'node:path';
import { EXT_DIR } from './shared.mjs';
import { prepareAction } from './browser.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The manifest's shortcut letters: `{action: 'U', selection: 'Y'}` from "Alt+Shift+U" and so on. */
export function manifestShortcuts() {
  const m = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8'));
  const key = (name) => {
    const k = m.commands[name].suggested_key.default;
    return { combo: k, key: k.split('+').pop() };
  };
  return { action: key('_execute_action'), selection: key('summarise-selection') };
}

/** English UI strings (context-menu labels). */
export function message(name) {
  const m = JSON.parse(fs.readFileSync(path.join(EXT_DIR, '_locales', 'en', 'messages.json'), 'utf8'));
  return m[name].message;
}

// Runs in an extension context (service worker or extension page): asks the content script
// in the tab at `url` for its last extraction and sends it to the background exactly as
// main.js does (settings at their default: no options).
async function roundTripInExtension(url) {
  const api = globalThis.browser ?? globalThis.chrome;
  const tabs = await api.tabs.query({});
  const tab = tabs.find((t) => t.url === url);
  if (!tab) return { error: 'no tab at ' + url };
  const [res] = await api.scripting.executeScript({
    target: { tabId: tab.id },
    func: async () => {
      const ext = globalThis.browser ?? globalThis.chrome;
      const main = globalThis.AbridgeLib && globalThis.AbridgeLib.main;
      const ex = main && main.extraction();
      if (!ex || !ex.article) return { article: null, source: ex ? ex.source : null };
      const reply = await ext.runtime.sendMessage({ type: 'abridge:summarize', article: ex.article, options: {} });
      return { article: ex.article, source: ex.source, reply };
    },
  });
  return res.result;
}

// ---------------------------------------------------------------------------------------
// Page adapters.

export function chromiumPage(page) {
  return {
    raw: page,
    url: () => page.url(),
    goto: (url) => page.goto(url, { waitUntil: 'domcontentloaded' }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, { timeout = 10000 } = {}) => page.waitForFunction(fn, arg, { polling: 100, timeout }),
    clickPanel: (sel, i = 0) => page.locator(`#abridge-host ${sel}`).nth(i).click(),
    click: (sel) => page.locator(sel).click(),
    select: (sel, value) => page.locator(sel).selectOption(value),
    press: (key) => page.keyboard.press(key),
    mouseMove: (x, y) => page.mouse.move(x, y),
    screenshot: (file) => page.screenshot({ path: file }),
    close: () => page.close(),
  };
}

export function firefoxPage(page) {
  return {
    raw: page,
    url: () => page.url(),
    goto: (url) => page.goto(url, { waitUntil: 'domcontentloaded' }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, { timeout = 10000 } = {}) => page.waitForFunction(fn, { polling: 100, timeout }, arg),
    async clickPanel(sel, i = 0) {
      // Like a Playwright locator: find the element again if a re-render replaced it meanwhile.
      for (let attempt = 1; ; attempt++) {
        const els = await page.$$(`#abridge-host >>> ${sel}`);
        try {
          if (!els[i]) throw new Error(`no ${sel} #${i} in the panel`);
          await els[i].click();
          return;
        } catch (e) {
          if (attempt >= 3 || !/detached|no .* in the panel/.test(e.message)) throw e;
          await sleep(200);
        }
      }
    },
    click: (sel) => page.click(sel),
    select: (sel, value) => page.select(sel, value),
    press: (key) => page.keyboard.press(key),
    mouseMove: (x, y) => page.mouse.move(x, y),
    screenshot: (file) => page.screenshot({ path: file }),
    close: () => page.close(),
  };
}

// ---------------------------------------------------------------------------------------
// Harnesses.

/** `b`: what browser.mjs's launch() returns. `onRequest(url)`: sees every request of the pages opened with watch. */
export function chromiumHarness(b, { onRequest } = {}) {
  return {
    name: 'chromium',
    gestures: ['action'],
    async open(url, { watch = false } = {}) {
      const page = await b.context.newPage();
      if (watch && onRequest) page.on('request', (r) => onRequest(r.url()));
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return chromiumPage(page);
    },
    async trigger(P, how = 'action') {
      await (await this.prepare(P, how))();
    },
    async prepare(P, how = 'action') {
      if (how !== 'action') throw new Error(`headless Chromium cannot do the gesture ${how} (only the toolbar button)`);
      return prepareAction(b, P.raw);
    },
    grantClipboard: (P) => b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(P.url()).origin }),
    async roundTrip(P) {
      await P.raw.bringToFront();
      const sw = b.context.serviceWorkers()[0] || (await b.context.waitForEvent('serviceworker'));
      return sw.evaluate(roundTripInExtension, P.url());
    },
    async extensionPage(file) {
      const page = await b.context.newPage();
      await page.goto(`chrome-extension://${b.extId}/${file}`);
      return chromiumPage(page);
    },
  };
}

/** `fx`: what firefox.mjs's launchFirefox() returns. */
export function firefoxHarness(fx) {
  const keys = manifestShortcuts();
  let extPage = null;
  return {
    name: 'firefox',
    gestures: ['action', 'shortcut-action', 'shortcut-selection', 'menu-page', 'menu-selection'],
    async open(url) {
      const page = await fx.browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.bringToFront();
      return firefoxPage(page);
    },
    async trigger(P, how = 'action') {
      await (await this.prepare(P, how))();
    },
    async prepare(P, how = 'action') {
      const page = P.raw;
      await page.bringToFront();
      const front = { front: false }; // done just now
      switch (how) {
        case 'action':
          return () => fx.clickAction(page, front);
        case 'shortcut-action':
          return () => fx.pressShortcut(page, keys.action.key, front);
        case 'shortcut-selection':
          return () => fx.pressShortcut(page, keys.selection.key, front);
        case 'menu-page':
          return () => fx.contextMenu(page, message('menuPage'), undefined, front);
        case 'menu-selection': {
          // Right-click on the selected text, where the "selection" item is offered.
          const at = await page.evaluate(() => {
            const r = getSelection().rangeCount ? getSelection().getRangeAt(0).getClientRects()[0] : null;
            return r && { x: Math.round(r.left + Math.min(20, r.width / 2)), y: Math.round(r.top + r.height / 2) };
          });
          if (!at) throw new Error('nothing selected (in view) to right-click');
          return () => fx.contextMenu(page, message('menuSelection'), at, front);
        }
        default:
          throw new Error('unknown gesture ' + how);
      }
    },
    grantClipboard: async () => {}, // the pref dom.events.testing.asyncClipboard (firefox.mjs)
    async roundTrip(P) {
      if (!extPage || extPage.isClosed()) extPage = await fx.extensionPage('options.html');
      const r = await extPage.evaluate(roundTripInExtension, P.url());
      await P.raw.bringToFront();
      return r;
    },
    async extensionPage(file) {
      return firefoxPage(await fx.extensionPage(file));
    },
  };
}

export { sleep };
