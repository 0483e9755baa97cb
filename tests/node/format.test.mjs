// Unit tests of extension/content/format.js: copy text, stats line, fact groups, "why", direction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import '../../extension/lib/contract.js';
import '../../extension/content/format.js';
import MarkdownIt from 'markdown-it';

const fmt = globalThis.AbridgeLib.format;
const messages = JSON.parse(fs.readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));
/** chrome.i18n.getMessage over the English messages ($1..$9 substitutions). */
const t = (key, subs = []) => {
  assert.ok(messages[key], `message ${key} exists`);
  return messages[key].message.replace(/\$(\d)/g, (_, n) => subs[n - 1] ?? '');
};

const summary = {
  title: 'Council approves sea wall',
  lang: 'en',
  sentences: [
    { text: 'The council voted 7-2 on Tuesday.', score_parts: { position: 0.3, centrality: 0.5, title: 0.1, length: 0, penalty: -0.2 } },
    { text: 'Work starts in\tSeptember.\u202e', score_parts: { position: 0, centrality: 0, title: 0, length: 0, penalty: 0 } },
  ],
  key_facts: [
    { kind: 'date', value: 'Tuesday', mentions: 1 },
    { kind: 'person', value: 'Helen Brandt', mentions: 3 },
    { kind: 'quote', value: 'It is overdue', speaker: 'Helen Brandt', mentions: 1 },
    { kind: 'money', value: '$18.5 million', mentions: 1 },
  ],
  stats: { summary_sentences: 3, article_sentences: 27, saved_minutes: 4.2 },
};

test('summary copy: title, address, bullets; control characters removed', () => {
  const text = fmt.summaryText(summary, { title: 'Sea wall | Courier', url: 'https://news.example/a?b=1' }, t);
  assert.equal(text, 'Sea wall | Courier\nhttps://news.example/a?b=1\n\nSummary\n• The council voted 7-2 on Tuesday.\n• Work starts in September.\n');
});

test('facts copy: grouped by kind in display order, quotes with speaker', () => {
  const text = fmt.factsText(summary, { title: '', url: 'https://news.example/a' }, t);
  assert.equal(
    text,
    'Council approves sea wall\nhttps://news.example/a\n\nKey facts\n\nPeople:\n• Helen Brandt\n\nDates:\n• Tuesday\n\nMoney:\n• $18.5 million\n\nQuotes:\n• “It is overdue” — Helen Brandt\n',
  );
});

test('stats line', () => {
  assert.equal(fmt.statsLine(summary.stats, t), '3 of 27 sentences · saves 4 min');
  assert.equal(fmt.statsLine({ summary_sentences: 1, article_sentences: 2, saved_minutes: 0.2 }, t), '1 of 2 sentences');
  assert.equal(fmt.minutes(0.6), '1');
});

test('fact groups keep kinds apart and skip empty ones', () => {
  const g = fmt.groupFacts(summary.key_facts);
  assert.deepEqual(g.map((x) => x.kind), ['person', 'date', 'money', 'quote']);
  assert.deepEqual(fmt.groupFacts(undefined), []);
});

test('why: largest parts first, signed, zero parts left out', () => {
  const w = fmt.whyParts(summary.sentences[0].score_parts, t);
  assert.deepEqual(w.map((p) => p.key), ['centrality', 'position', 'penalty', 'title']);
  assert.equal(w[0].value, '+0.50');
  assert.equal(w[2].value, '−0.20');
  assert.equal(fmt.whyParts(summary.sentences[1].score_parts, t).length, 1);
});

test('direction from the language', () => {
  assert.equal(fmt.direction('ar'), 'rtl');
  assert.equal(fmt.direction('he-IL'), 'rtl');
  assert.equal(fmt.direction('fa'), 'rtl');
  assert.equal(fmt.direction('en'), 'ltr');
  assert.equal(fmt.direction('und'), 'ltr');
  assert.equal(fmt.direction(undefined), 'ltr');
});

test('resolved dates: the article words, then the date in the UI language', () => {
  const facts = {
    title: '',
    key_facts: [
      { kind: 'date', value: 'Thursday', resolved: '2023-04-13', mentions: 2 },
      { kind: 'date', value: 'last Tuesday', resolved: '2023-04-11', mentions: 1 },
      { kind: 'date', value: 'next Tuesday', resolved: '2023-04-18', mentions: 1 },
      { kind: 'date', value: 'August 2021', mentions: 1 },
    ],
  };
  assert.equal(
    fmt.factsText(facts, { title: '', url: '' }, t, 'en-GB'),
    'Key facts\n\nDates:\n• Thursday (13 April 2023)\n• last Tuesday (11 April 2023)\n• next Tuesday (18 April 2023)\n• August 2021\n',
  );
  assert.equal(fmt.factText(facts.key_facts[0], 'en-US'), 'Thursday (April 13, 2023)');
  assert.equal(fmt.factText(facts.key_facts[0], 'de'), 'Thursday (13. April 2023)');
  assert.equal(fmt.factText(facts.key_facts[0], 'fr'), 'Thursday (13 avril 2023)');
  assert.equal(fmt.factText({ kind: 'date', value: '昨日', resolved: '2023-04-12' }, 'ja'), '昨日 (2023年4月12日)');
});

