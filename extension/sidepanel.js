// The side panel (Chromium sidePanel, Firefox sidebar_action): content/panel.js, docked, for
// the active tab of its window; the tab's content script keeps the summary (docs/browser.md,
// "The side panel"). `sidepanel.html?tab=<id>` pins it to one tab (the tests open it in a tab).
const api = globalThis.browser ?? globalThis.chrome;
const lib = globalThis.AbridgeLib;
const t = (key, subs) => api.i18n.getMessage(key, subs) || key;
const MSG = {
  STATE: 'abridge:panel-state', GET: 'abridge:panel-get', LENGTH: 'abridge:panel-length', SENTENCE: 'abridge:panel-sentence',
  SUMMARISE_TAB: 'abridge:panel-summarise', OPENED: 'abridge:panel-opened', PING: 'abridge:panel-ping',
};

lib.shadowMode = 'open';
const pinned = Number(new URLSearchParams(location.search).get('tab')) || null;
let tabId = null;
let state = null;
// Tabs with a summary for the side panel, and tabs opened since: a message to a tab without
// a receiver wakes Firefox's event page, so tabs that cannot have one are not asked.
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

/** A message to the followed tab's content script (top frame); null when there is none. */
function send(msg) {
  return Promise.resolve(api.tabs.sendMessage(tabId, msg, { frameId: 0 })).catch(() => null);
}

/** Shows `st` (content/main.js snapshot()) or, without one, the button. */
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
  Object.assign(host.dataset, state.timings, { url: state.page.url }, state.fallback && { fallback: 'true' });
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
  settings = lib.settings.sanitize(await api.storage.sync.get(lib.settings.KEYS).catch(() => ({})));
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
    if (id === tabId && change.status === 'complete') follow(id, known.has(id));
  });
  api.tabs.onCreated.addListener((tab) => fresh.add(tab.id));
  const [active] = await api.tabs.query({ active: true, windowId: win.id });
  if (!active || !followable(active.id)) return show(null);
  await follow(active.id, true);
}

// Keeps Chromium's worker running while the panel is open (it then knows the setting at once):
// any message does; the worker answers none of this kind.
if (api.sidePanel) setInterval(() => Promise.resolve(api.runtime.sendMessage({ type: MSG.PING })).catch(() => {}), 20000);

start();
