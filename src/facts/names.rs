//! Named entities: chains of capitalised words, cut at titles and company suffixes and
//! classified as person, organisation or place by cues: titles before a name ("Foreign
//! Minister"), head words ("Ministry", "Inc."), a small gazetteer of places, prepositions of
//! place, reporting verbs after a person ("Lavrov said") and the article's own lower-case
//! vocabulary (a capitalised word that also occurs in lower case is a common word).

use super::Mention;
use crate::lexicon;
use crate::model::FactKind;
use crate::token::Token;
use rustc_hash::FxHashSet as HashSet;

/// Lower-case words that may sit inside a name ("Bank of America", "Ludwig van Beethoven").
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "da", "do", "dos", "das", "du", "van", "von", "der", "den", "la", "le", "al", "bin",
    "ibn", "el", "y",
];

/// Title words that modify a title rather than being one ("Foreign" in "Foreign Minister"):
/// stripped from the front of a person's name but not a cue on their own.
const TITLE_MODIFIERS: &[&str] = &[
    "Vice",
    "Prime",
    "Deputy",
    "Foreign",
    "Defense",
    "Defence",
    "Interior",
    "Finance",
    "Health",
    "State",
    "Trade",
    "Energy",
    "Justice",
    "Education",
    "Labor",
    "Labour",
    "Agriculture",
    "Transport",
    "Transportation",
    "Home",
    "Supreme",
    "Crown",
    "Senior",
    "Junior",
    "Associate",
    "Assistant",
    "Acting",
    "Interim",
    "Former",
    "Ex",
    "Late",
    "Presidential",
    "Democratic",
    "Republican",
    "U.S",
    "US",
    "Affairs",
    "Chief",
    "Executive",
    "General",
    "Attorney",
    "Managing",
    "National",
    "Security",
    "Press",
    "Head",
    "Star",
    "Veteran",
    "Rookie",
    "Legendary",
];

/// Head words of places ("Eagle Ridge", "Logar province" is written lower case).
const PLACE_HEADS: &[&str] = &[
    "County",
    "Ridge",
    "Mountain",
    "Mountains",
    "Mount",
    "Mt",
    "River",
    "Lake",
    "Valley",
    "Park",
    "Beach",
    "Island",
    "Islands",
    "Bay",
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Square",
    "Bridge",
    "Canyon",
    "Creek",
    "Falls",
    "Hill",
    "Hills",
    "Harbor",
    "Harbour",
    "Peak",
    "Forest",
    "Desert",
    "Coast",
    "Province",
    "Region",
    "District",
    "City",
    "Town",
    "Village",
    "Airport",
    "Station",
    "Stadium",
    "Arena",
    "Field",
    "Plaza",
    "Heights",
    "Springs",
    "Gardens",
    "Township",
    "Parish",
    "Borough",
    "Peninsula",
    "Strait",
    "Sea",
    "Ocean",
    "Gulf",
    "Highway",
    "Freeway",
    "Interstate",
    "Statehouse",
    "Capitol",
    "Square",
    "Garden",
];

/// Corporate suffixes after which a chain is cut ("Brightline Inc. Chief Executive …").
const CORPORATE_SUFFIXES: &[&str] = &["Inc", "Corp", "Co", "Ltd", "LLC", "PLC", "Plc", "AG", "GmbH", "LLP"];

/// Words that stand before a place ("in Kabul", "near Tulsa").
const PLACE_PREPOSITIONS: &[&str] =
    &["in", "at", "near", "from", "to", "outside", "across", "around", "across", "throughout"];

/// A capitalised chain found in a sentence, before classification.
pub(crate) struct Chain {
    pub start: usize,
    pub end: usize,
    /// Token range in the sentence.
    pub first: usize,
    pub last: usize,
}

/// Finds the entity mentions of one sentence. `is_common` tells whether a lower-cased word
/// occurs in lower case elsewhere in the article.
pub(crate) fn mentions(text: &str, tokens: &[Token], is_common: &dyn Fn(&str) -> bool, out: &mut Vec<Mention>) {
    for chain in chains(text, tokens, is_common) {
        classify(text, tokens, &chain, out);
    }
}

fn is_name_token(t: &Token, w: &str) -> bool {
    (t.capitalised || w.starts_with(|c: char| c.is_uppercase()))
        && lexicon::weekday(strip_possessive(w)).is_none()
        && lexicon::month(w).is_none()
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
                    || lexicon::contains(lexicon::TITLE_ABBREVIATIONS, prev)
                    || lexicon::contains(CORPORATE_SUFFIXES, prev)
                    || prev.contains('.')
                    || lexicon::contains(lexicon::AMBIGUOUS_ABBREVIATIONS, prev))
        }
        _ => false,
    }
}

