// Pages the end-to-end tests make up on the fly (served by server.mjs through `routes`):
//   /seed/                  tests/fixtures/seed.txt as a simple article page: its first line of
//                           five or more words is the headline (<title> and <h1>), every other
//                           non-empty line a paragraph of the <article>
//   /case/<id>/             tests/fixtures/cases/<id>.json the same way (title, input)
//   /accesskeys/<keys>/     tests/pages/article.html with a navigation bar of links carrying
//                           those accesskeys (as news sites and wikis have); an activated
//                           link writes its key to <html data-accesskey>
//   /doc.pdf                a one-page PDF (opens in the browser's PDF viewer)
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './shared.mjs';

const FIXTURES = path.join(REPO, 'tests', 'fixtures');

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function articlePage({ title, lang = 'en', paragraphs }) {
  return `<!doctype html>
<html lang="${esc(lang)}">
<head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body>
<article>
<h1>${esc(title)}</h1>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article>
</body>
</html>
`;
}

export function seedPage() {
  const lines = fs.readFileSync(path.join(FIXTURES, 'seed.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const title = lines.find((l) => l.split(/\s+/).length >= 5);
  return articlePage({ title, paragraphs: lines.filter((l) => l !== title) });
}

export function caseIds() {
  return fs
    .readdirSync(path.join(FIXTURES, 'cases'))
    .filter((f) => /^C\d+\.json$/.test(f))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function readCase(id) {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cases', `${id}.json`), 'utf8'));
}

export function casePage(id) {
  const c = readCase(id);
  const paragraphs = c.input.split(/\n/).map((l) => l.trim()).filter(Boolean);
  const lang = /[\u4e00-\u9fff]/.test(c.input) ? 'zh' : /[\u0900-\u097f]/.test(c.input) ? 'hi' : 'en';
  const title = c.title || `Test case ${id}`;
  return articlePage({ title, lang, paragraphs: c.title && paragraphs[0] === c.title ? paragraphs.slice(1) : paragraphs });
}

export function accesskeyPage(keys) {
  const html = fs.readFileSync(path.join(REPO, 'tests', 'pages', 'article.html'), 'utf8');
  const links = [...keys]
    .map((k) => `<a href="#ak-${esc(k)}" accesskey="${esc(k)}" onclick="document.documentElement.dataset.accesskey = (document.documentElement.dataset.accesskey || '') + '${esc(k)}'; return false">key ${esc(k)}</a>`)
    .join(' ');
  return html.replace(/<body([^>]*)>/, `<body$1>\n<nav class="accesskeys">${links}</nav>`);
}

/** A minimal one-page PDF with one line of text. */
export function pdfBytes() {
  const stream = 'BT /F1 18 Tf 20 100 Td (A test document.) Tj ET';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => String(o).padStart(10, '0') + ' 00000 n \n').join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The routes above, for startServer({routes}). */
export function fixtureRoutes(url) {
  let m;
  if (url.pathname === '/seed/') return { body: seedPage() };
  if ((m = url.pathname.match(/^\/case\/(C\d+)\/$/)) && fs.existsSync(path.join(FIXTURES, 'cases', `${m[1]}.json`))) {
    return { body: casePage(m[1]) };
  }
  if ((m = url.pathname.match(/^\/accesskeys\/([A-Za-z0-9]{1,10})\/$/))) return { body: accesskeyPage(m[1]) };
  if (url.pathname === '/doc.pdf') return { body: pdfBytes(), headers: { 'content-type': 'application/pdf' } };
  return null;
}
