// The store packages (scripts/package.mjs): built twice, byte for byte the same; each one
// unzipped and checked: its manifest (version from Cargo.toml, exact permissions, no host
// permissions, CSP, the background key its store wants), its file list (what ships and
// nothing else), the Chromium package loaded in headless Chromium and clicked on a test page,
// the Firefox package through `web-ext lint` and loaded in headless Firefox (clicked through
// privileged browser JS, as tests/e2e/firefox.test.mjs does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { spawnSync, execFileSync } from 'node:child_process';
import { transformSync } from 'esbuild';
import { buildPackages, readVersion, shippedBytes, SHIP_JS, BROWSERS } from '../../scripts/package.mjs';
import { startServer } from './lib/server.mjs';
import { launch, triggerAction, waitPanel, chromiumPath } from './lib/browser.mjs';
import { REPO, EXT_DIR } from './lib/shared.mjs';

const built = fs.existsSync(path.join(EXT_DIR, 'pkg', 'abridge_bg.wasm'));
const skip = !built && 'extension not built (scripts/build.sh)';
const webExt = path.join(REPO, 'node_modules', '.bin', 'web-ext');

const PERMISSIONS = ['activeTab', 'scripting', 'storage', 'contextMenus', 'clipboardWrite'];
const CSP = { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" };

let tmp;
let first;
let second;
const unpacked = {};

/** Reads a zip: central directory entries with their data (inflated, CRC-checked). */
function readZip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'end of central directory record');
  assert.equal(buf.readUInt16LE(eocd + 20), 0, 'no archive comment');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory header');
    const e = {
      madeBy: buf.readUInt16LE(p + 4),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      crc: buf.readUInt32LE(p + 16),
      csize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      extra: buf.readUInt16LE(p + 30),
      mode: buf.readUInt32LE(p + 38) >>> 16,
      offset: buf.readUInt32LE(p + 42),
    };
    const nameLen = buf.readUInt16LE(p + 28);
    e.name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + e.extra + buf.readUInt16LE(p + 32);
    const l = e.offset;
    assert.equal(buf.readUInt32LE(l), 0x04034b50, `${e.name}: local header`);
    const start = l + 30 + buf.readUInt16LE(l + 26) + buf.readUInt16LE(l + 28);
    const body = buf.subarray(start, start + e.csize);
    e.data = e.method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body);
    assert.equal(e.data.length, e.size, `${e.name}: size`);
    assert.equal(zlib.crc32(e.data) >>> 0, e.crc, `${e.name}: CRC-32`);
    entries.push(e);
  }
  return entries;
}

/**
 * What each package must hold, exactly: derived from the source tree's folders. The content
 * script ships as the two files scripts/content-bundle.mjs makes; a source of it ships on its
 * own only when an extension page loads it by name (options.html: settings.js).
 */
function expectedFiles() {
  const pages = ['options.html', 'sidepanel.html'].map((f) => fs.readFileSync(path.join(EXT_DIR, f), 'utf8')).join('\n');
  const byPage = (f) => pages.includes(`src="${f}"`);
  const js = (dir) => fs.readdirSync(path.join(EXT_DIR, dir)).filter((f) => f.endsWith('.js')).map((f) => `${dir}/${f}`);
  return [
    'manifest.json',
    'LICENSE',
    'NOTICE',
    'LICENSES/Apache-2.0.txt',
    'background.js',
    'options.html',
    'options.js',
    'options.css',
    'sidepanel.html',
    'sidepanel.js',
    ...js('lib'),
    ...js('content').filter(byPage),
    ...[16, 32, 48, 128].map((s) => `icons/icon-${s}.png`),
    ...fs.readdirSync(path.join(EXT_DIR, '_locales')).map((l) => `_locales/${l}/messages.json`),
    'pkg/abridge.js',
    'pkg/abridge_bg.wasm',
    'pkg/content.js',
    'pkg/panel.js',
    'vendor/LICENSE.md',
  ].sort();
}

