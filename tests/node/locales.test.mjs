// The translations in extension/_locales: every locale has exactly the keys of English, the
// same substitutions ($1, $2, … and named $PLACEHOLDERS$), nothing left empty or left in
// English by mistake, and the strings the stores show fit their length limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = path.join(REPO, 'extension', '_locales');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'extension', 'manifest.json'), 'utf8'));
const load = (lang) => JSON.parse(fs.readFileSync(path.join(DIR, lang, 'messages.json'), 'utf8'));
const langs = fs.readdirSync(DIR).sort();
const en = load('en');

// Messages that are the same word in English and in that language (brand names, symbols, cognates).
const SAME_AS_ENGLISH = {
  '*': ['extName', 'mentions'],
  fr: ['factsOrganisations', 'factsDates'],
};

/** `$1`-style substitutions and named `$NAME$` placeholders of a message, sorted. */
function substitutions(message) {
  const named = [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[0].toUpperCase());
  const numbered = [...message.replace(/\$[A-Za-z0-9_@]+\$/g, '').matchAll(/\$([1-9])/g)].map((m) => m[0]);
  return [...named, ...numbered].sort();
}

test('English, French, German, Spanish and a right-to-left language; English is the default', () => {
  assert.equal(manifest.default_locale, 'en');
  for (const lang of ['en', 'fr', 'de', 'es']) assert.ok(langs.includes(lang), lang);
  assert.ok(langs.some((l) => ['ar', 'he', 'fa', 'ur'].includes(l)), 'a right-to-left language');
  for (const lang of langs) assert.match(lang, /^[a-z]{2,3}(_[A-Z]{2})?$/, `${lang}: a locale folder name the browsers accept`);
});

for (const lang of langs) {
  test(`${lang}: exactly the keys of English, the same substitutions, no empty or untranslated message`, () => {
    const m = load(lang);
    assert.deepEqual(Object.keys(m).sort(), Object.keys(en).sort());
    for (const [key, entry] of Object.entries(m)) {
      assert.equal(typeof entry.message, 'string', `${lang}.${key}`);
      assert.ok(entry.message.trim().length > 0, `${lang}.${key} is empty`);
      assert.equal(entry.message, entry.message.trim(), `${lang}.${key} has white space at an end`);
      assert.deepEqual(substitutions(entry.message), substitutions(en[key].message), `${lang}.${key}: substitutions`);
      assert.deepEqual(Object.keys(entry.placeholders || {}).sort(), Object.keys(en[key].placeholders || {}).sort(), `${lang}.${key}: placeholders`);
      for (const [name, ph] of Object.entries(entry.placeholders || {})) {
        assert.equal(ph.content, en[key].placeholders[name].content, `${lang}.${key}: placeholder ${name}`);
      }
      const same = [...SAME_AS_ENGLISH['*'], ...(SAME_AS_ENGLISH[lang] || [])];
      if (lang !== 'en' && !same.includes(key)) assert.notEqual(entry.message, en[key].message, `${lang}.${key} is still English`);
    }
  });

  test(`${lang}: name, description and button title fit the stores' limits`, () => {
    const m = load(lang);
    // Names: Chrome Web Store ≤ 75, AMO ≤ 50, Edge Add-ons (and addons-linter's schema) ≤ 45:
    // the strictest holds. The manifest's description is the Chrome Web Store's short
    // description (≤ 132) and fits AMO's summary (≤ 250). The button's title is kept to 75.
    assert.ok(m.extName.message.length <= 45, `${lang}: name is ${m.extName.message.length} characters`);
    assert.ok(m.extDescription.message.length <= 132, `${lang}: description is ${m.extDescription.message.length} characters`);
    assert.ok(m.actionTitle.message.length <= 75, `${lang}: action title is ${m.actionTitle.message.length} characters`);
    for (const key of ['menuPage', 'menuSelection', 'commandAction', 'commandSelection']) {
      assert.ok(m[key].message.length <= 75, `${lang}.${key} is ${m[key].message.length} characters`);
    }
  });
}

test('short_name fits a toolbar (≤ 12 characters, Chrome)', () => {
  assert.ok(manifest.short_name.length <= 12);
});

// The reader is addressed in one register per language, as the rest of the translation does:
// Spanish tú, German Sie, French vous. Words that only the other register uses give a slip
// away (a message added later in the other form).
const OTHER_REGISTER = {
  es: /\b(usted|haga|pulse|seleccione|elija|utilice|abra|cierre|cambie|puede cambiarlos)\b/i,
  de: /\b(du|dich|dir|dein|deine|deinen|deinem|deiner|klicke|drücke|wähle|markiere)\b/,
  fr: /\b(tu|toi|ton|ta|tes|clique|appuie|choisis|sélectionne)\b/,
};

test('each translation addresses the reader in one register', () => {
  for (const [lang, other] of Object.entries(OTHER_REGISTER)) {
    for (const [key, { message }] of Object.entries(load(lang))) {
      assert.doesNotMatch(message, other, `${lang}/${key}: ${message}`);
    }
  }
});
