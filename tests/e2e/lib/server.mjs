// A small HTTP server on 127.0.0.1 for the end-to-end tests:
//   /pages/<name>.html     tests/pages/<name>.html (our own small pages)
//   /csp/<name>.html       the same page, served with a strict Content-Security-Policy
//   /shared/<id>/          ../shared/pages/<id>/page.html (real pages; read as UTF-8 and
//                          served as text/html; charset=utf-8, whatever their markup says).
//                          Their own scripts are switched off with a CSP header (add ?js=1 to
//                          keep them): offline, on the closed network, they fail in ways a
//                          reader never sees (redirects to error pages, emptied bodies).
//                          Extension content scripts are not subject to the page's CSP.
//   anything else          `routes(url)` when given: it returns {status, body, headers} or null.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

export async function startServer({ repo, shared, routes = null }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    let m;
    if ((m = url.pathname.match(/^\/(pages|csp)\/([\w-]+\.html)$/))) {
      const file = path.join(repo, 'tests', 'pages', m[2]);
      if (!fs.existsSync(file)) return send(404, 'not found');
      const headers = m[1] === 'csp' ? { 'content-security-policy': STRICT_CSP } : {};
      return send(200, fs.readFileSync(file, 'utf8'), headers);
    }
    if (shared && (m = url.pathname.match(/^\/shared\/([\w.-]+)\/$/))) {
      const file = path.join(shared, m[1], 'page.html');
      if (!fs.existsSync(file)) return send(404, 'not found');
      const headers = url.searchParams.get('js') === '1' ? {} : { 'content-security-policy': "script-src 'none'" };
      return send(200, fs.readFileSync(file).toString('utf8'), headers);
    }
    const extra = routes && routes(url);
    if (extra) return send(extra.status || 200, extra.body, extra.headers || {});
    if (url.pathname === '/favicon.ico') return send(204, '');
    return send(404, 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, close: () => new Promise((r) => server.close(r)) };
}