before(() => {
  if (skip) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'abridge-package-'));
  first = buildPackages({ outDir: path.join(tmp, 'a'), quiet: true });
  second = buildPackages({ outDir: path.join(tmp, 'b'), quiet: true });
  for (const r of first) {
    const dir = path.join(tmp, `unpacked-${r.browser}`);
    for (const e of readZip(fs.readFileSync(r.file))) {
      const out = path.join(dir, e.name);
      assert.ok(out.startsWith(dir + path.sep), `${e.name} stays inside the package`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, e.data);
    }
    unpacked[r.browser] = dir;
  }
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('one package per store, named with the version from Cargo.toml', { skip }, () => {
  const version = readVersion();
  assert.deepEqual(first.map((r) => path.basename(r.file)), BROWSERS.map((b) => `abridge-${b}-${version}.zip`));
  const sums = fs.readFileSync(path.join(tmp, 'a', 'SHA256SUMS'), 'utf8');
  for (const r of first) assert.ok(sums.includes(`${r.sha256}  ${path.basename(r.file)}\n`));
});

test('reproducible: two builds from the same files are the same bytes', { skip }, () => {
  for (const [i, r] of first.entries()) {
    const a = fs.readFileSync(r.file);
    const b = fs.readFileSync(second[i].file);
    const hash = (x) => crypto.createHash('sha256').update(x).digest('hex');
    assert.equal(hash(a), hash(b), `${path.basename(r.file)} differs between two builds`);
    assert.equal(hash(a), r.sha256);
  }
  assert.equal(fs.readFileSync(path.join(tmp, 'a', 'SHA256SUMS'), 'utf8'), fs.readFileSync(path.join(tmp, 'b', 'SHA256SUMS'), 'utf8'));
});

test('zip entries: sorted, fixed timestamp and mode, no extra fields, readable by unzip', { skip }, () => {
  for (const r of first) {
    const entries = readZip(fs.readFileSync(r.file));
    const names = entries.map((e) => e.name);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'sorted');
    for (const e of entries) {
      assert.equal(e.date, 0x21, `${e.name}: date 1980-01-01`);
      assert.equal(e.time, 0, `${e.name}: time 00:00`);
      assert.equal(e.mode, 0o100644, `${e.name}: mode 0644`);
      assert.equal(e.madeBy >> 8, 3, `${e.name}: made by Unix`);
      assert.equal(e.extra, 0, `${e.name}: no extra field`);
      assert.ok(!e.name.endsWith('/'), 'no directory entries');
    }
    const unzip = spawnSync('unzip', ['-tq', r.file], { encoding: 'utf8' });
    if (unzip.error) continue; // no unzip here: our own reader above checked every CRC
    assert.equal(unzip.status, 0, unzip.stdout + unzip.stderr);
  }
});

