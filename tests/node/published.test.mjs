// Unit tests of the publication-date reader in extension/content/extract.js, on small HTML
// documents: meta tags, JSON-LD, <time> in the article header, and what is ignored; and the
// cut of a very long article to its first part (firstPart).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'cheerio';
import '../../extension/lib/contract.js';
import '../../extension/content/textmap.js';
import '../../extension/content/format.js';
import '../../extension/content/extract.js';

const { publishedDate, isoDate } = globalThis.AbridgeLib.extract;

/** The part of the DOM the reader uses (querySelectorAll, getAttribute, textContent), over cheerio. */
function doc(html) {
  const $ = load(html);
  const wrap = (el) => ({
    getAttribute: (name) => $(el).attr(name) ?? null,
    get textContent() {
      return $(el).text();
    },
  });
  return { querySelectorAll: (sel) => $(sel).toArray().map(wrap) };
}

const page = (head, body = '<article><p>Text.</p></article>') => doc(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

const rows = [
  ['Open Graph article tag', page('<meta property="article:published_time" content="2023-04-13T09:30:00-04:00">'), '2023-04-13T09:30:00-04:00'],
  ['og:published_time', page('<meta property="og:published_time" content="2023-04-13">'), '2023-04-13'],
  ['itemprop meta', page('<meta itemprop="datePublished" content="2023-04-13T13:30:00Z">'), '2023-04-13T13:30:00Z'],
  ['Dublin Core, slashes', page('<meta name="DC.date.issued" content="2023/4/13">'), '2023-04-13'],
  [
    'JSON-LD in a @graph',
    page('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-04-13T08:00:00+02:00"}]}</script>'),
    '2023-04-13T08:00:00+02:00',
  ],
  [
    'JSON-LD array, a broken block skipped',
    page('<script type="application/ld+json">{not json</script><script type="application/ld+json">[{"@type":"Article","datePublished":"2023-04-13"}]</script>'),
    '2023-04-13',
  ],
  ['time in the article header', page('', '<article><header><h1>Title</h1><time datetime="2023-04-13T10:00">13 April</time></header><p>Text.</p></article>'), '2023-04-13T10:00'],
  ['time marked datePublished', page('', '<p>Posted <time itemprop="datePublished" datetime="2023-04-13">Thursday</time></p>'), '2023-04-13'],
  [
    'meta before JSON-LD before time',
    page(
      '<meta property="article:published_time" content="2023-04-13"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-01"}</script>',
      '<header><time datetime="2021-01-01">x</time></header>',
    ),
    '2023-04-13',
  ],
  ['a malformed meta falls through to the next source', page('<meta property="article:published_time" content="Thursday"><meta name="pubdate" content="2023-04-13">'), '2023-04-13'],
  ['none', page('<meta name="description" content="2023-04-13">', '<p>Updated <time datetime="2023-04-13">today</time></p>'), ''],
  ['only junk', page('<meta property="article:published_time" content="Thu, 13 Apr 2023 09:30:00 GMT">'), ''],
];

for (const [name, d, want] of rows) {
  test(`published date: ${name}`, () => {
    assert.equal(publishedDate(d), want);
  });
}

test("published date: Readability's publishedTime comes first, if it is a date", () => {
  const d = page('<meta property="article:published_time" content="2022-01-01">');
  assert.equal(publishedDate(d, '2023-04-13T09:30:00Z'), '2023-04-13T09:30:00Z');
  assert.equal(publishedDate(d, 'last week'), '2022-01-01');
});

test('isoDate keeps ISO 8601 as written and refuses the rest', () => {
  assert.equal(isoDate(' 2023-04-13 09:30 '), '2023-04-13 09:30');
  assert.equal(isoDate('2023.04.13'), '2023-04-13');
  for (const bad of ['13/04/2023', 'April 13, 2023', '20230413', '2023-04-13<script>', null, undefined, 12]) {
    assert.equal(isoDate(bad), '', String(bad));
  }
});

test('a very long article: its first whole paragraphs within the contract\'s limits, and its whole length', () => {
  const { firstPart } = globalThis.AbridgeLib.extract;
  const { LONG_ARTICLE_CHARS: max, LONG_ARTICLE_PARAGRAPHS: maxParagraphs } = globalThis.AbridgeLib.contract;
  const short = ['One paragraph.', 'Another one.'];
  assert.deepEqual(firstPart(short), { paragraphs: short });
  const p = 'The council met again on Monday. '.repeat(300); // ~10,000 units
  const long = new Array(Math.ceil((max * 3) / p.length)).fill(p);
  const part = firstPart(long);
  const kept = part.paragraphs.reduce((n, x) => n + x.length, 0);
  assert.ok(kept <= max && kept > max - p.length, `kept ${kept}`);
  assert.ok(part.paragraphs.every((x) => x === p), 'whole paragraphs');
  assert.equal(part.full_length, long.length * p.length);
  // Too many paragraphs, however short.
  const many = firstPart(new Array(maxParagraphs + 10).fill('Short.'));
  assert.equal(many.paragraphs.length, maxParagraphs);
  assert.equal(many.full_length, (maxParagraphs + 10) * 6);
  // One paragraph longer than the limit: cut at white space, never inside a word.
  const one = 'word '.repeat(max);
  const cut = firstPart([one]);
  assert.equal(cut.paragraphs.length, 1);
  assert.ok(cut.paragraphs[0].length <= max && one.startsWith(cut.paragraphs[0]) && cut.paragraphs[0].endsWith('word'));
  assert.equal(cut.full_length, one.length);
});
