// The manifest asks for no more than PRIVACY.md says, and no more than the list:
// activeTab, scripting, storage, contextMenus, clipboardWrite, and sidePanel (Chromium's
// package only: scripts/package.mjs leaves it out of Firefox's); no host permissions, no
// content_scripts, no web_accessible_resources, nothing that lets pages or other extensions
// talk to it (externally_connectable), no remote code in the CSP. Fails when a permission is
// added to the manifest without being written (with its reason) into PRIVACY.md, or at all
// beyond that list without changing this test. The e2e side (no request, settings only in
// storage) is tests/e2e/permissions.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { manifestFor } from '../../scripts/package.mjs';

const read = (rel) => fs.readFileSync(new URL('../../' + rel, import.meta.url), 'utf8');
const manifest = JSON.parse(read('extension/manifest.json'));
const ALLOWED = ['activeTab', 'scripting', 'storage', 'contextMenus', 'clipboardWrite', 'sidePanel'];

/** The permissions PRIVACY.md lists: the first column of its permissions table (`name`). */
function privacyPermissions() {
  const text = read('PRIVACY.md');
  const rows = [...text.matchAll(/^\| `([A-Za-z.]+)` \| .{20,}\|$/gm)].map((m) => m[1]);
  assert.ok(rows.length > 0, 'PRIVACY.md has a permissions table');
  return rows;
}

test('permissions: only those written in PRIVACY.md, and only from the allowed list', () => {
  const privacy = privacyPermissions();
  const asked = manifest.permissions || [];
  for (const p of asked) {
    assert.ok(privacy.includes(p), `${p} is asked for but not explained in PRIVACY.md`);
    assert.ok(ALLOWED.includes(p), `${p} is beyond the allowed list ${ALLOWED.join(', ')}`);
  }
  for (const p of privacy) assert.ok(ALLOWED.includes(p), `PRIVACY.md explains ${p}, which is not on the allowed list`);
  // README, when it has a permissions table (| `name` | why |), agrees.
  const readme = [...read('README.md').matchAll(/^\| `([A-Za-z.]+)` \| .{20,}\|$/gm)].map((m) => m[1]);
  for (const p of asked) if (readme.length) assert.ok(readme.includes(p), `${p} is asked for but not in README's permissions table`);
  for (const p of readme) assert.ok(ALLOWED.includes(p) && asked.includes(p), `README lists ${p}, which is not asked for or not allowed`);
});

test('the side panel: sidePanel and side_panel for Chromium, sidebar_action for Firefox, each package free of the other', () => {
  assert.ok(manifest.permissions.includes('sidePanel'));
  assert.equal(manifest.side_panel.default_path, manifest.sidebar_action.default_panel);
  const chromium = manifestFor('chromium', manifest, '1.0.0');
  const firefox = manifestFor('firefox', manifest, '1.0.0');
  assert.deepEqual(chromium.permissions, ALLOWED);
  assert.equal(chromium.sidebar_action, undefined);
  assert.deepEqual(chromium.side_panel, { default_path: 'sidepanel.html' });
  assert.deepEqual(firefox.permissions, ALLOWED.filter((p) => p !== 'sidePanel'));
  assert.equal(firefox.side_panel, undefined);
  assert.equal(firefox.sidebar_action.default_panel, 'sidepanel.html');
  assert.equal(firefox.sidebar_action.open_at_install, false, 'the sidebar opens only when asked');
});

test('no host permissions, content scripts, web-accessible resources or external connections', () => {
  for (const key of [
    'host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts',
    'web_accessible_resources', 'externally_connectable', 'declarative_net_request', 'sandbox', 'update_url',
  ]) {
    assert.equal(manifest[key], undefined, `manifest has ${key}`);
  }
  const gecko = (manifest.browser_specific_settings || {}).gecko || {};
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
});

test('CSP: own scripts and the wasm only, nothing remote', () => {
  const csp = manifest.content_security_policy.extension_pages;
  assert.equal(csp, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.doesNotMatch(csp, /https?:|'unsafe-eval'|'unsafe-inline'|\*/);
});

test("the extension's own code has no network API", () => {
  const files = [
    'extension/background.js', 'extension/options.js', 'extension/sidepanel.js',
    ...fs.readdirSync(new URL('../../extension/lib/', import.meta.url)).map((f) => 'extension/lib/' + f),
    ...fs.readdirSync(new URL('../../extension/content/', import.meta.url)).map((f) => 'extension/content/' + f),
  ].filter((f) => f.endsWith('.js'));
  for (const f of files) {
    const code = read(f).replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(code, /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|new\s+Worker|RTCPeerConnection|\.src\s*=/, f);
  }
});
