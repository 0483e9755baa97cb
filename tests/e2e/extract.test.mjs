// Extraction quality: the text the content script hands to the core (paragraphs joined by
// blank lines), from every page of ../shared/pages, scored with shared/tools/extract_eval.py
// (token F1 against the true article text). Our own pages are checked when ../shared is absent
// too. The extraction runs in the page exactly as in the extension: the same files, evaluated
// in the page, then AbridgeLib.extract.extract(document).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO, SHARED, SHARED_PAGES, hasShared, sharedIndex, extractionSource } from './lib/shared.mjs';
import { chromiumSuite } from './lib/fixture.mjs';

const MIN_F1 = 0.96;
const OUT = path.join(REPO, 'test-output', 'extract');
const E2E = chromiumSuite({ shared: true, needs: 'vendor/Readability.js' });
const { skip } = E2E;

let srv;
let b;
before(async () => ({ srv, b } = await E2E.ready()));

async function extractFrom(url) {
  const page = await b.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20000 });
    await page.evaluate(extractionSource());
    return await page.evaluate(() => {
      const ex = globalThis.AbridgeLib.extract.extract(document, { mode: 'page' });
      return { source: ex.source, title: ex.meta.title, paragraphs: ex.article ? ex.article.paragraphs : [], published: ex.article && ex.article.published };
    });
  } finally {
    await page.close();
  }
}

test('own page: article paragraphs, headings and list items kept; chrome and captions left out', { skip }, async () => {
  const ex = await extractFrom(`${srv.base}/pages/article.html`);
  assert.equal(ex.source, 'readability');
  assert.match(ex.title, /Harbour town votes/);
  const text = ex.paragraphs.join('\n\n');
  assert.ok(ex.paragraphs.includes('How it will be paid for'), 'the subheading is its own paragraph');
  assert.ok(ex.paragraphs.includes('Construction is expected to begin in September.'), 'list items are their own paragraphs');
  assert.match(text, /voted 7-2 on Tuesday night/);
  assert.match(text, /public information session on the design on April 2/);
  assert.equal(ex.published, '2026-11-26T18:00:00+00:00', 'the publication date is sent to the core');
  for (const chrome of ['Sandbags line the harbour road', 'Related stories', 'All rights reserved', 'Subscribe', 'Weather']) {
    assert.ok(!text.includes(chrome), `left out: ${chrome}`);
  }
  const none = await extractFrom(`${srv.base}/pages/not-an-article.html`);
  assert.equal(none.source, null, 'a sign-in page is not an article');
});

test(`every shared page: token F1 >= ${MIN_F1}`, { skip: skip || (!hasShared && '../shared absent: skipped') }, async () => {
  const rows = sharedIndex();
  assert.ok(rows.length >= 100, `${rows.length} pages`);
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const sources = {};
  for (const { id } of rows) {
    const ex = await extractFrom(`${srv.base}/shared/${id}/`);
    sources[ex.source] = (sources[ex.source] || 0) + 1;
    fs.writeFileSync(path.join(OUT, `${id}.txt`), ex.paragraphs.join('\n\n'));
  }
  const report = execFileSync('python3', [path.join(SHARED, 'tools', 'extract_eval.py'), OUT, SHARED_PAGES, '--per-page'], { encoding: 'utf8' });
  fs.writeFileSync(path.join(REPO, 'test-output', 'extract-f1.txt'), report);
  const last = report.trim().split('\n').pop();
  const f1 = Number(last.match(/f1=([\d.]+)/)[1]);
  console.log(`extraction over ${rows.length} pages: ${last} (sources: ${JSON.stringify(sources)})`);
  assert.ok(f1 >= MIN_F1, `extraction token F1 ${f1} < ${MIN_F1}`);
});
