// Static checks of the extension's files: manifest, locales, and the rules the code keeps
// (no HTML parsing of page data, no network, every UI string in the locale file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_FILES, CONTENT_SCRIPTS } from '../../scripts/content-bundle.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXT = path.join(REPO, 'extension');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
const localesDir = path.join(EXT, '_locales');
const en = JSON.parse(fs.readFileSync(path.join(localesDir, 'en', 'messages.json'), 'utf8'));

/** Our own JS (not the build's pkg/ or vendor/). */
function ownJs(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !['pkg', 'vendor'].includes(e.name)) out.push(...ownJs(p));
    else if (e.isFile() && p.endsWith('.js')) out.push(p);
  }
  return out;
}
const sources = [...ownJs(EXT), ...ownJs(path.join(REPO, 'www'))];

test('manifest: MV3, exact permissions, no host permissions, CSP, both browsers', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'clipboardWrite', 'contextMenus', 'scripting', 'sidePanel', 'storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.optional_host_permissions, undefined);
  assert.equal(manifest.content_scripts, undefined, 'scripts are injected on demand only');
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.equal(manifest.externally_connectable, undefined);
  assert.deepEqual(manifest.content_security_policy, { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" });
  assert.deepEqual(manifest.background, { service_worker: 'background.js', scripts: ['background.js'], type: 'module' });
  const gecko = manifest.browser_specific_settings.gecko;
  assert.ok(gecko.id);
  assert.equal(gecko.strict_min_version, '142.0');
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  assert.equal(manifest.action.default_popup, undefined, 'the action has no popup');
});

test('shortcuts: defined, and not Alt+Shift+S (Firefox History menu on Linux)', () => {
  const keys = Object.values(manifest.commands).map((c) => c.suggested_key && c.suggested_key.default);
  assert.ok(manifest.commands._execute_action);
  assert.ok(Object.keys(manifest.commands).length >= 2);
  for (const k of keys) {
    assert.ok(k, 'every command has a default');
    assert.doesNotMatch(k, /^Alt\+Shift\+[FEVSBPTH]$/, `${k} opens a Firefox menu on Linux`);
  }
  assert.equal(new Set(keys).size, keys.length, 'distinct shortcuts');
});

test('every file the manifest and the service worker name exists', () => {
  const files = [manifest.background.service_worker, manifest.options_ui.page, ...Object.values(manifest.icons)];
  const bg = fs.readFileSync(path.join(EXT, 'background.js'), 'utf8');
  const list = bg.match(/const CONTENT_SCRIPTS = \[([\s\S]*?)\]/)[1].match(/'([^']+)'/g).map((s) => s.slice(1, -1));
  assert.deepEqual(list, CONTENT_SCRIPTS, 'the worker injects the generated content script files (scripts/content-bundle.mjs), in order');
  for (const f of [...files, ...CONTENT_FILES.filter((f) => !f.startsWith('vendor/'))]) assert.ok(fs.existsSync(path.join(EXT, f)), f);
  assert.equal(CONTENT_FILES[CONTENT_FILES.length - 1], 'content/main.js', 'main.js runs last');
  // Every content script source is in the content script, once.
  const ours = fs.readdirSync(path.join(EXT, 'content')).map((f) => 'content/' + f);
  assert.deepEqual(ours.filter((f) => !CONTENT_FILES.includes(f)), [], 'content/ files the content script leaves out');
  assert.equal(new Set(CONTENT_FILES).size, CONTENT_FILES.length);
});

test('every __MSG_…__ and getMessage key is in the English locale; every locale has the same keys', () => {
  const used = new Set();
  for (const m of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
  for (const f of [...sources, path.join(EXT, 'options.html')]) {
    const s = fs.readFileSync(f, 'utf8');
    for (const m of s.matchAll(/\bt\('(\w+)'/g)) used.add(m[1]);
    for (const m of s.matchAll(/getMessage\('(\w+)'/g)) used.add(m[1]);
    for (const m of s.matchAll(/data-i18n="(\w+)"/g)) used.add(m[1]);
    for (const m of s.matchAll(/'(facts[A-Z]\w+|why[A-Z]\w+)'/g)) used.add(m[1]);
  }
  used.delete('@@bidi_dir');
  const missing = [...used].filter((k) => !en[k]);
  assert.deepEqual(missing, []);
  for (const [k, v] of Object.entries(en)) assert.ok(typeof v.message === 'string' && v.message.length, k);
  for (const lang of fs.readdirSync(localesDir)) {
    const m = JSON.parse(fs.readFileSync(path.join(localesDir, lang, 'messages.json'), 'utf8'));
    assert.deepEqual(Object.keys(m).sort(), Object.keys(en).sort(), `${lang} has the same keys as en`);
  }
});

test('no HTML parsing and no network in our code', () => {
  assert.ok(sources.length >= 10);
  for (const f of sources) {
    const s = fs.readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const rel = path.relative(REPO, f);
    assert.doesNotMatch(s, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|\beval\(|new Function/, rel);
    assert.doesNotMatch(s, /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|https?:\/\/(?!127\.0\.0\.1)/, rel);
  }
});

test('no article text or summary is stored: storage writes only settings', () => {
  for (const f of sources) {
    const s = fs.readFileSync(f, 'utf8');
    for (const m of s.matchAll(/storage\.(sync|local|session)\.set\((.*?)\);/g)) {
      assert.match(m[2], /^read\(\)$/, `${path.relative(REPO, f)}: storage.${m[1]}.set(${m[2]})`);
    }
    assert.doesNotMatch(s, /storage\.(local|session)\b/, path.relative(REPO, f));
  }
});
