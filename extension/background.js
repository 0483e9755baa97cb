// Abridge's service worker (Chromium) / event page (Firefox).
//
// It reacts to the user's gestures (toolbar button, keyboard commands, context menu) by
// injecting the content scripts into the active tab, and it runs the WebAssembly core for
// them: the wasm must run here, not in the page, because a page's CSP may forbid compiling
// WebAssembly. Listeners are registered synchronously at the top level (the worker is
// started for an event and must find its listener at once) and the wasm is initialised
// lazily (no top-level await). Nothing that matters is kept only in memory: the browser
// unloads this worker when idle.

import init, { summarize } from './pkg/abridge.js';
import { SUMMARIZE, trustedSender, parseSummarizeRequest, refusalReply, errorReply, shadowModeFor } from './lib/messages.js';
import { isRestrictedUrl, isAccessError } from './lib/restricted.js';
import './content/settings.js'; // AbridgeLib.settings: the settings' names

const api = globalThis.browser ?? globalThis.chrome;

// The content script: extension/content/*.js, lib/contract.js and the vendored Readability,
// in dependency order, joined into two files by scripts/content-bundle.mjs (scripts/build.sh):
// the panel's (which the side panel page loads too), then the rest; main.js, last, exposes
// AbridgeLib.main.trigger().
const CONTENT_SCRIPTS = ['pkg/panel.js', 'pkg/content.js'];

// The sentence highlight lives in the page's document (the Custom Highlight API paints page
// text), so its style must be a page stylesheet; insertCSS is not subject to the page's CSP.
// Firefox: a user stylesheet, whose !important rules win over the page's own !important ones,
// so a page rule on ::highlight(abridge-sentence) cannot hide the highlight. Chromium (156)
// computes a user sheet's highlight style but does not paint it (and a user sheet beside an
// author one still wins, unpainted), so there it is an author sheet — which a page's own
// !important rule on that highlight name can override (docs/security.md).
const HIGHLIGHT_CSS =
  '::highlight(abridge-sentence) { background-color: #ffe066 !important; color: #111 !important; }\n' +
  '@media (prefers-color-scheme: dark) { ::highlight(abridge-sentence) { background-color: #8a6d00 !important; color: #fff !important; } }\n';

const HIGHLIGHT_ORIGIN = api.runtime.getURL('').startsWith('moz-extension:') ? 'USER' : 'AUTHOR';

const MENU_PAGE = 'abridge-page';
const MENU_SELECTION = 'abridge-selection';
const IN_PANEL = '@panel'; // menu ids' suffix when the side panel is chosen
const MSG = { SUMMARISE_TAB: 'abridge:panel-summarise', FALLBACK: 'abridge:panel-fallback', OPENED: 'abridge:panel-opened', STYLE: 'abridge:highlight-style' };

// ---------------------------------------------------------------------------------------
// The setting `display` ('overlay' | 'sidepanel') must be known synchronously in a gesture's
// listener (opening the side panel needs the gesture; an await loses it): docs/browser.md,
// "The side panel". Firefox: a copy in the event page's localStorage, with the tabs whose
// summary waits for the panel (ids only). Chromium: in memory while the worker runs.
const sidePanel = api.sidePanel; // Chromium (Firefox: api.sidebarAction)
const local = globalThis.localStorage; // Firefox's event page only
let display = local ? local.getItem('display') : null;
const pendingTabs = new Set(JSON.parse((local && local.getItem('pending')) || '[]'));

// Chromium: the tab in front (null: not known yet). Its setting that opens the panel on a
// click is the browser's, not a tab's, so it follows the active tab (tabs.onActivated below).
let activeTabId = null;

/** Chromium opens the panel by itself on a click while the active tab's summary waits for it. */
function savePending() {
  if (local) local.setItem('pending', JSON.stringify([...pendingTabs]));
  if (sidePanel) sidePanel.setPanelBehavior({ openPanelOnActionClick: activeTabId !== null && pendingTabs.has(activeTabId) }).catch(() => {});
}

