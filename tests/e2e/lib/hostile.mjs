// Helpers for the hostile-page suites (hostile.test.mjs, spa.test.mjs, permissions.test.mjs):
// what the panel looks like to a user (visible, on top, clickable), what its shadow root
// holds, and what the extension logged. They read the panel through its open shadow root
// from the test (page.evaluate), the way the other suites do.
import { triggerAction, waitPanel } from './browser.mjs';

/** Clicks the toolbar button and waits for the panel's state (see browser.mjs). */
export async function summarise(b, page, timeout = 30000) {
  await triggerAction(b, page);
  return waitPanel(page, timeout);
}

/** Waits until the page has no panel host. */
export async function waitClosed(page, timeout = 5000) {
  await page.waitForFunction(() => !document.querySelector('#abridge-host'), null, { polling: 100, timeout });
}

/**
 * How the panel is seen: number of hosts, its state, and whether the panel box is on screen,
 * painted (checkVisibility through every ancestor, no clip or zero scale) and on top at five
 * points (elementFromPoint from the page gives the host for anything in its shadow root).
 */
export function panelView(page) {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('#abridge-host');
    const host = hosts[0];
    const root = host && host.shadowRoot;
    const box = root && root.querySelector('.panel');
    const out = { hosts: hosts.length, elements: document.querySelectorAll('abridge-panel').length, state: host ? host.dataset.state : null };
    if (!box) return out;
    const r = box.getBoundingClientRect();
    out.rect = { x: r.x, y: r.y, width: r.width, height: r.height };
    out.onScreen = r.width >= 200 && r.height >= 80 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
    out.visible = box.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
    const points = [
      [r.left + r.width / 2, r.top + 20],
      [r.left + 12, r.top + 12],
      [r.right - 12, r.top + 12],
      [r.left + 12, r.bottom - 12],
      [r.right - 12, r.bottom - 12],
    ];
    out.onTop = points.every(([x, y]) => document.elementFromPoint(x, y) === host);
    const hs = getComputedStyle(host);
    out.host = {
      display: hs.display, visibility: hs.visibility, opacity: hs.opacity, clipPath: hs.clipPath, mask: hs.maskImage,
      pointerEvents: hs.pointerEvents, contentVisibility: hs.contentVisibility, translate: hs.translate, scale: hs.scale,
      zoom: hs.zoom, filter: hs.filter, transform: hs.transform,
    };
    const s = root.querySelector('.sentence') || root.querySelector('.message') || box;
    const ss = getComputedStyle(s);
    out.text = { fontSize: ss.fontSize, color: ss.color, fill: ss.webkitTextFillColor, pointerEvents: ss.pointerEvents, opacity: ss.opacity };
    out.sentences = [...root.querySelectorAll('.sentence')].map((e) => e.textContent);
    out.message = [...root.querySelectorAll('.message')].map((e) => e.textContent).join(' ');
    out.title = root.querySelector('h2') ? root.querySelector('h2').textContent : null;
    return out;
  });
}

/** Asserts (with node:assert) that the panel is there once, visible, on top and clickable-looking. */
export function assertUsable(assert, v, what = '') {
  assert.equal(v.hosts, 1, `${what}: exactly one panel host`);
  assert.ok(v.onScreen, `${what}: panel box on screen ${JSON.stringify(v.rect)}`);
  assert.ok(v.visible, `${what}: panel box visible ${JSON.stringify(v.host)}`);
  assert.ok(v.onTop, `${what}: panel on top of the page at its corners and centre`);
  assert.equal(v.host.clipPath, 'none', `${what}: host not clipped`);
  assert.equal(v.host.pointerEvents, 'auto', `${what}: host takes clicks`);
  assert.equal(v.host.contentVisibility, 'visible', `${what}: host content painted`);
  assert.equal(v.host.zoom, '1', `${what}: host not zoomed`);
  assert.equal(v.host.translate, 'none', `${what}: host not moved`);
  assert.equal(v.host.scale, 'none', `${what}: host not scaled`);
  assert.equal(v.text.pointerEvents, 'auto', `${what}: panel text takes clicks`);
  assert.equal(v.text.opacity, '1', `${what}: panel text opaque`);
  assert.notEqual(v.text.color, 'rgba(0, 0, 0, 0)', `${what}: panel text has a colour`);
  assert.notEqual(v.text.fill, 'rgba(0, 0, 0, 0)', `${what}: panel text is painted (-webkit-text-fill-color)`);
}

/**
 * Everything in the panel's shadow root that could run or load something: elements that are
 * not plain UI (img, script, iframe, svg, object, embed, link, form, …), javascript: URLs
 * and on* attributes anywhere, and any style element beyond the panel's own one.
 */
export function shadowAudit(page) {
  return page.evaluate(() => {
    const host = document.querySelector('#abridge-host');
    const root = host && host.shadowRoot;
    if (!root) return { missing: true };
    const bad = [];
    const forbidden = 'img, script, iframe, frame, svg, math, object, embed, link, meta, base, form, input, video, audio, source, picture, canvas, a, area, template, slot';
    for (const el of root.querySelectorAll(forbidden)) bad.push('element <' + el.localName + '>');
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`attribute ${a.name} on <${el.localName}>`);
        if (/^\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(`URL in ${a.name} on <${el.localName}>`);
        if (a.name === 'style' || a.name === 'srcdoc' || a.name === 'href' || a.name === 'src') bad.push(`attribute ${a.name} on <${el.localName}>`);
      }
    }
    const styles = root.querySelectorAll('style').length;
    if (styles !== 1) bad.push(`${styles} style elements`);
    return { bad, elements: root.querySelectorAll('*').length };
  });
}

/**
 * Collects what the extension logs in `page` (its content scripts' console errors and
 * warnings, from chrome-extension: sources) into `into`.
 */
export function watchConsole(page, into) {
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    const where = (m.location() && m.location().url) || '';
    if (where.startsWith('chrome-extension://')) into.push(`${m.type()}: ${m.text()} (${where})`);
  });
  page.on('pageerror', (e) => {
    if (String(e.stack || '').includes('chrome-extension://')) into.push('uncaught: ' + e.message);
  });
}

/**
 * Records the service worker's console errors and warnings, uncaught errors and unhandled
 * rejections in the worker itself (self.__abridgeTestLog), and returns a function that
 * reads them. The record lives as long as the worker: tests read it before it idles out.
 */
export async function hookWorker(sw) {
  await sw.evaluate(() => {
    if (self.__abridgeTestLog) return;
    const log = (self.__abridgeTestLog = []);
    for (const level of ['error', 'warn']) {
      const orig = console[level].bind(console);
      console[level] = (...args) => {
        log.push(level + ': ' + args.map((a) => (a && a.stack) || String(a)).join(' '));
        orig(...args);
      };
    }
    self.addEventListener('error', (e) => log.push('uncaught: ' + e.message));
    self.addEventListener('unhandledrejection', (e) => log.push('unhandled rejection: ' + String(e.reason && (e.reason.stack || e.reason))));
  });
  return () => sw.evaluate(() => self.__abridgeTestLog || ['(worker restarted: log lost)']);
}