for (const browser of BROWSERS) {
  test(`${browser} package: manifest`, { skip }, () => {
    const m = JSON.parse(fs.readFileSync(path.join(unpacked[browser], 'manifest.json'), 'utf8'));
    const source = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8'));
    assert.equal(m.manifest_version, 3);
    assert.equal(m.version, readVersion());
    // The side panel: Chromium's sidePanel API (its permission and side_panel key), Firefox's
    // sidebar_action; each package free of the other's.
    assert.deepEqual(m.permissions, browser === 'chromium' ? [...PERMISSIONS, 'sidePanel'] : PERMISSIONS);
    if (browser === 'chromium') {
      assert.deepEqual(m.side_panel, { default_path: 'sidepanel.html' });
      assert.equal(m.sidebar_action, undefined);
    } else {
      assert.equal(m.sidebar_action.default_panel, 'sidepanel.html');
      assert.equal(m.side_panel, undefined);
    }
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable', 'key', 'update_url']) {
      assert.equal(m[key], undefined, `no ${key}`);
    }
    assert.deepEqual(m.content_security_policy, CSP);
    assert.equal(m.default_locale, 'en');
    assert.equal(m.name, '__MSG_extName__');
    assert.equal(m.description, '__MSG_extDescription__');
    if (browser === 'chromium') {
      assert.deepEqual(m.background, { service_worker: 'background.js', type: 'module' });
      assert.equal(m.browser_specific_settings, undefined);
    } else {
      assert.deepEqual(m.background, { scripts: ['background.js'], type: 'module' });
      assert.deepEqual(m.browser_specific_settings, source.browser_specific_settings);
      assert.match(m.browser_specific_settings.gecko.id, /^[\w.-]+@[\w.-]+$/);
      assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
    }
    // Apart from version and background (and Firefox's own settings), the same as the source.
    const strip = (x) => {
      const rest = { ...x };
      for (const key of ['version', 'background', 'browser_specific_settings', 'permissions', 'side_panel', 'sidebar_action']) delete rest[key];
      return rest;
    };
    assert.deepEqual(strip(m), strip(source));
  });

  test(`${browser} package: exactly the files that ship`, { skip }, () => {
    const entries = readZip(fs.readFileSync(first.find((r) => r.browser === browser).file));
    assert.deepEqual(entries.map((e) => e.name).sort(), expectedFiles());
    for (const e of entries) {
      assert.doesNotMatch(e.name, /\.(map|ts|md~|svg|py|mjs|rs|toml)$|(^|\/)(tests?|docs?|node_modules|\.[^/]+)(\/|$)|README/i, e.name);
      if (/\.(js|html|css|json)$/.test(e.name)) assert.doesNotMatch(e.data.toString('utf8'), /sourceMappingURL/, `${e.name}: no source map reference`);
    }
    // Same bytes as the built extension (manifest.json aside), but JavaScript, which ships
    // minified (SHIP_JS): smaller than the built file, parsed again without error, the same
    // kind of file (module or script), and Readability with its copyright line first.
    for (const e of entries) {
      if (e.name === 'manifest.json') continue;
      const src = e.name.startsWith('LICENSE') || e.name === 'NOTICE' ? path.join(REPO, e.name) : path.join(EXT_DIR, e.name);
      const built = fs.readFileSync(src);
      if (!e.name.endsWith('.js')) {
        assert.ok(built.equals(e.data), `${e.name} is the built file`);
        continue;
      }
      assert.ok(e.data.equals(shippedBytes(e.name, src)), `${e.name} is the built file without comments`);
      assert.ok(e.data.length < built.length, `${e.name}: ${e.data.length} bytes shipped, ${built.length} built`);
      const code = e.data.toString('utf8');
      assert.doesNotThrow(() => transformSync(code, SHIP_JS), `${e.name}: the shipped code parses`);
      const isModule = (t) => /^\s*(import|export)\b/m.test(t);
      assert.equal(isModule(code.replace(/;/g, ';\n')), isModule(built.toString('utf8')), `${e.name}: still a ${isModule(built.toString('utf8')) ? 'module' : 'script'}`);
      if (e.name.startsWith('vendor/') || e.name === 'pkg/content.js') assert.match(e.data.toString('utf8'), /^\/\* Copyright \(c\) 2010 Arc90 Inc\. Apache-2\.0: vendor\/LICENSE\.md \*\/\n/, `${e.name} keeps its copyright line`);
    }
  });
}

