//! Figures that name a thing rather than count it, and the names they make: a pass over the
//! mentions of every sentence, after they are found and before they are merged.
//!
//! - A **designator** is a figure joined to the capitalised word before it by a hyphen or one
//!   space: a model, a version, a law's section, an event's year ("LC 500", "Llama 3.1",
//!   "GPT-5", "GLP-1", "Euro 2020", "Boeing 737", "Су-35", "Artikel 5"). It is part of a name,
//!   not a count, so it is no `number` fact. A sentence's first word is capitalised for being
//!   first ("About 300 people", "Some 40 workers") and does not count; a score after a team
//!   ("Illinois 45-17") is a number; headlines in title case are left alone; where every noun
//!   is capitalised (German) only an acronym or a word with a digit designates ("ICE 3", not
//!   "Menschen 3").
//! - A **list marker** is a bare figure that opens a sentence and is closed by "." or ")"
//!   ("10. Be a savvy consumer", "3) Rufen Sie an"): the number of an item, not a count.
//! - A **year before a noun** ("the 2010 rape allegation", "the 1962 study", "2020 qualifying")
//!   is a four-digit figure from 1800 to 2099 written without a thousands separator before a
//!   lower-case word that is not plural, in a language that separates the thousands of a count
//!   ("2,000 workers"; English): it dates the noun and counts nothing. A plural without -s
//!   (`irregular_plurals`: "2000 people") keeps the count.
//! - A single word named **only** before a designator ("LC" of "LC 500", "GPT" of "GPT-5",
//!   "Euro" of "Euro 2020") names a product, a model or an event, no organisation, person or
//!   place; named alone anywhere in the article, it stays.

use super::{FactSentence, Mention};
use crate::lexicon;
use crate::model::FactKind;
use rustc_hash::FxHashMap as HashMap;

/// Drops the figures that name rather than count, and the names only ever written before
/// such a figure, from `per_sentence` (the mentions of each of `sentences`).
pub(crate) fn drop_non_counts(
    sentences: &[FactSentence],
    per_sentence: &mut [Vec<Mention>],
    nouns_capitalised: bool,
    years_before_nouns: Option<&lexicon::Table>,
) {
    // Single-word names: (mentions, mentions before a designator).
    let mut named: HashMap<String, (usize, usize)> = HashMap::default();
    for (s, ms) in sentences.iter().zip(per_sentence.iter()) {
        for m in ms.iter().filter(|m| is_name(m) && !m.value.contains(' ')) {
            let e = named.entry(m.value.clone()).or_default();
            e.0 += 1;
            if s.names && m.end <= s.text.len() && designator_after(s.text, m.end, nouns_capitalised, &m.value) {
                e.1 += 1;
            }
        }
    }
    for (s, ms) in sentences.iter().zip(per_sentence.iter_mut()) {
        ms.retain(|m| {
            if m.kind == FactKind::Number && m.start < s.text.len() {
                if list_marker(s.text, m.start, &m.value) {
                    return false;
                }
                if years_before_nouns.is_some_and(|plurals| year_before_noun(s.text, m.start, plurals)) {
                    return false;
                }
                if s.names && designated(s.text, m.start, nouns_capitalised) && !is_score(&m.value) {
                    return false;
                }
            }
            if is_name(m) && !m.value.contains(' ') {
                if let Some(&(all, before)) = named.get(&m.value) {
                    return before < all;
                }
            }
            true
        });
    }
}

fn is_name(m: &Mention) -> bool {
    matches!(m.kind, FactKind::Person | FactKind::Organisation | FactKind::Place) && !m.dateline
}

/// Whether the figure at byte `start` of `text` is joined to the capitalised word before it
/// by a hyphen or one space (see the module's docs).
pub(crate) fn designated(text: &str, start: usize, nouns_capitalised: bool) -> bool {
    if !text.is_char_boundary(start) || !text[start..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let before = &text[..start];
    let Some(sep) = before.chars().next_back().filter(|&c| c == ' ' || c == '-') else { return false };
    let head = &before[..before.len() - sep.len_utf8()];
    let word_start =
        head.char_indices().rev().find(|&(_, c)| !c.is_alphanumeric()).map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[word_start..];
    // The sentence's first word is capitalised for being first (or after an opening quote).
    if head[..word_start].trim_start_matches(|c: char| !c.is_alphanumeric()).is_empty() {
        return false;
    }
    designates(word, sep, nouns_capitalised)
}

/// Whether the figure at byte `start` of `text` is a year dating the noun after it (see the
/// module's docs): four digits from 1800 to 2099, one space, a lower-case word that neither
/// ends in -s nor is one of `plurals`.
pub(crate) fn year_before_noun(text: &str, start: usize, plurals: &lexicon::Table) -> bool {
    let Some(rest) = text.get(start..) else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || text[..start].ends_with(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '$' | '£' | '€'))
    {
        return false;
    }
    let year: u32 = rest[..4].parse().unwrap_or(0);
    let Some(after) = rest[4..].strip_prefix(' ') else { return false };
    let word: &str = after.split(|c: char| !c.is_alphabetic() && c != '-').next().unwrap_or("");
    (1800..=2099).contains(&year)
        && word.starts_with(|c: char| c.is_lowercase())
        && !word.ends_with('s')
        && !plurals.contains(word)
}

