#!/usr/bin/env node
// Builds the store packages from the built extension (run scripts/build.sh first, or use
// scripts/package.sh, which does both):
//   dist/abridge-chromium-<version>.zip   Chrome Web Store (and other Chromium browsers)
//   dist/abridge-firefox-<version>.zip    addons.mozilla.org
// and dist/SHA256SUMS. Both come from the same files in extension/; only the manifest differs:
//   Chromium: background.service_worker only, no browser_specific_settings; the side panel as
//             side_panel with the `sidePanel` permission, no sidebar_action;
//   Firefox:  background.scripts, with the gecko settings (add-on id, minimum version); the
//             same page as sidebar_action, no side_panel key and no `sidePanel` permission.
// The version is Cargo.toml's [package] version, written into both manifests.
//
// Only what ships goes in (the extension's code, locales, icons, the wasm build, the
// vendored Readability with its licence, our LICENSE, NOTICE and the Apache-2.0 text): no tests, source maps,
// docs or sources of generated files. The zips are reproducible: files in a fixed (sorted)
// order, every timestamp 1980-01-01 00:00, every file mode 0644, no extra fields, so the
// same inputs give the same bytes.
//
//   node scripts/package.mjs [--out DIR]    build the packages (default DIR: dist)
//   node scripts/package.mjs --version      print the version
//   node scripts/package.mjs --sync-version write Cargo.toml's version into package.json,
//                                           package-lock.json and extension/manifest.json
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { CONTENT_FILES, CONTENT_SCRIPTS } from './content-bundle.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXT_DIR = path.join(REPO, 'extension');
export const BROWSERS = ['chromium', 'firefox'];

// ---------------------------------------------------------------------------------------
// The version.

/** Cargo.toml's `[package] version`. */
export function readVersion(cargoToml = fs.readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8')) {
  let section = '';
  for (const raw of cargoToml.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const header = line.match(/^\[([^\]]+)\]$/);
    if (header) section = header[1].trim();
    const m = section === 'package' && line.match(/^version\s*=\s*"([^"]*)"$/);
    if (m) return checkVersion(m[1]);
  }
  throw new Error('Cargo.toml has no [package] version');
}

/** Browsers take 1 to 4 dot-separated integers (0–65535, no leading zeros): no pre-release tags. */
export function checkVersion(v) {
  const parts = v.split('.');
  const ok = parts.length >= 1 && parts.length <= 4 && parts.every((p) => /^(0|[1-9]\d{0,4})$/.test(p) && Number(p) <= 65535);
  if (!ok) throw new Error(`version "${v}" is not one the browsers accept (1-4 dot-separated integers, e.g. 1.2.3)`);
  return v;
}

function syncVersion() {
  const version = readVersion();
  const edit = (rel, change) => {
    const file = path.join(REPO, rel);
    const before = fs.readFileSync(file, 'utf8');
    const json = JSON.parse(before);
    change(json);
    const after = JSON.stringify(json, null, 2) + '\n';
    if (after !== before) {
      fs.writeFileSync(file, after);
      console.log(`${rel}: version ${version}`);
    }
  };
  edit('package.json', (j) => (j.version = version));
  edit('package-lock.json', (j) => {
    j.version = version;
    if (j.packages && j.packages['']) j.packages[''].version = version;
  });
  edit('extension/manifest.json', (j) => (j.version = version));
}

// ---------------------------------------------------------------------------------------
// The manifests.

/** The manifest of one browser's package, from extension/manifest.json. */
export function manifestFor(browser, base, version) {
  const m = structuredClone(base);
  m.version = version;
  const bg = base.background || {};
  const worker = bg.service_worker || (bg.scripts && bg.scripts[0]);
  if (!worker) throw new Error('extension/manifest.json names no background script');
  if (browser === 'chromium') {
    m.background = { service_worker: worker, ...(bg.type ? { type: bg.type } : {}) };
    delete m.browser_specific_settings;
    delete m.sidebar_action;
  } else if (browser === 'firefox') {
    m.background = { scripts: bg.scripts || [worker], ...(bg.type ? { type: bg.type } : {}) };
    if (!m.browser_specific_settings || !m.browser_specific_settings.gecko || !m.browser_specific_settings.gecko.id) {
      throw new Error('extension/manifest.json has no browser_specific_settings.gecko.id (Firefox needs one)');
    }
    delete m.side_panel;
    m.permissions = (m.permissions || []).filter((p) => p !== 'sidePanel');
  } else {
    throw new Error(`unknown browser ${browser}`);
  }
  return m;
}

// ---------------------------------------------------------------------------------------
// What ships.

