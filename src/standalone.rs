//! Summaries that stand alone: which sentences cannot be read rightly without a neighbour, so
//! that selection (`select`) takes them only together with it, or not at all.
//!
//! A sentence **leans on the one before it** when, read alone, it would say something else or
//! nothing (the classic "dangling anaphor/connective" problem of extractive summaries; Paice
//! 1990, "Constructing literature abstracts by computer", and the coherence checks of
//! Nenkova and McKeown 2011, "Automatic summarization", §4):
//! - its first words are a **pronoun or demonstrative** that refers back ("He said…", "It
//!   was…", "These measures…", "Cette décision…"): `leaning_pronouns`;
//! - its first words are a **connective** that joins it to what came before ("But…",
//!   "Instead…", "Meanwhile…", "Sin embargo…"): `leaning_connectives`;
//!   phrases that open with such a word but refer to nothing ("It is unclear…", "This week…",
//!   "Es gibt…") are `non_leaning_openers` and do not lean;
//! - it is a **quotation whose speaker is given only by a pronoun** ("“…,” she said.") or by
//!   nobody (an unattributed quotation continues the speaker of the sentence before): read
//!   alone, a rebuttal would be taken for the words of the person it rebuts;
//! - it **continues a quotation** opened in the sentence before (its first quotation mark
//!   closes: `We will stay,” he said.`).
//!
//! A sentence **needs the one after it** when it is a question followed by its answer (an
//! interview's question is nothing without the answer) or a quotation that goes on into the
//! next sentence. A question with no answer after it is never chosen.
//!
//! A sentence is **never** a summary sentence when it is a correction, clarification or
//! editor's note (`correction_phrases`, anywhere in the sentence; `editor_note_phrases`, at its
//! start) or a lead-in that announces what follows ("Here is what you need to know",
//! `lead_in_phrases`).
//!
//! The word tables are the article's language's (`lang/<code>.toml`); a language without a
//! file, or whose tables say "none yet", has no sentence leaning by its first words, while the
//! quotation, question, note and lead-in rules still apply. Matching ignores case and reads
//! `’` as `'`; an entry matches at the start of the sentence when a word boundary follows it
//! (or when it ends in a script written without spaces).

use crate::lexicon::{self, Lang, Table};
use crate::script;

/// Why a sentence cannot stand alone: the rule that said so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Why {
    /// Opens with a pronoun or demonstrative that refers back.
    Pronoun,
    /// Opens with a connective.
    Connective,
    /// A quotation whose speaker is a pronoun or nobody.
    Quotation,
    /// Continues a quotation opened before.
    Continuation,
    /// A question (followed by its answer, or by nothing).
    Question,
    /// A quotation that goes on into the next sentence.
    OpenQuotation,
    /// A correction, clarification or editor's note.
    Note,
    /// A lead-in announcing what follows.
    LeadIn,
}

impl Why {
    /// The rule's name, as the `standalone` measure reports it.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Why::Pronoun => "pronoun",
            Why::Connective => "connective",
            Why::Quotation => "quotation",
            Why::Continuation => "continuation",
            Why::Question => "question",
            Why::OpenQuotation => "open-quotation",
            Why::Note => "note",
            Why::LeadIn => "lead-in",
        }
    }
}

/// What a sentence needs beside it to be a summary sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
    /// Reads rightly alone.
    Alone,
    /// Chosen only with the sentence before it.
    Previous(Why),
    /// Chosen only with the sentence after it.
    Next(Why),
    /// Never chosen.
    Never(Why),
}

/// The standing of `text`, given the sentence after it (`next`) and the tables of the article's
/// language (`lang`, `None` for a language without a file).
pub(crate) fn standing(text: &str, next: Option<&str>, lang: Option<&'static Lang>) -> Standing {
    let text = text.trim();
    let lower = text.to_lowercase().replace('’', "'");
    let start = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    if lexicon::CORRECTION_PHRASES.occurs_in(&lower) || starts_with_any(&lexicon::ALL.editor_note_phrases, start) {
        return Standing::Never(Why::Note);
    }
    if starts_with_any(&lexicon::ALL.lead_in_phrases, start) {
        return Standing::Never(Why::LeadIn);
    }
    if is_question(text) {
        return match next {
            Some(n) if !is_question(n) => Standing::Next(Why::Question),
            _ => Standing::Never(Why::Question),
        };
    }
    let Some(lang) = lang else { return quotation(text, &lexicon::EN.leaning_pronouns, &lexicon::EN) };
    match quotation(text, &lang.leaning_pronouns, lang) {
        Standing::Alone => {}
        other => return other,
    }
    if text.starts_with(is_double_quote) || starts_with_any(&lang.non_leaning_openers, start) {
        return Standing::Alone;
    }
    if starts_with_any(&lang.leaning_pronouns, start) {
        return Standing::Previous(Why::Pronoun);
    }
    if starts_with_any(&lang.leaning_connectives, start) {
        return Standing::Previous(Why::Connective);
    }
    Standing::Alone
}

