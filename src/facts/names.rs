//! Named entities: chains of capitalised words, cut at titles and company suffixes and
//! classified as person, organisation or place by cues: titles before a name ("Foreign
//! Minister"), head words ("Ministry", "Inc."), a small gazetteer of places, prepositions of
//! place, reporting verbs after a person ("Lavrov said") and the article's own lower-case
//! vocabulary (a capitalised word that also occurs in lower case is a common word).

use super::Mention;
use crate::lexicon;
use crate::model::FactKind;
use crate::script::{is_han, is_hangul, is_hiragana};
use crate::token::{TermId, Token};
use rustc_hash::FxHashSet as HashSet;

/// Whether tokens `first..=last` hold the connector "of" ("Bank of America").
fn has_of(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    (first..=last).any(|k| tokens[k].text(text) == "of")
}

/// A capitalised chain found in a sentence, before classification.
pub(crate) struct Chain {
    pub start: usize,
    pub end: usize,
    /// Token range in the sentence.
    pub first: usize,
    pub last: usize,
    /// An acronym written with symbols ("PG&E").
    pub acronym: bool,
}

/// Finds the entity mentions of one sentence.
pub(crate) fn mentions(text: &str, tokens: &[Token], common: &CommonWords, out: &mut Vec<Mention>) {
    if is_cjk_text(text) {
        cjk_mentions(text, out);
    }
    if text.chars().any(is_arabic_letter) {
        arabic_titled(text, tokens, out);
    }
    let sentence_from = out.len();
    for chain in chains(text, tokens, common) {
        let from = out.len();
        if chain.acronym {
            let (v, s, e) = value(text, tokens, chain.first, chain.last);
            out.push(Mention { weak: true, ..Mention::new(FactKind::Organisation, v, s, e) });
        } else {
            classify(text, tokens, &chain, out);
        }
        // Where something happens: a place after "in", "at", "near" … or after such a place
        // and a comma ("in Samarkand, Uzbekistan").
        for k in from..out.len() {
            if out[k].kind != FactKind::Place {
                continue;
            }
            let before = text[..out[k].start].trim_end();
            let prep = before.rsplit(' ').next().unwrap_or("");
            // "in Samarkand, Uzbekistan": a place within a larger one; not a list of countries.
            let after_place = before.strip_suffix(',').is_some_and(|b| {
                out[..k].iter().any(|m| {
                    m.kind == FactKind::Place
                        && m.locative
                        && m.end == b.len()
                        && !(is_country(&m.value) && is_country(&out[k].value))
                })
            });
            if lexicon::ALL.locatives.contains(prep) || scene_preposition_ml(prep) || after_place {
                out[k].locative = true;
            }
        }
    }
    institutions(text, tokens, sentence_from, out);
    bracketed_acronyms(text, sentence_from, out);
    initialism_stops(text, sentence_from, out);
}

/// Whether `c` is a letter of the Arabic block or a vowel mark written on one (U+0621–U+065F,
/// U+0670–U+06D3: "عمّان" with its shadda).
fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0621..=0x065f | 0x0670..=0x06d3)
}

