// The side panel (Chromium's sidePanel, Firefox's sidebar_action): the same panel as the
// overlay (content/panel.js, docked), for the active tab of its window. The page's content
// script (content/main.js) keeps the extraction and the summary; this page asks it for what
// to show, re-renders when it publishes a new state, and sends it the length changes and the
// sentence clicks (the highlight is in the page). The copy buttons copy here. It follows tab
// switches: a tab without a summary gets a "Summarise this page" button.
//
// `sidepanel.html?tab=<id>` pins it to one tab (the end-to-end tests open it so in a tab).
const api = globalThis.browser ?? globalThis.chrome;
const lib = globalThis.AbridgeLib;
const t = (key, subs) => api.i18n.getMessage(key, subs) || key;
const MSG = {
  STATE: 'abridge:panel-state', GET: 'abridge:panel-get', LENGTH: 'abridge:panel-length', SENTENCE: 'abridge:panel-sentence',
  SUMMARISE_TAB: 'abridge:panel-summarise', OPENED: 'abridge:panel-opened', PING: 'abridge:panel-ping',
};

// No page can reach into an extension page: the shadow root may be open.
lib.shadowMode = 'open';
document.documentElement.lang = api.i18n.getUILanguage();
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';

const tabParam = new URLSearchParams(location.search).get('tab') || '';
const pinned = /^\d+$/.test(tabParam) ? Number(tabParam) : null;
let tabId = null;
let state = null;
// Tabs whose content script has a summary for the side panel (it answered or published one),
// and tabs opened since this page was: in Firefox a message to a tab without a receiver wakes
// the event page, so a new tab and a page load in a tab without a summary are not asked.
const known = new Set();
const fresh = new Set();
let settings = lib.settings.DEFAULTS;

const panel = new lib.panel.Panel(document, t, {
  docked: true,
  onClose: () => (api.sidebarAction && api.sidebarAction.close ? api.sidebarAction.close() : window.close()),
  onLength: (n) => send({ type: MSG.LENGTH, n }),
  onSentence: async (sentence, btn) => {
    const how = await send({ type: MSG.SENTENCE, index: Number(btn.dataset.index) });
    if (how) panel.host.dataset.highlight = how;
    else panel.setStatus(t('notFoundOnPage'));
  },
  onCopy: (kind) => {
    const uiLang = (panel.ui && panel.ui.lang) || undefined;
    return navigator.clipboard.writeText(lib.format.copyText(kind, state.shown.summary, state.page, t, uiLang));
  },
});

/** A message to the content script of the followed tab (its top frame); null when there is none. */
function send(msg) {
  const id = tabId;
  return Promise.resolve(api.tabs.sendMessage(id, msg, { frameId: 0 })).catch(() => null);
}

/** Shows `st` (the content script's snapshot, content/main.js) or, without one, the button. */
function show(st, note) {
  state = st && st.shown ? st : null;
  const host = panel.mount(settings);
  for (const k of Object.keys(host.dataset)) delete host.dataset[k];
  host.dataset.tab = String(tabId);
  if (!state) {
    panel.showMessage(note || t('sidePanelEmpty'), { action: { label: t('menuPage'), onClick: summariseTab } });
    host.dataset.state = 'empty';
    return;
  }
  if (state.shown.kind === 'summary') panel.render(state.shown.summary, state.shown.ctx);
  else panel.showMessage(state.shown.text, state.shown);
  Object.assign(host.dataset, state.timings || {}, { url: state.url });
  if (state.fallback) host.dataset.fallback = 'true';
  api.runtime.sendMessage({ type: MSG.OPENED, tabId }).catch(() => {});
}

/** Follows tab `id`: shows its summary, if its page has one (`ask`: whether to ask it). */
async function follow(id, ask = known.has(id) || !fresh.has(id)) {
  tabId = id;
  const st = ask ? await send({ type: MSG.GET }) : null;
  if (st) known.add(id);
  else known.delete(id);
  if (id === tabId) show(st);
  return st;
}

/** "Summarise this page": the background runs Abridge on the tab, if the browser lets it read the page. */
async function summariseTab() {
  const id = tabId;
  panel.showMessage(t('sidePanelWorking'));
  const result = await Promise.resolve(api.runtime.sendMessage({ type: MSG.SUMMARISE_TAB, tabId: id })).catch(() => 'error');
  // Success: the content script publishes its state (below). Otherwise say how to ask.
  if (id === tabId && result !== 'ok') show(null, t('sidePanelNeedsGesture'));
}

api.runtime.onMessage.addListener((msg, sender) => {
  if (!msg || msg.type !== MSG.STATE || !sender || sender.id !== api.runtime.id || !sender.tab) return false;
  if (sender.frameId !== 0 && sender.frameId !== undefined) return false;
  known.add(sender.tab.id);
  if (sender.tab.id === tabId) show(msg.state);
  return false;
});

async function loadSettings() {
  try {
    settings = lib.settings.sanitize(await api.storage.sync.get(lib.settings.KEYS));
  } catch {
    settings = lib.settings.sanitize({});
  }
  panel.applySettings(settings);
}
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync') loadSettings();
});

async function start() {
  await loadSettings();
  panel.mount(settings);
  if (pinned !== null) return follow(pinned, true);
  const win = await api.windows.getCurrent();
  const self = await Promise.resolve(api.tabs.getCurrent()).catch(() => null);
  const followable = (id) => !self || id !== self.id;
  api.tabs.onActivated.addListener((info) => {
    if (info.windowId === win.id && followable(info.tabId)) follow(info.tabId);
  });
  api.tabs.onUpdated.addListener((id, change) => {
    // The followed page finished loading: a new page (its summary gone) or the one summarised.
    if (id === tabId && change.status === 'complete') follow(id, known.has(id));
  });
  api.tabs.onCreated.addListener((tab) => fresh.add(tab.id));
  const [active] = await api.tabs.query({ active: true, windowId: win.id });
  if (!active || !followable(active.id)) return show(null);
  await follow(active.id, true);
}

// While it is open, Chromium's service worker keeps running (and knows the setting at once on
// the next click: background.js); Firefox's event page needs no such help.
if (api.sidePanel) setInterval(() => Promise.resolve(api.runtime.sendMessage({ type: MSG.PING })).catch(() => {}), 20000);

start();
