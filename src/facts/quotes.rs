//! Direct quotations and who said them.
//!
//! A quotation is a span between paired quotation marks (“…”, "…", «…», 「…」) of at least
//! six words (ten characters in scripts without spaces); shorter spans are scare quotes or
//! fragments.
//! The speaker is found by the attribution patterns of news writing: `“…,” X said`,
//! `“…,” said X`, `X said: “…”` and `according to X`; X may be a name, a pronoun (resolved
//! to the person mentioned last) or a noun phrase such as "the statement" or "the ministry"
//! (resolved to the organisation last mentioned with it).

use crate::lexicon;
use crate::script::QUOTE_PAIRS;

/// A quotation in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quote {
    /// The quoted words, without the marks and trailing comma.
    pub text: String,
    /// Byte range of the quoted words in the sentence.
    pub start: usize,
    pub end: usize,
    /// The attribution as written ("the statement", "Lavrov", "he"), if found.
    pub speaker_phrase: Option<String>,
    /// Whether the quotation is part of the sentence's own clause (`… efforts to “counter
    /// …”`) rather than a statement on its own.
    pub embedded: bool,
}

/// Fewest words of a quotation worth listing ("I now do recall" is not a statement).
const MIN_QUOTE_WORDS: usize = 6;

/// Finds the quotations of a sentence.
pub(crate) fn find(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    for &(open, close) in &QUOTE_PAIRS {
        let mut rest = 0;
        while let Some(o) = text[rest..].find(open).map(|p| p + rest) {
            let inner_start = o + open.len_utf8();
            let Some(c) = text[inner_start..].find(close).map(|p| p + inner_start) else { break };
            rest = c + close.len_utf8();
            let raw = &text[inner_start..c];
            let inner = raw.trim().trim_end_matches([',', ' ']);
            let words = inner.split_whitespace().count();
            let chars = inner.chars().count();
            let spaced = inner.contains(' ');
            if (spaced && words < MIN_QUOTE_WORDS) || (!spaced && chars < 10) {
                continue;
            }
            if out.iter().any(|q: &Quote| q.start <= inner_start && inner_start < q.end) {
                continue;
            }
            let lead = raw.len() - raw.trim_start().len();
            let before = text[..o].trim_end();
            let embedded = inner.starts_with(|c: char| c.is_lowercase())
                || before.ends_with(|c: char| c.is_alphanumeric())
                    && !before.ends_with("said")
                    && !before.ends_with("says");
            out.push(Quote {
                text: inner.to_string(),
                start: inner_start + lead,
                end: inner_start + lead + inner.len(),
                speaker_phrase: attribution(&text[..o], &text[rest..]),
                embedded,
            });
        }
    }
    out
}

fn is_verb(w: &str) -> bool {
    lexicon::REPORTING_VERBS.contains(w)
}

/// The attribution around a quotation: `before` is the text before the opening mark, `after`
/// the text after the closing one.
fn attribution(before: &str, after: &str) -> Option<String> {
    // After: ", X said" / ", said X" / " X told reporters".
    let words: Vec<&str> = after.trim_start_matches([',', ' ']).split(|c: char| c.is_whitespace()).take(10).collect();
    if let Some(v) = words.iter().position(|w| is_verb(w.trim_end_matches([',', '.', ';']))) {
        if v > 0 && v <= 6 {
            let phrase = words[..v].join(" ");
            let phrase = phrase.trim_end_matches(',');
            if !phrase.is_empty() && !phrase.contains(['.', ';']) {
                return Some(phrase.to_string());
            }
        }
        if v == 0 {
            // "said X", "said the ministry's spokesman, Wang Wenbin"
            let mut phrase: Vec<&str> = Vec::new();
            for w in words[1..].iter().take(6) {
                phrase.push(w.trim_end_matches([',', '.', ';']));
                if w.ends_with([',', '.', ';']) {
                    break;
                }
            }
            let p = phrase.join(" ");
            let p = p.trim_end_matches([',', '.']);
            if !p.is_empty() {
                return Some(p.to_string());
            }
        }
    }
    // Before: "X said: “…”", "X said “…”", "according to X, “…”".
    let b = before.trim_end().trim_end_matches([':', ',']).trim_end();
    let bw: Vec<&str> = b.split_whitespace().collect();
    if let Some(&last) = bw.last() {
        let last = last.trim_end_matches([',', ':']);
        if is_verb(last) || last == "that" && bw.len() >= 2 && is_verb(bw[bw.len() - 2]) {
            let verb_at = if is_verb(last) { bw.len() - 1 } else { bw.len() - 2 };
            let subject: Vec<&str> = bw[..verb_at]
                .iter()
                .rev()
                .take_while(|w| !w.ends_with([',', '.', ';', ':']))
                .take(6)
                .copied()
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if !subject.is_empty() {
                return Some(subject.join(" "));
            }
        }
        // "according to X,"
        if let Some(p) = b.rfind("according to ") {
            let x = b[p + 13..].split(',').next().unwrap_or("").trim();
            if !x.is_empty() && x.split_whitespace().count() <= 6 {
                return Some(x.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_attribution() {
        let q = find("“We hope the Afghan interim government will protect the basic rights of all Afghan people,” the statement said.");
        assert_eq!(q.len(), 1);
        assert!(q[0].text.starts_with("We hope the Afghan interim government"));
        assert!(!q[0].text.ends_with(','));
        assert_eq!(q[0].speaker_phrase.as_deref(), Some("the statement"));

        let q = find("Lavrov said: “We will keep working with our partners in the region.”");
        assert_eq!(q[0].speaker_phrase.as_deref(), Some("Lavrov"));

        let q = find("\"It was an attempt to mislead voters,\" said Will Moy, chief executive of Full Fact.");
        assert_eq!(q[0].speaker_phrase.as_deref(), Some("Will Moy"));
    }

    #[test]
    fn scare_quotes_are_not_quotations() {
        assert!(find("The so-called “instant rebuttal” unit was renamed.").is_empty());
        assert!(find("They coordinated efforts to “counter the threats of terrorism and drug trafficking from the Afghan territory.”").len() == 1);
    }
}