/// Whether `word`, before a figure after `sep`, makes it a designator.
fn designates(word: &str, sep: char, nouns_capitalised: bool) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let digits = word.chars().any(|c| c.is_ascii_digit());
    if upper == 0 || letters == 0 {
        return false;
    }
    // "A 10-year-old": a one-letter word designates only when joined ("F-35").
    if word.chars().count() < 2 && sep != '-' {
        return false;
    }
    !nouns_capitalised || upper >= 2 || digits
}

/// Whether a designator figure follows a name ending at byte `end` of `text` ("LC 500",
/// "GPT-5"); a score ("Illinois 45-17") is none.
fn designator_after(text: &str, end: usize, nouns_capitalised: bool, word: &str) -> bool {
    let rest = &text[end..];
    let Some(sep) = rest.chars().next().filter(|&c| c == ' ' || c == '-') else { return false };
    let figure = &rest[sep.len_utf8()..];
    if !figure.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let figure_end =
        figure.find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')')).unwrap_or(figure.len());
    designates(word, sep, nouns_capitalised) && !is_score(&figure[..figure_end])
}

/// A score or a range written with a dash between figures ("45-17", "2–1").
fn is_score(value: &str) -> bool {
    let chars: Vec<char> = value.chars().collect();
    chars.windows(3).any(|w| w[0].is_ascii_digit() && matches!(w[1], '-' | '–' | '—' | ':') && w[2].is_ascii_digit())
}

/// A bare figure opening the sentence, closed by "." or ")": the number of a list item.
fn list_marker(text: &str, start: usize, value: &str) -> bool {
    let lead = &text[..start];
    if !lead.trim().is_empty() || !value.chars().all(|c| c.is_ascii_digit()) || value.len() > 3 {
        return false;
    }
    let after = &text[start + value.len().min(text.len() - start)..];
    text[start..].starts_with(value)
        && (after.starts_with(". ") || after.starts_with(") ") || after == "." || after == ")")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designators_by_the_word_before() {
        // (name, sentence, the figure, nouns capitalised, designated)
        for (name, text, figure, nc, want) in [
            ("model after an acronym", "Lexus showed the LC 500 in Los Angeles.", "500", false, true),
            ("version", "Meta's Llama 3.1 failed the test.", "3.1", false, true),
            ("hyphen", "Models like OpenAI's GPT-5 did better.", "5", false, true),
            ("drug class", "Use of GLP-1 drugs surged.", "1", false, true),
            ("event year", "The draw for Euro 2020 is in Bucharest.", "2020", false, true),
            ("russian model", "В небе пролетели два Су-35 над Москвой.", "35", false, true),
            ("german acronym", "Der ICE 3 fuhr nach Köln.", "3", true, true),
            ("count", "The company hired 300 workers.", "300", false, false),
            ("sentence start", "About 300 people came.", "300", false, false),
            ("after a quote mark", "\"Some 40 workers left,\" he said.", "40", false, false),
            ("one letter", "Police said a 10-year-old boy was hurt.", "10", false, false),
            ("german noun", "Bei dem Unfall wurden Menschen 3 Stunden lang eingeschlossen.", "3", true, false),
            ("french count", "La Ville a recruté 300 agents.", "300", false, false),
        ] {
            let start = text.find(figure).expect(name);
            assert_eq!(designated(text, start, nc), want, "{name}");
        }
    }

    #[test]
    fn years_before_nouns() {
        let plurals = crate::lexicon::EN.irregular_plurals;
        // (name, sentence, the figure, a year dating the noun after it)
        for (name, text, figure, want) in [
            ("allegation", "He faced the 2010 rape allegation in Sweden.", "2010", true),
            ("study", "It repeats a 1962 study of pairs.", "1962", true),
            ("qualifying", "They met in 2020 qualifying as well.", "2020", true),
            ("hiring trends", "The 2017 hiring trends report is out.", "2017", true),
            ("plural count", "Some 2000 workers lost their jobs.", "2000", false),
            ("irregular plural", "About 1900 people came to the rally.", "1900", false),
            ("zero plural", "The farm lost 1850 sheep in the storm.", "1850", false),
            ("separated count", "It cost 2,019 jobs.", "019", false),
            ("money", "It sold for $1999 last week.", "1999", false),
            ("not a year", "It fell 3200 metre down.", "3200", false),
            ("year alone", "It was founded in 1998.", "1998", false),
            ("capitalised word", "The 2024 Olympics opened.", "2024", false),
        ] {
            let start = text.find(figure).unwrap();
            assert_eq!(year_before_noun(text, start, &plurals), want, "{name}: {text}");
        }
    }

    #[test]
    fn scores_and_list_markers() {
        assert!(is_score("45-17") && is_score("2–1") && !is_score("500") && !is_score("3.1"));
        for (name, text, value, want) in [
            ("numbered tip", "10. Be a savvy consumer of online information", "10", true),
            ("bracket", "3) Rufen Sie die Polizei an.", "3", true),
            ("count opening a sentence", "10 people were hurt.", "10", false),
            ("inside", "They chose 10. Then they left.", "10", false),
        ] {
            let start = text.find(value).expect(name);
            assert_eq!(list_marker(text, start, value), want, "{name}");
        }
    }
}