/// Arabic: people named after a title or office (`person_titles` of `lang/ar.toml`). Arabic
/// has no capitals, so the title is the cue: after it come the office's own words, which take
/// the article or are the head nouns of `org_cues` and `place_cues` ("وزير الخارجية الأردني",
/// "رئيس مجلس الوزراء", "الرئيس المصري"), up to three, then the name, whose first word is
/// none of these ("أيمن الصفدي", "حسن عبد الله", "عبد الفتاح السيسي"). The name is a given name and
/// a family name, each one word or a particle and the word after it (`name_particles`: عبد,
/// أبو, بن), and further parts that open with a particle ("محمد بن زايد آل نهيان"); a
/// stopword, a number, a reporting verb, a weekday, a month, another title or a mark between
/// the words ends it. A title with one word after it names no one listed.
fn arabic_titled(text: &str, tokens: &[Token], out: &mut Vec<Mention>) {
    let ar = &lexicon::AR;
    let w = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    let spaced = |k: usize| tokens.get(k + 1).is_some_and(|n| &text[tokens[k].end as usize..n.start as usize] == " ");
    let is_title =
        |x: &str| ar.person_titles.contains(x) || x.strip_prefix('و').is_some_and(|r| ar.person_titles.contains(r));
    // A word that may be part of a name: Arabic letters, no stopword, verb, date word or title.
    let plain = |k: usize| {
        let x = w(k);
        tokens.get(k).is_some_and(|t| t.term.is_some() && !t.numeric)
            && x.chars().all(is_arabic_letter)
            && !is_title(x)
            && !ar.reporting_verbs.contains(x)
            && !ar.weekdays.contains(x)
            && !ar.months.contains(x)
    };
    // One part of a name from token `k`: the index of its last token.
    let part = |k: usize| {
        if ar.name_particles.contains(w(k)) && spaced(k) && plain(k + 1) {
            Some(k + 1)
        } else {
            plain(k).then_some(k)
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        if !is_title(w(i)) {
            i += 1;
            continue;
        }
        let mut k = i;
        let office = |x: &str| x.starts_with("ال") || ar.org_cues.contains(x) || ar.place_cues.contains(x);
        while k - i < 3 && spaced(k) && office(w(k + 1)) && plain(k + 1) {
            k += 1;
        }
        let name = spaced(k)
            .then(|| part(k + 1))
            .flatten()
            .filter(|_| !office(w(k + 1)))
            .and_then(|g| spaced(g).then(|| part(g + 1)).flatten())
            // Further parts that open with a particle: "محمد بن زايد آل نهيان".
            .map(|mut last| {
                while spaced(last) && ar.name_particles.contains(w(last + 1)) && last - k < 6 {
                    match part(last + 1) {
                        Some(next) if next > last + 1 => last = next,
                        _ => break,
                    }
                }
                last
            });
        match name {
            Some(last) => {
                let (s, e) = (tokens[k + 1].start as usize, tokens[last].end as usize);
                let mut m = Mention::new(FactKind::Person, text[s..e].to_string(), s, e);
                m.strong = true;
                m.titled = true;
                out.push(m);
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

/// A name ending in an initialism with full stops between its letters ("U.S", "D.C", "U.K" as
/// words come out of the word breaker) takes back its last full stop: "U.S.", not "U.S".
fn initialism_stops(text: &str, from: usize, out: &mut [Mention]) {
    for m in &mut out[from..] {
        let last = m.value.rsplit(' ').next().unwrap_or("");
        let mut letters = last.split('.');
        let initialism =
            last.contains('.') && letters.all(|l| l.chars().count() == 1 && l.chars().all(char::is_alphabetic));
        if initialism && m.end == m.start + m.value.len() && text[m.end..].starts_with('.') {
            m.end += 1;
            m.value.push('.');
        }
    }
}

/// Replaces the mentions from `from` on that lie within `s..e` by one strong organisation,
/// unless a longer mention already holds the span.
fn replace_with_organisation(text: &str, s: usize, e: usize, from: usize, out: &mut Vec<Mention>) {
    if out[from..].iter().any(|m| m.start <= s && m.end >= e && m.end - m.start > e - s) {
        return;
    }
    let mut k = from;
    while k < out.len() {
        if out[k].start >= s && out[k].end <= e {
            out.remove(k);
        } else {
            k += 1;
        }
    }
    out.push(Mention { strong: true, ..Mention::new(FactKind::Organisation, text[s..e].to_string(), s, e) });
}

/// A long name before its acronym in brackets sets the name's extent: "l'Istituto nazionale
/// di geofisica e vulcanologia (INGV)", "La Superintendencia de Industria y Comercio (SIC)".
/// Read back from the bracket, the initials of the name's words spell the acronym (capitalised
/// words and lower-case words of four letters or more; particles and short links such as "di",
/// "e", "y", "and" are passed over), and the first word is capitalised. The run is one
/// organisation as written, without an elided article ("l'").
fn bracketed_acronyms(text: &str, from: usize, out: &mut Vec<Mention>) {
    let mut search = 0;
    while let Some(p) = text[search..].find(" (") {
        let open = search + p + 1;
        search = open + 1;
        let Some(close) = text[open..].find(')').map(|c| open + c) else { break };
        let letters: Vec<char> = text[open + 1..close].chars().collect();
        if !(2..=6).contains(&letters.len()) || !letters.iter().all(|c| c.is_uppercase()) {
            continue;
        }
        let mut end = open - 1;
        let mut left = letters.len();
        let mut start = None;
        while end > 0 {
            let s = text[..end].rfind(' ').map_or(0, |i| i + 1);
            let (mut ws, mut w) = (s, &text[s..end]);
            if let Some((a, ap)) = w.char_indices().rev().find(|(_, c)| matches!(c, '\'' | '’')) {
                if w[a + ap.len_utf8()..].starts_with(|c: char| c.is_uppercase()) {
                    ws = s + a + ap.len_utf8();
                    w = &text[ws..end];
                }
            }
            if w.is_empty() || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
                break;
            }
            let upper = w.starts_with(|c: char| c.is_uppercase());
            if upper || w.chars().count() >= 4 {
                // Compared in lower case: no upper-case table in the binary (5.8 KB gzipped).
                if !w.chars().next().is_some_and(|c| c.to_lowercase().eq(letters[left - 1].to_lowercase())) {
                    break;
                }
                left -= 1;
                if left == 0 {
                    start = upper.then_some(ws);
                    break;
                }
            }
            if s == 0 {
                break;
            }
            end = s - 1;
        }
        // Only a name with a lower-case word inside is left to this rule ("di", "y", "and"):
        // a run of capitalised words is the chains' ("Named Binary Tag (NBT)" is no body).
        if let Some(s) = start.filter(|&s| text[s..open - 1].split(' ').any(|w| w.starts_with(char::is_lowercase))) {
            replace_with_organisation(text, s, open - 1, from, out);
        }
    }
}

/// Whether a word is an institution noun of another language (`institution_nouns`), in any
/// letter case ("tribunal", "Consiglio", "rechtbank", "суд").
fn institution_noun(w: &str) -> bool {
    let lower = w.to_lowercase();
    lexicon::other_languages(|l| &l.institution_nouns).any(|t| t.contains(&lower))
}

/// A Russian adjective before an institution noun ("Мещанский районный суд", "Арбитражного
/// суда"): a Cyrillic word with an adjective's case ending.
fn russian_adjective(w: &str) -> bool {
    const ENDINGS: [&str; 12] = ["ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им", "ом", "ая", "ое"];
    w.chars().count() > 4
        && w.chars().all(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'))
        && ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Courts, councils and offices written with a lower-case noun before the place they serve
/// ("tribunal correctionnel de Marseille", "Consiglio comunale di Napoli", "rechtbank
/// Rotterdam", "Мещанский районный суд Москвы"): an institution noun, up to two lower-case
/// adjectives, a particle meaning "of" (`institution_links`; none needed right after the noun),
/// then capitalised words; Russian puts the adjectives before the noun and the place after
/// it in the genitive. The run is one organisation as written; the names found inside it
/// (mentions from `from` on) give way.
fn institutions(text: &str, tokens: &[Token], from: usize, out: &mut Vec<Mention>) {
    let gap = |k: usize| &text[tokens[k - 1].end as usize..tokens[k].start as usize];
    let link = |w: &str| lexicon::other_languages(|l| &l.institution_links).any(|t| t.contains(w));
    let upper = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let mut i = 0;
    while i < tokens.len() {
        if !institution_noun(word(text, tokens, i)) {
            i += 1;
            continue;
        }
        // Russian adjectives before the noun.
        let mut start = i;
        while start > 0 && gap(start) == " " && russian_adjective(word(text, tokens, start - 1)) {
            start -= 1;
        }
        let mut j = i + 1;
        let adjective =
            |w: &str| w.chars().count() >= 4 && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) && !link(w);
        while j < tokens.len() && j < i + 3 && gap(j) == " " && adjective(word(text, tokens, j)) {
            j += 1;
        }
        let linked = j < tokens.len() && gap(j) == " " && link(word(text, tokens, j));
        let k = j + usize::from(linked);
        // Without a particle the name must follow the noun itself ("rechtbank Rotterdam"),
        // or the Russian adjectives and noun ("суд Москвы").
        let direct = j == i + 1 || start < i;
        // A lower-case noun with only a particle before a name may be a common word ("le
        // conseil de Macron" is advice): there the name must be a known place.
        let bare = linked && j == i + 1 && !upper(word(text, tokens, i));
        let name_ok = k < tokens.len()
            && gap(k) == " "
            && is_name_token(&tokens[k], word(text, tokens, k))
            && (linked || direct)
            && !institution_noun(word(text, tokens, k))
            && (!bare || is_place(word(text, tokens, k)));
        if !name_ok {
            i += 1;
            continue;
        }
        let mut end = k;
        while end + 1 < tokens.len()
            && matches!(gap(end + 1), " " | "-")
            && is_name_token(&tokens[end + 1], word(text, tokens, end + 1))
            && !institution_noun(word(text, tokens, end + 1))
        {
            end += 1;
        }
        // A name already found around the run holds it ("Câmara Municipal do Recife").
        replace_with_organisation(text, tokens[start].start as usize, tokens[end].end as usize, from, out);
        i = end + 1;
    }
}

fn is_name_token(t: &Token, w: &str) -> bool {
    (t.capitalised || w.starts_with(|c: char| c.is_uppercase()) || glued_particle(w))
        && lexicon::weekday(strip_possessive(w)).is_none()
        && !lexicon::is_english_month(w)
        && w != "I"
}

/// A capitalised part of a hyphenated name, even where it is also a month or weekday
/// abbreviation on its own ("Hendrik-Jan", "Anne-Mar").
fn hyphen_part(gap: &str, w: &str) -> bool {
    gap == "-" && w.starts_with(|c: char| c.is_uppercase())
}

/// A lower-case word inside a name: "of", a particle ("van", "de", "di", "dal", "zu").
fn is_connector(w: &str) -> bool {
    lexicon::CONNECTORS.contains(w)
        || matches!(w, "di" | "dal" | "dei" | "degli" | "delle" | "ter" | "ten" | "zu" | "los" | "las")
}

/// A surname with its particle glued on: "d'Ornano", "d’Alembert", "dell'Acqua".
fn glued_particle(w: &str) -> bool {
    ["d'", "d’", "dell'", "dell’", "l'", "l’"]
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(|r| r.starts_with(|c: char| c.is_uppercase())))
        && !w.starts_with('l')
}

/// Whether tokens `first..=last` hold a name particle between capitalised words ("Pieter van
/// der Linden", "Friederike von Hallberg", "Khalid bin Saeed"): a person's name, unless an
/// organisation word opens or ends it. Particles that also mean "of" in Romance languages
/// ("de", "da", "do", "di") count only after a first name the article gives in full.
fn particle_name(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    if last < first + 2 || (first..=last).any(|k| org_word_ml(strip_possessive(word(text, tokens, k)))) {
        return false;
    }
    if org_word_ml(word(text, tokens, first)) || lexicon::ALL.place_openers.contains(word(text, tokens, first)) {
        return false;
    }
    // In a language that capitalises its nouns, "von" and "der" also join two nouns
    // ("Angaben der Stadt", "Montage von Getrieben"): there the particle makes a name only
    // with evidence of a person: a given name, a hyphenated first name, a reporting verb
    // after, or no lower-case word or figure just before ("nach Angaben", "38 Prozent").
    let evidence = || {
        let w0 = word(text, tokens, first);
        lexicon::GIVEN_NAMES.contains(w0)
            || w0.contains('-')
            || tokens.get(first + 1).is_some_and(|t| &text[tokens[first].end as usize..t.start as usize] == "-")
            || followed_by_reporting_verb(text, tokens, last)
            || reported_ml(text, tokens, first, last)
            || first > 0 && !word(text, tokens, first - 1).starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
    };
    (first + 1..last).any(|k| {
        let w = word(text, tokens, k);
        lexicon::ALL.surname_particles.contains(w) && (!capitalised_noun_particle(w) || evidence())
            || lexicon::ALL.of_particles.contains(w)
                && (lexicon::GIVEN_NAMES.contains(word(text, tokens, first))
                    || word(text, tokens, first).contains('-')
                    || k >= first + 2)
    }) || (first..=last).any(|k| glued_particle(word(text, tokens, k)))
}

/// Whether a name particle is also a function word between nouns in a language that
/// capitalises its nouns (German "von", "der", "zu").
fn capitalised_noun_particle(w: &str) -> bool {
    lexicon::DE.surname_particles.contains(w)
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).or_else(|| w.strip_suffix('’')).unwrap_or(w)
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// Whether the gap between two tokens may sit inside a name.
fn joins(gap: &str, prev: &str) -> bool {
    match gap {
        " " | "-" | "&" | " & " => true,
        ". " | "." => {
            // After an initial, a title abbreviation or a dotted acronym: "W. Carlineo", "U.S. Senate".
            prev.chars().count() <= 4
                && (prev.chars().all(char::is_uppercase)
                    || lexicon::TITLE_ABBREVIATIONS.contains(prev)
                    || lexicon::CORPORATE_SUFFIXES.contains(prev)
                    || prev.contains('.')
                    || lexicon::AMBIGUOUS_ABBREVIATIONS.contains(prev))
        }
        _ => false,
    }
}

fn chains(text: &str, tokens: &[Token], common: &CommonWords) -> Vec<Chain> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let w = tokens[i].text(text);
        if !is_name_token(&tokens[i], w) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut j = i + 1;
        // A possessive ends a name, unless an organisation's head word follows
        // ("the U.S. Attorney’s Office").
        while j < tokens.len()
            && (!is_possessive(tokens[last].text(text))
                || j == last + 1 && lexicon::ORG_HEADS.contains(tokens[j].text(text)))
        {
            let gap = &text[tokens[j - 1].end as usize..tokens[j].start as usize];
            if !joins(gap, tokens[j - 1].text(text)) {
                break;
            }
            let wj = tokens[j].text(text);
            if is_name_token(&tokens[j], wj) || hyphen_part(gap, wj) {
                last = j;
                j += 1;
            } else if is_connector(wj) && (gap == " " || gap == "-") {
                // A connector must be followed by more of the name.
                let mut k = j + 1;
                // "the", or a second particle: "van der", "de la", "von der".
                while k < tokens.len()
                    && k < j + 3
                    && (tokens[k].text(text) == "the" || is_connector(tokens[k].text(text)))
                    && &text[tokens[k - 1].end as usize..tokens[k].start as usize] == " "
                {
                    k += 1;
                }
                let ok = k < tokens.len()
                    && &text[tokens[k - 1].end as usize..tokens[k].start as usize] == " "
                    && is_name_token(&tokens[k], tokens[k].text(text));
                if !ok {
                    break;
                }
                j = k;
            } else {
                break;
            }
        }
        i = last + 1;
        // A sentence's first words are capitalised anyway: drop them while they are common
        // words ("On Your Side", "Since Diwali", "Following Assange").
        let mut first = first;
        let opens =
            first == 0 || text[..tokens[first].start as usize].trim_end().ends_with(['“', '"', '—', ':', '(', '‘']);
        if opens {
            while first <= last {
                let t = &tokens[first];
                let w = strip_possessive(t.text(text));
                let lower = w.to_lowercase();
                let drop = common.is_common(text, t)
                    || lexicon::DANGLING_OPENERS.contains_ci(&lower)
                    || lexicon::SENTENCE_OPENERS.contains(w)
                    || is_connector(w);
                // An organisation's cue word is part of its name even where the article also
                // writes it in lower case ("Het Hoogheemraadschap Lekstroom … het hoogheemraadschap").
                if !drop || org_word_ml(w) && first < last {
                    break;
                }
                first += 1;
            }
            if first > last {
                continue;
            }
        }
        // A pronoun or demonstrative opens no name anywhere in a sentence: capitalised, it is
        // the polite form of address ("in Ihrem Postfach", "Ihrer Anfrage", "Votre Espace").
        while first <= last && common.is_pronoun(strip_possessive(tokens[first].text(text))) {
            first += 1;
        }
        if first > last {
            continue;
        }
        // Transcript speaker labels ("SACHA PFEIFFER, HOST:") and shouted words are not names.
        let all_caps = (first..=last).all(|k| !tokens[k].text(text).chars().any(char::is_lowercase));
        let spaced = text[tokens[first].start as usize..tokens[last].end as usize].contains(' ');
        if all_caps && !spaced && last > first {
            // One acronym written with symbols: "PG&E", "AT&T".
            let (start, end) = (tokens[first].start as usize, tokens[last].end as usize);
            out.push(Chain { start, end, first, last, acronym: true });
            continue;
        }
        if all_caps {
            let after = text[tokens[last].end as usize..].trim_start();
            let words = last - first + 1;
            let long = tokens[first].text(text).chars().filter(|c| c.is_alphabetic()).count() > 5;
            if words > 1
                || long
                || after.starts_with(':')
                || after.starts_with(", ")
                    && after[2..].split(':').next().is_some_and(|l| !l.chars().any(char::is_lowercase) && l.len() < 20)
            {
                continue;
            }
        }
        // Party and state tags: "(D-Minn.)".
        let w0 = tokens[first].text(text);
        let party_tag = matches!(w0, "D" | "R" | "I")
            && first < last
            && &text[tokens[first].end as usize..tokens[first + 1].start as usize] == "-";
        if party_tag {
            continue;
        }
        out.push(Chain {
            start: tokens[first].start as usize,
            end: tokens[last].end as usize,
            first,
            last,
            acronym: false,
        });
    }
    out
}

fn word<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    tokens.get(i).map_or("", |t| t.text(text))
}

fn value(text: &str, tokens: &[Token], first: usize, last: usize) -> (String, usize, usize) {
    let start = tokens[first].start as usize;
    let end = tokens[last].end as usize;
    let mut v = strip_possessive(&text[start..end]);
    let mut s = start;
    if let Some(rest) = v.strip_prefix("The ") {
        s += 4;
        v = rest;
    }
    (v.to_string(), s, s + v.len())
}

/// Whether a name is in the place gazetteer, with or without a final period ("U.S").
fn is_place(name: &str) -> bool {
    let known = |n: &str| lexicon::COUNTRIES.contains(n) || lexicon::PLACES.contains(n);
    known(name) || !name.ends_with('.') && known(&format!("{name}."))
}

fn is_country(name: &str) -> bool {
    lexicon::COUNTRIES.contains(name) || !name.ends_with('.') && lexicon::COUNTRIES.contains(&format!("{name}."))
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_uppercase() || c == '&' || c == '.')
}

