// The panel: an element appended to <html> with a shadow root, built with DOM APIs
// only. Every piece of article-derived text goes in through text nodes (textContent), never
// through HTML parsing. The panel knows nothing about extraction or the core: main.js hands
// it a Summary and callbacks.
(function (lib) {
  'use strict';
  const fmt = lib.format;
  const HOST_ID = 'abridge-host';
  /**
   * Keys inside the panel (focus in it, no modifier): copy the summary, the key facts, or both
   * as Markdown. Letters the browsers leave to the page; shown in the buttons' titles and the
   * panel's help (`panelKeys`).
   */
  const COPY_KEYS = { summary: 'c', facts: 'f', markdown: 'm' };

  /** Element helper: `h('p', {class: 'x', 'aria-label': 'y'}, 'text', child)`. Strings become text nodes. */
  function h(doc, tag, attrs, ...children) {
    const el = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
    }
    return el;
  }

  class Panel {
    /**
     * `t(key, subs)`: UI strings. Callbacks: `onClose()`, `onLength(n)`, `onSentence(sentence)`,
     * `onCopy(kind)` → Promise (kind: 'summary' | 'facts' | 'markdown'). `callbacks.docked`:
     * the panel fills its own document (the browser's side panel) instead of floating over a page.
     */
    constructor(doc, t, callbacks) {
      this.doc = doc;
      this.t = t;
      this.cb = callbacks;
      this.host = null;
      this.uid = Math.random().toString(36).slice(2, 8);
    }

    isOpen() {
      return Boolean(this.host && this.host.isConnected);
    }

    /** Creates the host (once) and applies `settings` ({side, theme}). */
    mount(settings) {
      const doc = this.doc;
      const t = this.t;
      if (!this.isOpen()) {
        for (const stale of doc.querySelectorAll('#' + HOST_ID)) stale.remove();
        const host = doc.createElement('abridge-panel');
        host.id = HOST_ID;
        // Closed (page scripts get null from host.shadowRoot) unless the worker says this is a
        // development install (lib/messages.js shadowModeFor), as in the end-to-end tests.
        const root = host.attachShadow({ mode: lib.shadowMode === 'open' ? 'open' : 'closed' });
        const style = doc.createElement('style');
        style.textContent = lib.panelStyle;
        root.append(style);
        // The panel follows the browser's UI language (its words and their direction); the
        // article's own language and direction are set on the parts that show article text.
        const uiDir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
        const uiLang = fmt.uiLanguage(t);
        this.ui = { dir: uiDir, lang: uiLang };
        this.collapseBtn = h(doc, 'button', {
          class: 'icon collapse', type: 'button', 'aria-expanded': 'true', 'aria-controls': 'abridge-body',
          'aria-label': t('panelCollapse'), title: t('panelCollapse'),
        }, '▾');
        this.closeBtn = h(doc, 'button', { class: 'icon close', type: 'button', 'aria-label': t('panelClose'), title: t('panelClose') }, '×');
        this.body = h(doc, 'div', { class: 'body', id: 'abridge-body' });
        this.panel = h(doc, 'section', {
          class: 'panel', role: 'complementary', 'aria-label': t('panelLabel'), dir: uiDir, lang: uiLang, tabindex: '-1',
        }, h(doc, 'div', { class: 'bar' }, h(doc, 'span', { class: 'brand', title: this.keysHelp() }, t('extName')), this.cb.docked ? null : this.collapseBtn, this.closeBtn), this.body);
        if (this.cb.docked) this.panel.classList.add('docked');
        this.panel.setAttribute('aria-description', this.keysHelp());
        this.panel.addEventListener('keydown', (e) => this.onKey(e));
        root.append(this.panel);
        this.collapseBtn.addEventListener('click', () => this.setCollapsed(!this.panel.classList.contains('collapsed')));
        this.closeBtn.addEventListener('click', () => this.cb.onClose());
        this.root = root;
        this.host = host;
        this.returnFocus = doc.activeElement;
        doc.documentElement.append(host);
      }
      this.applySettings(settings);
      return this.host;
    }

    /** "Keys in the panel: C copies the summary, …; Esc closes." */
    keysHelp() {
      return this.t('panelKeys', [COPY_KEYS.summary, COPY_KEYS.facts, COPY_KEYS.markdown].map((k) => k.toUpperCase()));
    }

    applySettings(settings) {
      if (!this.panel) return;
      this.panel.classList.remove('side-left', 'side-right', 'theme-auto', 'theme-light', 'theme-dark');
      this.panel.classList.add('side-' + settings.side, 'theme-' + settings.theme);
    }

    setCollapsed(collapsed) {
      this.panel.classList.toggle('collapsed', collapsed);
      this.collapseBtn.setAttribute('aria-expanded', String(!collapsed));
      const label = this.t(collapsed ? 'panelExpand' : 'panelCollapse');
      this.collapseBtn.setAttribute('aria-label', label);
      this.collapseBtn.title = label;
    }

    focus() {
      this.panel.focus({ preventScroll: true });
    }

    /** Whether keyboard focus is inside the panel. */
    hasFocus() {
      return this.isOpen() && this.doc.activeElement === this.host;
    }

    close() {
      if (!this.host) return;
      const hadFocus = this.hasFocus();
      this.host.remove();
      this.host = null;
      this.panel = null;
      if (hadFocus && this.returnFocus && this.returnFocus.isConnected && typeof this.returnFocus.focus === 'function') {
        this.returnFocus.focus({ preventScroll: true });
      }
    }

    /**
     * A message instead of a summary (not an article, core error, an empty side panel);
     * `action`: `{label, onClick}` for a button under it.
     */
    showMessage(text, { error = false, title = '', action = null } = {}) {
      const doc = this.doc;
      const btn = action ? h(doc, 'button', { type: 'button', class: 'btn primary', id: 'abridge-action' }, action.label) : null;
      if (btn) btn.addEventListener('click', () => action.onClick());
      this.body.replaceChildren(...[
        title ? h(doc, 'h2', {}, title) : null,
        h(doc, 'p', { class: 'message' + (error ? ' error' : ''), role: error ? 'alert' : 'status' }, text),
        btn ? h(doc, 'p', { class: 'actions' }, btn) : null,
      ].filter(Boolean));
      this.host.dataset.state = error ? 'error' : 'message';
    }

    /**
     * Renders `summary`. `ctx`: `{meta: {title, byline, siteName}, source, length, maxLength}`
     * where `length` is the current sentence count shown on the length control.
     */
    render(summary, ctx) {
      const doc = this.doc;
      const t = this.t;
      const dir = fmt.direction(summary.lang);
      const lang = summary.lang && summary.lang !== 'und' ? summary.lang : null;
      const title = ctx.meta.title || summary.title || '';
      const metaLine = [...new Set([ctx.meta.byline, ctx.meta.siteName].map((x) => (x || '').trim()).filter(Boolean))].join(' · ');

      // Header: title, byline, stats and the length control.
      const header = h(doc, 'div', { class: 'head', dir, lang },
        title ? h(doc, 'h2', { id: 'abridge-title' }, title) : null,
        metaLine ? h(doc, 'p', { class: 'meta' }, metaLine) : null,
        ctx.source === 'selection' ? h(doc, 'p', { class: 'meta' }, t('sourceSelection')) : null,
        ctx.source === 'page' ? h(doc, 'p', { class: 'meta' }, t('sourcePage')) : null,
      );
      const n = summary.sentences.length;
      this.lengthOut = h(doc, 'output', { 'aria-live': 'polite' }, t(n === 1 ? 'lengthOne' : 'lengthMany', [String(n)]));
      const minus = h(doc, 'button', { type: 'button', class: 'shorter', 'aria-label': t('lengthShorter'), title: t('lengthShorter') }, '−');
      const plus = h(doc, 'button', { type: 'button', class: 'longer', 'aria-label': t('lengthLonger'), title: t('lengthLonger') }, '+');
      minus.disabled = ctx.length <= 1;
      plus.disabled = ctx.length >= ctx.maxLength;
      minus.addEventListener('click', () => this.cb.onLength(ctx.length - 1, 'shorter'));
      plus.addEventListener('click', () => this.cb.onLength(ctx.length + 1, 'longer'));
      const controls = h(doc, 'div', { class: 'row' },
        h(doc, 'p', { class: 'stats', id: 'stats' }, fmt.statsLine(summary.stats, t)),
        h(doc, 'div', { class: 'length', role: 'group', 'aria-label': t('lengthGroup') }, minus, this.lengthOut, plus),
      );

      // Summary sentences, each a button that shows the sentence on the page.
      const list = h(doc, 'ol', { class: 'sentences', id: 'sentences', 'aria-labelledby': 'abridge-summary-h', dir, lang });
      summary.sentences.forEach((s, i) => {
        const whyId = 'abridge-why-' + this.uid + '-' + i;
        const parts = fmt.whyParts(s.score_parts, t);
        // The explanation is in the UI's language, inside a list in the article's.
        const why = h(doc, 'div', { class: 'why', id: whyId, role: 'tooltip', dir: this.ui.dir, lang: this.ui.lang },
          h(doc, 'strong', {}, t('whyHeading')),
          h(doc, 'dl', {}, parts.map((p) => [h(doc, 'dt', {}, p.label), h(doc, 'dd', {}, p.value)])),
        );
        const btn = h(doc, 'button', { type: 'button', class: 'sentence', 'aria-describedby': whyId, 'data-index': String(i) }, s.text);
        btn.addEventListener('click', () => {
          for (const other of list.querySelectorAll('.sentence[aria-current]')) other.removeAttribute('aria-current');
          btn.setAttribute('aria-current', 'true');
          this.cb.onSentence(s, btn);
        });
        list.append(h(doc, 'li', {}, btn, why));
      });

      // Copy buttons with a live status line; each has a key inside the panel (COPY_KEYS).
      this.status = h(doc, 'span', { class: 'status', role: 'status', 'aria-live': 'polite' });
      const copyButton = (kind, id, label, titleKey, cls) =>
        h(doc, 'button', {
          type: 'button', class: cls, id, title: t(titleKey, [COPY_KEYS[kind].toUpperCase()]), 'aria-keyshortcuts': COPY_KEYS[kind].toUpperCase(),
        }, t(label));
      const copySummary = copyButton('summary', 'copy-summary', 'copySummary', 'copySummaryTitle', 'btn primary');
      const copyFacts = copyButton('facts', 'copy-facts', 'copyFacts', 'copyFactsTitle', 'btn');
      const copyMarkdown = copyButton('markdown', 'copy-markdown', 'copyMarkdown', 'copyMarkdownTitle', 'btn');
      copyFacts.disabled = !summary.key_facts.length;
      this.copyButtons = { summary: copySummary, facts: copyFacts, markdown: copyMarkdown };
      copySummary.addEventListener('click', () => this.copy('summary'));
      copyFacts.addEventListener('click', () => this.copy('facts'));
      copyMarkdown.addEventListener('click', () => this.copy('markdown'));
      const actions = h(doc, 'div', { class: 'actions' }, copySummary, copyFacts, copyMarkdown, this.status);

      // Key facts by kind, and keywords.
      // Group headings are UI words; the facts themselves are article text.
      const facts = h(doc, 'div', { class: 'facts', id: 'facts' });
      for (const g of fmt.groupFacts(summary.key_facts)) {
        const ul = h(doc, 'ul', { 'data-kind': g.kind, dir, lang });
        for (const f of g.facts) {
          const li = h(doc, 'li', {}, g.kind === 'quote' ? '“' + f.value + '”' : f.value);
          // A relative date the core resolved: its calendar date, in the UI's language.
          const date = g.kind === 'date' ? fmt.resolvedDate(f.resolved, this.ui.lang) : '';
          if (date) {
            li.append(' (', h(doc, 'time', { class: 'resolved', datetime: f.resolved, dir: this.ui.dir, lang: this.ui.lang }, date), ')');
          }
          if (g.kind === 'quote' && f.speaker) li.append(h(doc, 'span', { class: 'speaker' }, ' — ' + f.speaker));
          if (f.mentions > 1) li.append(h(doc, 'span', { class: 'count' }, ' ' + t('mentions', [String(f.mentions)])));
          if (f.context) li.title = f.context;
          ul.append(li);
        }
        facts.append(h(doc, 'section', { 'aria-label': t(g.headingKey) }, h(doc, 'h4', {}, t(g.headingKey)), ul));
      }
      if (!summary.key_facts.length) facts.append(h(doc, 'p', { class: 'muted' }, t('factsNone')));
      const keywords = h(doc, 'ul', { class: 'chips', id: 'keywords', dir, lang }, summary.keywords.map((k) => h(doc, 'li', {}, k.text)));

      const truncated = summary.truncated
        ? h(doc, 'p', { class: 'message truncated', role: 'note' }, fmt.truncationNote(summary.truncated, t))
        : null;

      const focused = this.root.activeElement;
      const refocus = focused && focused.classList ? ['shorter', 'longer'].find((c) => focused.classList.contains(c)) : null;
      this.body.replaceChildren(...[
        header, controls, truncated,
        h(doc, 'h3', { id: 'abridge-summary-h' }, t('summaryHeading')), list, actions,
        h(doc, 'h3', {}, t('factsHeading')), facts,
        summary.keywords.length ? h(doc, 'h3', {}, t('keywordsHeading')) : null, summary.keywords.length ? keywords : null,
      ].filter(Boolean));
      if (title) this.panel.setAttribute('aria-labelledby', 'abridge-title');
      this.host.dataset.state = 'summary';
      if (refocus) {
        const again = this.body.querySelector('.' + refocus);
        (again && !again.disabled ? again : this.body.querySelector('.length button:not(:disabled)') || this.panel).focus();
      }
    }

    /** Copies `kind` ('summary' | 'facts' | 'markdown') and says how it went. */
    copy(kind) {
      const t = this.t;
      return Promise.resolve()
        .then(() => this.cb.onCopy(kind))
        .then(
          () => this.setStatus(t('copied')),
          (e) => this.setStatus(t('copyFailed', [String((e && e.message) || e)])),
        );
    }

    /** A key pressed with focus in the panel: the copy keys (no modifier; the reader's own presses only). */
    onKey(e) {
      if (!e.isTrusted || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !this.copyButtons) return;
      const kind = Object.keys(COPY_KEYS).find((k) => COPY_KEYS[k] === String(e.key).toLowerCase());
      if (!kind || this.copyButtons[kind].disabled || !this.copyButtons[kind].isConnected) return;
      e.preventDefault();
      e.stopPropagation();
      this.copy(kind);
    }

    setStatus(text) {
      if (this.status) this.status.textContent = text;
    }
  }

  lib.panel = { Panel, HOST_ID, COPY_KEYS };
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
