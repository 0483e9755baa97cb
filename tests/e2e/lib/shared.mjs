// The real pages of ../shared/pages (third-party text: read at test time, never copied into
// the repository). Absent on machines without ../shared: callers skip and say so.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// ABRIDGE_E2E_EXTENSION=DIR runs the suites on another copy of the extension, such as the
// shipped form (`node scripts/package.mjs --shipped-dir DIR`).
export const EXT_DIR = process.env.ABRIDGE_E2E_EXTENSION ? path.resolve(process.env.ABRIDGE_E2E_EXTENSION) : path.join(REPO, 'extension');
export const SHARED = path.resolve(REPO, '..', 'shared');
export const SHARED_PAGES = path.join(SHARED, 'pages');
export const hasShared = fs.existsSync(path.join(SHARED_PAGES, 'index.tsv'));

/** Rows of index.tsv: {id, source, domain, lang, ...}. */
export function sharedIndex() {
  if (!hasShared) return [];
  const [head, ...rows] = fs.readFileSync(path.join(SHARED_PAGES, 'index.tsv'), 'utf8').trim().split('\n');
  const cols = head.split('\t');
  return rows
    .map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v])))
    .filter((r) => fs.existsSync(path.join(SHARED_PAGES, r.id, 'page.html')));
}

export function truth(id) {
  return JSON.parse(fs.readFileSync(path.join(SHARED_PAGES, id, 'truth.json'), 'utf8'));
}

/** Text for containment checks: NFC, quotes and dashes unified, all white space removed. */
export function squash(s) {
  return String(s)
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u200b-\u200f\u2060\ufeff\u00ad]+/g, '');
}

/**
 * The content scripts that extraction needs, concatenated, to evaluate in a page: the same
 * files, in the same order, as the extension injects (background.js), up to extract.js.
 */
export function extractionSource() {
  const files = [
    'vendor/Readability.js',
    'vendor/Readability-readerable.js',
    'lib/contract.js', // the limits of a very long page (LONG_ARTICLE_CHARS)
    'content/textmap.js',
    'content/format.js', // the cut of a very long page (firstPart)
    'content/extract.js',
  ];
  return files.map((f) => fs.readFileSync(path.join(EXT_DIR, f), 'utf8')).join('\n;\n') + '\n;true';
}
