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

const api = globalThis.browser ?? globalThis.chrome;

// Classic scripts, in dependency order; main.js exposes AbridgeLib.main.trigger().
const CONTENT_FILES = [
  'vendor/Readability.js',
  'vendor/Readability-readerable.js',
  'lib/contract.js',
  'content/textmap.js',
  'content/format.js',
  'content/settings.js',
  'content/extract.js',
  'content/highlight.js',
  'content/panel-style.js',
  'content/panel.js',
  'content/main.js',
];

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
// later succeeds.
async function exec(tabId, details, tries = 3) {
  for (let i = 1; ; i++) {
    try {
      return await api.scripting.executeScript({ target: { tabId }, ...details });
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

/** Runs Abridge on `tab`: `mode` is 'page' (toggle) or 'selection'. */
async function trigger(tab, mode, selectionText) {
  if (!tab || typeof tab.id !== 'number' || tab.id < 0) return;
  const tabId = tab.id;
  if (tab.url && isRestrictedUrl(tab.url)) return refuse(tabId);
  // Compile and instantiate the wasm while the page injects and extracts (a worker that was
  // asleep starts without it); runCore awaits the same promise, and reports its error.
  core().catch(() => {});
  try {
    // One call when the content scripts are already there (it runs them); otherwise it
    // leaves the request in the page, and main.js picks it up once the files are injected.
    const [run] = await exec(tabId, {
      func: (m, s, shadow) => {
        const lib = (globalThis.AbridgeLib = globalThis.AbridgeLib || {});
        lib.shadowMode = shadow;
        if (lib.main && lib.main.alive()) {
          lib.main.trigger(m, s);
          return true;
        }
        lib.pending = { mode: m, selectionText: s };
        return false;
      },
      args: [mode, selectionText || '', await panelShadowMode()],
    });
    if (!run || !run.result) {
      await Promise.all([
        api.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS, origin: HIGHLIGHT_ORIGIN }).catch(() => {}),
        exec(tabId, { files: CONTENT_FILES }),
      ]);
    }
    await resetAction(tabId);
  } catch (e) {
    if (isAccessError(e)) return refuse(tabId, e);
    console.error('Abridge:', e);
  }
}

async function activeTab() {
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

// ---------------------------------------------------------------------------------------
// Listeners (top level, synchronous).

api.action.onClicked.addListener((tab) => {
  trigger(tab, 'page');
});

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'summarise-selection') return;
  trigger(tab || (await activeTab()), 'selection');
});

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_PAGE) trigger(tab, 'page');
  else if (info.menuItemId === MENU_SELECTION) trigger(tab, 'selection', info.selectionText);
});

function createMenus() {
  Promise.resolve(api.contextMenus.removeAll()).then(() => {
    api.contextMenus.create({ id: MENU_PAGE, title: api.i18n.getMessage('menuPage'), contexts: ['page'] });
    api.contextMenus.create({ id: MENU_SELECTION, title: api.i18n.getMessage('menuSelection'), contexts: ['selection'] });
  });
}
api.runtime.onInstalled.addListener(createMenus);

// A badge saying "cannot run here" belongs to the page it was shown for: both browsers drop
// tab-specific badge and title when the tab navigates, so no tabs.onUpdated listener is
// needed — and there must be none: in Firefox every registered event wakes the event page,
// and tab updates (every load, in every tab) would keep it from ever unloading.

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!trustedSender(sender, api.runtime.id)) return false;
  if (!msg || msg.type !== SUMMARIZE) return false;
  const req = parseSummarizeRequest(msg);
  if (req.error) {
    sendResponse(refusalReply(req));
    return false;
  }
  runCore(req).then(sendResponse);
  return true;
});
