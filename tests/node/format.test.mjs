// Unit tests of extension/content/format.js: copy text, stats line, fact groups, "why", direction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import '../../extension/lib/contract.js';
import '../../extension/content/format.js';

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
