// Same output in both browsers: for the seed article (tests/fixtures/seed.txt) and every
// hard case (tests/fixtures/cases/*.json), each served as a simple article page
// (lib/fixtures.mjs), the panel in headless Chromium and in headless Firefox shows the same
// Summary. Compared: what the content script extracted and sent to the core (`article`), the
// Summary object the background returned for it (sent again through the extension's own
// message round trip, lib/harness.mjs roundTrip), and the panel's rendered text; and in each
// browser the panel shows exactly that Summary's sentences.
//
// With ABRIDGE_E2E_PAGES=all, also every page of ../shared/pages (about three minutes more;
// 120 of 120 were identical when this was written).
//
// The whole <article> is selected before the click: pages Readability takes are summarised
// as pages (the selection is then ignored); the short cases, which are not articles to
// Readability, are summarised from the selection, as a reader would do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startServer } from './lib/server.mjs';
import { launch, chromiumPath } from './lib/browser.mjs';
import { launchFirefox, firefoxPath } from './lib/firefox.mjs';
import { fixtureRoutes, caseIds } from './lib/fixtures.mjs';
import { REPO, EXT_DIR, SHARED_PAGES, hasShared, sharedIndex } from './lib/shared.mjs';
import { chromiumHarness, firefoxHarness } from './lib/harness.mjs';
import { OUT, summarise, panel } from './lib/checks.mjs';

const built = fs.existsSync(path.join(EXT_DIR, 'pkg', 'abridge_bg.wasm'));
const skip =
  (!chromiumPath() && 'chromium not installed (scripts/setup.sh test installs it)') ||
  (!firefoxPath() && 'firefox-esr not installed (scripts/setup.sh test installs it)') ||
  (!built && 'extension not built (scripts/build.sh)');

let srv;
let cb;
let fx;
const harness = {};
const report = [];

before(async () => {
  if (skip) return;
  srv = await startServer({ repo: REPO, shared: hasShared ? SHARED_PAGES : null, routes: fixtureRoutes });
  cb = await launch(EXT_DIR);
  fx = await launchFirefox(EXT_DIR);
  harness.chromium = chromiumHarness(cb);
  harness.firefox = firefoxHarness(fx);
});

after(async () => {
  if (cb) {
    await cb.close();
    cb.cleanup();
  }
  if (fx) await fx.close();
  if (srv) await srv.close();
  if (report.length) {
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'parity.json'), JSON.stringify(report, null, 1));
  }
});

/** In one browser: select the article (unless `select: false`), click the button, read the panel and the Summary behind it. */
async function summaryIn(H, url, { select = true } = {}) {
  const P = await H.open(url);
  try {
    if (select) await P.evaluate(() => {
      const article = document.querySelector('article');
      if (!article) return;
      const r = document.createRange();
      r.selectNodeContents(article);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
    });
    const st = await summarise(H, P);
    const shown = await panel(P);
    const text = await P.evaluate(() => {
      const body = document.querySelector('#abridge-host').shadowRoot.querySelector('.body');
      return body.textContent;
    });
    const rt = await H.roundTrip(P);
    assert.ok(rt && rt.article, `${H.name}: the content script has an extraction (${JSON.stringify(rt)})`);
    assert.equal(rt.reply && rt.reply.ok, true, `${H.name}: the round trip gives a summary (${JSON.stringify(rt.reply)})`);
    const { summary } = rt.reply;
    assert.equal(st.state, 'summary', `${H.name}: panel state`);
    assert.deepEqual(shown.sentences, summary.sentences.map((s) => s.text), `${H.name}: the panel shows the Summary's sentences`);
    assert.deepEqual(shown.keywords, summary.keywords.map((k) => k.text), `${H.name}: and its keywords`);
    return { source: rt.source, article: rt.article, summary, text };
  } finally {
    await P.close();
  }
}

async function sameInBoth(name, url, opts) {
  const c = await summaryIn(harness.chromium, url, opts);
  const f = await summaryIn(harness.firefox, url, opts);
  report.push({ name, source: [c.source, f.source], sentences: c.summary.sentences.map((s) => s.text), same: isDeepStrictEqual(c, f) });
  assert.equal(f.source, c.source, 'extracted the same way');
  assert.deepEqual(f.article, c.article, 'the same text sent to the core');
  assert.deepEqual(f.summary, c.summary, 'the same Summary');
  assert.equal(f.text, c.text, 'the same panel text');
  assert.ok(c.summary.sentences.length >= 1);
  return c;
}

test('seed article: the same Summary in Chromium and Firefox', { skip }, async () => {
  const c = await sameInBoth('seed', `${srv.base}/seed/`);
  assert.equal(c.source, 'readability', 'the seed page is summarised as an article');
  assert.match(c.summary.sentences.map((s) => s.text).join(' '), /Afghanistan|Taliban/);
});

for (const id of skip ? [] : caseIds()) {
  test(`case ${id}: the same Summary in Chromium and Firefox`, { skip }, async () => {
    await sameInBoth(id, `${srv.base}/case/${id}/`);
  });
}

const allPages = process.env.ABRIDGE_E2E_PAGES === 'all';
test('real pages: the same extraction and Summary in Chromium and Firefox', {
  skip: skip || (!hasShared && '../shared absent') || (!allPages && 'set ABRIDGE_E2E_PAGES=all to compare every shared page (about three minutes)'),
}, async (t) => {
  for (const row of sharedIndex()) {
    await t.test(row.id, async () => {
      await sameInBoth(row.id, `${srv.base}/shared/${row.id}/`, { select: false });
    });
  }
});