/// Whether the context of an acronym said once makes it a body that acts or is turned to,
/// not a term: it speaks ("NASA said", "sagte die ARD"), owns ("BBC’s Emily Maitlis"), is
/// where someone is or goes ("on MSNBC", "at CERN", "laut ARD": `org_prepositions`, possibly
/// with an article between).
fn acronym_acts(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    prev: &str,
    prev_gap: &str,
    reporting: bool,
) -> bool {
    let owns = is_possessive(word(text, tokens, last))
        || tokens.get(last + 1).is_some_and(|t| {
            let gap = &text[tokens[last].end as usize..t.start as usize];
            gap.is_empty() && matches!(t.text(text), "'s" | "’s")
        });
    let prep = |w: &str| lexicon::ALL.org_prepositions.contains(&w.to_lowercase());
    let before_article = first >= 2 && prev_gap == " " && is_article(prev) && prep(word(text, tokens, first - 2));
    reporting || owns || prev_gap == " " && prep(prev) || before_article
}

/// Whether a person's role, written in lower case or opening the sentence, stands right
/// before the name, or in lower case before it and a comma: "the priest, Fidelis Mukonori,",
/// "filmmaker Rungano Nyoni", "Filmmaker Rungano Nyoni employed". Roles are the `person_titles` of the
/// language files, compared case aside.
fn role_before(text: &str, tokens: &[Token], first: usize) -> bool {
    if first == 0 {
        return false;
    }
    let gap = &text[tokens[first - 1].end as usize..tokens[first].start as usize];
    let w = word(text, tokens, first - 1);
    let Some(f) = w.chars().next() else { return false };
    // After a comma only a role in lower case after an article ("the priest, …"): a title and
    // a comma otherwise open a job line ("Vice President, Nissan Sales", "division vice
    // president, Nissan Sales & Regional Operations").
    let after_article = first >= 2 && is_article(word(text, tokens, first - 2));
    (gap == " " || gap == ", " && f.is_lowercase() && after_article)
        && core_title(w, true)
        && !lexicon::ALL.role_heads.contains_ci(w)
}

/// Whether a word is an article: "the", "a", "an" or an article of the language files in
/// either case ("die", "la", "Het").
fn is_article(w: &str) -> bool {
    matches!(w, "the" | "The" | "a" | "A" | "an" | "An") || lexicon::ALL.articles.contains_ci(w)
}

/// Whether an age follows the name between commas, as news writes it of people: "Eloise
/// Parry, 21, was taken", "Lena Oberhauser, 34, aus Garmisch".
fn age_after(text: &str, tokens: &[Token], last: usize) -> bool {
    let rest = &text[tokens[last].end as usize..];
    let Some(rest) = rest.strip_prefix(", ") else { return false };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && rest[digits..].starts_with([',', ')'])
}

fn followed_by_reporting_verb(text: &str, tokens: &[Token], last: usize) -> bool {
    let next = word(text, tokens, last + 1);
    let gap = tokens.get(last + 1).map_or("", |t| &text[tokens[last].end as usize..t.start as usize]);
    (gap == " " || gap == ", ") && lexicon::REPORTING_VERBS.contains(next) && next != "according"
}

/// Whether a reporting verb of a language other than English names tokens `first..=last` as
/// its speaker: right after the name ("Wegener sagte"), or before it with the speaker's role
/// between, as these languages put it after a quotation ("», a indiqué le préfet du Gard,
/// Laurent Castaing", "zegt dijkgraaf Hendrik-Jan van der Meulen", "ha detto il sindaco di
/// Camerino, Stefano Marinelli"): up to eight words back, not across a quotation mark, a
/// colon or the end of a clause.
fn reported_ml(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let is_verb = |w: &str| lexicon::other_languages(|l| &l.reporting_verbs).any(|t| t.contains(w));
    let next = word(text, tokens, last + 1);
    let gap = tokens.get(last + 1).map_or("", |t| &text[tokens[last].end as usize..t.start as usize]);
    if (gap == " " || gap == ", ") && is_verb(next) {
        return true;
    }
    let mut k = first;
    while k > 0 && first - k < 8 {
        let between = &text[tokens[k - 1].end as usize..tokens[k].start as usize];
        if between.contains(|c: char| !(c == ' ' || c == ',' || c == '\u{a0}')) {
            return false;
        }
        k -= 1;
        if is_verb(word(text, tokens, k)) {
            return true;
        }
    }
    false
}

/// Whether a word of another language than English puts the place after it as the scene
/// ("à Nîmes", "a Padova", "em Sinimbu", "в Забайкалье"): `scene_prepositions` of the
/// language files.
fn scene_preposition_ml(w: &str) -> bool {
    lexicon::other_languages(|l| &l.scene_prepositions).any(|t| t.contains(w))
}

/// Whether a scene preposition of another language is also an English word ("in", "a").
fn shared_with_english(w: &str) -> bool {
    w == "a" || lexicon::EN.place_prepositions.contains(w)
}

/// Whether tokens `first..=last` are a given name, a patronymic and a surname (or a given
/// name and a patronymic, or a surname first): a word after the first carries a patronymic
/// suffix (`patronymic_stems`: "-ович", "-овна" …) before at most two letters of case ending.
fn patronymic_name(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    if !(first + 1..=first + 2).contains(&last) {
        return false;
    }
    (first + 1..=last).any(|k| patronymic(word(text, tokens, k)))
}

/// Whether a capitalised word carries a patronymic suffix ("Викторович", "Анатольевича").
fn patronymic(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    chars.len() > 5
        && chars[0].is_uppercase()
        && lexicon::other_languages(|l| &l.patronymic_stems).any(|t| {
            t.iter().any(|stem| {
                let tail: String = chars[chars.len().saturating_sub(stem.chars().count() + 2)..].iter().collect();
                tail.contains(stem)
            })
        })
}

fn is_core_title(w: &str) -> bool {
    core_title(w, false)
}

/// [`is_core_title`], looked up as written or (`any_case`) case aside: a role in lower case
/// ("the priest", "президент") is the title the tables write capitalised.
fn core_title(w: &str, any_case: bool) -> bool {
    let w = w.trim_end_matches('.');
    let has = |t: lexicon::Table| if any_case { t.contains_ci(w) } else { t.contains(w) };
    has(*lexicon::PERSON_TITLES) && !has(*lexicon::TITLE_MODIFIERS)
        || has(*lexicon::TITLE_ABBREVIATIONS)
        || lexicon::other_languages(|l| &l.person_titles).any(|t| has(*t))
        || {
            // German compound titles: "Oberbürgermeisterin", "CDU-Fraktionschef", "Bundestrainer",
            // and the head alone, capitalised as a noun: "Sprecherin", "Direktor".
            let base = w.strip_suffix("in").filter(|b| b.len() > 4).unwrap_or(w);
            w.chars().count() > 6 && {
                let base = base.to_lowercase();
                lexicon::DE.title_endings.iter().any(|e| base.ends_with(e))
            }
        }
}

