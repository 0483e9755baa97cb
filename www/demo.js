// The demo page: paste an article, get its summary, key facts and keywords as you type.
// Same wasm build as the extension (www/pkg), same formatting and copy text (lib/format.js,
// copied from the extension by scripts/build.sh, with the core's contract, lib/contract.js).
// Everything the user typed is shown with textContent only. The core runs in a worker
// (worker.js): a long paste does not freeze the page, and an answer to text the user has
// changed since is dropped. A text longer than the extension's limit is cut the extension's
// way (format.firstPart: the first whole paragraphs) and the summary says which share it
// covers.

const fmt = globalThis.AbridgeLib.format;
const { ERROR_CODES: CODES, MAX_SUMMARY_SENTENCES } = globalThis.AbridgeLib.contract; // from src/contract.rs
const MESSAGES = globalThis.AbridgeMessages || {};
const t = (key, subs = []) => (MESSAGES[key] ? MESSAGES[key].message.replace(/\$(\d)/g, (_, n) => subs[n - 1] ?? '') : key);
const DEBOUNCE_MS = 250;
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let asked = 0; // id of the last request
const answers = new Map(); // id → resolve

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

/** The paragraphs of pasted text (blank lines between them), as the core splits them. */
function article(text) {
  const { paragraphs, full_length: full } = fmt.firstPart(text.split(/\n[ \t]*\n/));
  const a = full === undefined ? { text } : { text: paragraphs.join('\n\n'), full_length: full };
  if (els.title.value.trim()) a.title = els.title.value.trim();
  return a;
}

/** The core's answer for `article`, or null when a newer request has been made meanwhile. */
function ask(a, options) {
  const id = ++asked;
  worker.postMessage({ id, article: a, options });
  return new Promise((resolve) => answers.set(id, resolve)).then((reply) => (id === asked ? reply : null));
}

async function run() {
  const text = els.text.value;
  els.copyStatus.textContent = '';
  if (!text.trim()) {
    asked++; // an answer still on its way is for text that is gone
    clearOutput();
    els.message.textContent = '';
    return;
  }
  await ready;
  const reply = await ask(article(text), length ? { sentences: length } : {});
  if (!reply) return;
  if (reply.summary) return render(reply.summary);
  clearOutput();
  const e = reply.error;
  const soft = e.name === CODES.NOTHING_TO_SUMMARIZE || e.name === CODES.EMPTY_INPUT || e.name === CODES.TOO_LARGE;
  els.message.textContent =
    e.name === CODES.TOO_LARGE ? t('errorTooLarge') : soft ? t('errorNothing') + '.' : t('errorInternal', [e.message]);
  els.message.className = soft ? 'message' : 'message error';
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

const ready = new Promise((resolve) => {
  worker.onmessage = ({ data }) => {
    if ('ready' in data) {
      if (data.ready) els.version.textContent = 'Abridge core ' + data.version;
      else els.message.textContent = t('errorInternal', [data.error.message]);
      document.documentElement.dataset.ready = String(data.ready);
      return resolve();
    }
    const answer = answers.get(data.id);
    answers.delete(data.id);
    if (answer) answer(data);
  };
});
clearOutput();
if (els.text.value.trim()) schedule();