fn chains(text: &str, tokens: &[Token], is_common: &dyn Fn(&str) -> bool) -> Vec<Chain> {
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
        while j < tokens.len() && !is_possessive(tokens[last].text(text)) {
            let gap = &text[tokens[j - 1].end as usize..tokens[j].start as usize];
            if !joins(gap, tokens[j - 1].text(text)) {
                break;
            }
            let wj = tokens[j].text(text);
            if is_name_token(&tokens[j], wj) {
                last = j;
                j += 1;
            } else if lexicon::contains(CONNECTORS, wj) && gap == " " {
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
        // A sentence's first word is capitalised anyway: drop it when it is a common word.
        let mut first = first;
        let opens =
            first == 0 || text[..tokens[first].start as usize].trim_end().ends_with(['“', '"', '—', ':', '(', '‘']);
        if opens {
            let lower = strip_possessive(tokens[first].text(text)).to_lowercase();
            if is_common(&lower) || lexicon::contains_ci(lexicon::DANGLING_OPENERS, &lower) {
                if first == last {
                    continue;
                }
                first += 1;
                while first <= last && lexicon::contains(CONNECTORS, tokens[first].text(text)) {
                    first += 1;
                }
                if first > last {
                    continue;
                }
            }
        }
        out.push(Chain { start: tokens[first].start as usize, end: tokens[last].end as usize, first, last });
    }
    out
}

fn word<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    tokens.get(i).map_or("", |t| t.text(text))
}

fn value(text: &str, tokens: &[Token], first: usize, last: usize) -> (String, usize, usize) {
    let start = tokens[first].start as usize;
    let end = tokens[last].end as usize;
    let v = strip_possessive(&text[start..end]);
    let v = v.strip_prefix("The ").unwrap_or(v);
    let s = end - v.len();
    (v.to_string(), s, s + v.len())
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_uppercase() || c == '&' || c == '.')
}

fn followed_by_reporting_verb(text: &str, tokens: &[Token], last: usize) -> bool {
    let next = word(text, tokens, last + 1);
    let gap = tokens.get(last + 1).map_or("", |t| &text[tokens[last].end as usize..t.start as usize]);
    (gap == " " || gap == ", ") && lexicon::contains(lexicon::REPORTING_VERBS, next) && next != "according"
}

fn is_core_title(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    lexicon::contains(lexicon::PERSON_TITLES, w) && !lexicon::contains(TITLE_MODIFIERS, w)
        || lexicon::contains(lexicon::TITLE_ABBREVIATIONS, w)
}

