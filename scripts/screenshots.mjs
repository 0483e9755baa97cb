#!/usr/bin/env node
// Takes the store screenshots (1280×800 PNG, what both stores accept) of the panel on our own
// page tests/pages/store-article.html, in headless Chromium with the built extension:
//   dist/screenshots/abridge-light.png       the panel after one click, light theme
//   dist/screenshots/abridge-dark.png        the same with the system in dark mode
//   dist/screenshots/abridge-highlight.png   a summary sentence clicked: shown in the article
//   dist/screenshots/abridge-fr.png          the panel with the browser's UI in French
//   dist/screenshots/abridge-sidepanel-light.png, abridge-sidepanel-dark.png
//                                            the summary in the browser's side panel (the
//                                            option "Show the summary in: side panel"): the
//                                            side panel itself, at the width Chromium gives it
// Build first (scripts/build.sh). `npm run screenshots`, or
//   node scripts/screenshots.mjs [--out DIR] [--ext DIR] [--lang fr]
// (--ext: another unpacked extension, e.g. an unzipped package; --lang: the browser's UI
// language, for listings in other languages). The PNGs are not committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { triggerAction, waitPanel, chromiumPath, sidePanel } from '../tests/e2e/lib/browser.mjs';
import { launchInLanguage } from '../tests/e2e/lib/lang.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WIDTH = 1280;
export const HEIGHT = 800;

/** Waits until nothing has scrolled for a few frames (smooth scrolling into view). */
async function settle(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = -1;
        let still = 0;
        const tick = () => {
          const y = window.scrollY;
          still = y === last ? still + 1 : 0;
          last = y;
          if (still >= 10) resolve();
          else setTimeout(tick, 30);
        };
        tick();
      }),
  );
  await page.evaluate(() => document.fonts.ready);
}

async function openPanel(b, srv, scheme) {
  const page = await b.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${srv.base}/pages/store-article.html`, { waitUntil: 'load' });
  await triggerAction(b, page);
  const state = await waitPanel(page);
  if (state.state !== 'summary') throw new Error(`the panel shows "${state.state}", not a summary`);
  // Focus rings belong to keyboard use; a store picture shows the panel at rest.
  await page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur());
  await page.mouse.move(5, HEIGHT - 5);
  await settle(page);
  return page;
}

/** Takes the screenshots into `outDir`; returns their paths. */
export async function takeScreenshots({ outDir = path.join(REPO, 'dist', 'screenshots'), extDir = path.join(REPO, 'extension'), lang = null } = {}) {
  if (!chromiumPath()) throw new Error('chromium is not installed (scripts/setup.sh test installs it)');
  if (!fs.existsSync(path.join(extDir, 'pkg', 'abridge_bg.wasm'))) throw new Error(`${extDir} is not built: run scripts/build.sh first`);
  fs.mkdirSync(outDir, { recursive: true });
  const srv = await startServer({ repo: REPO, shared: null });
  const written = [];
  const shot = async (page, name) => {
    const file = path.join(outDir, name);
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
    written.push(file);
  };
  /** Runs `fn(browser)` in a fresh headless Chromium with the extension, UI language `uiLang`. */
  const withBrowser = async (uiLang, fn) => {
    const b = await launchInLanguage(uiLang, extDir);
    try {
      await fn(b);
    } finally {
      await b.close();
      b.cleanup();
    }
  };
  try {
    await withBrowser(lang, async (b) => {
      for (const scheme of ['light', 'dark']) {
        const page = await openPanel(b, srv, scheme);
        await shot(page, `abridge-${scheme}.png`);
        await page.close();
      }
      // A summary sentence clicked: the page scrolls to it and highlights it.
      const page = await openPanel(b, srv, 'light');
      const sentences = page.locator('#abridge-host .sentence');
      await sentences.nth(Math.min(1, (await sentences.count()) - 1)).click();
      await page.waitForFunction(() => document.querySelector('#abridge-host').dataset.highlight, null, { polling: 100 });
      await page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur());
      await page.mouse.move(5, HEIGHT - 5);
      await settle(page);
      await shot(page, 'abridge-highlight.png');
      await page.close();
    });
    // The side panel, light and dark: its own page, captured through CDP (headless Chromium
    // draws no browser window around it, so this is the side panel alone).
    await withBrowser(lang, async (b) => {
      await b.sw.evaluate(async () => {
        await chrome.storage.sync.set({ display: 'sidepanel' });
        await new Promise((r) => setTimeout(r, 300));
      });
      const page = await b.context.newPage();
      await page.goto(`${srv.base}/pages/store-article.html`, { waitUntil: 'load' });
      await triggerAction(b, page);
      const sp = await sidePanel(b);
      await sp.waitFor(`(() => { const h = document.querySelector('#abridge-host'); return h && h.dataset.state === 'summary'; })()`);
      for (const scheme of ['light', 'dark']) {
        await sp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
        await new Promise((r) => setTimeout(r, 200));
        const { data } = await sp.send('Page.captureScreenshot', { format: 'png' });
        const file = path.join(outDir, `abridge-sidepanel-${scheme}.png`);
        fs.writeFileSync(file, Buffer.from(data, 'base64'));
        written.push(file);
      }
      await sp.detach();
      await page.close();
    });
    // The browser's UI in French: the panel follows it, the English article stays English.
    // Left out when a language was asked for the whole set.
    if (!lang) {
      await withBrowser('fr', async (b) => {
        const page = await openPanel(b, srv, 'light');
        await shot(page, 'abridge-fr.png');
        await page.close();
      });
    }
  } finally {
    await srv.close();
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  try {
    const files = await takeScreenshots({
      ...(opt('--out') ? { outDir: path.resolve(opt('--out')) } : {}),
      ...(opt('--ext') ? { extDir: path.resolve(opt('--ext')) } : {}),
      lang: opt('--lang') || null,
    });
    for (const f of files) console.log(`screenshot: ${path.relative(process.cwd(), f)}`);
  } catch (e) {
    console.error(`screenshots: ${e.message}`);
    process.exit(1);
  }
}