test('the Chromium package loads in headless Chromium and summarises a page', { skip: skip || (!chromiumPath() && 'chromium not installed'), timeout: 90000 }, async () => {
  const srv = await startServer({ repo: REPO, shared: null });
  const b = await launch(unpacked.chromium);
  try {
    const version = await b.sw.evaluate(() => chrome.runtime.getManifest().version);
    assert.equal(version, readVersion());
    const page = await b.context.newPage();
    await page.goto(`${srv.base}/pages/article.html`, { waitUntil: 'domcontentloaded' });
    await triggerAction(b, page);
    const st = await waitPanel(page);
    assert.equal(st.state, 'summary');
    const sentences = await page.evaluate(() => document.querySelector('#abridge-host').shadowRoot.querySelectorAll('#sentences li').length);
    assert.ok(sentences >= 1);
  } finally {
    await b.close();
    b.cleanup();
    await srv.close();
  }
});

test('the Firefox package passes web-ext lint', { skip: skip || (!fs.existsSync(webExt) && 'web-ext not installed (npm ci)'), timeout: 120000 }, () => {
  const r = spawnSync(webExt, ['lint', '--source-dir', unpacked.firefox, '--no-input', '--output', 'json'], { encoding: 'utf8', timeout: 120000 });
  const report = JSON.parse(r.stdout);
  const show = (list) => list.map((m) => `${m.code} ${m.file || ''}: ${m.message}`).join('\n');
  assert.equal(report.summary.errors, 0, show(report.errors));
  assert.equal(r.status, 0);
  // The vendored Readability (in the content script, pkg/content.js) sets innerHTML on its own
  // document clone: expected. Nothing else (our own sources are checked on their own in
  // tests/node/extension-static.test.mjs: no HTML parsing of page data).
  const readability = (m) => m.file === 'pkg/content.js' && m.code === 'UNSAFE_VAR_ASSIGNMENT';
  assert.deepEqual(report.warnings.filter((m) => !readability(m)).map((m) => m.code), [], show(report.warnings));
  assert.deepEqual(report.notices.map((m) => m.code), [], show(report.notices));
});

function firefoxPath() {
  if (process.env.FIREFOX) return process.env.FIREFOX;
  try {
    return execFileSync('sh', ['-c', 'command -v firefox-esr || command -v firefox'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

test('the Firefox package loads in headless Firefox and summarises a page', { skip: skip || (!firefoxPath() && 'firefox-esr not installed'), timeout: 120000 }, async () => {
  const { default: puppeteer } = await import('puppeteer-core');
  const srv = await startServer({ repo: REPO, shared: null });
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true, args: ['--remote-allow-system-access'] });
  try {
    const id = await browser.installExtension(unpacked.firefox);
    const m = JSON.parse(fs.readFileSync(path.join(unpacked.firefox, 'manifest.json'), 'utf8'));
    assert.equal(id, m.browser_specific_settings.gecko.id);
    const conn = browser.connection;
    const { result } = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const chromeEval = async (expression) => {
      const r = (await conn.send('script.evaluate', { expression, target: { context: result.contexts[0].context }, awaitPromise: true, resultOwnership: 'none' })).result;
      if (r.type !== 'success') throw new Error(r.exceptionDetails && r.exceptionDetails.text);
      return r.result.value;
    };
    const page = await browser.newPage();
    await page.goto(`${srv.base}/pages/article.html`, { waitUntil: 'domcontentloaded' });
    await page.bringToFront();
    // The toolbar button, pressed the way Firefox's own UI presses it (activeTab is granted).
    await chromeEval(`(ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs')
      .ExtensionParent.apiManager.global.browserActionFor(WebExtensionPolicy.getByID(${JSON.stringify(id)}).extension).triggerAction(window), true)`);
    await page.waitForFunction(() => {
      const h = document.querySelector('#abridge-host');
      return h && h.dataset.state && h.dataset.coreMs !== undefined;
    }, { polling: 100, timeout: 20000 });
    const seen = await page.evaluate(() => {
      const h = document.querySelector('#abridge-host');
      return { state: h.dataset.state, sentences: h.shadowRoot.querySelectorAll('.sentence').length };
    });
    assert.equal(seen.state, 'summary');
    assert.ok(seen.sentences >= 1);
  } finally {
    await browser.close();
    await srv.close();
  }
});
