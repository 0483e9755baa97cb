// The demo page: paste an article, get its summary, key facts and keywords as you type.
// Same wasm build as the extension (www/pkg), same formatting and copy text (lib/format.js,
// copied from the extension by scripts/build.sh, with the core's contract, lib/contract.js).
// Everything the user typed is shown with textContent only.
import init, { summarize, version } from './pkg/abridge.js';

const fmt = globalThis.AbridgeLib.format;
const { ERROR_CODES: CODES, MAX_SUMMARY_SENTENCES } = globalThis.AbridgeLib.contract; // from src/contract.rs
const MESSAGES = globalThis.AbridgeMessages || {};
const t = (key, subs = []) => (MESSAGES[key] ? MESSAGES[key].message.replace(/\$(\d)/g, (_, n) => subs[n - 1] ?? '') : key);
const DEBOUNCE_MS = 250;

const $ = (id) => document.getElementById(id);
const els = {
  title: $('title'), text: $('text'), output: $('output'), stats: $('stats'), message: $('message'), sentences: $('sentences'),
  facts: $('facts'), keywords: $('keywords'), shorter: $('shorter'), longer: $('longer'), lengthValue: $('length-value'),
  copySummary: $('copy-summary'), copyFacts: $('copy-facts'), copyMarkdown: $('copy-markdown'), copyStatus: $('copy-status'), version: $('version'),
};

let length = 0; // 0: the core's adaptive default
let current = null;
let timer = 0;

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function clearOutput() {
  current = null;
  els.sentences.replaceChildren();
  els.facts.replaceChildren();
  els.keywords.replaceChildren();
  els.stats.textContent = '';
  els.copySummary.disabled = true;
  els.copyFacts.disabled = true;
  els.copyMarkdown.disabled = true;
  updateLength(0);
}

function updateLength(max) {
  const n = length || (current ? current.sentences.length : 0);
  els.lengthValue.textContent = n ? t(n === 1 ? 'lengthOne' : 'lengthMany', [String(n)]) + (length ? '' : ' (auto)') : 'auto';
  els.shorter.disabled = !current || (length || current.sentences.length) <= 1;
  els.longer.disabled = !current || (length || current.sentences.length) >= max;
}

function render(s) {
  current = s;
  const dir = fmt.direction(s.lang);
  for (const e of [els.sentences, els.facts, els.keywords]) {
    e.dir = dir;
    e.lang = s.lang !== 'und' ? s.lang : '';
  }
  els.message.textContent = s.truncated ? fmt.truncationNote(s.truncated, t) : '';
  els.message.className = 'message';
  els.stats.textContent = fmt.statsLine(s.stats, t);
  els.sentences.replaceChildren(...s.sentences.map((x) => {
    const li = el('li', x.text);
    li.title = t('whyHeading') + ' ' + fmt.whyParts(x.score_parts, t).map((p) => `${p.label} ${p.value}`).join(' · ');
    return li;
  }));
  els.facts.replaceChildren(...fmt.groupFacts(s.key_facts).map((g) => {
    const box = el('div');
    const ul = el('ul');
    ul.dataset.kind = g.kind;
    ul.append(...g.facts.map((f) => el('li', fmt.factText(f) + (f.mentions > 1 ? ' ' + t('mentions', [String(f.mentions)]) : ''))));
    box.append(el('h3', t(g.headingKey)), ul);
    return box;
  }));
  if (!s.key_facts.length) els.facts.append(el('p', t('factsNone'), 'muted'));
  els.keywords.replaceChildren(...s.keywords.map((k) => el('li', k.text)));
  els.copySummary.disabled = !s.sentences.length;
  els.copyFacts.disabled = !s.key_facts.length;
  els.copyMarkdown.disabled = !s.sentences.length;
  updateLength(Math.min(s.stats.article_sentences, MAX_SUMMARY_SENTENCES));
}

async function run() {
  const text = els.text.value;
  els.copyStatus.textContent = '';
  if (!text.trim()) {
    clearOutput();
    els.message.textContent = '';
    return;
  }
  await ready;
  const article = { text };
  if (els.title.value.trim()) article.title = els.title.value.trim();
  try {
    render(summarize(article, length ? { sentences: length } : {}));
  } catch (e) {
    clearOutput();
    const soft = e && (e.name === CODES.NOTHING_TO_SUMMARIZE || e.name === CODES.EMPTY_INPUT);
    els.message.textContent = soft ? t('errorNothing') + '.' : t('errorInternal', [String((e && e.message) || e)]);
    els.message.className = soft ? 'message' : 'message error';
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
}

async function copy(kind) {
  if (!current) return;
  const page = { title: els.title.value.trim() || current.title || '', url: '' };
  const text =
    kind === 'facts' ? fmt.factsText(current, page, t) : kind === 'markdown' ? fmt.markdownText(current, page, t) : fmt.summaryText(current, page, t);
  try {
    await navigator.clipboard.writeText(text);
    els.copyStatus.textContent = t('copied');
  } catch (e) {
    els.copyStatus.textContent = t('copyFailed', [String((e && e.message) || e)]);
  }
}

els.text.addEventListener('input', schedule);
els.title.addEventListener('input', schedule);
els.shorter.addEventListener('click', () => {
  length = Math.max(1, (length || current.sentences.length) - 1);
  run();
});
els.longer.addEventListener('click', () => {
  length = (length || current.sentences.length) + 1;
  run();
});
els.copySummary.addEventListener('click', () => copy('summary'));
els.copyFacts.addEventListener('click', () => copy('facts'));
els.copyMarkdown.addEventListener('click', () => copy('markdown'));

const ready = init({ module_or_path: new URL('./pkg/abridge_bg.wasm', import.meta.url) }).then(() => {
  els.version.textContent = 'Abridge core ' + version();
  document.documentElement.dataset.ready = 'true';
});
clearOutput();
if (els.text.value.trim()) schedule();
