// The one message the service worker answers, and its checks. Pure: imported by
// background.js and by Node's tests.
//
//   content script → service worker: {type: SUMMARIZE, article, options}
//   service worker → content script: {ok: true, summary, coreMs} | {ok: false, error: {code, message}}

import './contract.js'; // generated from src/contract.rs: globalThis.AbridgeLib.contract

const contract = globalThis.AbridgeLib.contract;
const { TOO_LARGE, BAD_ARGUMENT, INTERNAL } = contract.ERROR_CODES;

export const SUMMARIZE = contract.SUMMARIZE_MESSAGE;

// Limits on what a content script may send; the core has its own limits (`too_large`).
// MAX_CHARS counts UTF-16 units, and each of them is at least one byte of UTF-8, so an article
// over it is over the core's MAX_INPUT_BYTES (16 MiB) too: the worker's limit is never
// stricter than the core's. Articles over either limit get the core's own error code,
// `too_large`, which the panel explains ("too long to summarise") in the UI's language.
// MAX_SUMMARY_SENTENCES: the most summary sentences a request may ask for (the core's cap).
export const MAX_PARAGRAPHS = contract.LONG_ARTICLE_PARAGRAPHS;
export const MAX_CHARS = contract.MAX_INPUT_BYTES;
export const MAX_SUMMARY_SENTENCES = contract.MAX_SUMMARY_SENTENCES;

/** The error reply for a request `parseSummarizeRequest` refused (`{error, code?}`). */
export function refusalReply(req) {
  return { ok: false, error: { code: req.code || BAD_ARGUMENT, message: req.error } };
}

/**
 * Whether the sender is this extension's own content script or page: `sender.id` must be
 * this extension's id. Messages from anything else (other extensions, web pages through
 * externally_connectable, which we do not declare) are ignored.
 */
export function trustedSender(sender, ownId) {
  return Boolean(sender && ownId && sender.id === ownId);
}

function isString(x) {
  return typeof x === 'string';
}

/**
 * Checks a summarise request and returns `{article, options}` holding only the known fields,
 * or `{error, code}` when the message is not one: `error` a sentence for people, `code`
 * `too_large` for an article over the limits and `bad_argument` otherwise.
 */
export function parseSummarizeRequest(msg) {
  if (!msg || typeof msg !== 'object' || msg.type !== SUMMARIZE) return { error: 'not a summarise request' };
  const a = msg.article;
  if (!a || typeof a !== 'object') return { error: 'article missing' };
  const article = {};
  let chars = 0;
  if (a.paragraphs !== undefined) {
    if (!Array.isArray(a.paragraphs) || !a.paragraphs.every(isString)) return { error: 'paragraphs must be strings' };
    if (a.paragraphs.length > MAX_PARAGRAPHS) return { error: 'too many paragraphs', code: TOO_LARGE };
    article.paragraphs = a.paragraphs.slice();
    chars += article.paragraphs.reduce((n, p) => n + p.length, 0);
  } else if (a.text !== undefined) {
    if (!isString(a.text)) return { error: 'text must be a string' };
    article.text = a.text;
    chars += a.text.length;
  } else {
    return { error: 'article has neither paragraphs nor text' };
  }
  if (chars > MAX_CHARS) return { error: 'article too long', code: TOO_LARGE };
  // `full_length`: the whole article's length when these paragraphs are its first part (the
  // content script cuts very long pages); the core says which share it summarised.
  if (a.full_length !== undefined && a.full_length !== null) {
    if (!Number.isSafeInteger(a.full_length) || a.full_length < 0) return { error: 'full_length must be a whole number' };
    if (a.full_length > chars) article.full_length = a.full_length;
  }
  // `published`: the page's publication date (ISO 8601); the core ignores any other shape.
  for (const key of ['title', 'lang', 'published']) {
    if (a[key] === undefined || a[key] === null) continue;
    if (!isString(a[key]) || a[key].length > 2000) return { error: key + ' must be a short string' };
    if (a[key].trim()) article[key] = a[key];
  }
  const o = msg.options === undefined || msg.options === null ? {} : msg.options;
  if (typeof o !== 'object') return { error: 'options must be an object' };
  const options = {};
  if (o.sentences !== undefined && o.sentences !== null) {
    if (!Number.isInteger(o.sentences) || o.sentences < 1 || o.sentences > MAX_SUMMARY_SENTENCES) {
      return { error: 'sentences must be a whole number from 1 to ' + MAX_SUMMARY_SENTENCES };
    }
    options.sentences = o.sentences;
  }
  return { article, options };
}

const CODES = new Set(Object.values(contract.ERROR_CODES));

/** The error reply for a thrown core error (a JS Error whose name is the core's code). */
export function errorReply(e) {
  const code = e && CODES.has(e.name) ? e.name : INTERNAL;
  const message = e && typeof e.message === 'string' ? e.message : String(e);
  return { ok: false, error: { code, message } };
}

/**
 * The mode of the panel's shadow root for an install of this kind (`management.getSelf()`'s
 * `installType`). Closed for installs from a store (or by policy, or sideloaded): the page's
 * scripts then get null from the host's `shadowRoot` and cannot read or change the summary.
 * Open only for development installs (an unpacked folder in Chromium, a temporary add-on in
 * Firefox): what the end-to-end tests load, where Playwright's locators and page scripts must
 * reach into the panel, and where a developer wants it in the inspector. Unknown: closed.
 */
export function shadowModeFor(installType) {
  return installType === 'development' ? 'open' : 'closed';
}