fn classify(text: &str, tokens: &[Token], chain: &Chain, out: &mut Vec<Mention>) {
    let (first, last) = (chain.first, chain.last);
    // Cut after a corporate suffix that has more name after it: "Brightline Inc. | Chief …".
    if let Some(k) = (first..last).find(|&k| lexicon::CORPORATE_SUFFIXES.contains(word(text, tokens, k))) {
        classify(
            text,
            tokens,
            &Chain { start: chain.start, end: tokens[k].end as usize, first, last: k, acronym: false },
            out,
        );
        let rest = Chain { start: tokens[k + 1].start as usize, end: chain.end, first: k + 1, last, acronym: false };
        classify(text, tokens, &rest, out);
        return;
    }
    // A noun for a kind of business before a name: "Fietsenfabrikant Halvering", "Autobauer
    // Lindner", "der Solarfirma Nordsonne Energiesysteme". The name after it is a company.
    if let Some(k) = (first..last).rev().find(|&k| company_descriptor(word(text, tokens, k))) {
        let (v, s, e) = value(text, tokens, k + 1, last);
        if !is_place(&v) {
            out.push(Mention { strong: true, ..Mention::new(FactKind::Organisation, v, s, e) });
            return;
        }
    }
    let full = value(text, tokens, first, last);
    let last_word = strip_possessive(word(text, tokens, last)).trim_end_matches('.');
    let n = last - first + 1;
    // The place gazetteer, whole chain.
    if is_place(&full.0) {
        out.push(Mention::new(FactKind::Place, full.0, full.1, full.2));
        return;
    }
    // "Owen Dempsey of the Aberdeen Royal Infirmary": a person of an organisation.
    if let Some(of) = (first..=last).find(|&k| tokens[k].text(text) == "of") {
        let person_before =
            of >= first + 2 && of - first <= 4 && lexicon::GIVEN_NAMES.contains(word(text, tokens, first));
        if person_before {
            let (pv, ps, pe) = value(text, tokens, first, of - 1);
            out.push(Mention::new(FactKind::Person, pv, ps, pe));
            let mut rest = of + 1;
            if word(text, tokens, rest) == "the" {
                rest += 1;
            }
            if rest <= last {
                let chain =
                    Chain { start: tokens[rest].start as usize, end: chain.end, first: rest, last, acronym: false };
                classify(text, tokens, &chain, out);
            }
            return;
        }
    }
    // Organisations by a cue word of another language: "Landgericht Hamburg", "Tribunale di
    // Milano", "Farmacenter S.A.S.", "Hollweg Antriebstechnik GmbH".
    let cue_word = (first..=last).find(|&k| org_word_ml(strip_possessive(word(text, tokens, k))));
    let compound = if n >= 2 && cue_word.is_some() { None } else { compound_company(text, tokens, first, last) };
    if n >= 2 && cue_word.is_some()
        || compound.is_some()
        || lexicon::ALL.company_forms.iter().any(|x| full.0.strip_suffix(x).is_some_and(|r| r.ends_with(' ')))
    {
        let end = compound.map_or(last, |c| c.1);
        // A capitalised article opening the sentence is not part of the name ("Das Landgericht").
        let mut skip = usize::from(n >= 3 && lexicon::ALL.articles.contains(word(text, tokens, first)));
        // Words before a particle that come before the first cue word are not part of the
        // name: "Pleno del Congreso de los Diputados" → "Congreso de los Diputados", "Chef der
        // Spedition Krause Kühllogistik" → "Spedition Krause Kühllogistik".
        if let Some(cue) = cue_word.or(compound.map(|c| c.0)) {
            if let Some(p) = (first + 1..cue).rev().find(|&k| is_connector(word(text, tokens, k))) {
                let mut from = p + 1;
                while from < cue && is_connector(word(text, tokens, from)) {
                    from += 1;
                }
                skip = skip.max(from - first);
            }
        }
        let (v, s, e) = value(text, tokens, first + skip, end);
        out.push(Mention { strong: true, ..Mention::new(FactKind::Organisation, v, s, e) });
        if end < last {
            let rest =
                Chain { start: tokens[end + 1].start as usize, end: chain.end, first: end + 1, last, acronym: false };
            classify(text, tokens, &rest, out);
        }
        return;
    }
    // Organisations by their head word ("… Ministry", "… Party", "… Inc.").
    let org_opener =
        n >= 3 && lexicon::ORG_OPENERS.contains(word(text, tokens, first)) && word(text, tokens, first + 1) == "of";
    if (lexicon::ORG_HEADS.contains(last_word) && n >= 2) || org_opener {
        // "the Bank of England", "Russian Foreign Ministry"
        out.push(Mention { strong: true, ..Mention::new(FactKind::Organisation, full.0, full.1, full.2) });
        return;
    }
    // Cut titles and demonyms from the front: "Russian Foreign Minister Sergey Lavrov".
    // The title is the last title word with a name after it ("Kevin King" ends with a title
    // word but is a name); a chain of title words only ("the President") names no one.
    if (first..=last)
        .all(|k| is_core_title(word(text, tokens, k)) || lexicon::TITLE_MODIFIERS.contains(word(text, tokens, k)))
    {
        return;
    }
    let core_at = (first..last).rev().find(|&k| is_core_title(word(text, tokens, k)));
    let mut name_first = first;
    let mut titled = false;
    if let Some(k) = core_at {
        name_first = k + 1;
        titled = true;
        // An organisation before the title: "Indiana State Teachers Association President
        // Keith Gambill", "BART Police Chief Ed Alvarez".
        let mut org_last = k;
        while org_last > first && lexicon::TITLE_MODIFIERS.contains(word(text, tokens, org_last - 1)) {
            org_last -= 1;
        }
        if org_last > first {
            let head = strip_possessive(word(text, tokens, org_last - 1));
            let org_like = lexicon::ORG_HEADS.contains(head) || is_acronym(head) && org_last - 1 == first;
            if org_like {
                let chain = Chain {
                    start: chain.start,
                    end: tokens[org_last - 1].end as usize,
                    first,
                    last: org_last - 1,
                    acronym: false,
                };
                classify(text, tokens, &chain, out);
            }
        }
    }
    // Title modifiers ("Foreign", "Home") are cut only as part of a title ("Home Secretary"),
    // or before a given name ("Foreign Affairs Hina Rabbani Khar"), never from a name of their
    // own ("Home Depot"). Demonyms go in any case ("Russian Sergey Lavrov").
    let mut k = name_first;
    while k < last {
        let w = word(text, tokens, k);
        if lexicon::DEMONYMS.contains(w) || lexicon::TITLE_MODIFIERS.contains(w) || is_connector(w) {
            k += 1;
        } else {
            break;
        }
    }
    if titled || lexicon::GIVEN_NAMES.contains(word(text, tokens, k)) {
        name_first = k;
    } else {
        while name_first < last && lexicon::DEMONYMS.contains(word(text, tokens, name_first)) {
            name_first += 1;
        }
    }
    // A leading acronym before a name: "EU Gordon Sondland" (but "JAMA Psychiatry" is one name).
    if name_first + 1 < last
        && is_acronym(word(text, tokens, name_first))
        && !is_acronym(word(text, tokens, name_first + 1))
    {
        let a = value(text, tokens, name_first, name_first);
        let kind = if is_place(&a.0) { FactKind::Place } else { FactKind::Organisation };
        out.push(Mention::new(kind, a.0, a.1, a.2));
        name_first += 1;
    }
    let first_word = word(text, tokens, name_first);
    if lexicon::DEMONYMS.contains(first_word) && name_first == last {
        return; // "Russian" alone
    }
    let (v, s, e) = value(text, tokens, name_first, last);
    let n = last - name_first + 1;
    let reporting = followed_by_reporting_verb(text, tokens, last) || reported_ml(text, tokens, name_first, last);
    if is_place(&v) {
        out.push(Mention::new(FactKind::Place, v, s, e));
        return;
    }
    // "X, Y" where Y is a known place or a state abbreviation: X is a place too.
    let next_gap = tokens.get(last + 1).map_or("", |t| &text[tokens[last].end as usize..t.start as usize]);
    let next = word(text, tokens, last + 1);
    let next_two = tokens.get(last + 2).map_or(String::new(), |t| format!("{next} {}", t.text(text)));
    let place_follows = next_gap == ", "
        && (is_place(next)
            || is_place(&next_two)
            || lexicon::AMBIGUOUS_ABBREVIATIONS.contains(next)
                && text[tokens[last + 1].end as usize..].starts_with('.'));
    let prev = if name_first > 0 { word(text, tokens, name_first - 1) } else { "" };
    let prev_gap =
        if name_first > 0 { &text[tokens[name_first - 1].end as usize..tokens[name_first].start as usize] } else { "" };
    // A preposition English shares ("in", "a") puts a place only where no lower-case word
    // follows the name ("a Padova.", but "a Taliban spokesman", "in Home Depot stores").
    let lower_next = next_gap == " " && next.starts_with(|c: char| c.is_lowercase());
    let scene_ml = scene_preposition_ml(prev) && !(shared_with_english(prev) && lower_next);
    let place_prep = prev_gap == " " && (lexicon::PLACE_PREPOSITIONS.contains(prev) || scene_ml);
    let last_word = strip_possessive(word(text, tokens, last)).trim_end_matches('.');

    // A name after a noun for a kind of place is that place: "la région Nouvelle-Aquitaine",
    // "la provincia di Milano", "the city of Lyon", and where nouns are capitalised the noun
    // opens the run ("die Stadt Köln").
    // English sets the name apart with "of" ("the city of Lyon"): "state Capitol", "city
    // Council" are no places.
    let place_noun = |w: &str| lexicon::ALL.place_nouns_before.contains(w);
    let place_noun_apposed = |w: &str| place_noun(w) && !lexicon::EN.place_nouns_before.contains(w);
    let gap_before = |k: usize| &text[tokens[k - 1].end as usize..tokens[k].start as usize];
    let after_place_noun = name_first > 0
        && prev_gap == " "
        && (place_noun_apposed(prev)
            || name_first > 1
                && is_connector(prev)
                && gap_before(name_first - 1) == " "
                && place_noun(word(text, tokens, name_first - 2)));
    let noun_opens = n >= 2 && place_noun_apposed(word(text, tokens, name_first));
    if !titled && !reporting && n <= 4 && (after_place_noun || noun_opens) {
        let (v, s, e) = if noun_opens { value(text, tokens, name_first + 1, last) } else { (v, s, e) };
        out.push(Mention { strong: true, ..Mention::new(FactKind::Place, v, s, e) });
        return;
    }
    // A Russian name with a patronymic: "Андрей Викторович Кравченко", "Сергея
    // Анатольевича Лопатина".
    if !titled && patronymic_name(text, tokens, name_first, last) {
        out.push(Mention { strong: true, ..Mention::new(FactKind::Person, v, s, e) });
        return;
    }
    // Two to four name words after a scene preposition of another language, with no given
    // name and no reporting verb: a place ("in Schwäbisch Hall", "no Rio Grande do Sul").
    if (2..=4).contains(&n)
        && place_prep
        && scene_ml
        && !reporting
        && !lexicon::GIVEN_NAMES.contains(word(text, tokens, name_first))
        && !(name_first..=last).any(|k| org_word_ml(word(text, tokens, k)))
    {
        out.push(Mention { locative: true, ..Mention::new(FactKind::Place, v, s, e) });
        return;
    }
    if !titled && particle_name(text, tokens, name_first, last) {
        out.push(Mention { strong: true, ..Mention::new(FactKind::Person, v, s, e) });
        return;
    }
    // A royal has no surname and keeps the style: "Prince Andrew", "Queen Elizabeth".
    if titled && n == 1 && name_first > 0 && en_royal(text, tokens, name_first) {
        let (v, s, e) = value(text, tokens, name_first - 1, last);
        out.push(Mention { strong: true, titled: true, ..Mention::new(FactKind::Person, v, s, e) });
        return;
    }
    if !titled && en_company_context(text, tokens, name_first, last) {
        out.push(Mention { strong: true, ..Mention::new(FactKind::Organisation, v, s, e) });
        return;
    }
    if titled && n <= 5 && !has_of(text, tokens, name_first, last) {
        let mut m = Mention::new(FactKind::Person, v, s, e);
        m.strong = true;
        m.titled = true;
        m.weak = n == 1;
        out.push(m);
        return;
    }
    // "Joint Chiefs of Staff", "Bank of America": people's names have no "of".
    if n >= 2 && has_of(text, tokens, name_first, last) {
        out.push(Mention::new(FactKind::Organisation, v, s, e));
        return;
    }
    // A team: a place and a plural name ("Pittsburgh Penguins", "New York Islanders").
    if n >= 2 && last_word.ends_with('s') && !last_word.ends_with("ss") && {
        let head = value(text, tokens, name_first, last - 1).0;
        is_place(&head)
    } {
        out.push(Mention::new(FactKind::Organisation, v, s, e));
        return;
    }
    // "Logar province", "Orange county": a name before a lower-case place word.
    let next_lower = next_gap == " " && lexicon::LOWER_PLACE_HEADS.contains(next);
    if next_lower && !reporting {
        out.push(Mention { strong: true, ..Mention::new(FactKind::Place, v, s, e) });
        return;
    }
    if n >= 2 && lexicon::PLACE_HEADS.contains(last_word) || place_follows && !reporting {
        out.push(Mention::new(FactKind::Place, v, s, e));
        return;
    }
    // An acronym is an organisation ("NASA", "BART") when the article uses it more than once;
    // a time zone, a ticker or "OK" is not.
    if n == 1 && is_acronym(&v) {
        let ticker = text[..s].trim_end().to_lowercase().ends_with("ticker:");
        if !lexicon::TIME_ZONES.contains(&v) && v != "OK" && !ticker && !lexicon::EN.concept_acronyms.contains(&v) {
            let acts = acronym_acts(text, tokens, name_first, last, prev, prev_gap, reporting);
            out.push(Mention { weak: !acts, strong: acts, ..Mention::new(FactKind::Organisation, v, s, e) });
        }
        return;
    }
    if n == 1 {
        if prev == "the" && prev_gap == " " && !reporting {
            out.push(Mention::new(FactKind::Organisation, v, s, e));
        } else if place_prep && !reporting {
            out.push(Mention { weak: true, ..Mention::new(FactKind::Place, v, s, e) });
        } else {
            // A surname or a single name: kept only to link to a full name seen elsewhere.
            let mut m = Mention::new(FactKind::Person, v, s, e);
            m.weak = true;
            m.strong = reporting;
            out.push(m);
        }
        return;
    }
    if (2..=4).contains(&n) {
        let all_alpha = (name_first..=last).all(|k| {
            let w = strip_possessive(word(text, tokens, k));
            w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'' || c == '’')
        });
        if all_alpha {
            // Without a title or a given name, a pair of capitalised words may be a company or a
            // work ("Blue Origin", "Full Fact said"): unsure until the article names the person
            // by surname alone (see `facts::extract`).
            // A middle initial is a person's mark: "Shelia R. Cotten", "Patrick Y. Lee".
            let initial = (name_first + 1..last).any(|k| {
                let w = word(text, tokens, k);
                w.chars().count() == 1
                    && w.chars().all(char::is_uppercase)
                    && text[tokens[k].end as usize..].starts_with(". ")
            });
            let given = initial || lexicon::GIVEN_NAMES.contains(strip_possessive(word(text, tokens, name_first)));
            if is_acronym(word(text, tokens, name_first)) {
                // "JAMA Psychiatry", "NBC News": an acronym opens an organisation's name.
                out.push(Mention::new(FactKind::Organisation, v, s, e));
                return;
            }
            let described = role_before(text, tokens, name_first) || age_after(text, tokens, last);
            let mut m = Mention::new(FactKind::Person, v, s, e);
            m.strong = reporting;
            m.unsure = !given && !reporting && !described;
            out.push(m);
        }
    }
}

