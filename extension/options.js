// The options page: default summary length, where the summary shows (overlay or side panel),
// panel side and theme, saved in
// chrome.storage.sync as soon as they change. Only these settings are stored.
const api = globalThis.browser ?? globalThis.chrome;
const { DEFAULTS, MAX_LENGTH, KEYS, sanitize } = globalThis.AbridgeLib.settings;
const t = (key, subs) => api.i18n.getMessage(key, subs) || key;

const form = document.getElementById('settings');
const status = document.getElementById('status');

for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
document.title = t('optionsTitle');
document.documentElement.lang = api.i18n.getUILanguage();
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';

const select = form.elements.sentences;
select.append(new Option(t('optionsLengthAuto'), '0'));
for (let n = 1; n <= MAX_LENGTH; n++) select.append(new Option(t(n === 1 ? 'lengthOne' : 'optionsLengthN', [String(n)]), String(n)));

function show(settings) {
  form.elements.sentences.value = String(settings.length);
  form.elements.side.value = settings.side;
  form.elements.theme.value = settings.theme;
  form.elements.display.value = settings.display;
}

function read() {
  return sanitize({
    length: Number(form.elements.sentences.value),
    side: form.elements.side.value,
    theme: form.elements.theme.value,
    display: form.elements.display.value,
  });
}

async function load() {
  let stored = {};
  try {
    stored = await api.storage.sync.get(KEYS);
  } catch {
    stored = DEFAULTS;
  }
  show(sanitize(stored));
}

form.addEventListener('change', async () => {
  try {
    await api.storage.sync.set(read());
    status.textContent = t('optionsSaved');
  } catch (e) {
    status.textContent = String(e.message || e);
  }
});
form.addEventListener('submit', (e) => e.preventDefault());

load();