// The user's settings as this worker last read them (null: not read, or changed since): they
// go to the content script with the gesture, which then need not read them itself before the
// summary (a storage round trip on every first click; 10-15 ms in Firefox).
const SETTING_KEYS = globalThis.AbridgeLib.settings.KEYS;
let settingsCopy = null;
let settingsRead = null; // the latest read: an earlier one that ends after it is not kept
function readSettings() {
  settingsCopy = null;
  const read = (settingsRead = Promise.resolve(api.storage.sync.get(SETTING_KEYS)).catch(() => null));
  read.then((s) => {
    if (settingsRead === read) settingsCopy = s;
  });
}

/** Reads the setting. */
async function readDisplay() {
  const stored = await api.storage.sync.get('display').catch(() => ({}));
  display = stored.display === 'sidepanel' ? 'sidepanel' : 'overlay';
  if (local) local.setItem('display', display);
}

/** Reads the setting; sets the menus. */
async function applyDisplay() {
  await readDisplay();
  savePending();
  await createMenus();
}

/** Opens the side panel (synchronously in a gesture's listener); resolves to whether it did. */
function openPanel(tab) {
  let opened;
  try {
    opened = sidePanel ? sidePanel.open({ tabId: tab.id }) : api.sidebarAction.open();
  } catch (e) {
    opened = Promise.reject(e);
  }
  return Promise.resolve(opened).then(() => true, () => false);
}

/** `tabId`'s summary waits in the side panel: the button says so; its next click opens the panel. */
function announcePanel(tabId) {
  pendingTabs.add(tabId);
  if (activeTabId === null) activeTabId = tabId; // a gesture's tab, or a page's own: in front
  savePending();
  Promise.allSettled([
    api.action.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' }),
    api.action.setBadgeText({ tabId, text: '»' }),
    api.action.setTitle({ tabId, title: api.i18n.getMessage('actionInSidePanel') }),
  ]);
}

function panelOpened(tabId) {
  if (pendingTabs.delete(tabId)) resetAction(tabId);
  savePending();
}

/** Whether a gesture on `tab` is for the side panel. */
function wantsPanel(tab) {
  return display === 'sidepanel' || pendingTabs.has(tab && tab.id);
}

/** A gesture for the side panel: open it, summarise; when it did not open, say so on the button. */
function viaPanel(tab, mode, selectionText) {
  openPanel(tab).then((ok) => (ok ? panelOpened : announcePanel)(tab.id));
  trigger(tab, mode, selectionText, 'sidepanel');
}

// ---------------------------------------------------------------------------------------
// The core, initialised on first use.

let ready = null;

function core() {
  if (!ready) {
    ready = init({ module_or_path: api.runtime.getURL('pkg/abridge_bg.wasm') }).catch((e) => {
      ready = null;
      throw e;
    });
  }
  return ready;
}

async function runCore({ article, options }) {
  try {
    await core();
    const t0 = performance.now();
    const summary = summarize(article, options);
    return { ok: true, summary, coreMs: performance.now() - t0 };
  } catch (e) {
    return errorReply(e);
  }
}

// ---------------------------------------------------------------------------------------
// Injection.

