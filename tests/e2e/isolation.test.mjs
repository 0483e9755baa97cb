// End-to-end: the page (and another extension) cannot talk to Abridge's service worker or read
// the summary. Headless Chromium with two unpacked extensions: Abridge and a test fixture,
// tests/fixtures/intruder-extension, whose externally_connectable entry also gives pages on
// 127.0.0.1 a chrome.runtime (so a page script can try to message Abridge by its id).
//
// The panel's shadow root is closed in store installs and open in development installs (an
// unpacked folder: these tests). One test switches a tab's content scripts to the store mode
// (closed) from Abridge's own worker and checks what the page can see then, and that the
// panel still works (clicked at its coordinates, read through chrome.dom.openOrClosedShadowRoot
// in the extension's isolated world).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { REPO, EXT_DIR } from './lib/shared.mjs';
import { chromiumSuite } from './lib/fixture.mjs';
import { summarise, waitClosed, panelView, watchConsole } from './lib/hostile.mjs';

const INTRUDER = path.join(REPO, 'tests', 'fixtures', 'intruder-extension');

let srv;
let b; // launch() result with sw/extId set to Abridge's
let intruder; // {sw, id}
let workerLog;
const extensionLog = [];

async function workerEnding(context, suffix) {
  for (let i = 0; i < 100; i++) {
    const sw = context.serviceWorkers().find((w) => w.url().endsWith(suffix));
    if (sw) return sw;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no service worker ' + suffix);
}

const E2E = chromiumSuite({
  // Chromium takes one comma-separated list for both flags (../shared/notes/toolchain.md §4.1).
  extDir: `${EXT_DIR},${INTRUDER}`,
  hookWorkerLog: true,
  async onLaunch(b) {
    b.sw = await workerEnding(b.context, '/background.js');
    b.extId = new URL(b.sw.url()).host;
    const isw = await workerEnding(b.context, '/worker.js');
    intruder = { sw: isw, id: new URL(isw.url()).host };
    assert.notEqual(intruder.id, b.extId);
  },
});
const { skip } = E2E;

before(async () => ({ srv, b, workerLog } = await E2E.ready()));


const ARTICLE = {
  paragraphs: [
    'The town council of Port Averly voted on Tuesday night to spend $18.5 million rebuilding the sea wall that failed during the January storm surge.',
    'Mayor Helen Brandt said the decision was overdue after thirty years of repairs to the old wall, which was built in 1962.',
  ],
};

async function open(name) {
  const page = await b.context.newPage();
  watchConsole(page, extensionLog);
  await page.goto(`${srv.base}/pages/${name}`, { waitUntil: 'load' });
  return page;
}

/**
 * Runs one of the functions below in Abridge's isolated world in the page's tab, from Abridge's
 * worker (after a click granted the tab). They are written out here because the worker's CSP
 * forbids building functions from strings.
 */
async function inAbridgeWorld(page, what) {
  await page.bringToFront();
  return b.sw.evaluate(async (name) => {
    const funcs = {
      // The store mode: a closed shadow root for the next panel, then a summary.
      closedTrigger: () => {
        globalThis.AbridgeLib.shadowMode = 'closed';
        globalThis.AbridgeLib.main.trigger('page');
      },
      // What the panel shows, read through the extension-only API, with points to click.
      read: () => {
        const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('#abridge-host'));
        const at = (el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + Math.min(r.height / 2, 12) };
        };
        return {
          sentences: [...root.querySelectorAll('.sentence')].map((e) => ({ text: e.textContent, at: at(e) })),
          stats: root.querySelector('#stats').textContent,
          close: at(root.querySelector('.close')),
        };
      },
    };
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const [r] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: funcs[name] });
    return r.result;
  }, what);
}

