// Pages where browsers do not let extensions run scripts: their own pages, other
// extensions' pages, source views and the extension stores. Pure: imported by
// background.js and by Node's tests.

const SCHEMES = new Set([
  'about:', 'chrome:', 'chrome-extension:', 'chrome-search:', 'chrome-untrusted:', 'devtools:', 'edge:',
  'moz-extension:', 'resource:', 'view-source:', 'data:', 'javascript:', 'blob:',
]);

// Stores where injection is refused even with a user gesture.
const STORE_PAGES = [
  ['chrome.google.com', '/webstore'],
  ['chromewebstore.google.com', '/'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/** Whether `url` is a page Abridge cannot run on. Unknown or unparsable URLs are not. */
export function isRestrictedUrl(url) {
  if (typeof url !== 'string' || !url) return false;
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (SCHEMES.has(u.protocol)) return true;
  if (u.protocol === 'https:' || u.protocol === 'http:') {
    return STORE_PAGES.some(([host, path]) => u.hostname === host && u.pathname.startsWith(path));
  }
  return false;
}

/** Whether an executeScript rejection means "this page is off limits" (worth a retry first). */
export function isAccessError(e) {
  const m = String((e && e.message) || e);
  return /Cannot access|Missing host permission|cannot be scripted|extensions gallery|not allowed/i.test(m);
}
