// The extension follows the browser's UI language: headless Chromium started in French and
// in Arabic (LANGUAGE=fr / ar; Debian's Chromium needs chromium-l10n for them,
// which scripts/setup.sh installs). The panel's labels, the options page and the context
// menu's titles come out in that language, and an Arabic UI turns the panel right to left
// while an English article's text inside it stays left to right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer } from './lib/server.mjs';
import { triggerAction, waitPanel, chromiumPath } from './lib/browser.mjs';
import { launchInLanguage } from './lib/lang.mjs';
import { REPO, EXT_DIR } from './lib/shared.mjs';
import path from 'node:path';

const built = fs.existsSync(path.join(EXT_DIR, 'pkg', 'abridge_bg.wasm'));
const skip = (!chromiumPath() && 'chromium not installed (scripts/setup.sh test installs it)') || (!built && 'extension not built (scripts/build.sh)');
const messages = (lang) => JSON.parse(fs.readFileSync(path.join(EXT_DIR, '_locales', lang, 'messages.json'), 'utf8'));

let srv;
before(async () => {
  if (!skip) srv = await startServer({ repo: REPO, shared: null });
});
after(async () => {
  if (srv) await srv.close();
});

/** Opens our plain article, clicks the button, and reads the panel's words and directions. */
async function panelIn(b) {
  const page = await b.context.newPage();
  await page.goto(`${srv.base}/pages/article.html`, { waitUntil: 'domcontentloaded' });
  await triggerAction(b, page);
  const state = await waitPanel(page);
  assert.equal(state.state, 'summary');
  const seen = await page.evaluate(() => {
    const root = document.querySelector('#abridge-host').shadowRoot;
    const q = (sel) => root.querySelector(sel);
    return {
      dir: q('.panel').getAttribute('dir'),
      lang: q('.panel').getAttribute('lang'),
      label: q('.panel').getAttribute('aria-label'),
      headings: [...root.querySelectorAll('h3')].map((h) => h.textContent),
      copySummary: q('#copy-summary').textContent,
      copyFacts: q('#copy-facts').textContent,
      close: q('.close').getAttribute('aria-label'),
      lengthGroup: q('.length').getAttribute('aria-label'),
      sentencesDir: q('#sentences').getAttribute('dir'),
      sentencesLang: q('#sentences').getAttribute('lang'),
      panelDirection: getComputedStyle(q('.panel')).direction,
      sentenceDirection: getComputedStyle(q('#sentences .sentence')).direction,
    };
  });
  await page.close();
  return seen;
}

async function optionsIn(b) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extId}/options.html`);
  await page.waitForFunction(() => document.querySelector('h1').textContent.length > 0, null, { polling: 100 });
  const seen = await page.evaluate(() => ({
    h1: document.querySelector('h1').textContent,
    title: document.title,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    firstOption: document.querySelector('#sentences option').textContent,
  }));
  await page.close();
  return seen;
}

for (const lang of ['fr', 'ar']) {
  test(`UI language ${lang}: panel, options page and context menu`, { skip, timeout: 90000 }, async () => {
    const m = Object.fromEntries(Object.entries(messages(lang)).map(([k, v]) => [k, v.message]));
    const rtl = lang === 'ar';
    const b = await launchInLanguage(lang, EXT_DIR);
    try {
      const ui = await b.sw.evaluate(() => ({
        lang: chrome.i18n.getUILanguage(),
        dir: chrome.i18n.getMessage('@@bidi_dir'),
        menuPage: chrome.i18n.getMessage('menuPage'),
        menuSelection: chrome.i18n.getMessage('menuSelection'),
      }));
      assert.match(ui.lang, new RegExp(`^${lang}\\b`), `the browser runs in ${lang} (is chromium-l10n installed?)`);
      assert.equal(ui.dir, rtl ? 'rtl' : 'ltr');
      // The context menu's items are created with these strings (background.js).
      assert.equal(ui.menuPage, m.menuPage);
      assert.equal(ui.menuSelection, m.menuSelection);

      const p = await panelIn(b);
      assert.equal(p.lang, lang);
      assert.equal(p.dir, rtl ? 'rtl' : 'ltr');
      assert.equal(p.panelDirection, rtl ? 'rtl' : 'ltr');
      assert.equal(p.label, m.panelLabel);
      assert.deepEqual(p.headings.slice(0, 2), [m.summaryHeading, m.factsHeading]);
      assert.equal(p.copySummary, m.copySummary);
      assert.equal(p.copyFacts, m.copyFacts);
      assert.equal(p.close, m.panelClose);
      assert.equal(p.lengthGroup, m.lengthGroup);
      // The article is English: its sentences keep their own language and direction.
      assert.equal(p.sentencesLang, 'en');
      assert.equal(p.sentencesDir, 'ltr');
      assert.equal(p.sentenceDirection, 'ltr');
      if (lang === 'fr') assert.equal(p.copySummary, 'Copier le résumé');

      const o = await optionsIn(b);
      assert.equal(o.h1, m.optionsTitle);
      assert.equal(o.title, m.optionsTitle);
      assert.equal(o.firstOption, m.optionsLengthAuto);
      assert.match(o.lang, new RegExp(`^${lang}\\b`));
      assert.equal(o.dir, rtl ? 'rtl' : 'ltr');
    } finally {
      await b.close();
      b.cleanup();
    }
  });
}
