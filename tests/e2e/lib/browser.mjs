// Headless Chromium with the unpacked extension, driven by playwright-core (no browser
// download: Debian's /usr/bin/chromium). See ../shared/notes/toolchain.md §4.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CONTENT_FILES, writeBundle } from '../../../scripts/content-bundle.mjs';

export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (fs.existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** Whether a URL stays on this machine's loopback server (or is the browser's/extension's own). */
export function isLocal(url) {
  try {
    const u = new URL(url);
    if (['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:', 'chrome:'].includes(u.protocol)) return true;
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost';
  } catch {
    return false;
  }
}

/**
 * The content script the worker injects (pkg/content.js), made again from the sources in
 * `extDir` when they are there (a source edited since the last build is tested as it is now);
 * a packaged extension, without them, is loaded as it is. Both launchers call it.
 */
export function freshContentScript(extDir) {
  if (CONTENT_FILES.every((f) => fs.existsSync(path.join(extDir, f)))) writeBundle(extDir);
}

/** `headless: false` with `env.DISPLAY` (Xvfb) for real key presses (shortcuts.test.mjs). */
export async function launch(extDir, { colorScheme = 'light', headless = true, env } = {}) {
  for (const dir of extDir.split(',')) freshContentScript(dir);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'abridge-e2e-'));
  const netlog = path.join(profile, 'netlog.json');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    ...(env ? { env } : {}),
    colorScheme,
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--log-net-log=${netlog}`,
    ],
  });
  // Pages may not reach the (closed) network: abort everything that is not 127.0.0.1.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  const sw = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
  const extId = new URL(sw.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();
  return {
    context,
    sw,
    extId,
    cdp,
    netlog,
    profile,
    async close() {
      await context.close().catch(() => {});
    },
    cleanup() {
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Readies a click on the toolbar button for `page`: brings its tab to the front and finds its
 * tab target (test-harness work, two CDP round trips); returns the click itself, a function
 * that sends CDP Extensions.triggerAction on that target.
 */
export async function prepareAction(b, page) {
  await page.bringToFront();
  const { targetInfos } = await b.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error('no tab target for ' + page.url());
  return () => b.cdp.send('Extensions.triggerAction', { id: b.extId, targetId: tab.targetId });
}

/** Clicks the toolbar button the way a user does (CDP Extensions.triggerAction on the tab target). */
export async function triggerAction(b, page) {
  await (await prepareAction(b, page))();
}

/**
 * Stops the extension's service worker, as Chromium does after ~30 s idle, and waits until the
 * instance that was running is gone. Chromium may start the worker again at once (an event for
 * it) and list the new instance under the same target id, so "gone" is either the target no
 * longer listed or the running worker lacking a mark set in the old one's memory. The close is
 * sent again when nothing changed for 2 s (once in a CI run it was not acted on); throws after
 * 4 tries.
 */
export async function stopServiceWorker(b) {
  const ours = (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${b.extId}/`);
  const workers = () => b.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${b.extId}/`));
  const mark = `stopped-${Date.now()}-${Math.random()}`;
  // A worker that is shutting down may never answer: half a second, then it counts as unanswered.
  const ask = (w, fn, arg, otherwise) =>
    Promise.race([w.evaluate(fn, arg).catch(() => otherwise), new Promise((r) => setTimeout(() => r(otherwise), 500))]);
  for (const w of workers()) await ask(w, (m) => (globalThis.__abridgeTestMark = m), mark, null);
  const first = (await b.cdp.send('Target.getTargets')).targetInfos.find(ours);
  if (!first) throw new Error('the service worker is not running before it is stopped');
  for (let attempt = 0; attempt < 4; attempt++) {
    await b.cdp.send('Target.closeTarget', { targetId: first.targetId }).catch(() => {});
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const { targetInfos } = await b.cdp.send('Target.getTargets');
      if (!targetInfos.some((t) => t.targetId === first.targetId)) return;
      for (const w of workers()) {
        if ((await ask(w, () => globalThis.__abridgeTestMark, undefined, mark)) !== mark) return;
      }
    }
  }
  throw new Error('the service worker did not stop (4 tries of Target.closeTarget, 2 s each)');
}

/** Waits until the panel has a summary, a message or an error; returns its state. */
export async function waitPanel(page, timeout = 20000) {
  await page.waitForFunction(
    () => {
      const h = document.querySelector('#abridge-host');
      return h && h.dataset.state && h.dataset.coreMs !== undefined;
    },
    null,
    { polling: 100, timeout },
  );
  return page.evaluate(() => {
    const h = document.querySelector('#abridge-host');
    return { ...h.dataset };
  });
}

/**
 * The extension's side panel (a page target playwright does not list), once it is open:
 * `{evaluate(expression), close()}`, through the browser's CDP session (Target messages; no
 * second connection). `evaluate` runs as a user gesture and returns the value.
 */
export async function sidePanel(b, timeout = 10000) {
  const end = Date.now() + timeout;
  let target = null;
  while (!target) {
    const { targetInfos } = await b.cdp.send('Target.getTargets');
    target = targetInfos.find((t) => t.url === `chrome-extension://${b.extId}/sidepanel.html`);
    if (target) break;
    if (Date.now() > end) throw new Error('the side panel did not open');
    await new Promise((r) => setTimeout(r, 100));
  }
  const { sessionId } = await b.cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let id = 0;
  const waiting = new Map();
  const onMessage = (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    if (m.id && waiting.has(m.id)) {
      waiting.get(m.id)(m);
      waiting.delete(m.id);
    }
  };
  b.cdp.on('Target.receivedMessageFromTarget', onMessage);
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const mid = ++id;
      waiting.set(mid, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
      b.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mid, method, params }) }).catch(reject);
    });
  return {
    targetId: target.targetId,
    send,
    async evaluate(expression) {
      const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: true });
      if (r.exceptionDetails) throw new Error((r.exceptionDetails.exception && r.exceptionDetails.exception.description) || r.exceptionDetails.text);
      return r.result.value;
    },
    /** Polls `expression` until it is truthy; returns its value. */
    async waitFor(expression, ms = 15000) {
      const stop = Date.now() + ms;
      for (;;) {
        const v = await this.evaluate(expression).catch(() => null);
        if (v) return v;
        if (Date.now() > stop) throw new Error(`side panel: timed out waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async detach() {
      b.cdp.off('Target.receivedMessageFromTarget', onMessage);
      await b.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    },
  };
}