/// The quotation rules: a sentence opening with a quotation that does not close in it needs the
/// next; one whose speaker is a pronoun or nobody, or that continues a quotation, leans on the
/// one before.
fn quotation(text: &str, pronouns: &Table, lang: &Lang) -> Standing {
    let chars: Vec<char> = text.chars().collect();
    let Some(first) = chars.iter().position(|&c| is_double_quote(c)) else { return Standing::Alone };
    let before = first.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(first + 1).copied();
    if first > 0 {
        return if closes(chars[first], before, after) {
            Standing::Previous(Why::Continuation)
        } else {
            Standing::Alone
        };
    }
    let Some(close) = (first + 1..chars.len())
        .find(|&i| is_double_quote(chars[i]) && closes(chars[i], chars.get(i - 1).copied(), chars.get(i + 1).copied()))
    else {
        return Standing::Next(Why::OpenQuotation);
    };
    let tail: String = chars[close + 1..].iter().collect::<String>().to_lowercase().replace('’', "'");
    // Hyphens part words here: "a-t-elle déclaré", "dit-il".
    let words: Vec<&str> =
        tail.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect();
    let cjk_verb = |v: &str| v.chars().last().is_some_and(script::is_cjk) && tail.contains(v);
    let attributed = words.iter().any(|w| lang.reporting_verbs.contains(w) || lexicon::REPORTING_VERBS.contains(w))
        || lang.reporting_verbs.iter().any(cjk_verb);
    if !attributed {
        // Nothing after the quotation says whose words these are: the sentence before does.
        return if tail.chars().any(char::is_alphanumeric) {
            Standing::Alone
        } else {
            Standing::Previous(Why::Quotation)
        };
    }
    // "…,” he said." / "…,” said she." / "…«, sagte er." / "“……”他说。": the speaker is a pronoun.
    let start = tail.trim_start_matches(|c: char| !c.is_alphanumeric());
    if words.iter().take(3).any(|w| pronouns.contains(w)) || starts_with_any(pronouns, start) {
        return Standing::Previous(Why::Quotation);
    }
    Standing::Alone
}

/// Double quotation marks of every style (single quotes double as apostrophes).
fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '「' | '」')
}

/// Whether the quotation mark `c`, between `before` and `after`, closes a quotation: by its
/// shape, attached to the word before it and followed by a space, punctuation or the end
/// ("stay,” he"), or a mark that only closes (`”`, `」`, `»` followed by a space or the end).
fn closes(c: char, before: Option<char>, after: Option<char>) -> bool {
    let open_after =
        |a: Option<char>| a.is_none_or(|a| a.is_whitespace() || (!a.is_alphanumeric() && !is_double_quote(a)));
    match c {
        '„' | '「' => false,
        '」' => true,
        '»' => open_after(after),
        '«' => before.is_some_and(|b| !b.is_whitespace()) && open_after(after),
        // In scripts written without spaces a closing mark stands between two letters ("美樹"美).
        _ => {
            before.is_some_and(|b| !b.is_whitespace() && !script::opens_quote(b))
                && (open_after(after) || after.is_some_and(script::is_cjk))
        }
    }
}

/// Whether the sentence asks a question (its last mark before closing quotes and brackets).
fn is_question(text: &str) -> bool {
    text.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', '»', '」']).trim_end().ends_with(script::QUESTION_MARKS)
}

/// Whether `lower` (lower case, `’` read as `'`) opens with an entry of `table` followed by a
/// word boundary.
fn starts_with_any(table: &Table, lower: &str) -> bool {
    table.iter().any(|entry| {
        lower.strip_prefix(entry).is_some_and(|rest| {
            let bounded = rest.chars().next().is_none_or(|c| !(c.is_alphanumeric() || c == '\'' || c == '-'));
            bounded || entry.chars().last().is_some_and(script::is_cjk)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rows::{fixture, rows, text};

    fn lang(code: &str) -> Option<&'static Lang> {
        lexicon::for_lang(code)
    }

    fn name(s: Standing) -> String {
        match s {
            Standing::Alone => "alone".into(),
            Standing::Previous(w) => format!("previous {}", w.as_str()),
            Standing::Next(w) => format!("next {}", w.as_str()),
            Standing::Never(w) => format!("never {}", w.as_str()),
        }
    }

    /// Named rows: language, sentence, the sentence after it (`-` for none), expected standing.
    #[test]
    fn standing_rows() {
        let mut failures = Vec::new();
        for [row, code, sentence, next, expected] in rows::<5>(fixture!("standalone-standing.tsv")) {
            let next = (next != "-").then(|| text(next));
            let got = name(standing(&text(sentence), next.as_deref(), lang(code)));
            if got != expected {
                failures.push(format!("{row} ({code}): {sentence:?} is {got:?}, not {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_language_has_the_tables_or_says_none_yet() {
        for code in lexicon::LANGUAGES {
            let l = lang(code).expect("tables");
            // The sections exist in every file (the build checks it); English, German, French
            // and Spanish have data.
            if matches!(*code, "en" | "de" | "fr" | "es") {
                assert!(l.leaning_pronouns.iter().count() > 5 && l.leaning_connectives.iter().count() > 5, "{code}");
            }
        }
    }
}
