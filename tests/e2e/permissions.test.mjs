// End-to-end: what Abridge may touch. In headless Chromium with the unpacked extension:
//   - storage keeps settings only: after summarising several pages and changing the
//     settings, chrome.storage (sync, local, session), IndexedDB, Cache Storage and
//     localStorage of the extension's origin hold nothing but the settings keys, and the
//     pages' own storage and cookies are untouched;
//   - no network request: every request the browser made (Chromium's net log, and
//     Playwright's request events for pages and the worker) that the extension's origin
//     initiated went to the extension itself. A control run shows the check sees a request
//     the worker makes (to 127.0.0.2, on this machine).
// The manifest's permissions against PRIVACY.md are checked in tests/node/permissions.test.mjs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { requests } from './lib/netlog.mjs';
import { EXT_DIR } from './lib/shared.mjs';
import { chromiumSuite } from './lib/fixture.mjs';
import { summarise, waitClosed, panelView } from './lib/hostile.mjs';

const E2E = chromiumSuite({
  hookWorkerLog: true,
  onLaunch: (b) => b.context.on('request', (r) => seenRequests.push({ url: r.url(), worker: Boolean(r.serviceWorker()), frame: r.serviceWorker() ? '' : r.frame().url() })),
});
const { skip } = E2E;
const SETTINGS_KEYS = ['length', 'side', 'theme', 'display']; // extension/content/settings.js

let srv;
let b;
let workerLog;
const seenRequests = []; // Playwright request events: {url, worker, frame}
const shown = []; // every summary sentence shown, to look for in storage

before(async () => ({ srv, b, workerLog } = await E2E.ready()));

/** Requests of the extension's origin (initiated by it, or in its network partition) to anything but itself. */
function extensionRequestsOut(netlog, extId) {
  const origin = `chrome-extension://${extId}`;
  return requests(netlog).filter((r) => (r.initiator.startsWith(origin) || r.isolationKey.includes(origin)) && !r.url.startsWith(origin + '/'));
}

/** Everything stored for the extension's origin. */
async function extensionStorage() {
  const fromWorker = await b.sw.evaluate(async () => ({
    sync: await chrome.storage.sync.get(null),
    local: await chrome.storage.local.get(null),
    session: chrome.storage.session ? await chrome.storage.session.get(null) : {},
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }));
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extId}/options.html`);
  const fromPage = await options.evaluate(async () => ({ localStorage: Object.keys(localStorage), sessionStorage: Object.keys(sessionStorage), cookies: document.cookie }));
  await options.close();
  return { ...fromWorker, ...fromPage };
}

test('storage keeps the settings only, never article text or summaries', { skip }, async () => {
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.base });
  // Settings changed on the options page.
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extId}/options.html`);
  await options.locator('#sentences').selectOption('4');
  await options.locator('input[name=theme][value=dark]').check();
  await options.waitForFunction(() => document.getElementById('status').textContent.length > 0, null, { polling: 100 });
  await options.close();
  // Several pages summarised, re-summarised at another length, sentences clicked, copied.
  for (const name of ['article.html', 'article-long.html', 'markup-as-text.html', 'hostile-markup.html', 'article-he.html', 'spa.html']) {
    const page = await b.context.newPage();
    await page.goto(`${srv.base}/pages/${name}`, { waitUntil: 'load' });
    const pageStorage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    const st = await summarise(b, page);
    assert.equal(st.state, 'summary', name);
    await page.locator('#abridge-host button.longer').click();
    await page.waitForFunction(() => document.querySelector('#abridge-host').shadowRoot.querySelectorAll('.sentence').length === 5, null, { polling: 100 });
    await page.locator('#abridge-host .sentence').first().click();
    await page.locator('#abridge-host #copy-summary').click();
    shown.push(...(await panelView(page)).sentences);
    await page.keyboard.press('Escape');
    await waitClosed(page);
    assert.deepEqual(
      await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie })),
      pageStorage,
      `${name}: the page's own storage and cookies untouched`,
    );
    await page.close();
  }
  assert.ok(shown.length >= 20);
  const stored = await extensionStorage();
  assert.deepEqual(Object.keys(stored.sync).sort(), ['display', 'length', 'side', 'theme'], 'storage.sync: the four settings');
  for (const k of Object.keys(stored.sync)) assert.ok(SETTINGS_KEYS.includes(k));
  assert.deepEqual(stored.sync, { length: 4, side: 'right', theme: 'dark', display: 'overlay' });
  assert.deepEqual(stored.local, {}, 'storage.local empty');
  assert.deepEqual(stored.session, {}, 'storage.session empty');
  assert.deepEqual(stored.indexedDB, [], 'no IndexedDB database');
  assert.deepEqual(stored.caches, [], 'no Cache Storage');
  assert.deepEqual(stored.localStorage, [], 'no localStorage on the extension origin');
  assert.deepEqual(stored.sessionStorage, []);
  assert.equal(stored.cookies, '');
  const all = JSON.stringify(stored);
  for (const s of shown) assert.ok(!all.includes(s.slice(0, 40)), `a summary sentence is not stored: ${s}`);
  assert.deepEqual(await workerLog(), []);
});

test('the extension makes no network request (net log and request events)', { skip }, async () => {
  // Playwright's view: requests of the worker, and of extension pages, go only to the extension.
  const fromExtension = seenRequests.filter((r) => r.worker || r.frame.startsWith('chrome-extension://'));
  assert.ok(fromExtension.some((r) => r.url.endsWith('/options.js')), "extension pages' requests are seen");
  assert.deepEqual(fromExtension.filter((r) => !r.url.startsWith(`chrome-extension://${b.extId}/`)), []);
  // Pages (ours load nothing from elsewhere) asked only the test server.
  assert.deepEqual(seenRequests.filter((r) => !r.url.startsWith(srv.base) && !r.url.startsWith('chrome-extension://') && !/^(data|blob|javascript|about):/.test(r.url)), []);
  // The net log: every request the browser made, closed to read it whole.
  await b.close();
  const all = requests(b.netlog);
  assert.ok(all.some((r) => r.url.startsWith(srv.base)), 'the net log records the test pages');
  assert.deepEqual(extensionRequestsOut(b.netlog, b.extId), [], 'no request from the extension origin to anything but itself');
});

// Both checks must be able to fail. launch() aborts every request that is not to 127.0.0.1
// (context.route), and an aborted request never reaches the network stack, so the net log has
// no initiator for it: Playwright's request events are the check that sees it (the worker's
// requests included). With the route lifted, the net log names the extension as initiator.
test('control: both checks see a request the worker makes (to 127.0.0.2, on this machine)', { skip }, async () => {
  const c = await launch(EXT_DIR);
  const seen = [];
  c.context.on('request', (r) => seen.push({ url: r.url(), worker: Boolean(r.serviceWorker()) }));
  const attempt = () =>
    c.sw.evaluate(async () => {
      try {
        await fetch('http://127.0.0.2:9/abridge-control', { cache: 'no-store' });
        return 'fetched';
      } catch (e) {
        return 'failed: ' + e.message;
      }
    });
  try {
    await attempt();
    assert.ok(seen.some((r) => r.worker && r.url.startsWith('http://127.0.0.2:9/')), `request events see the worker's request: ${JSON.stringify(seen)}`);
    await c.context.unrouteAll();
    await attempt();
    await c.close();
    const out = extensionRequestsOut(c.netlog, c.extId);
    assert.ok(out.some((r) => r.url.startsWith('http://127.0.0.2:9/')), `the net log sees it once it reaches the network: ${JSON.stringify(out)}`);
  } finally {
    await c.close();
    c.cleanup();
  }
});
