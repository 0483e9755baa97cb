// The habits of a maintained project, checked: one version everywhere (Cargo.toml's), the
// licence and notice files (every Rust crate in the wasm named, Readability's version right),
// the changelog's entry for the version, and PRIVACY.md / STORE.md agreeing with the manifest,
// the locales, the screenshot script and the stores' length limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readVersion, checkVersion } from '../../scripts/package.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (rel) => fs.readFileSync(path.join(REPO, rel), 'utf8');
const json = (rel) => JSON.parse(read(rel));
const manifest = json('extension/manifest.json');
const en = json('extension/_locales/en/messages.json');

/** The first fenced block after the heading `## title` in a Markdown text. */
function block(md, title) {
  const at = md.indexOf(`\n## ${title}\n`);
  assert.ok(at >= 0, `a "## ${title}" section`);
  const m = md.slice(at).match(/\n```[a-z]*\n([\s\S]*?)\n```/);
  assert.ok(m, `a fenced block under "## ${title}"`);
  return m[1];
}

test('one version: Cargo.toml, package.json, package-lock.json and the manifest agree', () => {
  const version = readVersion();
  assert.equal(checkVersion(version), version);
  assert.equal(json('package.json').version, version, 'package.json (node scripts/package.mjs --sync-version)');
  const lock = json('package-lock.json');
  assert.equal(lock.version, version, 'package-lock.json');
  assert.equal(lock.packages[''].version, version, 'package-lock.json packages[""]');
  assert.equal(manifest.version, version, 'extension/manifest.json');
});

test('readVersion reads [package] only, and refuses versions the browsers reject', () => {
  const toml = '[workspace]\nversion = "9.9.9"\n\n[package]\nname = "x"\nversion = "1.2.3" # comment\n\n[dependencies]\nversion = "0.0.1"\n';
  assert.equal(readVersion(toml), '1.2.3');
  assert.throws(() => readVersion('[package]\nname = "x"\n'), /no \[package\] version/);
  for (const bad of ['1.0.0-beta.1', '01.2', '1.2.3.4.5', '70000.0', '']) assert.throws(() => checkVersion(bad), /not one the browsers accept/, bad);
  for (const good of ['1', '0.1.0', '1.2.3.4', '65535.0']) assert.equal(checkVersion(good), good);
});

test('LICENSE is MIT, copyright the Abridge authors', () => {
  const text = read('LICENSE');
  assert.match(text, /^MIT License\n\nCopyright \(c\) 2026 the Abridge authors\n/);
  assert.match(text, /THE SOFTWARE IS PROVIDED "AS IS"/);
  assert.equal(json('package.json').license, 'MIT');
});

test('NOTICE names Mozilla Readability at the vendored version, and the Apache-2.0 text is there', () => {
  const notice = read('NOTICE');
  const readability = path.join(REPO, 'node_modules', '@mozilla', 'readability', 'package.json');
  const version = fs.existsSync(readability) ? JSON.parse(fs.readFileSync(readability, 'utf8')).version : json('package.json').devDependencies['@mozilla/readability'];
  assert.ok(notice.includes(`Mozilla Readability ${version}`), `NOTICE names Readability ${version}`);
  assert.match(notice, /Copyright \(c\) 2010 Arc90 Inc/);
  assert.match(notice, /Apache License, Version 2\.0/);
  assert.match(read('LICENSES/Apache-2.0.txt'), /^\s*Apache License\s+Version 2\.0, January 2004/);
});

const cargo = spawnSync('cargo', ['--version'], { encoding: 'utf8' });
test('NOTICE names every Rust crate compiled into the WebAssembly module', { skip: cargo.status !== 0 && 'cargo not installed' }, () => {
  const r = spawnSync(
    'cargo',
    ['tree', '--locked', '--quiet', '--target', 'wasm32-unknown-unknown', '-e', 'normal,no-proc-macro', '--prefix', 'none', '-f', '{p}'],
    { cwd: REPO, encoding: 'utf8', timeout: 120000 },
  );
  assert.equal(r.status, 0, r.stderr);
  const crates = new Set(r.stdout.split('\n').map((l) => l.trim().split(' ')[0]).filter((n) => n && n !== 'abridge'));
  assert.ok(crates.size >= 5);
  const notice = read('NOTICE');
  const missing = [...crates].filter((c) => !new RegExp(`(^|[\\s,])${c.replace(/[-]/g, '\\-')}([\\s,]|$)`, 'm').test(notice));
  assert.deepEqual(missing, [], 'crates compiled into the wasm that NOTICE does not name');
});

test('CHANGELOG: Keep a Changelog, an Unreleased section and an entry for this version', () => {
  const log = read('CHANGELOG.md');
  assert.match(log, /keepachangelog\.com/);
  assert.match(log, /^## \[Unreleased\]$/m);
  assert.match(log, new RegExp(`^## \\[${readVersion().replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
});

test('PRIVACY.md explains every permission and what is stored and sent', () => {
  const privacy = read('PRIVACY.md');
  for (const p of manifest.permissions) assert.match(privacy, new RegExp(`^\\| \`${p}\` \\| .{40,}`, 'm'), `PRIVACY.md: a row for ${p}`);
  assert.match(privacy, /storage\.sync/);
  assert.match(privacy, /no network requests/i);
  assert.match(privacy, /no analytics/i);
});

test('STORE.md: the listing fits the stores and agrees with the extension', () => {
  const store = read('STORE.md');
  const name = block(store, 'Name');
  assert.equal(name, en.extName.message);
  assert.ok(name.length <= 45, 'name: ≤ 45 (Edge), ≤ 50 (AMO), ≤ 75 (Chrome Web Store)');
  const summary = block(store, 'Summary');
  assert.equal(summary, en.extDescription.message, 'the summary is the manifest description');
  assert.ok(summary.length <= 132, `Chrome Web Store short description: ${summary.length} > 132`);
  assert.ok(summary.length <= 250, `AMO summary: ${summary.length} > 250`);
  const description = block(store, 'Description');
  assert.ok(description.length > 300 && description.length <= 10000, `description: ${description.length} characters`);
  for (const p of manifest.permissions) assert.match(store, new RegExp(`^\\| \`${p}\` \\| .{40,}`, 'm'), `STORE.md: a justification for ${p}`);
  // The screenshots it lists are the ones scripts/screenshots.mjs writes.
  const script = read('scripts/screenshots.mjs');
  const listed = [...store.matchAll(/abridge-[a-z]+\.png/g)].map((m) => m[0]);
  const written = [...new Set([...script.matchAll(/abridge-(?:\$\{scheme\}|[a-z]+)\.png/g)].map((m) => m[0]))]
    .flatMap((n) => (n.includes('${scheme}') ? ['abridge-light.png', 'abridge-dark.png'] : [n]));
  assert.deepEqual([...new Set(listed)].sort(), [...new Set(written)].sort());
  // Languages the listing claims are the ones shipped.
  const langs = fs.readdirSync(path.join(REPO, 'extension', '_locales')).sort();
  assert.deepEqual(langs, ['ar', 'de', 'en', 'es', 'fr']);
  assert.match(description, /English, French, German, Spanish and Arabic/);
});

test('CONTRIBUTING.md has the two commands and how to add a page, a language and a case', () => {
  const c = read('CONTRIBUTING.md');
  for (const s of ['./scripts/start.sh', './scripts/test.sh', '## Running one suite', '## Adding a test page', '## Adding a language', '## Adding a hard case']) {
    assert.ok(c.includes(s), s);
  }
});