fn classify(text: &str, tokens: &[Token], chain: &Chain, out: &mut Vec<Mention>) {
    let (first, last) = (chain.first, chain.last);
    // Cut after a corporate suffix that has more name after it: "Brightline Inc. | Chief …".
    if let Some(k) = (first..last).find(|&k| lexicon::contains(CORPORATE_SUFFIXES, word(text, tokens, k))) {
        classify(text, tokens, &Chain { start: chain.start, end: tokens[k].end as usize, first, last: k }, out);
        let rest = Chain { start: tokens[k + 1].start as usize, end: chain.end, first: k + 1, last };
        classify(text, tokens, &rest, out);
        return;
    }
    let full = value(text, tokens, first, last);
    let last_word = strip_possessive(word(text, tokens, last)).trim_end_matches('.');
    let n = last - first + 1;
    // The place gazetteer, whole chain.
    if lexicon::contains(lexicon::PLACES, &full.0) {
        out.push(Mention::new(FactKind::Place, full.0, full.1, full.2));
        return;
    }
    // Organisations by their head word ("… Ministry", "… Party", "… Inc.").
    let org_opener = n >= 3
        && lexicon::contains(lexicon::ORG_OPENERS, word(text, tokens, first))
        && word(text, tokens, first + 1) == "of";
    if (lexicon::contains(lexicon::ORG_HEADS, last_word) && n >= 2) || org_opener {
        // "the Bank of England", "Russian Foreign Ministry"
        let mut m = Mention::new(FactKind::Organisation, full.0, full.1, full.2);
        m.strong = true;
        out.push(m);
        return;
    }
    // Cut titles and demonyms from the front: "Russian Foreign Minister Sergey Lavrov".
    let core_at = (first..=last).rev().find(|&k| is_core_title(word(text, tokens, k)));
    let mut name_first = first;
    let mut titled = false;
    if let Some(k) = core_at {
        if k < last {
            name_first = k + 1;
            titled = true;
        } else {
            return; // a title alone: "the President"
        }
    }
    while name_first < last {
        let w = word(text, tokens, name_first);
        if lexicon::contains(lexicon::DEMONYMS, w)
            || lexicon::contains(TITLE_MODIFIERS, w)
            || lexicon::contains(CONNECTORS, w)
        {
            name_first += 1;
        } else {
            break;
        }
    }
    // A leading acronym before a name: "EU Gordon Sondland".
    if name_first < last
        && is_acronym(word(text, tokens, name_first))
        && !is_acronym(word(text, tokens, name_first + 1))
    {
        let a = value(text, tokens, name_first, name_first);
        let kind = if lexicon::contains(lexicon::PLACES, &a.0) { FactKind::Place } else { FactKind::Organisation };
        out.push(Mention::new(kind, a.0, a.1, a.2));
        name_first += 1;
    }
    let first_word = word(text, tokens, name_first);
    if lexicon::contains(lexicon::DEMONYMS, first_word) && name_first == last {
        return; // "Russian" alone
    }
    let (v, s, e) = value(text, tokens, name_first, last);
    let n = last - name_first + 1;
    let reporting = followed_by_reporting_verb(text, tokens, last);
    if lexicon::contains(lexicon::PLACES, &v) {
        out.push(Mention::new(FactKind::Place, v, s, e));
        return;
    }
    // "X, Y" where Y is a known place or a state abbreviation: X is a place too.
    let next_gap = tokens.get(last + 1).map_or("", |t| &text[tokens[last].end as usize..t.start as usize]);
    let next = word(text, tokens, last + 1);
    let place_follows = next_gap == ", "
        && (lexicon::contains(lexicon::PLACES, next)
            || lexicon::contains(lexicon::AMBIGUOUS_ABBREVIATIONS, next)
                && text[tokens[last + 1].end as usize..].starts_with('.'));
    let prev = if name_first > 0 { word(text, tokens, name_first - 1) } else { "" };
    let prev_gap =
        if name_first > 0 { &text[tokens[name_first - 1].end as usize..tokens[name_first].start as usize] } else { "" };
    let place_prep = prev_gap == " " && lexicon::contains(PLACE_PREPOSITIONS, prev);
    let last_word = strip_possessive(word(text, tokens, last)).trim_end_matches('.');

    if titled && n <= 4 {
        let mut m = Mention::new(FactKind::Person, v, s, e);
        m.strong = true;
        out.push(m);
        return;
    }
    if n >= 2 && lexicon::contains(PLACE_HEADS, last_word) || place_follows && !reporting {
        out.push(Mention::new(FactKind::Place, v, s, e));
        return;
    }
    if n == 1 && is_acronym(&v) {
        out.push(Mention::new(FactKind::Organisation, v, s, e));
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
    if n <= 4 && (2..=4).contains(&n) {
        let all_alpha = (name_first..=last).all(|k| {
            let w = strip_possessive(word(text, tokens, k));
            w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'' || c == '’')
        });
        if all_alpha {
            let mut m = Mention::new(FactKind::Person, v, s, e);
            m.strong = reporting;
            out.push(m);
        }
    }
}

/// Person names seen in full (two words or more), for linking surnames: returns the index
/// of the full name a single word refers to.
pub(crate) fn link_surname(word: &str, full_names: &[String]) -> Option<usize> {
    full_names.iter().position(|f| {
        let parts: Vec<&str> = f.split([' ', '-']).collect();
        parts.len() >= 2 && (parts.last() == Some(&word) || parts.first() == Some(&word))
    })
}

/// Lower-case words of the article (to tell common words from names).
pub(crate) fn lowercase_vocabulary<'a>(sentences: impl Iterator<Item = (&'a str, &'a [Token])>) -> HashSet<String> {
    let mut set = HashSet::default();
    for (text, tokens) in sentences {
        for t in tokens {
            let w = t.text(text);
            if w.starts_with(|c: char| c.is_lowercase()) && !set.contains(w) {
                set.insert(w.to_string());
            }
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;
    use crate::token::Vocabulary;

    fn found(text: &str) -> Vec<(FactKind, String)> {
        let lang = Language::for_code("en", false);
        let mut v = Vocabulary::new(&lang);
        let t = v.tokenize(text);
        let common = lowercase_vocabulary(std::iter::once((text, t.tokens.as_slice())));
        let mut out = Vec::new();
        mentions(text, &t.tokens, &|w| common.contains(w), &mut out);
        out.into_iter().filter(|m| !m.weak).map(|m| (m.kind, m.value)).collect()
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
        has("Workers at NASA were told.", FactKind::Organisation, "NASA");
    }

    #[test]
    fn sentence_openers_are_not_names() {
        assert!(found("Girls currently cannot attend school, and girls want to.").is_empty());
        assert!(found("But the talks went on.").is_empty());
    }
}
