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
    lib.highlight.clear();
    panel.close();
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
      if (!panel.isOpen()) panel.mount(settings);
      if (!reply.ok) {
        const code = reply.error && reply.error.code;
        const soft = code === CODES.NOTHING_TO_SUMMARIZE || code === CODES.EMPTY_INPUT;
        panel.showMessage(soft ? t('notArticle') : errorText(reply.error), { error: !soft, title: soft ? errorText(reply.error) : '' });
        record({ coreMs: t1 - t0, wasmMs: 0, renderMs: 0 });
        return;
      }
      const summary = reply.summary;
      current = { summary, length: summary.sentences.length };
      lib.highlight.clear();
      panel.render(summary, {
        meta: ex.meta,
        source: ex.source,
        length: current.length,
        maxLength: Math.max(1, Math.min(summary.stats.article_sentences, MAX_SUMMARY_SENTENCES)),
      });
      const t2 = performance.now();
      record({ coreMs: t1 - t0, wasmMs: reply.coreMs || 0, renderMs: t2 - t1 });
    } finally {
      busy = false;
    }
  }

  // Click-to-panel timings, on the host as data attributes (read by the end-to-end tests).
  function record({ coreMs, wasmMs, renderMs }) {
    const host = panel.host;
    if (!host) return;
    const r = (x) => (Math.round(x * 10) / 10).toFixed(1);
    host.dataset.extractMs = r(ex ? ex.ms : 0);
    host.dataset.coreMs = r(coreMs);
    host.dataset.wasmMs = r(wasmMs);
    host.dataset.renderMs = r(renderMs);
    host.dataset.source = (ex && ex.source) || 'none';
    timings.push({ extract: ex ? ex.ms : 0, core: coreMs, render: renderMs });
  }

  function showSentence(sentence) {
    const range = ex && lib.highlight.rangeFor(document, ex, sentence);
    if (!range) {
      panel.setStatus(t('notFoundOnPage'));
      return;
    }
    panel.host.dataset.highlight = lib.highlight.show(range);
  }

  function copy(kind) {
    const page = { title: (ex && ex.meta.title) || document.title, url: location.href };
    const uiLang = (panel.ui && panel.ui.lang) || undefined;
    const text =
      kind === 'facts' ? lib.format.factsText(current.summary, page, t, uiLang)
        : kind === 'markdown' ? lib.format.markdownText(current.summary, page, t, uiLang)
          : lib.format.summaryText(current.summary, page, t);
    return navigator.clipboard.writeText(text);
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
  async function trigger(mode, selectionText) {
    if (busy) return;
    if (mode !== 'selection' && panel.isOpen() && !stale()) {
      close();
      return;
    }
    await loadSettings();
    lib.highlight.clear();
    ex = lib.extract.extract(document, { mode, selectionText });
    ex.url = location.href;
    if (!ex.article) {
      panel.mount(settings);
      panel.showMessage(t('notArticle'), { title: t('notArticleTitle') });
      record({ coreMs: 0, wasmMs: 0, renderMs: 0 });
      panel.focus();
      return;
    }
    await summarise(settings.length);
    if (panel.isOpen()) panel.focus();
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

  // Settings changed on the options page: follow them while the panel is open.
  if (api.storage && api.storage.onChanged) {
    api.storage.onChanged.addListener((changes, area) => {
      if (area !== 'sync' || !panel.isOpen()) return;
      loadSettings().then((s) => panel.applySettings(s));
    });
  }

  lib.main = { trigger, close, alive, timings, extraction: () => ex };

  // The gesture that injected these scripts left its request here (background.js).
  if (lib.pending) {
    const { mode, selectionText } = lib.pending;
    lib.pending = null;
    trigger(mode, selectionText);
  }
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
