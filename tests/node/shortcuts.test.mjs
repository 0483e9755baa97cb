// The default keyboard shortcuts (manifest `commands`) against the key bindings they could
// collide with in Chromium and Firefox on Linux, Windows and macOS. The bindings that can be
// checked for real are also pressed for real in tests/e2e/shortcuts.test.mjs (Linux, Xvfb).
//
// Defaults: Alt+Shift+U opens/closes the panel (`_execute_action`), Alt+Shift+Y summarises
// the selection. Known bindings of Alt+Shift+<key>:
//   Chrome, Windows/Linux   Alt+Shift+A focus an inactive dialog, Alt+Shift+B bookmarks bar,
//                           Alt+Shift+I feedback form, Alt+Shift+T first toolbar item.
//   Chrome, macOS           Option+Shift+<letter>: none (Chrome's own keys use Command).
//   Firefox, Linux/Windows  Alt+Shift+<access key of a menu-bar menu> opens that menu (en-US:
//                           File F, Edit E, View V, History S, Bookmarks B, Profiles P,
//                           Tools T, Help H; verified on Linux: Alt+Shift+S opens History).
//                           No <key> of Firefox's own keyset uses Alt+Shift.
//                           Alt+Shift+<key> is also Firefox's modifier for a web page's own
//                           access keys (accesskey="…"): a page access key on U or Y wins over
//                           the extension (verified; MediaWiki uses u "Upload file" and
//                           y "Contributions"). News pages rarely have access keys: in the 120
//                           shared pages only S, 1, 2 and 3 occur (checked below).
//   Firefox, macOS          no menu-bar access keys; page access keys use Ctrl+Option.
//   Windows                 Alt+Shift alone switches the keyboard layout (on release, only
//                           when no other key was pressed: Alt+Shift+U does not switch);
//                           Alt+Shift+PrtScn / NumLock are accessibility toggles.
//   macOS                   Option+Shift+U / Y type "¨" / "Á" in text fields on the US layout;
//                           with the shortcut set, the browser gives the key to the extension
//                           instead (a trade-off every Option+Shift default has).
//   Linux desktops          GNOME, KDE and Xfce bind Alt+Shift+Tab (and KDE Alt+Shift+F12),
//                           not letters. IBus's Unicode entry is Ctrl+Shift+U, not Alt+Shift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'extension', 'manifest.json'), 'utf8'));
const en = JSON.parse(fs.readFileSync(path.join(REPO, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));
const SHARED_PAGES = path.resolve(REPO, '..', 'shared', 'pages');

const TAKEN = [
  { where: 'Chrome (Windows, Linux)', combo: /^Alt\+Shift\+[ABIT]$/ },
  { where: 'Firefox menu bar (Windows, Linux; en-US access keys)', combo: /^Alt\+Shift\+[FEVSBPTH]$/ },
  { where: 'Firefox tab selection / history (Alt+<digit>, Alt+Left/Right/Home)', combo: /^Alt\+(?:[0-9]|Left|Right|Home)$/ },
  { where: 'Firefox menu bar (Windows, Linux): Alt+<letter> alone', combo: /^Alt\+[A-Z]$/ },
  { where: 'Linux IBus Unicode entry', combo: /^Ctrl\+Shift\+U$/ },
  { where: 'AltGr (Ctrl+Alt) on Windows layouts; Chrome refuses Ctrl+Alt', combo: /^Ctrl\+Alt\+/ },
];

function defaults() {
  const out = [];
  for (const [name, c] of Object.entries(manifest.commands)) {
    const keys = (c && c.suggested_key) || {};
    for (const [os, combo] of Object.entries(keys)) out.push({ name, os, combo });
  }
  return out;
}

test('shortcuts: every command has one default for all systems, in a form both browsers accept', () => {
  const all = defaults();
  assert.deepEqual(all.map((d) => d.name).sort(), ['_execute_action', 'summarise-selection']);
  for (const d of all) {
    assert.equal(d.os, 'default', `${d.name}: no per-system override (${d.os}) to keep in step`);
    // Chrome and Firefox: one or two modifiers (Alt, Ctrl, Shift; not Ctrl+Alt), then a letter or digit.
    assert.match(d.combo, /^(Alt|Ctrl)\+(Shift\+)?[A-Z0-9]$/, `${d.name}: ${d.combo}`);
  }
  assert.equal(new Set(all.map((d) => d.combo)).size, all.length, 'distinct keys');
});

test('shortcuts: the defaults avoid the known browser and system bindings', () => {
  for (const d of defaults()) {
    for (const t of TAKEN) assert.doesNotMatch(d.combo, t.combo, `${d.name}: ${d.combo} is taken by ${t.where}`);
  }
  assert.equal(manifest.commands._execute_action.suggested_key.default, 'Alt+Shift+U');
  assert.equal(manifest.commands['summarise-selection'].suggested_key.default, 'Alt+Shift+Y');
});

test('shortcuts: the button tooltip names the shortcut the manifest sets', () => {
  assert.ok(en.actionTitle.message.includes(manifest.commands._execute_action.suggested_key.default), en.actionTitle.message);
});

test('shortcuts: no news page among the shared pages has an access key on a default letter', { skip: !fs.existsSync(SHARED_PAGES) && '../shared/pages absent' }, () => {
  const letters = defaults().map((d) => d.combo.split('+').pop().toLowerCase());
  const seen = new Map();
  for (const id of fs.readdirSync(SHARED_PAGES)) {
    const file = path.join(SHARED_PAGES, id, 'page.html');
    if (!fs.existsSync(file)) continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\baccesskey\s*=\s*["']?([^"'\s>]+)/gi)) {
      const k = m[1].toLowerCase();
      if (!seen.has(k)) seen.set(k, []);
      seen.get(k).push(id);
    }
  }
  for (const l of letters) assert.equal(seen.get(l), undefined, `access key ${l} on ${seen.get(l)}`);
});
