// Formatting of a Summary for people: fact groups, the stats line, "why this sentence?", the
// plain-text bullets and the Markdown the copy buttons put on the clipboard, and the writing
// direction.
//
// Pure (no DOM, no extension APIs): every user-visible word comes from `t(key, subs)`, a
// lookup into _locales/*/messages.json (chrome.i18n.getMessage in the extension, a table
// in the demo page and the tests). Loaded as a classic content script, as a classic script
// by the demo page, and by Node's tests: it only attaches itself to a global namespace, after
// lib/contract.js (the order of fact kinds).
(function (lib) {
  'use strict';

  /** The message key of each fact kind's group heading. */
  const HEADINGS = {
    person: 'factsPeople',
    organisation: 'factsOrganisations',
    place: 'factsPlaces',
    date: 'factsDates',
    time: 'factsTimes',
    number: 'factsNumbers',
    money: 'factsMoney',
    percent: 'factsPercentages',
    quantity: 'factsQuantities',
    quote: 'factsQuotes',
  };

  /**
   * Fact kinds in display order (the core's, from lib/contract.js, loaded before this file),
   * with the message key of each group's heading.
   */
  const FACT_KINDS = lib.contract.FACT_KINDS.map((kind) => [kind, HEADINGS[kind]]);

  // Languages written right to left (ISO 639-1 / -2/3 codes the core or a page may give).
  const RTL = new Set(['ar', 'arc', 'dv', 'fa', 'he', 'iw', 'ji', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

  /** `"rtl"` for right-to-left languages (by primary subtag), else `"ltr"`. */
  function direction(lang) {
    const primary = String(lang || '').toLowerCase().split(/[-_]/)[0];
    return RTL.has(primary) ? 'rtl' : 'ltr';
  }

  /** Key facts grouped by kind, in display order: `[{kind, headingKey, facts}]`, empty groups left out. */
  function groupFacts(facts) {
    const groups = [];
    for (const [kind, headingKey] of FACT_KINDS) {
      const list = (facts || []).filter((f) => f && f.kind === kind);
      if (list.length) groups.push({ kind, headingKey, facts: list });
    }
    return groups;
  }

  /** Minutes for people: "<1" under half a minute, else rounded. */
  function minutes(m) {
    const x = Number(m) || 0;
    return x < 0.5 ? '<1' : String(Math.round(x));
  }

  /** "3 of 27 sentences · saves 4 min" */
  function statsLine(stats, t) {
    const s = stats || {};
    const parts = [t('statsSentences', [String(s.summary_sentences ?? 0), String(s.article_sentences ?? 0)])];
    if ((Number(s.saved_minutes) || 0) >= 0.5) parts.push(t('statsSaves', [minutes(s.saved_minutes)]));
    return parts.join(' · ');
  }

  function signed(x) {
    const v = Number(x) || 0;
    const r = Math.round(v * 100) / 100;
    return (r > 0 ? '+' : r < 0 ? '−' : '±') + Math.abs(r).toFixed(2);
  }

  /**
   * "Why this sentence?": the score's parts, largest contribution first, as
   * `[{key, label, value}]` with `value` like "+0.42"; zero parts are left out, except that
   * the list is never empty.
   */
  function whyParts(parts, t) {
    const p = parts || {};
    const rows = [
      ['centrality', 'whyCentrality'],
      ['position', 'whyPosition'],
      ['title', 'whyTitle'],
      ['length', 'whyLength'],
      ['penalty', 'whyPenalty'],
    ]
      .map(([key, labelKey]) => ({ key, label: t(labelKey), raw: Number(p[key]) || 0 }))
      .filter((r) => Math.abs(r.raw) >= 0.005);
    rows.sort((a, b) => Math.abs(b.raw) - Math.abs(a.raw));
    if (!rows.length) rows.push({ key: 'centrality', label: t('whyCentrality'), raw: 0 });
    return rows.map((r) => ({ key: r.key, label: r.label, value: signed(r.raw) }));
  }

  /**
   * A resolved date (`"2023-04-13"`, the core's `resolved`) written out in the UI language
   * `uiLang` ("13 April 2023", "13. April 2023", "2023年4月13日"); '' when it is not such a
   * date. The date is a calendar day, so it is formatted in UTC, never moved by the reader's
   * time zone.
   */
  function resolvedDate(iso, uiLang) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
    if (!m) return '';
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCDate() !== Number(m[3])) return '';
    return dateFormat(uiLang).format(d);
  }

  // One date formatter per UI language, made once per page (making one is the costly part; the
  // first in a page's renderer takes 15-20 ms in Chromium, measured on a page without scripts.
  // Made ahead, while the core works, it cost more on pages without dates than it saved).
  const DATE_OPTIONS = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  const dateFormats = new Map();
  function dateFormat(uiLang) {
    const key = uiLang || '';
    let f = dateFormats.get(key);
    if (!f) {
      try {
        f = new Intl.DateTimeFormat(uiLang || undefined, DATE_OPTIONS);
      } catch {
        f = new Intl.DateTimeFormat(undefined, DATE_OPTIONS);
      }
      dateFormats.set(key, f);
    }
    return f;
  }

  /**
   * The panel's UI language from the extension's messages (`t`, chrome.i18n.getMessage's
   * shape): its `@@ui_locale` as a BCP-47 tag ("en-US"), or null when it is not one.
   */
  function uiLanguage(t) {
    const locale = t('@@ui_locale');
    return /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(locale) ? locale.replace(/_/g, '-') : null;
  }

  /**
   * One line per fact: "“quote” — speaker" for quotes; for a date the core resolved, the
   * article's words and the date in the UI language ("Thursday (13 April 2023)"); the value
   * otherwise.
   */
  function factText(f, uiLang) {
    if (f.kind === 'quote') return '“' + f.value + '”' + (f.speaker ? ' — ' + f.speaker : '');
    const date = f.kind === 'date' ? resolvedDate(f.resolved, uiLang) : '';
    return date ? f.value + ' (' + date + ')' : f.value;
  }

  // One-line, control-character-free text for the clipboard.
  function clean(s) {
    return String(s ?? '')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  function header(title, url) {
    const lines = [];
    if (clean(title)) lines.push(clean(title));
    if (clean(url)) lines.push(clean(url));
    return lines;
  }

  /** The summary as plain-text bullets, with the page's title and address on top. */
  function summaryText(summary, page, t) {
    const lines = header(page.title || summary.title, page.url);
    if (lines.length) lines.push('');
    lines.push(t('copySummaryHeading'));
    for (const s of summary.sentences || []) lines.push('• ' + clean(s.text));
    return lines.join('\n') + '\n';
  }

  /**
   * The key facts as plain-text bullets grouped by kind, with the title and address on top;
   * resolved dates written in `uiLang` (the browser's UI language when not given).
   */
  function factsText(summary, page, t, uiLang) {
    const lines = header(page.title || summary.title, page.url);
    if (lines.length) lines.push('');
    lines.push(t('copyFactsHeading'));
    for (const g of groupFacts(summary.key_facts)) {
      lines.push('');
      lines.push(t(g.headingKey) + ':');
      for (const f of g.facts) lines.push('• ' + clean(factText(f, uiLang)));
    }
    return lines.join('\n') + '\n';
  }

  /**
   * The note above a summary the core cut short (`summary.truncated`): for the first part of a
   * very long page, which share of it was summarised ("Summary of the first 3 % of a very long
   * page."); otherwise the core's own explanation.
   */
  function truncationNote(truncated, t) {
    if (truncated.limit === lib.contract.FIRST_PART) return t('truncatedFirstPart', [String(truncated.value)]);
    return t('truncated', [truncated.detail]);
  }

  // ---------------------------------------------------------------------------------------
  // Markdown (for notes apps: Obsidian, Logseq, Joplin and the like). Article text is always
  // text: every character that could start markup in CommonMark, GitHub's extensions or the
  // notes apps' own syntax is escaped with a backslash (which every Markdown renderer shows as
  // the character itself), so a page cannot put a link, an image, HTML, a heading, a wiki link,
  // a tag, a highlight or maths into the reader's note.

  /**
   * `s` as one line of Markdown text that renders as exactly `s` (after `clean`): the
   * punctuation that can open markup anywhere in a line is backslash-escaped, bare web and
   * mail addresses are kept from becoming links, and a line start that would make a list,
   * heading, quote, table or rule is escaped too.
   */
  function mdEscape(s) {
    let out = clean(s)
      // CommonMark inline markup, HTML, entities and tables; Obsidian's [[links]], #tags,
      // ==highlights==, %%comments%%, $maths$, ^block references; GitHub's ~strikethrough~ and @mentions.
      .replace(/[\\`*_[\]{}()<>!|~=#$%^&@]/g, '\\$&')
      // GitHub-style autolinks of bare addresses: break the "scheme:" and the "www.".
      .replace(/\b([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:')
      .replace(/\b(www)\./gi, '$1\\.');
    // Block markers at the start of a line: "- ", "+ ", "1. ", "2) ", "> ", "---", "===".
    out = out.replace(/^([-+>]|\d{1,9}(?=[.)](\s|$)))/, (m) => (/^\d/.test(m) ? m + '\\' : '\\' + m));
    return out;
  }

  /** An address as a Markdown link destination, or '' when it is not a web (or file) address. */
  function mdUrl(url) {
    let u;
    try {
      u = new URL(String(url ?? ''));
    } catch {
      return '';
    }
    if (!['http:', 'https:', 'file:'].includes(u.protocol)) return '';
    // Percent-encode what could end the destination or the link: white space, <, >, brackets, quotes, backslash.
    return u.href.replace(/[\s<>()[\]`"'\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  }

  /**
   * The summary and the key facts as Markdown: the page's title as a level-1 heading linking
   * to the page, the summary sentences as bullets, the key facts grouped by kind (a level-3
   * heading each), quotes with their speakers. Resolved dates in `uiLang`.
   */
  function markdownText(summary, page, t, uiLang) {
    const title = clean(page.title || summary.title);
    const url = mdUrl(page.url);
    const lines = [];
    if (title && url) lines.push('# [' + mdEscape(title) + '](' + url + ')');
    else if (title) lines.push('# ' + mdEscape(title));
    else if (url) lines.push('<' + url + '>');
    if (lines.length) lines.push('');
    lines.push('## ' + mdEscape(t('copySummaryHeading')), '');
    for (const s of summary.sentences || []) lines.push('- ' + mdEscape(s.text));
    const groups = groupFacts(summary.key_facts);
    if (groups.length) {
      lines.push('', '## ' + mdEscape(t('copyFactsHeading')));
      for (const g of groups) {
        lines.push('', '### ' + mdEscape(t(g.headingKey)), '');
        for (const f of g.facts) {
          if (f.kind === 'quote') {
            lines.push('- “' + mdEscape(f.value) + '”' + (clean(f.speaker) ? ' — ' + mdEscape(f.speaker) : ''));
          } else {
            lines.push('- ' + mdEscape(factText(f, uiLang)));
          }
        }
      }
    }
    return lines.join('\n') + '\n';
  }

  /** What a copy button of `kind` ('summary' | 'facts' | 'markdown') puts on the clipboard. */
  function copyText(kind, summary, page, t, uiLang) {
    if (kind === 'facts') return factsText(summary, page, t, uiLang);
    if (kind === 'markdown') return markdownText(summary, page, t, uiLang);
    return summaryText(summary, page, t);
  }

  /**
   * What the core gets of an article's paragraphs: all of them, or for a very long article (a
   * long live blog, a transcript) its first whole paragraphs within the contract's
   * LONG_ARTICLE_CHARS UTF-16 units and LONG_ARTICLE_PARAGRAPHS paragraphs, with `full_length`,
   * the whole article's length in UTF-16 units, so that the core says which share it covers.
   * A first paragraph longer than the limit on its own is cut at the last white space within it.
   * `cut`: characters of the page the extraction did not read (trimClone), counted in the
   * whole length. Returns `{paragraphs, full_length?}`; `paragraphs[i]` is still the
   * i-th paragraph given. Used by the content script (extract.js) and the demo page.
   */
  function firstPart(paragraphs, cut = 0) {
    const { LONG_ARTICLE_CHARS: maxChars, LONG_ARTICLE_PARAGRAPHS: maxParagraphs } = globalThis.AbridgeLib.contract;
    const total = paragraphs.reduce((n, p) => n + p.length, 0) + cut;
    if (total <= maxChars && paragraphs.length <= maxParagraphs) return { paragraphs };
    const kept = [];
    let chars = 0;
    for (const p of paragraphs) {
      if (kept.length >= maxParagraphs || chars + p.length > maxChars) break;
      kept.push(p);
      chars += p.length;
    }
    if (!kept.length) {
      const cut = paragraphs[0].slice(0, maxChars);
      const space = cut.search(/\s\S*$/);
      kept.push(space > 0 ? cut.slice(0, space) : cut);
    }
    return { paragraphs: kept, full_length: total };
  }

  lib.format = {
    FACT_KINDS, direction, groupFacts, minutes, statsLine, whyParts, resolvedDate, uiLanguage, factText, summaryText, factsText,
    mdEscape, mdUrl, markdownText, truncationNote, copyText, firstPart,
  };
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