test('resolved dates: a calendar day in any time zone, nothing shown for a bad value', () => {
  // 1 January at UTC midnight is still 1 January where the clock is behind UTC.
  assert.equal(fmt.resolvedDate('2024-01-01', 'en-GB'), '1 January 2024');
  assert.equal(fmt.resolvedDate('2024-02-29', 'en-GB'), '29 February 2024');
  for (const bad of ['2023-02-30', '13/04/2023', '', undefined, '2023-04-13T00:00:00Z']) {
    assert.equal(fmt.resolvedDate(bad, 'en-GB'), '', String(bad));
  }
  // Only dates carry it, and a bad one leaves the value as written.
  assert.equal(fmt.factText({ kind: 'person', value: 'Ann Lee', resolved: '2023-04-13' }, 'en'), 'Ann Lee');
  assert.equal(fmt.factText({ kind: 'date', value: 'Monday', resolved: 'soon' }, 'en'), 'Monday');
  // An unknown UI language tag falls back to the default locale rather than throwing.
  assert.match(fmt.resolvedDate('2023-04-13', 'not a tag!'), /2023/);
});

test("truncation note: the share of a very long page, or the core's explanation", () => {
  const { FIRST_PART } = globalThis.AbridgeLib.contract;
  assert.equal(fmt.truncationNote({ limit: FIRST_PART, value: 3, detail: 'x' }, t), 'Summary of the first 3 % of a very long page.');
  assert.equal(
    fmt.truncationNote({ limit: 'max_sentences', value: 250000, detail: 'only the first 250000 sentences were analysed' }, t),
    'Only part of the article was summarised: only the first 250000 sentences were analysed',
  );
});

// ---------------------------------------------------------------------------------------
// Markdown copy. Rendered with markdown-it (CommonMark, with raw HTML allowed and bare
// addresses turned into links, the most permissive setting): article text must come out as
// exactly its own text, with no element of its own.
const md = new MarkdownIt({ html: true, linkify: true });
const decode = (html) =>
  html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

test('Markdown copy: title links to the page, summary bullets, facts by kind, quotes with speakers', () => {
  const text = fmt.markdownText(summary, { title: 'Sea wall | Courier', url: 'https://news.example/a?b=1' }, t, 'en-GB');
  assert.equal(
    text,
    [
      '# [Sea wall \\| Courier](https://news.example/a?b=1)',
      '',
      '## Summary',
      '',
      '- The council voted 7-2 on Tuesday.',
      '- Work starts in September.',
      '',
      '## Key facts',
      '',
      '### People',
      '',
      '- Helen Brandt',
      '',
      '### Dates',
      '',
      '- Tuesday',
      '',
      '### Money',
      '',
      '- \\$18.5 million',
      '',
      '### Quotes',
      '',
      '- “It is overdue” — Helen Brandt',
      '',
    ].join('\n'),
  );
  const html = md.render(text);
  assert.equal((html.match(/<a /g) || []).length, 1);
  assert.match(html, /<h1><a href="https:\/\/news\.example\/a\?b=1">Sea wall \| Courier<\/a><\/h1>/);
  assert.match(html, /<li>\$18\.5 million<\/li>/);
});

test('Markdown copy: no title or no web address, no facts, resolved dates in the UI language', () => {
  const s = { ...summary, title: '', key_facts: [] };
  assert.equal(fmt.markdownText(s, { title: '', url: '' }, t), '## Summary\n\n- The council voted 7-2 on Tuesday.\n- Work starts in September.\n');
  // Only web and file addresses become the title's link.
  for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url']) {
    assert.match(fmt.markdownText(s, { title: 'T', url }, t), /^# T\n\n## Summary/, url);
  }
  assert.equal(fmt.markdownText(s, { title: '', url: 'https://news.example/' }, t).split('\n')[0], '<https://news.example/>');
  const dated = { ...summary, key_facts: [{ kind: 'date', value: 'Thursday', resolved: '2023-04-13' }] };
  assert.match(fmt.markdownText(dated, { title: '', url: '' }, t, 'de'), /\n- Thursday \\\(13\. April 2023\\\)\n/);
});

