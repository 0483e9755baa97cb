//! Named entities: chains of capitalised words, cut at titles and company suffixes and
//! classified as person, organisation or place by cues: titles before a name ("Foreign
//! Minister"), head words ("Ministry", "Inc."), a small gazetteer of places, prepositions of
//! place, reporting verbs after a person ("Lavrov said") and the article's own lower-case
//! vocabulary (a capitalised word that also occurs in lower case is a common word).

use super::Mention;
use crate::lexicon;
use crate::model::FactKind;
use crate::token::{TermId, Token};
use rustc_hash::FxHashSet as HashSet;

/// Whether tokens `first..=last` hold the connector "of" ("Bank of America").
fn has_of(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    (first..=last).any(|k| tokens[k].text(text) == "of")
}

/// Prepositions that make the place after them the scene of the story.
const LOCATIVES: &[&str] = &["in", "at", "near", "outside", "inside", "across", "throughout", "around"];

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
    for chain in chains(text, tokens, common) {
        let from = out.len();
        if chain.acronym {
            let (v, s, e) = value(text, tokens, chain.first, chain.last);
            let mut m = Mention::new(FactKind::Organisation, v, s, e);
            m.weak = true;
            out.push(m);
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
            if LOCATIVES.contains(&prep) || after_place {
                out[k].locative = true;
            }
        }
    }
}

fn is_name_token(t: &Token, w: &str) -> bool {
    (t.capitalised || w.starts_with(|c: char| c.is_uppercase()))
        && lexicon::weekday(strip_possessive(w)).is_none()
        && !lexicon::is_english_month(w)
        && w != "I"
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
            if is_name_token(&tokens[j], wj) {
                last = j;
                j += 1;
            } else if lexicon::CONNECTORS.contains(wj) && gap == " " {
                // A connector must be followed by more of the name.
                let mut k = j + 1;
                if k < tokens.len() && tokens[k].text(text) == "the" {
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
                    || lexicon::CONNECTORS.contains(w);
                if !drop {
                    break;
                }
                first += 1;
            }
            if first > last {
                continue;
            }
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

fn followed_by_reporting_verb(text: &str, tokens: &[Token], last: usize) -> bool {
    let next = word(text, tokens, last + 1);
    let gap = tokens.get(last + 1).map_or("", |t| &text[tokens[last].end as usize..t.start as usize]);
    (gap == " " || gap == ", ") && lexicon::REPORTING_VERBS.contains(next) && next != "according"
}

fn is_core_title(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    lexicon::PERSON_TITLES.contains(w) && !lexicon::TITLE_MODIFIERS.contains(w)
        || lexicon::TITLE_ABBREVIATIONS.contains(w)
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
    // Organisations by their head word ("… Ministry", "… Party", "… Inc.").
    let org_opener =
        n >= 3 && lexicon::ORG_OPENERS.contains(word(text, tokens, first)) && word(text, tokens, first + 1) == "of";
    if (lexicon::ORG_HEADS.contains(last_word) && n >= 2) || org_opener {
        // "the Bank of England", "Russian Foreign Ministry"
        let mut m = Mention::new(FactKind::Organisation, full.0, full.1, full.2);
        m.strong = true;
        out.push(m);
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
        if lexicon::DEMONYMS.contains(w) || lexicon::TITLE_MODIFIERS.contains(w) || lexicon::CONNECTORS.contains(w) {
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
    let reporting = followed_by_reporting_verb(text, tokens, last);
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
    let place_prep = prev_gap == " " && lexicon::PLACE_PREPOSITIONS.contains(prev);
    let last_word = strip_possessive(word(text, tokens, last)).trim_end_matches('.');

    if titled && n <= 4 && !has_of(text, tokens, name_first, last) {
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
        let mut m = Mention::new(FactKind::Place, v, s, e);
        m.strong = true;
        out.push(m);
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
        if !lexicon::TIME_ZONES.contains(&v) && v != "OK" && !ticker {
            let mut m = Mention::new(FactKind::Organisation, v, s, e);
            m.weak = true;
            out.push(m);
        }
        return;
    }
    if n == 1 {
        if prev == "the" && prev_gap == " " && !reporting {
            out.push(Mention::new(FactKind::Organisation, v, s, e));
        } else if place_prep && !reporting {
            let mut m = Mention::new(FactKind::Place, v, s, e);
            m.weak = true;
            out.push(m);
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
            let given = lexicon::GIVEN_NAMES.contains(strip_possessive(word(text, tokens, name_first)));
            if is_acronym(word(text, tokens, name_first)) {
                // "JAMA Psychiatry", "NBC News": an acronym opens an organisation's name.
                out.push(Mention::new(FactKind::Organisation, v, s, e));
                return;
            }
            let mut m = Mention::new(FactKind::Person, v, s, e);
            m.strong = reporting;
            m.unsure = !given;
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
            .filter(|p| !matches!(*p, "Jr" | "Sr" | "II" | "III" | "IV") && p.chars().count() > 1)
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

    /// Whether the token (as written in `text`) is a common word: a stopword, or a word or stem
    /// the article also writes in lower case.
    pub fn is_common(&self, text: &str, t: &Token) -> bool {
        let w = strip_possessive(t.text(text)).to_lowercase();
        let stopword = t.term.is_none() && w.chars().all(char::is_alphabetic);
        stopword || self.words.contains(&w) || t.term.is_some_and(|term| self.terms.contains(&term))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize_english;

    fn found(text: &str) -> Vec<(FactKind, String)> {
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
    fn people_without_titles() {
        let s = "Russian Foreign Minister Sergey Lavrov and Chinese Foreign Minister Qin Gang held separate talks.";
        has(s, FactKind::Person, "Sergey Lavrov");
        has(s, FactKind::Person, "Qin Gang");
        has("Gov. Alicia Marquez signed the water bill on Thursday.", FactKind::Person, "Alicia Marquez");
        has(
            "Brightline Inc. Chief Executive Dana Whitlow said the plant would close.",
            FactKind::Person,
            "Dana Whitlow",
        );
        has(
            "Brightline Inc. Chief Executive Dana Whitlow said the plant would close.",
            FactKind::Organisation,
            "Brightline Inc",
        );
        has("Iranian Foreign Minister Hossein Amir-Abdollahian spoke.", FactKind::Person, "Hossein Amir-Abdollahian");
        has("He pleaded guilty, Patrick W. Carlineo Jr. said.", FactKind::Person, "Patrick W. Carlineo Jr");
    }

    #[test]
    fn organisations_and_places() {
        has(
            "In a statement, the Chinese Foreign Ministry said Beijing was ready.",
            FactKind::Organisation,
            "Chinese Foreign Ministry",
        );
        has("The foreign ministers met in Samarkand, Uzbekistan, and talked.", FactKind::Place, "Samarkand");
        has("The foreign ministers met in Samarkand, Uzbekistan, and talked.", FactKind::Place, "Uzbekistan");
        has("No country has recognized the Taliban as the government.", FactKind::Organisation, "Taliban");
        has("Firefighters rescued two hikers from Eagle Ridge on Saturday.", FactKind::Place, "Eagle Ridge");
        has("Crews repaired lines in Tulsa, Okla., on Monday.", FactKind::Place, "Tulsa");
        has("The plant near St. Louis would close.", FactKind::Place, "St. Louis");
        has("Workers at NASA were told, NASA said.", FactKind::Organisation, "NASA");
    }

    #[test]
    fn sentence_openers_are_not_names() {
        assert!(found("Girls currently cannot attend school, and girls want to.").is_empty());
        assert!(found("But the talks went on.").is_empty());
    }
}