// The panel's shadow root is closed except in development installs (lib/messages.js).
// management.getSelf() needs no permission.
let shadowMode = null;
function panelShadowMode() {
  if (!shadowMode) {
    shadowMode = Promise.resolve()
      .then(() => (api.management && api.management.getSelf ? api.management.getSelf() : null))
      .then((self) => shadowModeFor(self && self.installType))
      .catch(() => 'closed');
  }
  return shadowMode;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The first executeScript after a gesture sometimes fails with "Cannot access contents of
// the page" although the grant exists (about one click in ten in Chromium); a retry ~100 ms
// later succeeds. `injectImmediately`: the injection does not wait for the page's
// document_idle (main.js waits for the DOM itself when the page is still loading).
async function exec(tabId, details, tries = 3) {
  for (let i = 1; ; i++) {
    try {
      return await api.scripting.executeScript({ target: { tabId }, injectImmediately: true, ...details });
    } catch (e) {
      if (i >= tries || !isAccessError(e)) throw e;
      await sleep(100);
    }
  }
}

async function refuse(tabId, reason) {
  const title = api.i18n.getMessage('actionCannotRun');
  await Promise.allSettled([
    api.action.setBadgeBackgroundColor({ tabId, color: '#b91c1c' }),
    api.action.setBadgeText({ tabId, text: '!' }),
    api.action.setTitle({ tabId, title }),
  ]);
  if (reason) console.info('Abridge cannot run on this tab:', String(reason.message || reason));
}

async function resetAction(tabId) {
  await Promise.allSettled([
    api.action.setBadgeText({ tabId, text: '' }),
    api.action.setTitle({ tabId, title: api.i18n.getMessage('actionTitle') }),
  ]);
}

/**
 * Runs Abridge on `tab`: `mode` 'page' (toggle) or 'selection', `where` 'overlay' or
 * 'sidepanel'; `quiet`: no "cannot run" badge. Resolves to 'ok', 'refused' or 'error'.
 */
async function trigger(tab, mode, selectionText, where = 'overlay', quiet = false) {
  if (!tab || typeof tab.id !== 'number' || tab.id < 0) return 'error';
  const tabId = tab.id;
  if (tab.url && isRestrictedUrl(tab.url)) return quiet ? 'refused' : refuse(tabId);
  // Compile and instantiate the wasm while the page injects and extracts (a worker that was
  // asleep starts without it); runCore awaits the same promise, and reports its error.
  core().catch(() => {});
  try {
    // Two injections at once, so that a first click waits for one round trip to the page, not
    // two: a call that runs the content script when it is already there (or leaves the request
    // in the page for main.js to pick up once injected), and the content script itself, which
    // does nothing when it finds itself already there (scripts/content-bundle.mjs). Whichever
    // runs first, the request runs once. (The highlight style: main.js asks for it, MSG.STYLE.)
    // The button's badge and title go back to normal now, not after the injection: the
    // browser's work on them then does not hold up the page's request for the summary.
    const reset = pendingTabs.has(tabId) ? null : resetAction(tabId);
    const shadow = await panelShadowMode();
    const probe = exec(tabId, {
      func: (m, s, shadow, d, settings) => {
        const lib = (globalThis.AbridgeLib = globalThis.AbridgeLib || {});
        lib.shadowMode = shadow;
        if (lib.main && lib.main.alive()) {
          lib.main.trigger(m, s, d, settings);
          return true;
        }
        lib.pending = { mode: m, selectionText: s, display: d, settings };
        return false;
      },
      args: [mode, selectionText || '', shadow, where, settingsCopy],
    });
    const injected = exec(tabId, { files: CONTENT_SCRIPTS });
    injected.catch(() => {}); // its error counts only when the content script was not there
    const [run] = await probe;
    if (!run || !run.result) await injected;
    await reset;
    return 'ok';
  } catch (e) {
    if (isAccessError(e)) {
      if (!quiet) await refuse(tabId, e);
      return 'refused';
    }
    console.error('Abridge:', e);
    return 'error';
  }
}

async function activeTab() {
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

// ---------------------------------------------------------------------------------------
// Listeners (top level, synchronous).

/** A gesture. In a worker just started, the panel can no longer open: the badge says so. */
async function gesture(tab, mode, selectionText) {
  if (tab) activeTabId = tab.id; // a gesture's tab is in front
  if (tab && display !== null) {
    if (wantsPanel(tab)) viaPanel(tab, mode, selectionText);
    else trigger(tab, mode, selectionText);
    return;
  }
  const target = tab || (await activeTab());
  await readDisplay();
  if (!wantsPanel(target)) return trigger(target, mode, selectionText);
  if ((await trigger(target, mode, selectionText, 'sidepanel')) === 'ok') announcePanel(target.id);
}

api.action.onClicked.addListener((tab) => gesture(tab, 'page'));

api.commands.onCommand.addListener((command, tab) => {
  if (command === 'summarise-selection') gesture(tab, 'selection');
});

api.contextMenus.onClicked.addListener((info, tab) => {
  if (tab) activeTabId = tab.id;
  const id = String(info.menuItemId);
  const panel = id.endsWith(IN_PANEL) || wantsPanel(tab);
  const item = id.replace(IN_PANEL, '');
  const mode = item === MENU_PAGE ? 'page' : item === MENU_SELECTION ? 'selection' : null;
  if (!mode) return;
  if (panel) viaPanel(tab, mode, info.selectionText);
  else trigger(tab, mode, info.selectionText);
});

async function createMenus() {
  const suffix = display === 'sidepanel' ? IN_PANEL : '';
  await Promise.resolve(api.contextMenus.removeAll());
  api.contextMenus.create({ id: MENU_PAGE + suffix, title: api.i18n.getMessage('menuPage'), contexts: ['page'] });
  api.contextMenus.create({ id: MENU_SELECTION + suffix, title: api.i18n.getMessage('menuSelection'), contexts: ['selection'] });
}
api.runtime.onInstalled.addListener(applyDisplay);
// A new session: tab ids start again.
api.runtime.onStartup.addListener(() => {
  pendingTabs.clear();
  applyDisplay();
});
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync') readSettings();
  if (area === 'sync' && changes.display) applyDisplay();
});
if (display === null) readDisplay();
readSettings();