/// Person names seen in full (two words or more), in article order, for linking surnames
/// ("Lavrov" → "Sergey Lavrov"). Indexed by first and last name part, so that linking is one
/// hash lookup (a page of 40,000 distinct names stays linear).
#[derive(Default)]
pub(crate) struct FullNames {
    pub names: Vec<String>,
    seen: HashSet<String>,
    /// First or last name part → index of the first full name with that part.
    by_part: rustc_hash::FxHashMap<String, usize>,
}

impl FullNames {
    /// Adds a full name unless it is already there.
    pub fn push(&mut self, name: &str) {
        if !self.seen.insert(name.to_string()) {
            return;
        }
        let i = self.names.len();
        self.names.push(name.to_string());
        let parts: Vec<&str> = name
            .split([' ', '-'])
            .map(|p| p.trim_end_matches('.'))
            .filter(|p| !lexicon::EN.name_suffixes.contains(p) && p.chars().count() > 1)
            .collect();
        if parts.len() >= 2 {
            for part in [parts[0], parts[parts.len() - 1]] {
                self.by_part.entry(part.to_string()).or_insert(i);
            }
        }
    }

    /// The index of the first full name whose first or last part is `word`.
    pub fn link(&self, word: &str) -> Option<usize> {
        self.by_part.get(word).copied()
    }
}

/// The words the article writes in lower case, and their stems: a capitalised word at the
/// start of a sentence whose stem the article also writes in lower case ("Following" beside
/// "followed") is a common word, not a name.
#[derive(Default)]
pub(crate) struct CommonWords {
    words: HashSet<String>,
    terms: HashSet<TermId>,
    /// The article language's pronouns and demonstratives (`leaning_pronouns`): no name starts
    /// with one ("Ihrer Anfrage", "Votre Espace"). Unset in the tests of English rows.
    pronouns: Option<lexicon::Table>,
}

impl CommonWords {
    pub fn new<'a>(sentences: impl Iterator<Item = (&'a str, &'a [Token])>) -> Self {
        let mut c = CommonWords::default();
        for (text, tokens) in sentences {
            for t in tokens {
                let w = t.text(text);
                if w.starts_with(|ch: char| ch.is_lowercase()) {
                    if let Some(term) = t.term {
                        c.terms.insert(term);
                    }
                    if !c.words.contains(w) {
                        c.words.insert(w.to_string());
                    }
                }
            }
        }
        c
    }

    /// The same, with the pronouns of the article's language (ISO 639-1 `lang`).
    pub fn with_language(mut self, lang: &str) -> Self {
        self.pronouns = lexicon::for_lang(lang).map(|l| l.leaning_pronouns);
        self
    }

    /// Whether `word` is a pronoun or demonstrative of the article's language, case aside.
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.pronouns.is_some_and(|t| t.contains_ci(word))
    }

    /// Whether the article writes `word` (case aside, possessive dropped) in lower case.
    pub fn has_word(&self, word: &str) -> bool {
        self.words.contains(&strip_possessive(word).to_lowercase())
    }

    /// Whether the token (as written in `text`) is a common word: a stopword, or a word or stem
    /// the article also writes in lower case.
    pub fn is_common(&self, text: &str, t: &Token) -> bool {
        let w = strip_possessive(t.text(text)).to_lowercase();
        let stopword = t.term.is_none() && w.chars().all(char::is_alphabetic);
        stopword || self.words.contains(&w) || t.term.is_some_and(|term| self.terms.contains(&term))
    }
}

// ---------------------------------------------------------------------------------------
// English: what is not a name although it is capitalised. Products, works, headings and
// concepts are written like names; the article's own lower-case vocabulary and the shape of
// the words tell them apart.
// ---------------------------------------------------------------------------------------

/// A plural acronym ("LLMs", "CEOs"): a class of things, not one organisation.
fn plural_acronym(w: &str) -> bool {
    w.strip_suffix('s').is_some_and(|r| r.chars().count() >= 2 && r.chars().all(|c| c.is_ascii_uppercase()))
}

/// English: whether a run of capitalised words without a title, said to be a person, is
/// rather a product, a work, a heading or an organisation: its first word is no given name and
/// one of its words is an acronym ("Vectra AI", "Lexus LC", "Industrial AI") or a word the
/// article also writes in lower case ("Uber Money", "Data Retention Bill", "Big Machine").
pub(crate) fn en_unlikely_person(value: &str, common: &CommonWords) -> bool {
    let words: Vec<&str> = value.split(' ').collect();
    if words.len() < 2 || lexicon::GIVEN_NAMES.contains(words[0]) {
        return false;
    }
    words.iter().any(|w| {
        let w = strip_possessive(w);
        let roman = w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
        is_acronym(w) && !roman || plural_acronym(w) || common.has_word(w)
    })
}

