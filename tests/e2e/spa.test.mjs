// End-to-end: a single-page news site (tests/pages/spa.html) that navigates in place
// (history.pushState + a new article DOM). A click after such a navigation summarises the NEW
// article, whether the panel was closed or still open on the old one (then it is replaced,
// not toggled shut), and its sentences are highlighted in the new article.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { triggerAction } from './lib/browser.mjs';
import { squash } from './lib/shared.mjs';
import { chromiumSuite } from './lib/fixture.mjs';
import { summarise, waitClosed, panelView, watchConsole } from './lib/hostile.mjs';

const E2E = chromiumSuite({ hookWorkerLog: true });
const { skip } = E2E;

let srv;
let b;
let workerLog;
const extensionLog = [];

before(async () => ({ srv, b, workerLog } = await E2E.ready()));

const TRAM = /Tram line to the airport opens two months early/;
const LIBRARY = /Old post office becomes the city’s largest library/;

/** Navigates in place to `id` and waits for the new article. */
async function go(page, id, title) {
  await page.evaluate((s) => window.go(s), id);
  await page.waitForFunction((t) => document.querySelector('article h1').textContent === t, title, { polling: 100 });
  assert.match(page.url(), new RegExp(`story=${id}$`));
}

/** Asserts the panel summarises the article now on the page, and a sentence highlights there. */
async function assertShowsCurrent(page, titleRe) {
  const v = await panelView(page);
  assert.equal(v.hosts, 1, 'one panel');
  assert.equal(v.state, 'summary');
  assert.match(v.title, titleRe);
  const article = squash(await page.locator('article').innerText());
  assert.ok(v.sentences.length >= 2);
  for (const s of v.sentences) assert.ok(article.includes(squash(s)), `sentence from the current article: ${s}`);
  await page.locator('#abridge-host .sentence').first().click();
  await page.waitForFunction(
    (want) => {
      const h = CSS.highlights.get('abridge-sentence');
      const r = h && [...h][0];
      return Boolean(r && r.startContainer.isConnected && r.toString().replace(/\s+/g, '') === want);
    },
    v.sentences[0].replace(/\s+/g, ''),
    { polling: 100, timeout: 5000 },
  );
  assert.equal(await page.evaluate(() => document.querySelector('#abridge-host').shadowRoot.querySelector('.status')?.textContent || ''), '', 'no "not found on the page"');
}

test('after an in-place navigation, a click summarises the new article (panel closed before)', { skip }, async () => {
  const page = await b.context.newPage();
  watchConsole(page, extensionLog);
  await page.goto(`${srv.base}/pages/spa.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('article p').length > 0, null, { polling: 100 });
  await summarise(b, page);
  await assertShowsCurrent(page, TRAM);
  await page.keyboard.press('Escape');
  await waitClosed(page);
  await go(page, 'library', 'Old post office becomes the city’s largest library');
  await summarise(b, page);
  await assertShowsCurrent(page, LIBRARY);
  await page.close();
});

test('after an in-place navigation with the panel still open, a click replaces the old summary', { skip }, async () => {
  const page = await b.context.newPage();
  watchConsole(page, extensionLog);
  await page.goto(`${srv.base}/pages/spa.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('article p').length > 0, null, { polling: 100 });
  await summarise(b, page);
  await assertShowsCurrent(page, TRAM);
  await go(page, 'library', 'Old post office becomes the city’s largest library');
  // The old panel is still open; the click must not just close it.
  await page.evaluate(() => {
    delete document.querySelector('#abridge-host').dataset.state;
  });
  await summarise(b, page);
  await assertShowsCurrent(page, LIBRARY);
  // And back: the first story again, not a cached summary of either.
  await go(page, 'tram', 'Tram line to the airport opens two months early');
  await page.evaluate(() => {
    delete document.querySelector('#abridge-host').dataset.state;
  });
  await summarise(b, page);
  await assertShowsCurrent(page, TRAM);
  // With nothing changed, the button still toggles the panel shut.
  await triggerAction(b, page);
  await waitClosed(page);
  await page.close();
});

test('no errors or warnings from the extension (single-page site)', { skip }, async () => {
  assert.deepEqual([...extensionLog, ...(await workerLog())], []);
});
