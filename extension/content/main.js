// The content script's entry point: the service worker calls AbridgeLib.main.trigger(mode)
// after each gesture (or, on the first one, leaves it in AbridgeLib.pending). It extracts the article (extract.js), asks the service worker for a
// summary, and shows it in the panel (panel.js). Re-triggering on the same page toggles the
// one panel. State lives only as long as the page: the extraction is kept so the length
// control can re-summarise at once, nothing is stored.
(function (lib) {
  'use strict';
  const api = globalThis.browser ?? globalThis.chrome;
  // After the extension is reloaded or updated, a page keeps the old content script, whose
  // connection to the extension is dead: then this file runs again and replaces it.
  const alive = () => {
    try {
      return Boolean(api.runtime && api.runtime.id);
    } catch {
      return false;
    }
  };
  if (lib.main && lib.main.alive()) return;
  const { SUMMARIZE_MESSAGE: SUMMARIZE, ERROR_CODES: CODES, MAX_SUMMARY_SENTENCES } = lib.contract; // lib/contract.js
  const t = (key, subs) => api.i18n.getMessage(key, subs) || key;

  let ex = null; // the last extraction
  let current = null; // {summary, length}
  let settings = lib.settings.DEFAULTS;
  let busy = false;
  const timings = [];
  // 'overlay' or 'sidepanel' (sidepanel.js asks this script for the summary), as each gesture
  // says; `fallback`: the page deleted the overlay, the side panel for as long as it lives.
  let display = 'overlay';
  let fallback = false;
  let shown = null; // what the side panel shows: {kind: 'summary' | 'message', …}
  let lastTimings = null;
  const MSG = { STATE: 'abridge:panel-state', GET: 'abridge:panel-get', LENGTH: 'abridge:panel-length', SENTENCE: 'abridge:panel-sentence', FALLBACK: 'abridge:panel-fallback', STYLE: 'abridge:highlight-style' };

  const panel = new lib.panel.Panel(document, t, {
    onClose: close,
    onLength: (n) => summarise(n),
    onSentence: showSentence,
    onCopy: copy,
  });

  async function loadSettings() {
    try {
      settings = lib.settings.sanitize(await api.storage.sync.get(lib.settings.KEYS));
    } catch {
      settings = lib.settings.sanitize({});
    }
    return settings;
  }

  function close() {
    unguard();
    lib.highlight.clear();
    panel.close();
  }

  // A page that deletes or hides the overlay: put back once; a second time within GUARD_MS,
  // the side panel instead (no fight).
  const GUARD_MS = 2000;
  const HIDING = ['hidden', 'style', 'inert', 'popover', 'class'];
  let guard = null;

  function unguard() {
    if (guard) guard.disconnect();
    guard = null;
  }

  function watchOverlay(host) {
    unguard();
    let strikes = 0;
    let since = 0;
    guard = new MutationObserver(() => {
      if (!guard || host !== panel.host) return;
      const hidden = HIDING.some((a) => host.hasAttribute(a));
      if (host.isConnected && !hidden) return;
      const now = performance.now();
      if (now - since > GUARD_MS) strikes = 0;
      if (!strikes) since = now;
      strikes++;
      if (strikes >= 2) {
        toSidePanel();
        return;
      }
      for (const a of HIDING) host.removeAttribute(a);
      if (!host.isConnected) document.documentElement.append(host);
    });
    guard.observe(document.documentElement, { childList: true });
    guard.observe(host, { attributes: true, attributeFilter: HIDING });
  }

  /** The summary goes to the side panel (background.js opens it, or says so on the button). */
  function toSidePanel() {
    listen();
    unguard();
    fallback = true;
    display = 'sidepanel';
    if (panel.host) panel.host.remove();
    panel.close();
    publish();
    api.runtime.sendMessage({ type: MSG.FALLBACK }).catch(() => {});
  }

  /** The overlay, mounted (and watched) if it is not open. */
  function overlay() {
    if (!panel.isOpen()) watchOverlay(panel.mount(settings));
    return panel;
  }

  function snapshot() {
    return {
      page: { title: (ex && ex.meta.title) || document.title, url: location.href },
      shown,
      timings: lastTimings,
      fallback,
    };
  }

  function publish() {
    if (display !== 'sidepanel') return;
    api.runtime.sendMessage({ type: MSG.STATE, state: snapshot() }).catch(() => {});
  }

  /** Shows a message (overlay or side panel). */
  function message(text, opts) {
    shown = { kind: 'message', text, ...opts };
    if (display === 'sidepanel') return publish();
    overlay().showMessage(text, opts);
  }

  function errorText(error) {
    switch (error && error.code) {
      case CODES.EMPTY_INPUT:
        return t('errorEmpty');
      case CODES.NOTHING_TO_SUMMARIZE:
        return t('errorNothing');
      case CODES.TOO_LARGE:
        return t('errorTooLarge');
      default:
        return t('errorInternal', [String((error && error.message) || error)]);
    }
  }

  async function ask(options) {
    try {
      const reply = await api.runtime.sendMessage({ type: SUMMARIZE, article: ex.article, options });
      return reply && typeof reply === 'object' ? reply : { ok: false, error: { code: CODES.INTERNAL, message: 'no reply' } };
    } catch (e) {
      return { ok: false, error: { code: CODES.INTERNAL, message: String((e && e.message) || e) } };
    }
  }

  /** Summarises the current extraction with `n` sentences (0: the core's default) and renders it. */
  async function summarise(n) {
    if (busy || !ex || !ex.article) return;
    busy = true;
    try {
      const options = n > 0 ? { sentences: n } : {};
      const t0 = performance.now();
      const reply = await ask(options);
      const t1 = performance.now();
      if (!reply.ok) {
        const code = reply.error && reply.error.code;
        const soft = code === CODES.NOTHING_TO_SUMMARIZE || code === CODES.EMPTY_INPUT;
        record({ coreMs: t1 - t0, wasmMs: 0, renderMs: 0 });
        message(soft ? t('notArticle') : errorText(reply.error), { error: !soft, title: soft ? errorText(reply.error) : '' });
        return;
      }
      const summary = reply.summary;
      current = { summary, length: summary.sentences.length };
      lib.highlight.clear();
      const ctx = {
        meta: ex.meta,
        source: ex.source,
        length: current.length,
        maxLength: Math.max(1, Math.min(summary.stats.article_sentences, MAX_SUMMARY_SENTENCES)),
      };
      shown = { kind: 'summary', summary, ctx };
      if (display === 'sidepanel') {
        record({ coreMs: t1 - t0, wasmMs: reply.coreMs || 0, renderMs: 0 });
        publish();
        return;
      }
      overlay().render(summary, ctx);
      const t2 = performance.now();
      record({ coreMs: t1 - t0, wasmMs: reply.coreMs || 0, renderMs: t2 - t1 });
    } finally {
      busy = false;
    }
  }

  // Click-to-panel timings, on the host as data attributes (read by the end-to-end tests; the
  // side panel's host gets them with the state).
  function record({ coreMs, wasmMs, renderMs }) {
    const r = (x) => (Math.round(x * 10) / 10).toFixed(1);
    lastTimings = { extractMs: r(ex ? ex.ms : 0), coreMs: r(coreMs), wasmMs: r(wasmMs), renderMs: r(renderMs), source: (ex && ex.source) || 'none' };
    timings.push({ extract: ex ? ex.ms : 0, core: coreMs, render: renderMs });
    if (display === 'sidepanel') return;
    Object.assign(overlay().host.dataset, lastTimings);
  }

  // The highlight's style (a page stylesheet: background.js inserts it with insertCSS), asked
  // for once by this copy of the content script: after its first panel is shown, or at the
  // first highlight if that comes sooner. Not at the click: the page's restyle would compete
  // with extraction and the core.
  let styled = false;
  function askStyle() {
    if (styled) return;
    styled = true;
    api.runtime.sendMessage({ type: MSG.STYLE }).catch(() => {
      styled = false;
    });
  }

  /** Highlights `sentence` on the page: 'highlight' | 'selection', or null when it is not found. */
  function highlightSentence(sentence) {
    askStyle();
    const range = ex && sentence && lib.highlight.rangeFor(document, ex, sentence);
    return range ? lib.highlight.show(range) : null;
  }

  function showSentence(sentence) {
    const how = highlightSentence(sentence);
    if (!how) panel.setStatus(t('notFoundOnPage'));
    else panel.host.dataset.highlight = how;
  }

  function copy(kind) {
    const page = { title: (ex && ex.meta.title) || document.title, url: location.href };
    const uiLang = (panel.ui && panel.ui.lang) || undefined;
    return navigator.clipboard.writeText(lib.format.copyText(kind, current.summary, page, t, uiLang));
  }

  /**
   * Whether the open panel shows an article the page no longer has: a single-page site
   * navigated in place (history.pushState to a new address; a change of the #fragment alone
   * does not count) or replaced the article's DOM (none of the text nodes it was read from is
   * in the document any more).
   */
  function stale() {
    const noHash = (u) => u.split('#')[0];
    if (!ex || noHash(ex.url) !== noHash(location.href)) return true;
    let mapped = false;
    for (const m of ex.maps) {
      for (const node of m.refs) {
        if (!node) continue;
        if (node.isConnected) return false;
        mapped = true;
      }
    }
    return mapped;
  }

  /**
   * Entry point. `mode`: 'page' (toggles the panel; when the page has moved on to another
   * article since, summarises that instead of closing) or 'selection'.
   */
  /**
   * Entry point. `mode`: 'page' (toggles the overlay; when the page has moved on to another
   * article since, summarises that instead of closing) or 'selection'. `where`: 'overlay' or
   * 'sidepanel', the user's choice as the gesture found it (default: the settings').
   * `given`: the settings as the worker has them (null: read them here).
   */
  async function trigger(mode, selectionText, where, given = null) {
    if (busy) return;
    const wanted = fallback || (where || settings.display) === 'sidepanel' ? 'sidepanel' : 'overlay';
    if (wanted === 'sidepanel') {
      // No toggle: the summary is published again (the panel may have been closed).
      if (display === 'sidepanel' && mode !== 'selection' && shown && !stale()) return publish();
      close();
    } else if (mode !== 'selection' && panel.isOpen() && !stale()) {
      close();
      return;
    }
    display = wanted;
    if (display === 'sidepanel') listen(); // the side panel asks this page for the summary
    // The settings, when the worker did not send them, are read while the page is extracted
    // (extraction does not need them).
    const reading = given ? (settings = lib.settings.sanitize(given)) : loadSettings();
    // Injected at once (background.js): on a page still loading, the article is read once its
    // DOM is complete.
    if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    lib.highlight.clear();
    ex = lib.extract.extract(document, { mode, selectionText });
    ex.url = location.href;
    await reading;
    if (!ex.article) {
      record({ coreMs: 0, wasmMs: 0, renderMs: 0 });
      message(t('notArticle'), { title: t('notArticleTitle') });
      if (panel.isOpen()) panel.focus();
      later(listen);
      return;
    }
    await summarise(settings.length);
    if (panel.isOpen()) panel.focus();
    later(listen);
    later(askStyle);
  }

  // Esc closes the panel when focus is in it or nowhere in particular.
  document.addEventListener(
    'keydown',
    (e) => {
      // Only the user's own key presses: a page script's synthetic keydown (isTrusted false) does not close the panel.
      if (!e.isTrusted || e.key !== 'Escape' || e.defaultPrevented || !panel.isOpen()) return;
      const active = document.activeElement;
      if (panel.hasFocus() || !active || active === document.body || active === document.documentElement) {
        e.stopPropagation();
        close();
      }
    },
    true,
  );

  // The listeners for the side panel and for settings changes are added after the first
  // gesture's overlay is shown (when the page is next idle), or at once when the summary is for
  // the side panel: the overlay does not need them before it shows, and setting them up costs
  // the first click several milliseconds in Firefox, where extension APIs are built on first use.
  const later = (f) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => f(), { timeout: 1000 }) : setTimeout(f, 0));
  let listening = false;
  function listen() {
    if (listening) return;
    listening = true;
    // The side panel: what to show, the length, a sentence. This extension's own pages only.
    api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
      if (!msg || !sender || sender.id !== api.runtime.id || !String(sender.url || '').startsWith(api.runtime.getURL(''))) return false;
      if (msg.type === MSG.GET) {
        sendResponse(display === 'sidepanel' && shown && !stale() ? snapshot() : null);
      } else if (msg.type === MSG.LENGTH && display === 'sidepanel' && Number.isInteger(msg.n)) {
        summarise(msg.n).then(() => sendResponse(true));
        return true;
      } else if (msg.type === MSG.SENTENCE && display === 'sidepanel' && current) {
        sendResponse(highlightSentence(current.summary.sentences[msg.index]));
      } else {
        return false;
      }
      return false;
    });

    // Settings changed on the options page: follow them while the panel is open.
    if (api.storage && api.storage.onChanged) {
      api.storage.onChanged.addListener((changes, area) => {
        if (area !== 'sync' || !panel.isOpen()) return;
        loadSettings().then((s) => panel.applySettings(s));
      });
    }
  }

  lib.main = { trigger, close, alive, timings, extraction: () => ex };

  // The gesture that injected these scripts left its request here (background.js).
  if (lib.pending) {
    const { mode, selectionText, display: where, settings: given } = lib.pending;
    lib.pending = null;
    trigger(mode, selectionText, where, given);
  }
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