// Paths in extension/ that ship, as patterns over the path relative to it. Everything else
// there (a stray README, a source map, a test) is left out and listed.
const SHIPS = [
  /^background\.js$/,
  /^options\.(html|js|css)$/,
  /^sidepanel\.(html|js)$/,
  /^lib\/[\w-]+\.js$/,
  /^content\/[\w-]+\.js$/,
  /^icons\/icon-\d+\.png$/,
  /^_locales\/[a-z]{2,3}(_[A-Z]{2})?\/messages\.json$/,
  /^pkg\/abridge\.js$/,
  /^pkg\/abridge_bg\.wasm$/,
  /^pkg\/(content|panel)\.js$/,
  /^vendor\/Readability(-readerable)?\.js$/,
  /^vendor\/LICENSE\.md$/,
];
// Files from the repository's root, at the package's root.
const ROOT_FILES = ['LICENSE', 'NOTICE', 'LICENSES/Apache-2.0.txt'];

function walk(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

/**
 * The extension's files that its pages and modules load by name: the background script, the
 * `<script src>` of its HTML pages, and what those import, transitively (paths in extension/).
 */
export function loadedByName() {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8'));
  const queue = [...(manifest.background.scripts || [manifest.background.service_worker])];
  for (const f of fs.readdirSync(EXT_DIR)) {
    if (!f.endsWith('.html')) continue;
    for (const m of fs.readFileSync(path.join(EXT_DIR, f), 'utf8').matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) queue.push(m[1]);
  }
  const found = new Set();
  while (queue.length) {
    const rel = path.posix.normalize(queue.pop());
    if (found.has(rel)) continue;
    found.add(rel);
    const file = path.join(EXT_DIR, rel);
    if (!rel.endsWith('.js') || !fs.existsSync(file)) continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?:[^'";]*?\s+from\s+)?'(\.{1,2}\/[^']+)';/gm)) {
      queue.push(path.posix.join(path.posix.dirname(rel), m[1]));
    }
  }
  return found;
}

/**
 * `{files: [{name, file}], left: [name]}`: the files that ship (manifest.json excluded: it is
 * generated). A content script source that only the content script (pkg/content.js and
 * pkg/panel.js hold them) uses does not ship on its own.
 */
export function shippedFiles() {
  const files = [];
  const left = [];
  const byName = loadedByName();
  const bundledOnly = new Set(CONTENT_FILES.filter((f) => !byName.has(f)));
  for (const rel of walk(EXT_DIR)) {
    if (rel === 'manifest.json') continue;
    if (SHIPS.some((re) => re.test(rel)) && !bundledOnly.has(rel)) files.push({ name: rel, file: path.join(EXT_DIR, rel) });
    else left.push(rel);
  }
  for (const name of ROOT_FILES) {
    const file = path.join(REPO, name);
    if (!fs.existsSync(file)) throw new Error(`${name} is missing`);
    files.push({ name, file });
  }
  return { files, left };
}

/**
 * How the JavaScript of the packages is printed: esbuild's transform with `minify` (comments
 * and layout whitespace removed, local names shortened, syntax compacted; no bundling, no
 * lowering: every file stays the same script or module, and top-level names that other files
 * use are kept). The readable source is the repository; STORE.md tells the reviewers.
 */
export const SHIP_JS = { loader: 'js', minify: true, legalComments: 'none', charset: 'utf8' };

/**
 * The bytes of one shipped file as they go into the package: JavaScript through [SHIP_JS],
 * a vendored file with its copyright line and a pointer to its licence first; everything else as it is. This is
 * what users download, so `npm run size` measures these bytes too; the package test loads them
 * in both browsers, and `node scripts/package.mjs --shipped-dir DIR` writes the extension in this
 * form (with the development manifest) for the e2e suites (`ABRIDGE_E2E_EXTENSION=DIR`).
 * Throws when esbuild cannot parse a file.
 */
export function shippedBytes(name, file) {
  const data = fs.readFileSync(file);
  if (!name.endsWith('.js')) return data;
  const source = data.toString('utf8');
  const { code } = transformSync(source, { ...SHIP_JS, sourcefile: name });
  // A vendored file's licence header (Apache-2.0, in full in vendor/LICENSE.md beside it) is
  // kept as its copyright line and a pointer to that file; so is the first one in the content
  // script, which holds the vendored Readability (scripts/content-bundle.mjs).
  const vendored = CONTENT_SCRIPTS.includes(name) ? source.match(/^\/\/ ---- vendor\/[^\n]*\n(\/\*[\s\S]*?\*\/)/m) : null;
  const header = name.startsWith('vendor/') ? source.match(/^\/\*[\s\S]*?\*\//) : vendored && [vendored[1]];
  const copyright = header && header[0].match(/Copyright[^\n]*/);
  const licence = header ? `/* ${copyright ? copyright[0].trim() + '. ' : ''}Apache-2.0: vendor/LICENSE.md */\n` : '';
  return Buffer.from(licence + code, 'utf8');
}

/** Files the extension cannot run without: what the manifest and the service worker name. */
function requiredFiles(base) {
  const bg = fs.readFileSync(path.join(EXT_DIR, 'background.js'), 'utf8');
  const content = (bg.match(/const CONTENT_SCRIPTS = \[([^\]]*)\]/) || ['', ''])[1].match(/'([^']+)'/g) || [];
  const wasm = [...bg.matchAll(/getURL\('([^']+)'\)/g)].map((m) => m[1]);
  const imports = [...bg.matchAll(/^import .* from '\.\/([^']+)';$/gm)].map((m) => m[1]);
  return [
    ...(base.background.scripts || [base.background.service_worker]),
    base.options_ui.page,
    ...(base.side_panel ? [base.side_panel.default_path] : []),
    ...Object.values(base.icons),
    ...Object.values((base.action && base.action.default_icon) || {}),
    `_locales/${base.default_locale}/messages.json`,
    ...content.map((s) => s.slice(1, -1)),
    ...wasm,
    ...imports,
    'vendor/LICENSE.md',
  ];
}

// ---------------------------------------------------------------------------------------
// A reproducible zip writer (PKWARE APPNOTE: local headers, central directory, end record).

const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_TIME = 0; // 00:00:00
const UNIX_FILE_0644 = 0o100644;

let crcTable = null;
function crc32(buf) {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(buf) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of `entries` ([{name, data}]) in the order given: deflated where that is smaller. */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 9, memLevel: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const method = stored ? 0 : 8;
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800; // bit 11: UTF-8 name
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28); // no extra field (no extended timestamps, uid or gid)
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so the mode below counts)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((UNIX_FILE_0644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, body);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Writes the built extension to `dir` as it ships (see [shippedBytes]), with the development manifest. */
export function writeShippedDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of [...shippedFiles().files, { name: 'manifest.json', file: path.join(EXT_DIR, 'manifest.json') }]) {
    if (!f.file.startsWith(EXT_DIR + path.sep)) continue;
    const out = path.join(dir, f.name);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, shippedBytes(f.name, f.file));
  }
  console.log(`package: the extension as it ships, in ${dir}`);
}