// Article text written to turn into markup, in several languages and shapes.
const HOSTILE = [
  'Read [the full report](https://evil.example/phish) now',
  '![tracking pixel](https://evil.example/p.gif)',
  '<img src=x onerror="alert(1)"> and <script>alert(2)</script>',
  '<a href="https://evil.example">click</a>',
  'Visit https://evil.example/x or www.evil.example today',
  'Write to press@evil.example',
  '<https://evil.example/auto>',
  '[ref]: https://evil.example "defined reference" and [ref]',
  '# Breaking: heading injected',
  '- a nested list item',
  '1. an ordered list',
  '2) another one',
  '> a quote block',
  '---',
  '| col | col |',
  '**bold** and __bold__ and *it* and _it_ and ~~struck~~',
  '`code` and ```fenced```',
  'Obsidian: [[Secret note]] ![[embed.png]] #tag ==highlight== %%hidden%% $x^2$ ^block-id',
  'Entity &lt;b&gt; and &#x3C;i&#x3E; and &amp;',
  'Back\\slash \\[escaped\\] at the end\\',
  'Le ministre a dit : « [voir](https://evil.example) » — <b>gras</b>',
  'Der Preis stieg um 3,5 % auf 12.000 € [mehr](https://evil.example)',
  'وقال [الوزير](https://evil.example) إن <b>الخطة</b> ستبدأ',
  '消息人士称[详情](https://evil.example)将于<b>周一</b>公布',
  'line\nbreak\r\nand\u2028separator # not a heading',
  '\u202eRTL override [x](https://evil.example)',
];

test('Markdown copy: hostile article text stays text (no link, image, HTML, heading, list or notes-app markup)', () => {
  for (const bad of HOSTILE) {
    const s = {
      title: bad,
      sentences: [{ text: bad }],
      key_facts: [
        { kind: 'person', value: bad },
        { kind: 'quote', value: bad, speaker: bad },
      ],
    };
    const text = fmt.markdownText(s, { title: bad, url: 'https://news.example/a' }, t);
    const html = md.render(text);
    // The only link is the title's, to the page; no other element than these.
    assert.deepEqual([...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]), ['<a href="https://news.example/a">'], bad);
    assert.deepEqual(
      [...new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]))].sort(),
      ['a', 'h1', 'h2', 'h3', 'li', 'ul'],
      `${bad}\n${html}`,
    );
    // Each piece renders as exactly the (one-line, cleaned) article text.
    const want = bad
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ') // eslint-disable-line no-control-regex
      .replace(/\s+/g, ' ')
      .trim();
    const items = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => decode(m[1]));
    assert.deepEqual(items, [want, want, `“${want}” — ${want}`], bad);
    const h1 = decode(/<h1>(.*?)<\/h1>/.exec(html)[1]);
    assert.equal(h1, want, bad);
    // Notes-app syntax (Obsidian, Logseq) that CommonMark does not know: never unescaped.
    const body = text.split('\n').slice(1).join('\n');
    for (const re of [/(?<!\\)\[\[/, /(?<!\\)==/, /(?<!\\)%%/, /(?<!\\)\$/, /(?<!\\)#[^\s#]/, /(?<!\\)\^/]) {
      assert.doesNotMatch(body.replace(/^#+ /gm, ''), re, `${bad}: ${re}`);
    }
  }
});

test('Markdown copy: the page address cannot break out of the link', () => {
  const s = { title: 'T', sentences: [{ text: 'x' }], key_facts: [] };
  const text = fmt.markdownText(s, { title: 'T', url: 'https://news.example/a b)<c>[d]"e\'`f\\g#h' }, t);
  const html = md.render(text);
  assert.deepEqual([...html.matchAll(/<a [^>]*>/g)].length, 1);
  assert.match(html, /<h1><a href="https:\/\/news\.example\/a%20b%29%3Cc%3E%5Bd%5D%22e%27%60f\/g#h">T<\/a><\/h1>/);
});

test('copyText: what each copy button copies (the overlay and the side panel share it)', () => {
  const page = { title: 'Sea wall | Courier', url: 'https://news.example/a?b=1' };
  assert.equal(fmt.copyText('summary', summary, page, t, 'en'), fmt.summaryText(summary, page, t));
  assert.equal(fmt.copyText('facts', summary, page, t, 'en'), fmt.factsText(summary, page, t, 'en'));
  assert.equal(fmt.copyText('markdown', summary, page, t, 'en'), fmt.markdownText(summary, page, t, 'en'));
  assert.equal(fmt.copyText('anything else', summary, page, t, 'en'), fmt.summaryText(summary, page, t));
});

test('the UI language from the extension messages, and date formatters made once per language', () => {
  const t = (v) => () => v;
  assert.equal(fmt.uiLanguage(t('en_US')), 'en-US');
  assert.equal(fmt.uiLanguage(t('de')), 'de');
  assert.equal(fmt.uiLanguage(t('')), null);
  assert.equal(fmt.uiLanguage(t('<b>')), null);
  assert.equal(fmt.resolvedDate('2023-04-13', 'de'), '13. April 2023');
  // Made once, the same formatter gives the same date again.
  assert.equal(fmt.resolvedDate('2023-04-13', 'de'), '13. April 2023');
  // A tag Intl refuses falls back to the default locale, and is remembered as such.
  assert.equal(fmt.resolvedDate('2023-04-13', 'x-!!'), fmt.resolvedDate('2023-04-13', undefined));
  assert.equal(fmt.resolvedDate('2023-04-13', 'x-!!'), fmt.resolvedDate('2023-04-13', undefined));
});