// A badge saying "cannot run here" belongs to the page it was shown for: both browsers drop
// tab-specific badge and title when the tab navigates, so no tabs.onUpdated listener is
// needed — and there must be none: in Firefox every registered event wakes the event page,
// and tab updates (every load, in every tab) would keep it from ever unloading.
// Chromium only (`sidePanel`: Firefox opens its sidebar from the event page's localStorage
// list, and needs no tabs listener): a tab switch sets whether the browser opens the panel on
// the next click, which is the new tab's summary's, not another's.
if (sidePanel) {
  api.tabs.onActivated.addListener(({ tabId }) => {
    activeTabId = tabId;
    if (pendingTabs.size) savePending();
  });
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!trustedSender(sender, api.runtime.id)) return false;
  if (msg && msg.type === MSG.FALLBACK && sender.tab) {
    // The page deleted the overlay twice (content/main.js): try the panel, else the badge.
    openPanel(sender.tab).then((ok) => (ok ? panelOpened : announcePanel)(sender.tab.id));
    return false;
  }
  if (msg && msg.type === MSG.STYLE && sender.tab && Number.isInteger(sender.tab.id)) {
    // The sentence highlight's style, asked for by the content script once per copy of it,
    // after its first panel is shown (content/main.js): inserted then, the page's restyle does
    // not compete with extraction and the core for the processor.
    const target = { tabId: sender.tab.id, ...(Number.isInteger(sender.frameId) ? { frameIds: [sender.frameId] } : {}) };
    api.scripting.insertCSS({ target, css: HIGHLIGHT_CSS, origin: HIGHLIGHT_ORIGIN }).catch(() => {});
    return false;
  }
  if (msg && msg.type === MSG.OPENED && Number.isInteger(msg.tabId)) {
    panelOpened(msg.tabId);
    return false;
  }
  if (msg && msg.type === MSG.SUMMARISE_TAB && Number.isInteger(msg.tabId)) {
    Promise.resolve(api.tabs.get(msg.tabId))
      .then((tab) => trigger(tab, 'page', '', 'sidepanel', true))
      .then(sendResponse, () => sendResponse('error'));
    return true;
  }
  if (!msg || msg.type !== SUMMARIZE) return false;
  const req = parseSummarizeRequest(msg);
  if (req.error) {
    sendResponse(refusalReply(req));
    return false;
  }
  runCore(req).then(sendResponse);
  return true;
});
