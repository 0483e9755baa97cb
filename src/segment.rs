//! Stage 2, sentence segmentation: Unicode sentence boundaries (UAX #29, from the
//! `unicode-segmentation` crate), then repairs for what UAX #29 gets wrong in news text.
//!
//! Repairs, each a rule over the boundary and the words around it:
//! - a boundary after a title or honorific ("Gov.", "Dr.", "Sen.", "डॉ.") is never kept;
//! - after an ambiguous abbreviation ("Inc.", "Ill.", "U.S.", "a.m.", an initial "W.", a month
//!   "Jan." before a day) it is kept only when the next word opens a sentence (a capitalised
//!   stopword: "… Co. The company said");
//! - after "No." / "Vol." / a month before a number, never;
//! - a list number "1." does not stand alone;
//! - a boundary inside an open bracket or quotation («《加油吧！少年》», “I came. I saw.”) is
//!   dropped when the closing mark follows in the same paragraph, within 600 bytes;
//! - after "?" or "!" (and closing quotes) followed by a lower-case word ("“Why?” she asked"),
//!   the sentence goes on;
//! - a run longer than [`MAX_SENTENCE_BYTES`] without a boundary is cut at the last clause
//!   mark or space before the limit, so that no "sentence" is a whole unpunctuated page.
//!
//! Works on normalised paragraph text (one line, single spaces); CJK terminators (。！？) and
//! the Devanagari danda (।) are sentence terminators in UAX #29 already.

use crate::lexicon;
use crate::script::{CLOSING_MARKS, OPENING_MARKS};
use unicode_segmentation::UnicodeSegmentation;

/// Longest run, in bytes, kept as one sentence; longer runs are cut (see the module docs).
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// How far ahead (bytes) a closing quotation mark or bracket may be for a boundary inside the
/// quotation to be dropped.
const QUOTE_LOOKAHEAD: usize = 600;

/// Splits `text` (normalised, one paragraph) into sentences. Returns `(start, end)` byte
/// ranges into `text`, trimmed, in order, each holding at least one letter or digit.
/// `is_starter` tells whether a capitalised word, lower-cased, typically opens a sentence
/// (the language's stopwords).
pub(crate) fn split(text: &str, is_starter: &dyn Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut cur_start = 0;
    let mut piece_start = 0;
    let mut pairs = OpenPairs::default();
    for end in uax29_boundaries(text) {
        pairs.scan(&text[piece_start..end]);
        piece_start = end;
        if pairs.open_closed_by(&text[end..]) || !keep_boundary(text, cur_start, end, is_starter) {
            continue;
        }
        raw.push((cur_start, end));
        cur_start = end;
        pairs = OpenPairs::default();
    }
    raw.push((cur_start, text.len()));
    let mut out = Vec::with_capacity(raw.len());
    for (s, e) in raw {
        cut_long(text, s, e, &mut out);
    }
    out.retain(|&(s, e)| text[s..e].chars().any(char::is_alphanumeric));
    out
}

/// Longest run of closing punctuation handed to UAX #29 in one piece (see
/// [`uax29_boundaries`]).
const MAX_CLOSE_RUN: usize = 32;

/// Bytes after which text is handed to UAX #29 in a new piece, at the next safe point.
const UAX29_CHUNK: usize = 8_192;

