// Firefox (Debian's firefox-esr) with the unpacked extension, driven by puppeteer-core over
// WebDriver BiDi. See ../shared/notes/firefox-e2e.md.
//
// Firefox grants activeTab only to its own gesture code, so a test cannot call the
// extension's handlers directly: the toolbar button, the manifest shortcuts and the context
// menu are triggered through privileged browser-chrome JS (the same code paths a real click
// or key press takes), which needs the testing flag --remote-allow-system-access. Every use
// of Firefox internals is in this file; a failed chrome eval fails loudly.
//
// The privileged side also watches every HTTP(S) request the browser makes
// (`http-on-modify-request`, with the loading and triggering principals), and cancels the
// ones that would leave the machine (127.0.0.1, localhost): the pages cannot reach the (closed) network, and the
// tests can prove the extension made no request.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { isLocal, freshContentScript } from './browser.mjs';

export function firefoxPath() {
  if (process.env.FIREFOX) return process.env.FIREFOX;
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (fs.existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v firefox-esr || command -v firefox'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Installed in the browser window (chrome scope): a log of HTTP requests, non-local ones cancelled.
const NET_OBSERVER = `(() => {
  if (window.__abridgeNet) return true;
  const log = (window.__abridgeNet = []);
  const local = /^https?:\\/\\/(127\\.0\\.0\\.1|localhost)(?::\\d+)?\\//;
  const describe = (p) => {
    if (!p) return '';
    if (p.isSystemPrincipal) return 'system';
    if (p.isExpandedPrincipal) return 'expanded:' + (p.allowlist || []).map((q) => q.origin).join(',');
    return p.origin || '';
  };
  const observer = {
    observe(subject) {
      try {
        const ch = subject.QueryInterface(Ci.nsIHttpChannel);
        const li = ch.loadInfo;
        const tp = li && li.triggeringPrincipal;
        log.push({ url: ch.URI.spec, triggering: describe(tp), loading: describe(li && li.loadingPrincipal),
          addonId: (tp && tp.addonId) || '' });
        if (!local.test(ch.URI.spec)) ch.cancel(Cr.NS_ERROR_ABORT);
      } catch (e) {
        log.push({ url: '', error: String(e) });
      }
    },
  };
  window.__abridgeNetObserver = observer;
  Services.obs.addObserver(observer, 'http-on-modify-request');
  return true;
})()`;

/**
 * Launches Firefox with the extension installed (a temporary add-on) and privileged access.
 * `headless: false` needs DISPLAY (Xvfb). `prefs`: extra Firefox prefs.
 */
export async function launchFirefox(extDir, { headless = true, prefs = {}, env } = {}) {
  freshContentScript(extDir);
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless,
    env: env || process.env,
    defaultViewport: { width: 1280, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // navigator.clipboard.readText() without Firefox's paste prompt (tests read back the copy).
      'dom.events.testing.asyncClipboard': true,
      ...prefs,
    },
  });
  try {
    const geckoId = await browser.installExtension(extDir);
    const conn = browser.connection;
    const { result } = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const chromeCtx = result.contexts[0].context;
    const chromeEval = async (expression) => {
      const r = (await conn.send('script.evaluate', {
        expression,
        target: { context: chromeCtx },
        awaitPromise: true,
        resultOwnership: 'none',
      })).result;
      if (r.type !== 'success') throw new Error(`chrome eval failed: ${r.exceptionDetails && r.exceptionDetails.text}\n${expression}`);
      return r.result.value;
    };
    const fx = new Firefox(browser, geckoId, chromeEval);
    await chromeEval(NET_OBSERVER);
    fx.uuid = await chromeEval(`${fx.EXT}.uuid`);
    return fx;
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
}

class Firefox {
  constructor(browser, geckoId, chromeEval) {
    this.browser = browser;
    this.geckoId = geckoId;
    this.chromeEval = chromeEval;
    this.EXT = `WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension`;
    this.ACTION = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs')
      .ExtensionParent.apiManager.global.browserActionFor(${this.EXT})`;
  }

  /** Navigates without waiting through puppeteer (its goto never resolves for about: and moz-extension: pages). */
  async navigate(page, url) {
    await this.browser.connection.send('browsingContext.navigate', { context: page.mainFrame()._id, url, wait: 'complete' });
  }

  /** The toolbar button, clicked (ExtensionActions.triggerClickOrPopup: grants activeTab, fires action.onClicked). */
  async clickAction(page, { front = true } = {}) {
    if (front) await page.bringToFront();
    await this.chromeEval(`(${this.ACTION}.triggerAction(window), true)`);
  }

  /**
   * A manifest shortcut, run through the extension's XUL <key> (the element a real key press
   * activates): `key` is the letter of the manifest's Alt+Shift+<key>.
   */
  async pressShortcut(page, key, { front = true } = {}) {
    if (front) await page.bringToFront();
    await this.chromeEval(`(() => {
      const set = document.getElementById('ext-keyset-id-' + ${this.EXT}.shortcuts.id);
      const k = set && [...set.children].find((k) => k.getAttribute('modifiers') === 'alt,shift' && k.getAttribute('key') === ${JSON.stringify(key)});
      if (!k) throw new Error('no Alt+Shift+' + ${JSON.stringify(key)} + ' key for the extension');
      k.doCommand();
      return true;
    })()`);
  }

  /** Right-clicks at (x, y) in the page and activates the context-menu item labelled `label`. */
  async contextMenu(page, label, { x = 40, y = 400 } = {}, { front = true } = {}) {
    if (front) await page.bringToFront();
    await page.mouse.click(x, y, { button: 'right' });
    await this.chromeEval(`new Promise((resolve, reject) => {
      const menu = document.getElementById('contentAreaContextMenu');
      let n = 0;
      const tick = () => {
        const item = [...menu.querySelectorAll('menuitem')].find((i) => i.label === ${JSON.stringify(label)} && !i.hidden);
        if (menu.state === 'open' && item) {
          menu.activateItem(item);
          resolve(true);
        } else if (++n > 80) {
          const labels = [...menu.querySelectorAll('menuitem')].filter((i) => !i.hidden).map((i) => i.label);
          menu.hidePopup();
          reject(new Error('context menu ' + menu.state + ' without ' + ${JSON.stringify(label)} + ': ' + labels.join(' | ')));
        } else setTimeout(tick, 50);
      };
      tick();
    })`);
  }

  /** The selected tab's action badge and title. */
  async actionState() {
    return JSON.parse(await this.chromeEval(`JSON.stringify({
      badge: ${this.ACTION}.action.getProperty(gBrowser.selectedTab, 'badgeText'),
      title: ${this.ACTION}.action.getProperty(gBrowser.selectedTab, 'title'),
    })`));
  }

  /** Whether the extension holds activeTab on the selected tab. */
  async hasActiveTab(page) {
    await page.bringToFront();
    return this.chromeEval(`${this.EXT}.tabManager.hasActiveTabPermission(gBrowser.selectedTab)`);
  }

  /** 'running' | 'stopped' | 'starting' | ... */
  backgroundState() {
    return this.chromeEval(`String(${this.EXT}.backgroundState)`);
  }

  /** Stops the background event page now (what Firefox does after it has been idle). */
  async stopBackground() {
    await this.chromeEval(`${this.EXT}.terminateBackground().then(() => true)`);
    await this.waitBackground('stopped', 5000);
  }

  async waitBackground(state, timeout = 10000) {
    const end = Date.now() + timeout;
    let s;
    while ((s = await this.backgroundState()) !== state) {
      if (Date.now() > end) throw new Error(`background is ${s}, not ${state}, after ${timeout} ms`);
      await sleep(100);
    }
  }

  /** Whether the sidebar is open (any). */
  sidebarOpen() {
    return this.chromeEval('(window.SidebarController || window.SidebarUI).isOpen');
  }

  /**
   * Evaluates `expression` in the extension page shown in the sidebar (its `document`), and
   * resolves to its JSON-able value (awaited), or null when no extension page is in the
   * sidebar. BiDi cannot reach the sidebar (its navigables are tabs only), so this loads a
   * frame script into the sidebar's inner browser through its message manager; the frame
   * script sees the page through Xray wrappers (DOM properties only, no page globals).
   */
  async sidebarEval(expression) {
    // The value crosses as JSON text (BiDi would serialise an object as its own remote value).
    const json = await this.chromeEval(`new Promise((resolve, reject) => {
      const sb = window.SidebarController || window.SidebarUI;
      const inner = sb.isOpen && sb.browser.contentDocument && sb.browser.contentDocument.getElementById('webext-panels-browser');
      if (!inner || !inner.currentURI.spec.startsWith('moz-extension://')) return resolve('null');
      const mm = inner.messageManager;
      const name = 'abridge-test:' + Math.random().toString(36).slice(2);
      const timer = setTimeout(() => reject(new Error('no answer from the sidebar')), 5000);
      const onMessage = (m) => {
        mm.removeMessageListener(name, onMessage);
        clearTimeout(timer);
        if (m.data.error) reject(new Error(m.data.error));
        else resolve(m.data.value === undefined ? 'null' : m.data.value);
      };
      mm.addMessageListener(name, onMessage);
      const code = 'Promise.resolve().then(() => { const document = content.document; return (' + ${JSON.stringify(expression)} + '); })' +
        '.then((v) => sendAsyncMessage(' + JSON.stringify(name) + ', { value: JSON.stringify(v) }),' +
        ' (e) => sendAsyncMessage(' + JSON.stringify(name) + ', { error: String(e) }));';
      mm.loadFrameScript('data:,' + encodeURIComponent(code), false);
    })`);
    return JSON.parse(json);
  }

  /** Polls sidebarEval(expression) until it is truthy; resolves to its value. */
  async waitSidebar(expression, timeout = 15000) {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await this.sidebarEval(expression).catch(() => null);
      if (v) return v;
      if (Date.now() > end) throw new Error('sidebar: timed out waiting for ' + expression);
      await sleep(100);
    }
  }

  /** Opens one of the extension's own pages (e.g. 'options.html') in a new tab. */
  async extensionPage(file) {
    const page = await this.browser.newPage();
    await this.navigate(page, `moz-extension://${this.uuid}/${file}`);
    await page.waitForFunction(() => typeof browser === 'object' && document.readyState === 'complete', { polling: 100, timeout: 10000 });
    return page;
  }

  /** Every HTTP(S) request seen so far: `{url, triggering, loading, addonId}`. */
  async requests() {
    return JSON.parse(await this.chromeEval('JSON.stringify(window.__abridgeNet || [])'));
  }

  /** Whether a logged request was made by this extension (its pages, background or content scripts). */
  fromExtension(r) {
    const origin = `moz-extension://${this.uuid}`;
    return r.addonId === this.geckoId || r.triggering.includes(origin) || r.loading.includes(origin);
  }

  async close() {
    await this.browser.close().catch(() => {});
  }
}

export { isLocal };