/// English: whether a royal style stands before the given name at `name`, with a space
/// between ("Prince Andrew").
fn en_royal(text: &str, tokens: &[Token], name: usize) -> bool {
    let gap = &text[tokens[name - 1].end as usize..tokens[name].start as usize];
    gap == " "
        && lexicon::EN.royal_styles.contains(word(text, tokens, name - 1))
        && lexicon::GIVEN_NAMES.contains(strip_possessive(word(text, tokens, name)))
}

/// English: whether the words around tokens `first..=last` say they name a business: a
/// company noun just before ("firm ThreatConnect", "rival Samsung", "carmakers, General
/// Motors") or a word for its staff or stock just after ("Lexus engineers", "Apple shares"),
/// "shares of X", or a job title and "at" before ("Chief Officer at Cloudflare"). A name that
/// opens with a given name is a person's ("rival Bernie Sanders").
fn en_company_context(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let cue = |w: &str| lexicon::EN.company_cues.contains(w);
    let gap = |a: usize, b: usize| &text[tokens[a].end as usize..tokens[b].start as usize];
    // A list after a plural cue names companies, even where one opens with a given name:
    // "the drugs’ manufacturers, Eli Lilly and Novo Nordisk", "rivals Apple, Samsung and Xiaomi".
    let mut k = first;
    while k > 0 && first - k < 10 && matches!(gap(k - 1, k), " " | ", ") {
        let p = word(text, tokens, k - 1);
        if cue(p) && p.ends_with('s') {
            return true;
        }
        if !(p == "and" || p == "or" || p.starts_with(char::is_uppercase) && k - 1 > 0) {
            break;
        }
        k -= 1;
    }
    if lexicon::GIVEN_NAMES.contains(word(text, tokens, first)) {
        return false;
    }
    if first > 0 {
        let prev = word(text, tokens, first - 1);
        let g = gap(first - 1, first);
        if (g == " " || g == ", ") && cue(prev) {
            return true;
        }
        if g == " " && matches!(prev, "at" | "of") && first > 1 {
            let before = word(text, tokens, first - 2);
            if prev == "of" && before == "shares"
                || prev == "at" && gap(first - 2, first - 1) == " " && is_core_title(before)
            {
                return true;
            }
        }
    }
    let next = word(text, tokens, last + 1);
    last + 1 < tokens.len() && gap(last, last + 1) == " " && lexicon::EN.company_followers.contains(next)
}

/// English: whether a single capitalised word is no organisation however often it recurs: a
/// word the article also writes in lower case (a sentence opener or heading word: "This",
/// "For", "Left"), a plural acronym ("LLMs") or an acronym of a concept ("AI", "LED").
pub(crate) fn en_not_an_organisation(word: &str, common: &CommonWords) -> bool {
    common.has_word(word) || plural_acronym(word) || lexicon::EN.concept_acronyms.contains(word)
}

// ---------------------------------------------------------------------------------------
// Chinese, Japanese and Korean: no capitals and (in Chinese and Japanese) no spaces, so names
// are found by cue words around them: titles and honorifics after (Japanese, Korean) or
// before (Chinese) a name that opens with a family name, organisation and place suffixes,
// "（以下简称“X”）" aliases, a bracketed age or grade after a name, a Japanese dateline
// "【X＝". Values stop at particles (은/는/이/가/を/は/の …) and leave titles out.
// ---------------------------------------------------------------------------------------

/// Whether a sentence is written in Chinese, Japanese or Korean.
/// Katakana, without the middle dot ・ that separates the parts of a foreign name.
fn is_katakana(c: char) -> bool {
    crate::script::is_katakana(c) && c != '・'
}

pub(crate) fn is_cjk_text(text: &str) -> bool {
    text.chars().any(|c| is_han(c) || is_hangul(c) || is_hiragana(c))
}

/// The start of the run of characters of one script class that ends at byte `end`, at most
/// `max` characters long, stopping at a character `stop` accepts.
fn run_back(text: &str, end: usize, max: usize, class: impl Fn(char) -> bool, stop: impl Fn(char) -> bool) -> usize {
    let mut start = end;
    for (n, (i, c)) in text[..end].char_indices().rev().enumerate() {
        if n >= max || !class(c) || stop(c) {
            break;
        }
        start = i;
    }
    start
}

fn run_fwd(text: &str, start: usize, max: usize, class: impl Fn(char) -> bool) -> usize {
    let mut end = start;
    for (n, (i, c)) in text[start..].char_indices().enumerate() {
        if n >= max || !class(c) {
            break;
        }
        end = start + i + c.len_utf8();
    }
    end
}

fn push(out: &mut Vec<Mention>, kind: FactKind, text: &str, s: usize, e: usize, strong: bool) {
    if s >= e || out.iter().any(|m| m.kind == kind && m.start == s && m.end == e) {
        return;
    }
    let mut m = Mention::new(kind, text[s..e].to_string(), s, e);
    m.strong = strong;
    out.push(m);
}

/// Names of a sentence in Chinese, Japanese or Korean.
pub(crate) fn cjk_mentions(text: &str, out: &mut Vec<Mention>) {
    if text.chars().any(is_hangul) {
        korean(text, out);
    } else if text.chars().any(|c| is_hiragana(c) || is_katakana(c)) {
        japanese(text, out);
    } else {
        chinese(text, out);
    }
}

fn starts_with_surname(run: &str, surnames: &lexicon::Table) -> Option<usize> {
    surnames.iter().filter(|s| run.starts_with(*s) && run.len() > s.len()).map(|s| s.len()).max()
}

fn korean(text: &str, out: &mut Vec<Mention>) {
    let words = words_with_offsets(text);
    let stem = |w: &str| -> usize {
        // Byte length of the word without a trailing particle.
        let w = w.trim_end_matches(|c: char| !is_hangul(c) && !c.is_alphanumeric());
        lexicon::KO
            .particles
            .iter()
            .filter(|p| w.ends_with(*p) && w[..w.len() - p.len()].chars().count() >= 2)
            .map(|p| w.len() - p.len())
            .min()
            .unwrap_or(w.len())
    };
    let hangul_only = |w: &str| !w.is_empty() && w.chars().all(is_hangul);
    for (i, &(s, w)) in words.iter().enumerate() {
        let st = &w[..stem(w)];
        // A person: a family name and one to three syllables, then a title, maybe after an
        // organisation ("박성훈 한울반도체 대표는", "한재민 감독은").
        let n = st.chars().count();
        if hangul_only(w) && (2..=4).contains(&n) && starts_with_surname(w, &lexicon::KO.surnames).is_some() {
            let title_at =
                |j: usize| words.get(j).is_some_and(|&(_, t)| lexicon::KO.person_titles.contains(&t[..stem(t)]));
            if title_at(i + 1) {
                push(out, FactKind::Person, text, s, s + w.len(), true);
            } else if title_at(i + 2) {
                push(out, FactKind::Person, text, s, s + w.len(), true);
                let (os, ow) = words[i + 1];
                let ost = &ow[..stem(ow)];
                if hangul_only(ost) && ost.chars().count() >= 2 {
                    push(out, FactKind::Organisation, text, os, os + ost.len(), true);
                }
            }
        }
        if !hangul_only(st) {
            continue;
        }
        // Organisations and places by their ending.
        let org = lexicon::KO.gazetteer_orgs.contains(st)
            || lexicon::KO.org_cues.iter().any(|x| st.ends_with(x) && n >= x.chars().count() + 2)
            || lexicon::KO.short_org_cues.iter().any(|x| st.ends_with(x) && n >= 3) && !st.ends_with("부부");
        if org && !lexicon::KO.person_titles.contains(st) {
            push(out, FactKind::Organisation, text, s, s + st.len(), false);
        } else if lexicon::KO.gazetteer_places.contains(st)
            || lexicon::KO.place_cues.iter().any(|x| st.ends_with(x) && n >= 3)
        {
            let mut m = Mention::new(FactKind::Place, st.to_string(), s, s + st.len());
            m.locative = w[st.len()..].starts_with("에서") || w[st.len()..].starts_with('에');
            out.push(m);
        }
    }
}

fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for w in text.split(' ') {
        if !w.is_empty() {
            out.push((pos, w));
        }
        pos += w.len() + 1;
    }
    out
}