/// The UAX #29 sentence boundaries inside `text` (end offsets, not including `text.len()`).
///
/// The `unicode-segmentation` iterator takes quadratic time on a terminator followed by a long
/// run of closing punctuation (". " then 20,000 ")" takes seconds), so the text is handed over
/// in pieces: cut inside such runs after [`MAX_CLOSE_RUN`] characters, and every
/// [`UAX29_CHUNK`] bytes at a space between two words (where UAX #29 never breaks), which
/// bounds any other slow pattern to the piece. Cuts are not boundaries.
fn uax29_boundaries(text: &str) -> Vec<usize> {
    let mut cuts: Vec<usize> = Vec::new();
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut last_cut = 0;
    for (i, c) in text.char_indices() {
        if is_close(c) {
            run += 1;
            if run > MAX_CLOSE_RUN {
                cuts.push(i);
                run = 0;
                last_cut = i;
            }
            continue;
        }
        run = 0;
        if c == ' ' && i - last_cut >= UAX29_CHUNK && i > 0 && i + 1 < bytes.len() {
            let before = bytes[i - 1];
            let after = bytes[i + 1];
            if before.is_ascii_alphanumeric() && after.is_ascii_lowercase() {
                cuts.push(i + 1);
                last_cut = i;
            }
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        let chunk = &text[start..cut];
        out.extend(
            chunk.split_sentence_bound_indices().map(|(off, piece)| start + off + piece.len()).filter(|&e| e < cut),
        );
        start = cut;
    }
    out
}

/// Closing and quotation punctuation (UAX #29 `Close`, roughly).
fn is_close(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '"' | '\'' | '»' | '”' | '’' | '」' | '』' | '》' | '）' | '】' | '〉' | '›')
}

/// Quotation marks and brackets whose boundaries are dropped while they are open.
const PAIRS: [(char, char); 8] =
    [('“', '”'), ('《', '》'), ('「', '」'), ('『', '』'), ('【', '】'), ('（', '）'), ('(', ')'), ('«', '»')];

/// How deep the current sentence is inside each of [`PAIRS`], and whether a straight double
/// quote is open; updated piece by piece so that long merged runs stay linear.
#[derive(Default)]
struct OpenPairs {
    depth: [u32; 8],
    straight_open: bool,
    at_start: bool,
    seen_any: bool,
}

impl OpenPairs {
    fn scan(&mut self, piece: &str) {
        for c in piece.chars() {
            if !self.seen_any && !c.is_whitespace() {
                self.seen_any = true;
                self.at_start = c == '"';
            }
            if c == '"' {
                self.straight_open = !self.straight_open;
                continue;
            }
            for (k, &(open, close)) in PAIRS.iter().enumerate() {
                if c == open {
                    self.depth[k] += 1;
                } else if c == close && self.depth[k] > 0 {
                    self.depth[k] -= 1;
                }
            }
        }
    }

    /// Whether a mark is open and `next` closes it within [`QUOTE_LOOKAHEAD`] bytes.
    fn open_closed_by(&self, next: &str) -> bool {
        if !self.straight_open && self.depth.iter().all(|&d| d == 0) {
            return false;
        }
        let mut window_end = QUOTE_LOOKAHEAD.min(next.len());
        while !next.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let window = &next[..window_end];
        if self.straight_open && self.at_start && window.contains('"') {
            return true;
        }
        PAIRS.iter().zip(self.depth).any(|(&(_, close), d)| d > 0 && window.contains(close))
    }
}

/// Whether the UAX #29 boundary at `end` (the current sentence began at `start`) stands.
fn keep_boundary(text: &str, start: usize, end: usize, is_starter: &dyn Fn(&str) -> bool) -> bool {
    let before = text[start..end].trim_end();
    let next = &text[end..];
    let core = before.trim_end_matches(|c: char| CLOSING_MARKS.contains(&c) || c == '》');
    let Some(term) = core.chars().next_back() else { return true };
    let next_word = next.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    let next_word = next_word.trim_start_matches(|c: char| OPENING_MARKS.contains(&c) || c == '[');
    let next_first = next_word.chars().next();
    match term {
        '?' | '!' => !next_first.is_some_and(char::is_lowercase),
        '.' => {
            let word = word_before_period(core);
            if word.is_empty() {
                return true;
            }
            let next_is_digit = next_first.is_some_and(|c| c.is_ascii_digit());
            // A list number standing alone: "1. The first point".
            if word.chars().all(|c| c.is_ascii_digit()) && before.len() <= word.len() + 1 && word.len() <= 2 {
                return false;
            }
            if lexicon::TITLE_ABBREVIATIONS.contains(word) {
                return false;
            }
            let ambiguous =
                lexicon::AMBIGUOUS_ABBREVIATIONS.contains(word) || is_initial(word) || is_dotted_acronym(word);
            if !ambiguous {
                return true;
            }
            if next_is_digit {
                return false; // "Jan. 31", "No. 3", "Vol. 2"
            }
            opens_sentence(next_word, is_starter)
        }
        _ => true,
    }
}