test('messages from the page are ignored: postMessage, CustomEvents, a fake AbridgeLib, chrome.runtime by id', { skip }, async () => {
  const page = await open('article.html');
  const tried = await page.evaluate(
    async ({ abridgeId, intruderId, article }) => {
      const msg = { type: 'abridge:summarize', article, options: { sentences: 2 } };
      // Everything a page might try before any click.
      window.postMessage(msg, '*');
      window.postMessage({ type: 'abridge:trigger', mode: 'page' }, '*');
      for (const name of ['abridge:summarize', 'abridge:trigger', 'abridge', 'AbridgeLib']) {
        document.dispatchEvent(new CustomEvent(name, { detail: msg, bubbles: true }));
        window.dispatchEvent(new CustomEvent(name, { detail: msg }));
      }
      // A page-made AbridgeLib in the main world: content scripts live in another world.
      window.AbridgeLib = {
        pending: { mode: 'page' },
        main: { alive: () => true, trigger: () => (window.__pwned = 'fake AbridgeLib called'), close: () => (window.__pwned = 'fake close') },
      };
      const out = { runtime: typeof chrome !== 'undefined' && Boolean(chrome.runtime && chrome.runtime.sendMessage) };
      const attempt = async (id, m) => {
        try {
          return { reply: await chrome.runtime.sendMessage(id, m) };
        } catch (e) {
          return { error: String(e.message || e) };
        }
      };
      if (out.runtime) {
        out.toAbridge = await attempt(abridgeId, msg);
        out.toIntruder = await attempt(intruderId, { ping: 1 });
        out.connect = await new Promise((resolve) => {
          try {
            const port = chrome.runtime.connect(abridgeId);
            port.onDisconnect.addListener(() => resolve({ disconnected: true, error: chrome.runtime.lastError ? chrome.runtime.lastError.message : '' }));
            port.postMessage(msg);
            setTimeout(() => resolve({ disconnected: false }), 3000);
          } catch (e) {
            resolve({ error: String(e.message || e) });
          }
        });
      }
      return out;
    },
    { abridgeId: b.extId, intruderId: intruder.id, article: ARTICLE },
  );
  assert.ok(tried.runtime, 'the page has a chrome.runtime (from the fixture extension)');
  assert.deepEqual(tried.toIntruder.reply && tried.toIntruder.reply.intruder, 'pong', 'control: the channel works for an extension that allows pages');
  assert.ok(tried.toAbridge.error, `Abridge does not answer the page: ${JSON.stringify(tried.toAbridge)}`);
  assert.equal(tried.toAbridge.reply, undefined);
  assert.ok(tried.connect.error !== undefined || tried.connect.disconnected, `a port to Abridge from the page is refused: ${JSON.stringify(tried.connect)}`);
  await page.waitForTimeout(500);
  assert.equal((await panelView(page)).hosts, 0, 'no panel without a click');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // A real click still works, with the page's fake AbridgeLib in place.
  const st = await summarise(b, page);
  assert.equal(st.state, 'summary');
  const before = await panelView(page);
  // Once the panel is open, page messages change nothing either.
  await page.evaluate(() => {
    window.postMessage({ type: 'abridge:close' }, '*');
    document.dispatchEvent(new CustomEvent('abridge:summarize', { detail: { sentences: 1 } }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); // untrusted: isTrusted false
  });
  await page.waitForTimeout(500);
  const after = await panelView(page);
  assert.deepEqual(after.sentences, before.sentences);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test("another extension gets no answer from Abridge's worker (message or port)", { skip }, async () => {
  const r = await intruder.sw.evaluate(({ id, article }) => self.attack(id, article), { id: b.extId, article: ARTICLE });
  assert.ok(r.message.error, `sendMessage from another extension fails: ${JSON.stringify(r.message)}`);
  assert.match(r.message.error, /Receiving end does not exist|Could not establish connection/);
  assert.equal(r.port.got.length, 0, 'nothing comes back on a port');
  assert.ok(r.port.disconnected, 'the port is closed at once');
});

test('page scripts read the panel only through an open root; the store mode (closed) hides it and still works', { skip }, async () => {
  const page = await open('article-long.html');
  // Development install (these tests): open, so a page script can read the summary.
  await summarise(b, page);
  const open_ = await page.evaluate(() => {
    const root = document.querySelector('#abridge-host').shadowRoot;
    return root ? [...root.querySelectorAll('.sentence')].map((e) => e.textContent) : null;
  });
  assert.ok(open_ && open_.length > 0, 'open root: a page script reads the summary sentences');
  await page.keyboard.press('Escape');
  await waitClosed(page);

  // The store mode: closed. Set in this tab's content scripts by Abridge's worker, then summarise.
  await inAbridgeWorld(page, 'closedTrigger');
  await page.waitForFunction(() => document.querySelector('#abridge-host')?.dataset.state === 'summary', null, { polling: 100, timeout: 15000 });
  const seen = await page.evaluate(() => {
    const host = document.querySelector('#abridge-host');
    return { shadowRoot: host.shadowRoot, markup: document.documentElement.outerHTML, text: document.documentElement.textContent };
  });
  assert.equal(seen.shadowRoot, null, 'closed root: host.shadowRoot is null for the page');
  // What the panel shows, read in Abridge's own world.
  const panel = await inAbridgeWorld(page, 'read');
  assert.ok(panel.sentences.length > 0);
  assert.ok(!seen.markup.includes(panel.stats), 'the stats line is nowhere in the page DOM');
  // Usable: click a sentence at its place on screen → highlighted on the page; close button.
  const first = panel.sentences[0];
  await page.mouse.click(first.at.x, first.at.y);
  await page.waitForFunction(
    (want) => {
      const h = CSS.highlights.get('abridge-sentence');
      const r = h && [...h][0];
      return Boolean(r && r.toString().replace(/\s+/g, '') === want);
    },
    first.text.replace(/\s+/g, ''),
    { polling: 100, timeout: 5000 },
  );
  // Another extension with access to the page can still read a closed root (chrome.dom API):
  // a closed root keeps page scripts out, not other extensions.
  const tabId = await b.sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
  const peek = await intruder.sw.evaluate((id) => self.peek(id), tabId);
  assert.equal(peek.shadowRoot, false);
  assert.equal(peek.viaDomApi, true);
  await page.mouse.click(panel.close.x, panel.close.y);
  await waitClosed(page);
  await page.close();
});

test('no errors or warnings from Abridge', { skip }, async () => {
  assert.deepEqual([...extensionLog.filter((l) => l.includes(b.extId)), ...(await workerLog())], []);
});