// ---------------------------------------------------------------------------------------
// The packages.

/** Builds both packages into `outDir`; returns [{browser, file, bytes, sha256, entries}]. */
export function buildPackages({ outDir = path.join(REPO, 'dist'), quiet = false } = {}) {
  const log = quiet ? () => {} : (...a) => console.log(...a);
  const version = readVersion();
  const base = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8'));
  if (!fs.existsSync(path.join(EXT_DIR, 'pkg', 'abridge_bg.wasm'))) {
    throw new Error('extension/pkg is missing: run scripts/build.sh first (or scripts/package.sh)');
  }
  const { files, left } = shippedFiles();
  for (const rel of left) log(`package: left out extension/${rel}`);
  const names = new Set(files.map((f) => f.name));
  const missing = requiredFiles(base).filter((f) => !names.has(f));
  if (missing.length) throw new Error(`files the extension needs are missing: ${missing.join(', ')}`);

  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  for (const browser of BROWSERS) {
    const manifest = manifestFor(browser, base, version);
    const entries = [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') },
      ...files.map((f) => ({ name: f.name, data: shippedBytes(f.name, f.file) })),
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const bytes = zip(entries);
    const file = path.join(outDir, `abridge-${browser}-${version}.zip`);
    fs.writeFileSync(file, bytes);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const gzipped = zlib.gzipSync(bytes, { level: 9 }).length;
    results.push({ browser, file, bytes: bytes.length, gzipped, sha256, entries: entries.length });
    log(`package: ${path.relative(REPO, file)}  ${entries.length} files, ${bytes.length} bytes (${gzipped} gzipped)  sha256 ${sha256}`);
  }
  fs.writeFileSync(path.join(outDir, 'SHA256SUMS'), results.map((r) => `${r.sha256}  ${path.basename(r.file)}\n`).join(''));
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    if (args.includes('--version')) console.log(readVersion());
    else if (args.includes('--shipped-dir')) writeShippedDir(path.resolve(args[args.indexOf('--shipped-dir') + 1]));
    else if (args.includes('--sync-version')) syncVersion();
    else {
      const i = args.indexOf('--out');
      buildPackages(i >= 0 ? { outDir: path.resolve(args[i + 1]) } : {});
    }
  } catch (e) {
    console.error(`package: ${e.message}`);
    process.exit(1);
  }
}