fn japanese(text: &str, out: &mut Vec<Mention>) {
    // A dateline: "【ナッシュビル＝佐々木健太】".
    if let Some(rest) = text.strip_prefix('【') {
        if let Some(eq) = rest.find('＝') {
            let s = '【'.len_utf8();
            push(out, FactKind::Place, text, s, s + eq, false);
        }
    }
    let han_stop = |c: char| c == '・';
    // People: a name that opens with a family name before a title or honorific, a "・" and
    // an affiliation, or a bracketed age or grade.
    for (i, _) in text.char_indices() {
        let rest = &text[i..];
        let title = lexicon::JA.person_titles.iter().filter(|t| rest.starts_with(*t)).map(|t| t.len()).max();
        let bullet = rest.starts_with('・');
        let bracket = rest.starts_with('（') && rest['（'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit());
        if title.is_none() && !bullet && !bracket {
            continue;
        }
        let s = run_back(text, i, 6, is_han, han_stop);
        let run = &text[s..i];
        if (2..=5).contains(&run.chars().count()) && starts_with_surname(run, &lexicon::JA.surnames).is_some() {
            push(out, FactKind::Person, text, s, i, true);
        }
    }
    // Organisations: a run ending in an organisation word ("気象庁", "東和精機"), or a name
    // followed by its home prefecture or city in brackets ("盛岡青嶺（岩手）").
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let rest = &text[end..];
        let suffix = lexicon::JA.org_cues.iter().any(|x| text[..end].ends_with(x));
        let home = rest.starts_with('（') && {
            let inner = &rest['（'.len_utf8()..];
            let close = inner.find('）').unwrap_or(0);
            let place = &inner[..close];
            close > 0 && (lexicon::JA.gazetteer_places.contains(place) || place.ends_with(['市', '県', '都', '府']))
        };
        if !(suffix || home) || !is_han(c) && !is_katakana(c) {
            continue;
        }
        let mut s = run_back(text, end, 12, |c| is_han(c) || is_katakana(c), han_stop);
        // The character after a figure is its counter ("第106回全国高校…"), not a name's start.
        if text[..s].ends_with(|p: char| p.is_numeric()) {
            s += text[s..].chars().next().map_or(0, char::len_utf8);
        }
        let run = &text[s..end];
        // A name before the ending: a run made only of endings ("自動車", "電気自動車",
        // "県警") is a common noun.
        let mut name = run;
        while let Some(x) = lexicon::JA.org_cues.iter().filter(|x| name.ends_with(*x)).max_by_key(|x| x.len()) {
            name = &name[..name.len() - x.len()];
        }
        if run.chars().count() >= 2 && !name.is_empty() && !lexicon::JA.person_titles.iter().any(|t| run.ends_with(t)) {
            push(out, FactKind::Organisation, text, s, end, suffix);
        }
    }
    // Places: a run before 市/県/町/村/区/州 in one script ("つくば市", "テネシー州"), a
    // prefecture, a venue ("阪神甲子園球場").
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let venue = lexicon::JA.place_cues.iter().any(|x| text[..end].ends_with(x));
        if "市県町村区州".contains(c) || venue {
            let class: fn(char) -> bool = match text[..i].chars().next_back() {
                Some(p) if is_hiragana(p) => is_hiragana,
                Some(p) if is_katakana(p) => is_katakana,
                _ => is_han,
            };
            let stop = |ch: char| "市県町村区州".contains(ch) || ch == '・';
            let s = if venue { run_back(text, end, 10, is_han, han_stop) } else { run_back(text, i, 5, class, stop) };
            let n = text[s..i].chars().count();
            if (2..=6).contains(&n) || venue && n >= 3 {
                let within = text[..s].ends_with('の') || text[end..].starts_with(['で', 'に']);
                let mut m = Mention::new(FactKind::Place, text[s..end].to_string(), s, end);
                m.locative = within;
                out.push(m);
            }
        }
    }
    for p in lexicon::JA.gazetteer_places.iter() {
        for (at, _) in text.match_indices(p) {
            let before = text[..at].chars().next_back();
            let after = text[at + p.len()..].chars().next();
            if !before.is_some_and(is_han) && !after.is_some_and(|c| is_han(c) && c != '県') {
                push(out, FactKind::Place, text, at, at + p.len(), false);
            }
        }
    }
}

/// Characters that end a Chinese name or open what follows it.
fn zh_after_name(rest: &str) -> bool {
    rest.is_empty()
        || rest.starts_with(|c: char| !is_han(c))
        || lexicon::ZH.name_followers.iter().any(|w| rest.starts_with(w))
}

fn chinese(text: &str, out: &mut Vec<Mention>) {
    let punct = |c: char| !is_han(c);
    // "安徽华瑞新能源科技股份有限公司（以下简称“华瑞新能源”）": the full name.
    let mut org_spans: Vec<(usize, usize)> = Vec::new();
    for (at, _) in text.match_indices("（以下简称") {
        let s = run_back(text, at, 30, is_han, punct);
        if text[s..at].chars().count() >= 3 {
            push(out, FactKind::Organisation, text, s, at, true);
            org_spans.push((s, at));
        }
    }
    // People: a title, then a family name and one or two characters ("董事长陈立新表示").
    for t in lexicon::ZH.person_titles.iter() {
        for (at, _) in text.match_indices(t) {
            let s = at + t.len();
            let rest = &text[s..];
            let Some(sl) = starts_with_surname(rest, &lexicon::ZH.surnames) else { continue };
            for given in [2, 1] {
                let e = run_fwd(text, s + sl, given, is_han);
                if text[s + sl..e].chars().count() == given && zh_after_name(&text[e..]) {
                    push(out, FactKind::Person, text, s, e, true);
                    break;
                }
            }
        }
    }
    // A profile's opening: "刘一鸣，26岁，", "陈立新，1973年出生".
    let lead = run_fwd(text, 0, 4, is_han);
    if (2..=4).contains(&text[..lead].chars().count())
        && starts_with_surname(&text[..lead], &lexicon::ZH.surnames).is_some()
        && text[lead..].starts_with('，')
        && text[lead + '，'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit())
    {
        push(out, FactKind::Person, text, 0, lead, true);
    }
    // Foreign names written with "·": "基普图·姆瓦伊".
    for (at, _) in text.match_indices('·') {
        let s = run_back(text, at, 6, is_han, punct);
        let s = lexicon::ZH
            .person_titles
            .iter()
            .filter_map(|t| text[s..at].rfind(t).map(|p| s + p + t.len()))
            .max()
            .unwrap_or(s);
        let mut e = at + '·'.len_utf8();
        for (i, c) in text[e..].char_indices().take(3) {
            if !is_han(c) || zh_function_char(c) {
                break;
            }
            e = at + '·'.len_utf8() + i + c.len_utf8();
        }
        if text[s..at].chars().count() >= 2 && text[at + '·'.len_utf8()..e].chars().count() >= 2 {
            push(out, FactKind::Person, text, s, e, true);
        }
    }
    // Organisations by their ending; places by theirs and by a small gazetteer.
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if !is_han(c) {
            continue;
        }
        if let Some(x) = lexicon::ZH.org_cues.iter().find(|x| text[..end].ends_with(*x)) {
            let s = run_back(text, end, 20, is_han, zh_function_char);
            let n = text[s..end].chars().count();
            let inside = org_spans.iter().any(|&(a, b)| a <= s && end <= b);
            if n > x.chars().count() && n >= 3 && !inside {
                push(out, FactKind::Organisation, text, s, end, true);
                org_spans.push((s, end));
            }
        }
        // A numeral before the ending counts divisions ("云南、四川两省": two provinces), and
        // names none.
        let counted = text[..i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_numeric() || lexicon::ZH.number_words.get_ci(p.encode_utf8(&mut [0; 4])).is_some());
        if "市县省区镇".contains(c) && !counted {
            let s = run_back(text, i, 4, is_han, |ch| zh_function_char(ch) || "市县省区镇".contains(ch));
            let n = text[s..i].chars().count();
            if (2..=3).contains(&n) {
                let mut m = Mention::new(FactKind::Place, text[s..end].to_string(), s, end);
                m.locative = text[..s].ends_with(['在', '于']);
                out.push(m);
            }
        }
    }
    for p in lexicon::ZH.gazetteer_places.iter() {
        for (at, _) in text.match_indices(p) {
            let e = at + p.len();
            if !org_spans.iter().any(|&(a, b)| a <= at && e <= b) {
                push(out, FactKind::Place, text, at, e, false);
            }
        }
    }
}

/// Whether a word of another language than English makes a capitalised name an organisation
/// ("Landgericht Hamburg", "Tribunale di Milano", "Costruzioni Ferraresi", "Brauerei
/// Rothaus"): the `org_cues` (institutions, legal forms) and `company_heads` (sector nouns
/// that open or end a company's name) of the other language files.
fn org_word_ml(w: &str) -> bool {
    lexicon::other_languages(|l| &l.org_cues).any(|t| t.contains(w))
        || lexicon::other_languages(|l| &l.company_heads).any(|t| t.contains(w))
}

/// Whether a capitalised word ends in a business noun of a language that compounds them
/// (`company_endings`: "Antriebstechnik", "Solartechnik", "Anlagenbau", "Wegenbouw"), with or
/// without letters before it ("Bau", "Logistik").
fn company_ending(w: &str) -> bool {
    if !w.starts_with(|c: char| c.is_uppercase()) || w.chars().any(|c| !c.is_alphabetic()) {
        return false;
    }
    let lower = w.to_lowercase();
    lexicon::other_languages(|l| &l.company_endings).any(|t| t.iter().any(|e| lower.ends_with(e)))
}

/// Whether a capitalised word is a noun for a kind of business (`company_descriptors`, as
/// the word or the end of a compound: "Fietsenfabrikant", "Energiekonzern", "Vakbond").
fn company_descriptor(w: &str) -> bool {
    if !w.starts_with(|c: char| c.is_uppercase()) || w.chars().any(|c| !c.is_alphabetic()) {
        return false;
    }
    let lower = w.to_lowercase();
    lexicon::other_languages(|l| &l.company_descriptors).any(|t| t.iter().any(|e| lower.ends_with(e)))
}