/// The word that ends with the period at the end of `core` (without the period): "Ill" in
/// "SPRINGFIELD, Ill.", "U.S" in "the U.S.".
fn word_before_period(core: &str) -> &str {
    let body = &core[..core.len() - 1];
    let start = body
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '[' | '—' | '–' | '/' | '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &body[start..]
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic() && !c.is_lowercase())
}

/// "U.S", "a.m", "D.C", "e.g", "Ph.D": short letter groups joined by periods.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// Whether `word` (the first after a period) opens a new sentence: it is capitalised and, lower
/// cased, a stopword of the language ("The", "He", "But").
fn opens_sentence(word: &str, is_starter: &dyn Fn(&str) -> bool) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let Some(first) = word.chars().next() else { return true };
    if !first.is_uppercase() {
        return !first.is_lowercase(); // a digit or symbol: keep; lower case: merge
    }
    let lower = word.to_lowercase();
    is_starter(&lower)
}

/// Pushes `text[s..e]` trimmed, cut into pieces of at most [`MAX_SENTENCE_BYTES`].
fn cut_long(text: &str, mut s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    loop {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        s += lead;
        let piece = &text[s..e];
        let trimmed_end = s + piece.trim_end().len();
        if trimmed_end <= s {
            return;
        }
        if trimmed_end - s <= MAX_SENTENCE_BYTES {
            out.push((s, trimmed_end));
            return;
        }
        let mut limit = s + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[s..limit];
        let cut = window
            .rfind(['.', ';', '?', '!', '。', '；'])
            .or_else(|| window.rfind([',', ':', '，', '、']))
            .or_else(|| window.rfind(' '))
            .filter(|&p| p > MAX_SENTENCE_BYTES / 4)
            .map(|p| {
                let c = window[p..].chars().next().map_or(1, char::len_utf8);
                s + p + c
            })
            .unwrap_or(limit);
        out.push((s, s + text[s..cut].trim_end().len()));
        s = cut;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english_starter(w: &str) -> bool {
        ["the", "he", "she", "it", "they", "a", "an", "but", "this", "we", "i", "in"].contains(&w)
    }

    fn sents(text: &str) -> Vec<&str> {
        split(text, &english_starter).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sents("Gov. Alicia Marquez signed it. Dr. Samuel Okoro called it overdue. Mr. Okoro agreed."),
            vec!["Gov. Alicia Marquez signed it.", "Dr. Samuel Okoro called it overdue.", "Mr. Okoro agreed."]
        );
    }

    #[test]
    fn ambiguous_abbreviations_use_the_next_word() {
        assert_eq!(
            sents("Brightline Inc. Chief Executive Dana Whitlow said the No. 3 plant near St. Louis would close by Jan. 31. About 420 workers will move."),
            vec!["Brightline Inc. Chief Executive Dana Whitlow said the No. 3 plant near St. Louis would close by Jan. 31.", "About 420 workers will move."]
        );
        assert_eq!(
            sents("He moved to the U.S. The move paid off."),
            vec!["He moved to the U.S.", "The move paid off."]
        );
        assert_eq!(sents("The U.S. Senate voted."), vec!["The U.S. Senate voted."]);
        assert_eq!(sents("Patrick W. Carlineo Jr. pleaded guilty."), vec!["Patrick W. Carlineo Jr. pleaded guilty."]);
        assert_eq!(sents("It opens at 9 a.m. The line is long."), vec!["It opens at 9 a.m.", "The line is long."]);
    }

    #[test]
    fn quotes_and_questions() {
        assert_eq!(sents("“Why now?” she asked. Nobody knew."), vec!["“Why now?” she asked.", "Nobody knew."]);
        assert_eq!(
            sents("He said: “I came. I saw.” Then he left."),
            vec!["He said: “I came. I saw.”", "Then he left."]
        );
    }

    #[test]
    fn chinese_title_marks_hold_terminators() {
        assert_eq!(
            sents("这项计划预计惠及12万户居民。电影《加油吧！少年》当天也在本市首映。"),
            vec!["这项计划预计惠及12万户居民。", "电影《加油吧！少年》当天也在本市首映。"]
        );
    }

    #[test]
    fn decimals_urls_and_emails_are_not_boundaries() {
        assert_eq!(
            sents("Inflation eased to 3.5% in June. Details are at stats.example.gov/cpi. Write to Press.Office@stats.example.gov. Version 2.4.1 adds figures."),
            vec!["Inflation eased to 3.5% in June.", "Details are at stats.example.gov/cpi.", "Write to Press.Office@stats.example.gov.", "Version 2.4.1 adds figures."]
        );
    }

    #[test]
    fn list_numbers_do_not_stand_alone() {
        assert_eq!(sents("1. The first point is this."), vec!["1. The first point is this."]);
    }

    #[test]
    fn long_runs_of_closing_marks_stay_linear() {
        let text = format!("{}The minister spoke.{}", "“(«[".repeat(5_000), "]»)”".repeat(5_000));
        let t = std::time::Instant::now();
        let parts = split(&text, &english_starter);
        assert!(!parts.is_empty());
        // A hang guard, not a speed test: quadratic behaviour took seconds here.
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn overlong_runs_are_cut() {
        let text = "word ".repeat(2_000);
        let parts = split(&text, &english_starter);
        assert!(parts.len() >= 5);
        for (s, e) in &parts {
            assert!(e - s <= MAX_SENTENCE_BYTES);
        }
        let text = "x".repeat(10_000);
        assert_eq!(split(&text, &english_starter).len(), 5);
    }

    /// The examples of the module's rules (its documentation and comments), one row each:
    /// (the example, a text holding it, the sentences expected).
    const COMMENT_EXAMPLES: &[(&str, &str, &[&str])] = &[
        ("Gov.", "Gov. Alicia Marquez signed it.", &["Gov. Alicia Marquez signed it."]),
        ("Dr.", "It was Dr. Samuel Okoro. He agreed.", &["It was Dr. Samuel Okoro.", "He agreed."]),
        ("Sen.", "The bill of Sen. Tom Harkin passed.", &["The bill of Sen. Tom Harkin passed."]),
        ("डॉ.", "डॉ. शर्मा ने कहा।", &["डॉ. शर्मा ने कहा।"]),
        (
            "… Co. The company said",
            "He works at Acme Co. The company said so.",
            &["He works at Acme Co.", "The company said so."],
        ),
        (
            "Inc.",
            "Brightline Inc. Chief Executive Dana Whitlow spoke.",
            &["Brightline Inc. Chief Executive Dana Whitlow spoke."],
        ),
        ("Ill.", "SPRINGFIELD, Ill. The state said so.", &["SPRINGFIELD, Ill.", "The state said so."]),
        ("U.S.", "The U.S. Senate voted.", &["The U.S. Senate voted."]),
        ("a.m.", "It opens at 9 a.m. The line is long.", &["It opens at 9 a.m.", "The line is long."]),
        ("an initial W.", "Patrick W. Carlineo Jr. pleaded guilty.", &["Patrick W. Carlineo Jr. pleaded guilty."]),
        ("Jan. before a day", "It closes by Jan. 31. Then it moves.", &["It closes by Jan. 31.", "Then it moves."]),
        ("No.", "It is plant No. 3 in the state.", &["It is plant No. 3 in the state."]),
        ("Vol.", "See Vol. 2 for more.", &["See Vol. 2 for more."]),
        ("1. The first point", "1. The first point is cost.", &["1. The first point is cost."]),
        ("“Why?” she asked", "“Why?” she asked. Nobody knew.", &["“Why?” she asked.", "Nobody knew."]),
    ];

    #[test]
    fn comment_examples() {
        let mut failed = Vec::new();
        for (example, text, want) in COMMENT_EXAMPLES {
            let got = sents(text);
            if got != *want {
                failed.push(format!("{example:?}: {got:?}, want {want:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }
}