/// A company's name by its sector compound in tokens `first..=last`: a name, then a word
/// with a business ending, then any legal form ("Müller Antriebstechnik GmbH", "Bergmann
/// Solartechnik", "Rhein Energiesysteme"). Gives the token of the compound and the name's last
/// token (the legal form's, if any); capitalised nouns after it are not part of the name
/// ("Bergmann Solartechnik Insolvenz" in German). An opening article is not a name, and a
/// particle before the compound makes it a noun of its own ("Ausbau der Solartechnik"), as
/// does a place or a word after a preposition of place ("in Deutschland Maschinenbau
/// betreiben").
fn compound_company(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<(usize, usize)> {
    let first = first + usize::from(lexicon::ALL.articles.contains(word(text, tokens, first)));
    let k = (first + 1..=last).find(|&k| {
        company_ending(strip_possessive(word(text, tokens, k))) && !is_connector(word(text, tokens, k - 1))
    })?;
    // "in Deutschland Maschinenbau betreiben": one word after a preposition of place is a
    // place, and the compound a noun after it.
    let prev = if first > 0 { word(text, tokens, first - 1).to_lowercase() } else { String::new() };
    if k == first + 1 && (is_place(word(text, tokens, first)) || scene_preposition_ml(&prev)) {
        return None;
    }
    let is_form = |w: &str| {
        let w = w.trim_end_matches('.');
        lexicon::ALL.company_forms.contains(w) || lexicon::CORPORATE_SUFFIXES.contains(w)
    };
    let mut end = k;
    while end < last && is_form(word(text, tokens, end + 1)) {
        end += 1;
    }
    Some((k, end))
}

/// Whether a Chinese character is a function character no name spans (在, 的, 和 …).
fn zh_function_char(c: char) -> bool {
    lexicon::has_char(&lexicon::ZH.function_chars, c)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::token::tokenize_english;

    /// The facts this module finds in `text`, as (kind, value): what the row fixtures check.
    pub(in crate::facts) fn found(text: &str) -> Vec<(FactKind, String)> {
        let [t] = tokenize_english([text]);
        let common = CommonWords::new(std::iter::once((text, t.tokens.as_slice())));
        let mut out = Vec::new();
        mentions(text, &t.tokens, &common, &mut out);
        out.into_iter().filter(|m| !m.weak || m.kind == FactKind::Organisation).map(|m| (m.kind, m.value)).collect()
    }

    fn has(text: &str, kind: FactKind, value: &str) {
        let f = found(text);
        assert!(f.iter().any(|(k, v)| *k == kind && v == value), "{value:?} as {kind:?} in {f:?}");
    }

    #[test]
    fn english_company_contexts() {
        // (sentence, the business it names)
        let rows = [
            (
                "company noun before",
                "The deal makes security firm ThreatConnect part of a larger group.",
                "ThreatConnect",
            ),
            ("rival", "The phone competes with rival Samsung in every market.", "Samsung"),
            ("after a comma", "Two carmakers, Stellantis and Renault, cut prices.", "Stellantis"),
            ("staff after", "Earlier this year Lexus engineers hid the frame under the deck.", "Lexus"),
            ("shares of", "Investors sold shares of Nvidia after the report.", "Nvidia"),
            ("title at", "Maria Ruiz, Chief Product Officer at Cloudflare, said boards care.", "Cloudflare"),
        ];
        for (name, text, org) in rows {
            let f = found(text);
            assert!(f.iter().any(|(k, v)| *k == FactKind::Organisation && v == org), "{name}: {org:?} in {f:?}");
        }
        // A given name first is a person, whatever the noun before: "rival Bernie Sanders".
        let f = found("The senator attacked rival Bernie Sanders on Tuesday.");
        assert!(!f.iter().any(|(k, _)| *k == FactKind::Organisation), "{f:?}");
    }

    #[test]
    fn a_middle_initial_marks_a_person() {
        // An unknown first name with a middle initial is a person, not an unsure pair.
        let text = "Xanthe Q. Mbeki studies sleep.";
        let [t] = tokenize_english([text]);
        let common = CommonWords::new(std::iter::once((text, t.tokens.as_slice())));
        let mut out = Vec::new();
        mentions(text, &t.tokens, &common, &mut out);
        assert!(out.iter().any(|m| m.kind == FactKind::Person && m.value == "Xanthe Q. Mbeki" && !m.unsure), "{out:?}");
    }

    #[test]
    fn royals_keep_their_style() {
        // Royals keep their style (the rows in names-royals-keep-their-style.tsv); other titles
        // are still cut: "Minister Sergey Lavrov" gives "Sergey Lavrov".
        let f = found("Foreign Minister Sergey Lavrov met Prince Andrew on Monday.");
        assert!(f.iter().any(|(k, v)| *k == FactKind::Person && v == "Sergey Lavrov"), "{f:?}");
        assert!(f.iter().any(|(k, v)| *k == FactKind::Person && v == "Prince Andrew"), "{f:?}");
        assert!(!f.iter().any(|(_, v)| v.contains("Minister")), "{f:?}");
    }

    #[test]
    fn english_non_people_and_non_organisations() {
        let text = "The money tab is new, a big step. Big data helps. It costs a lot, and it shows.";
        let [t] = tokenize_english([text]);
        let common = CommonWords::new(std::iter::once((text, t.tokens.as_slice())));
        for [rule, name, value, no] in crate::test_rows::rows(crate::test_rows::fixture!("names-english-unlikely.tsv"))
        {
            let got = match rule {
                "person" => en_unlikely_person(value, &common),
                "organisation" => en_not_an_organisation(value, &common),
                other => panic!("unknown rule {other:?}"),
            };
            assert_eq!(got.to_string(), no, "{rule}: {name}: {value}");
        }
    }

    #[test]
    fn people_without_titles() {
        let s = "Russian Foreign Minister Sergey Lavrov and Chinese Foreign Minister Qin Gang held separate talks.";
        has(s, FactKind::Person, "Sergey Lavrov");
        has(s, FactKind::Person, "Qin Gang");
    }

    #[test]
    fn initialisms_keep_their_last_stop() {
        for (sentence, value) in [
            ("Officials in the U.S. said so.", "U.S."),
            ("He moved to the U.S.", "U.S."),
            ("She flew to Washington, D.C. on Monday.", "D.C."),
            ("The U.K. government agreed.", "U.K."),
        ] {
            let f = found(sentence);
            assert!(f.iter().any(|(_, v)| v == value), "{sentence}: {f:?}");
            assert!(!f.iter().any(|(_, v)| v == value.trim_end_matches('.')), "{sentence}: {f:?}");
        }
    }

    #[test]
    fn sentence_openers_are_not_names() {
        assert!(found("Girls currently cannot attend school, and girls want to.").is_empty());
        assert!(found("But the talks went on.").is_empty());
    }

    /// The facts the Chinese, Japanese and Korean rules find in `text`, as (kind, value).
    pub(in crate::facts) fn cjk(text: &str) -> Vec<(FactKind, String)> {
        let mut out = Vec::new();
        cjk_mentions(text, &mut out);
        out.into_iter().map(|m| (m.kind, m.value)).collect()
    }

    fn cjk_lacks(text: &str, value: &str) {
        let f = cjk(text);
        assert!(!f.iter().any(|(_, v)| v == value), "{value:?} should not be in {f:?}");
    }

    #[test]
    fn cjk_common_nouns_and_counts_are_not_names() {
        // A count of divisions is not a place; the divisions named before it still are.
        cjk_lacks("此前，云南、四川两省都曾发现过恐龙化石。", "四川两省");
        cjk_lacks("全国三省都下了雨。", "全国三省");
        assert!(cjk("这里是合肥市肥东县。").contains(&(FactKind::Place, "合肥市".to_string())));
        // An organisation ending with nothing before it, or only other endings before it.
        cjk_lacks("電気自動車の販売が伸びた。", "電気自動車");
        cjk_lacks("自動車の輸出が減った。", "自動車");
        cjk_lacks("県警によると、被害が出た。", "県警");
        assert!(cjk("埼玉県警によると、被害が出た。").contains(&(FactKind::Organisation, "埼玉県警".to_string())));
        // The counter after a figure does not open a name.
        let f = cjk("第106回全国高校野球選手権大会が開幕した。");
        assert!(!f.iter().any(|(_, v)| v.starts_with('回')), "{f:?}");
    }

    #[test]
    fn chinese_names_lose_titles() {
        cjk_lacks("公司总经理王建国表示，产能将翻倍。", "总经理王建国");
    }

    #[test]
    fn korean_names_without_particles() {
        cjk_lacks("신혼부부가 피해를 입었다.", "신혼부부");
        cjk_lacks("(부산=한빛뉴스) 정민호 기자 = 영화가 개봉했다.", "정민호");
    }

    /// What the rules for other languages must not take as a person or place (a pair of
    /// capitalised words without any cue stays "unsure", which German drops).
    #[test]
    fn other_language_non_names() {
        let found = |text: &str| -> Vec<(FactKind, String)> {
            let [t] = tokenize_english([text]);
            let common = CommonWords::new(std::iter::once((text, t.tokens.as_slice())));
            let mut out = Vec::new();
            mentions(text, &t.tokens, &common, &mut out);
            out.into_iter().filter(|m| !m.weak && !m.unsure).map(|m| (m.kind, m.value)).collect()
        };
        for (rule, sentence, not) in [
            ("German von/der between nouns", "Nach Angaben der Stadt kamen viele.", "Angaben der Stadt"),
            ("German von/der between nouns", "Es kamen 38 Prozent der Kundinnen.", "Prozent der Kundinnen"),
            ("German von/der between nouns", "Das Werk lebt von der Montage von Getrieben.", "Montage von Getrieben"),
            ("German von/der between nouns", "Es geht um das Vertrauen von Menschen.", "Vertrauen von Menschen"),
            ("English a and in", "He met a Taliban spokesman in Home Depot stores.", "Home Depot"),
        ] {
            let f = found(sentence);
            let bad = f.iter().any(|(k, v)| v == not && matches!(k, FactKind::Person | FactKind::Place));
            assert!(!bad, "{rule}: {not:?} found in {f:?}");
        }
    }

    #[test]
    fn long_names_before_acronyms() {
        // Initials that do not spell the acronym set no extent; capitalised words alone are
        // left to the chains.
        let f = found("It is stored as Named Binary Tag (NBT) data.");
        assert!(!f.iter().any(|(k, v)| *k == FactKind::Organisation && v == "Named Binary Tag"), "{f:?}");
        let f = found("Il prezzo del grano e del mais (PAC) sale.");
        assert!(!f.iter().any(|(_, v)| v.contains("grano")), "{f:?}");
    }

    /// Sector nouns in ordinary sentences and a person's name make no organisation.
    #[test]
    fn sector_nouns_in_sentences_are_not_companies() {
        for (rule, sentence) in [
            ("de noun alone", "Die Antriebstechnik wächst seit Jahren."),
            ("de noun alone", "Der Ausbau der Solartechnik kommt voran."),
            ("de noun after a place", "In Deutschland Maschinenbau zu betreiben ist teuer."),
            ("de person", "Das sagte Andreas Bergmann am Montag."),
            ("it noun lower case", "Le costruzioni e i trasporti sono fermi."),
            ("es noun lower case", "Los transportes y los laboratorios cerraron."),
            ("es sentence start", "Transportes públicos cerrados hoy."),
            ("pt noun alone", "Alimentos ficaram mais caros em março."),
            ("fr noun alone", "Les transports sont perturbés à Lyon."),
            ("en", "Transport Secretary Grant Shapps said so."),
            ("de person with a surname like a descriptor", "Das sagte Maria Unternehmen gestern."),
        ] {
            let f = found(sentence);
            assert!(!f.iter().any(|(k, _)| *k == FactKind::Organisation), "{rule}: {f:?}");
        }
    }
}
