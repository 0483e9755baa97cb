//! Stage 2, sentence segmentation: Unicode sentence boundaries (UAX #29, from the
//! `unicode-segmentation` crate) and the boundaries UAX #29 misses, then repairs for what it
//! gets wrong in news text.
//!
//! Boundaries UAX #29 misses, added as candidates (each then judged like the others):
//! - after a horizontal ellipsis "…" before the next word;
//! - after a terminator before a number ("… gestiegen. 64 Prozent …") or a word written with a
//!   lower-case initial and a capital inside ("… update. iOS 17 …", "eBay");
//! - after a full stop glued to the next sentence ("roads.The", "9:40 a.m.Officials",
//!   "1,000.That"), outside web and e-mail addresses and not after an initial ("J.Smith");
//! - before the items of an inline list ("1.) … 2.) …", "a. … b. …", "• 9. … • 10. …"): an item
//!   marker that follows the previous one of its sequence with no sentence end between them;
//! - after a spaced ellipsis glued to a word ("compounds. . . . The"): after the word's period.
//!
//! Repairs, each a rule over the boundary and the words around it:
//! - a boundary after a title or honorific ("Gov.", "Dr.", "Sen.", "डॉ.", "د.") is never kept;
//! - after an ambiguous abbreviation ("Inc.", "Ill.", "U.S.", "a.m.", "Mio.", an initial "W."
//!   or a single letter such as "u. a.", a month "Jan." before a day) it is kept only when the
//!   next word opens a sentence (a capitalised stopword: "… Co. The company said"), or when the
//!   next word is glued to the period ("a.m.Officials"); in ALL-CAPS text the abbreviations are
//!   matched in any case ("DR.", "GOV.") and titles too are only ambiguous;
//! - after "No." / "Vol." / "N°." / a month before a number, never;
//! - in languages that write ordinals with a period (German "am 7. März", "2. Bundesliga"), a
//!   number's period is kept only before a word that opens a sentence;
//! - a list marker "1.", "1.)", "a.", "• 9." does not stand alone;
//! - a spaced three-dot ellipsis (" . . . ") never ends a sentence, nor does an ellipsis
//!   followed by a lower-case word ("really ... well"); a four-dot one or "...." before a
//!   sentence opener does;
//! - a boundary inside an open bracket or quotation («《加油吧！少年》», “I came. I saw.”) is
//!   dropped when the closing mark follows in the same paragraph, within 600 bytes;
//! - after "?" or "!" (and closing quotes) followed by a lower-case word ("“Why?” she asked",
//!   "Yahoo! in"), the sentence goes on;
//! - emoji right after a terminator ("… win! 🎉 The …") stay with the sentence they follow;
//! - a run longer than [`MAX_SENTENCE_BYTES`] without a boundary is cut at the last clause
//!   mark or space before the limit, so that no "sentence" is a whole unpunctuated page.
//!
//! Works on normalised paragraph text (one line, single spaces); CJK terminators (。！？), the
//! Devanagari danda (।) and the Arabic question mark (؟) are sentence terminators in UAX #29
//! already, the Arabic comma (،) is not. Scripts written without sentence punctuation (Thai,
//! Lao, Khmer, Burmese) are split only at their rare terminators and at the length limit.

use crate::lexicon;
use crate::script::{head, tail, CLOSING_MARKS, OPENING_MARKS};
use unicode_segmentation::UnicodeSegmentation;

/// Longest run, in bytes, kept as one sentence; longer runs are cut (see the module docs).
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// How far ahead (bytes) a closing quotation mark or bracket may be for a boundary inside the
/// quotation to be dropped.
const QUOTE_LOOKAHEAD: usize = 600;

/// What segmentation needs to know of the language.
pub(crate) struct Rules<'a> {
    /// Whether a capitalised word, lower-cased, typically opens a sentence (the language's
    /// stopwords).
    pub is_starter: &'a dyn Fn(&str) -> bool,
    /// Whether the language writes ordinal numbers with a period ("7." for "seventh").
    pub ordinal_period: bool,
}

impl<'a> Rules<'a> {
    /// The rules of the language `code` (ISO 639-1), with its sentence openers.
    pub fn new(is_starter: &'a dyn Fn(&str) -> bool, code: &str) -> Rules<'a> {
        Rules { is_starter, ordinal_period: lexicon::COMMON.ordinal_period_languages.contains(code) }
    }
}

/// Splits `text` (normalised, one paragraph) into sentences. Returns `(start, end)` byte
/// ranges into `text`, trimmed, in order, each holding at least one letter or digit.
pub(crate) fn split(text: &str, rules: &Rules) -> Vec<(usize, usize)> {
    let mut candidates = uax29_boundaries(text);
    more_candidates(text, &mut candidates);
    crate::vector::sort_by_key(&mut candidates, |&c| c);
    candidates.dedup();
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut cur_start = 0;
    let mut piece_start = 0;
    let mut pairs = OpenPairs::default();
    for end in candidates {
        if end <= cur_start || end >= text.len() {
            continue;
        }
        if end > piece_start {
            pairs.scan(&text[piece_start..end]);
            piece_start = end;
        }
        if pairs.open_closed_by(&text[end..]) || !keep_boundary(text, cur_start, end, rules) {
            continue;
        }
        let end = after_emoji(text, end);
        if end >= text.len() {
            break;
        }
        if end > piece_start {
            pairs.scan(&text[piece_start..end]);
            piece_start = end;
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

/// Whether `c` is an emoji or a part of one (pictographs, dingbats, arrows, skin tones, the
/// zero-width joiner, variation selectors, tag characters).
fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0x200D | 0xFE0E | 0xFE0F
        | 0xE0020..=0xE007F | 0x3030 | 0x303D | 0x2190..=0x21FF)
}

/// The boundary at `end` moved past the emoji that open the next piece: "… win! 🎉 The …"
/// keeps "🎉" with "win!".
fn after_emoji(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    if !rest.starts_with(is_emoji) {
        return end;
    }
    end + rest.len() - rest.trim_start_matches(|c: char| is_emoji(c) || c == ' ').len()
}

/// Sentence terminators that rule out an inline list between two item markers.
const ITEM_ENDS: [char; 7] = ['.', '!', '?', '…', '。', '！', '？'];

/// Boundaries UAX #29 misses (see the module docs), added to `out` as candidates: positions
/// where the next sentence would start.
fn more_candidates(text: &str, out: &mut Vec<usize>) {
    let mut list = ListMarkers::default();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let after = i + c.len_utf8();
        if matches!(c, '…' | '.' | '!' | '?') {
            // After the terminator and its closing marks, before the next word.
            let rest = &text[after..];
            // Closing marks, and the German closing quote right after the terminator ("…“").
            let closers = rest.len() - rest.trim_start_matches(|c: char| CLOSING_MARKS.contains(&c) || c == '“').len();
            let rest2 = &rest[closers..];
            let spaces = rest2.len() - rest2.trim_start_matches(' ').len();
            let next_word = rest2[spaces..].split(' ').next().unwrap_or("");
            if spaces > 0 {
                if c == '…' || next_word.starts_with(|n: char| n.is_ascii_digit()) || is_inner_capital_word(next_word)
                {
                    out.push(after + closers + spaces);
                }
                // "compounds. . . . The": the word's own period ends its sentence.
                if c == '.' && prev.is_some_and(char::is_alphanumeric) && rest.starts_with(" . . . ") {
                    out.push(after + 1);
                }
            } else if c == '.' && closers == 0 && prev.is_some_and(char::is_alphanumeric) && glued_sentence_start(rest)
            {
                out.push(after);
            }
        }
        if prev.is_none_or(|p| p == ' ') {
            list.item_at(text, i, out);
        }
        prev = Some(c);
    }
}

/// "iOS", "eBay", "iPhone": a word with a lower-case initial and a capital inside, which opens a
/// sentence as a capitalised word would.
fn is_inner_capital_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_lowercase) && chars.take_while(|c| c.is_alphanumeric()).any(char::is_uppercase)
}

/// Whether `rest` (right after a full stop, no space) starts a glued sentence: a capital then
/// a lower-case letter ("Today", "The", "Officials").
fn glued_sentence_start(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

/// Inline list items: markers "1.", "1.)", "1)", "a.", optionally after a bullet ("•", "⁃",
/// "-", "*"), at the start of the text or after a space, followed by a space and a capital.
/// An item that follows the previous marker of its sequence (2 after 1, b after a, same
/// punctuation) with no sentence terminator in between starts a new sentence. A sequence
/// starts at a bulleted marker, or at marker 1 (or a) standing at the start of the text or
/// after a sentence end.
#[derive(Default)]
struct ListMarkers {
    /// The last marker of the sequence: its value, its punctuation, where its item's text
    /// starts, and where the first marker starts when it follows text of its own ("… three
    /// parts: 1. …"), until the second marker confirms the list.
    last: Option<(u32, &'static str, usize, Option<usize>)>,
}

impl ListMarkers {
    /// When a list item marker starts at `i` and continues the sequence, pushes where its
    /// sentence starts (the bullet or the marker) to `out`.
    fn item_at(&mut self, text: &str, i: usize, out: &mut Vec<usize>) -> Option<()> {
        let rest = &text[i..];
        let bullet = rest.chars().next().filter(|c| matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '*' | '-'));
        let mut body = rest;
        if let Some(b) = bullet {
            body = body[b.len_utf8()..].trim_start_matches(' ');
        }
        let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (value, after_value) = if (1..=2).contains(&digits) {
            (body[..digits].parse::<u32>().ok()?, &body[digits..])
        } else if digits == 0 {
            let c = body.chars().next().filter(char::is_ascii_lowercase)?;
            (u32::from(c) - u32::from('a') + 1, &body[1..])
        } else {
            return None;
        };
        let letter = digits == 0;
        let punct = [".)", ".", ")"].into_iter().find(|p| after_value.starts_with(p))?;
        if letter && punct != "." {
            return None;
        }
        let tail = &after_value[punct.len()..];
        let mut tail_chars = tail.chars();
        if tail_chars.next() != Some(' ') || !tail_chars.next().is_some_and(char::is_uppercase) {
            return None;
        }
        let item_start = text.len() - tail.len();
        let continues = self
            .last
            .is_some_and(|(v, p, s, _)| v + 1 == value && p == punct && s <= i && !text[s..i].contains(ITEM_ENDS));
        if continues {
            if let Some((_, _, _, Some(first))) = self.last {
                out.push(first);
            }
            self.last = Some((value, punct, item_start, None));
            out.push(i);
            return Some(());
        }
        let before = text[..i].trim_end();
        let opens = (value == 1 && (before.is_empty() || before.ends_with(['.', '!', '?', ':', '…'])))
            || (bullet.is_some() && !letter);
        if opens {
            self.last = Some((value, punct, item_start, before.ends_with(':').then_some(i)));
        }
        None
    }
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
        let window = head(next, QUOTE_LOOKAHEAD);
        if self.straight_open && self.at_start && window.contains('"') {
            return true;
        }
        PAIRS.iter().zip(self.depth).any(|(&(_, close), d)| d > 0 && window.contains(close))
    }
}

/// How far the boundary rules look at the text around a candidate, in bytes: the word after it,
/// the word before the period, the token around a glued period, and the capitals of the sentence
/// so far. Bounded so that a boundary costs the same however long the sentence or the paragraph
/// is ("U.S. U.S. …" with no sentence end, CJK text without spaces).
const LOOK: usize = 256;

/// Whether the candidate boundary at `end` (the current sentence began at `start`) stands.
fn keep_boundary(text: &str, start: usize, end: usize, rules: &Rules) -> bool {
    let before = text[start..end].trim_end();
    let glued = before.len() == end - start;
    let next = &text[end..];
    let core = before.trim_end_matches(|c: char| CLOSING_MARKS.contains(&c) || c == '》');
    if is_list_marker(core) {
        return false;
    }
    let Some(term) = core.chars().next_back() else { return true };
    let next_word = head(next, LOOK).split(|c: char| c.is_whitespace()).next().unwrap_or("");
    let next_word = next_word.trim_start_matches(|c: char| OPENING_MARKS.contains(&c) || c == '[');
    let next_lower = next_word.starts_with(char::is_lowercase) && !is_inner_capital_word(next_word);
    match term {
        // "[…]" marks words left out of a quotation, not an end.
        '…' if core[..core.len() - '…'.len_utf8()].ends_with(['[', '(']) => false,
        '?' | '!' | '…' => !next_lower,
        // Arabic has no lower case: a question quoted inside a sentence goes on when the
        // quotation closes before a reporting verb ("«هل انتهت الأزمة؟» تساءل الوزير").
        '؟' => !(core.len() < before.len() && lexicon::AR.reporting_verbs.contains(next_word)),
        '.' => keep_after_period(text, core, end, glued, next_word, next_lower, rules),
        _ => true,
    }
}

/// [`keep_boundary`] after a full stop (or a run of dots) at the end of `core`.
fn keep_after_period(
    text: &str,
    core: &str,
    end: usize,
    glued: bool,
    next_word: &str,
    next_lower: bool,
    rules: &Rules,
) -> bool {
    let (dots, spaced, attached) = dot_run(core);
    if dots >= 2 && core.trim_end_matches(['.', ' ']).ends_with(['[', '(']) {
        return false; // "[...]": words left out of a quotation
    }
    if dots >= 2 {
        // Ellipses: " . . . " goes on; "word. . . ." ended at its own period (a candidate
        // of its own); "...", "....", " . . . ." end before a sentence opener.
        return !(spaced && (attached || dots == 3)) && !next_lower && !next_word.is_empty();
    }
    let word = word_before_period(core);
    if word.is_empty() {
        return true;
    }
    // ALL-CAPS copy: the word and the sentence so far are in capitals ("SEC." in mixed-case
    // text is an acronym, not a title).
    let caps =
        word.chars().filter(|c| c.is_uppercase()).count() >= 2 && !tail(core, LOOK).chars().any(char::is_lowercase);
    let title = in_table(lexicon::TITLE_ABBREVIATIONS, word);
    if title && !caps {
        return false;
    }
    if glued {
        // "roads.The", "a.m.Officials": a capitalised word glued to a period starts a sentence,
        // except after an initial ("J.Smith") or inside a web or e-mail address
        // ("Jane.Doe@example.com").
        if is_initial(word) && word.chars().all(char::is_uppercase) {
            return false;
        }
        let back = tail(&text[..end], LOOK);
        let token_start = back.rfind(' ').map_or(end - back.len(), |i| end - back.len() + i + 1);
        let ahead = head(&text[end..], LOOK);
        let token_end = ahead.find(' ').map_or(end + ahead.len(), |i| end + i);
        let token = &text[token_start..token_end];
        let domain = text[end..token_end].split('.').skip(1).any(|part| part.starts_with(char::is_alphabetic));
        return !(domain || token.contains(['@', '/']) || token.starts_with("www."));
    }
    let number = !word.is_empty() && word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit());
    if number && rules.ordinal_period {
        return opens_sentence(next_word, rules.is_starter); // "am 7. März", "2. Bundesliga"
    }
    let ambiguous = in_table(lexicon::AMBIGUOUS_ABBREVIATIONS, word)
        || (is_initial(word) && !core[..core.len() - word.len() - 1].ends_with(['\'', '’']))
        || is_dotted_acronym(word)
        || (caps
            && (title
                || lexicon::AMBIGUOUS_ABBREVIATIONS.contains_ci(word)
                || lexicon::TITLE_ABBREVIATIONS.contains_ci(word)));
    if !ambiguous {
        return true;
    }
    if next_word.starts_with(|c: char| c.is_ascii_digit()) {
        return false; // "Jan. 31", "No. 3", "Vol. 2"
    }
    opens_sentence(next_word, rules.is_starter)
}

/// Whether `table` holds `word` as written, or, for a capitalised word, with its first letter in
/// lower case: an abbreviation listed in lower case opens a sentence capitalised ("Проф.",
/// "Art. 5").
fn in_table(table: &lexicon::Table, word: &str) -> bool {
    if table.contains(word) {
        return true;
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => table.contains(&first.to_lowercase().chain(chars).collect::<String>()),
        _ => false,
    }
}

/// The run of dots ending `core`, dots separated by single spaces or nothing: how many, whether
/// spaced (". . ."), and whether its first dot is glued to the word before ("that....").
fn dot_run(core: &str) -> (usize, bool, bool) {
    let bytes = core.as_bytes();
    let mut i = bytes.len();
    let mut dots = 0;
    let mut spaced = false;
    while i > 0 && bytes[i - 1] == b'.' {
        dots += 1;
        i -= 1;
        if i >= 2 && bytes[i - 1] == b' ' && bytes[i - 2] == b'.' {
            spaced = true;
            i -= 1;
        }
    }
    let attached = i > 0 && bytes[i - 1] != b' ';
    (dots, spaced, attached)
}

/// Whether `core` (a sentence so far) is only a list marker: "1.", "12.", "a.", "• 9.", "⁃9.".
fn is_list_marker(core: &str) -> bool {
    let body = core.trim_start_matches(['•', '⁃', '‣', '◦', '▪', '*', '-', ' ']);
    let Some(mark) = body.strip_suffix('.') else { return false };
    let digits = mark.len() <= 2 && !mark.is_empty() && mark.chars().all(|c| c.is_ascii_digit());
    let letter = mark.len() == 1 && mark.chars().all(|c| c.is_ascii_lowercase());
    digits || letter
}

/// The word that ends with the period at the end of `core` (without the period): "Ill" in
/// "SPRINGFIELD, Ill.", "U.S" in "the U.S.".
fn word_before_period(core: &str) -> &str {
    let body = tail(&core[..core.len() - 1], LOOK);
    let start = body
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '[' | '—' | '–' | '/' | '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &body[start..]
}

/// A single letter: an initial ("W."), a letter of an abbreviation written with spaces
/// ("u. a.", "z. B."), a page "p.".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
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
        let window = head(&text[s..], MAX_SENTENCE_BYTES);
        let limit = s + window.len();
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

    const EN: Rules = Rules { is_starter: &english_starter, ordinal_period: false };

    fn sents(text: &str) -> Vec<&str> {
        split(text, &EN).into_iter().map(|(s, e)| &text[s..e]).collect()
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
        let parts = split(&text, &EN);
        assert!(!parts.is_empty());
        // A hang guard, not a speed test: quadratic behaviour took seconds here.
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn overlong_runs_are_cut() {
        let text = "word ".repeat(2_000);
        let parts = split(&text, &EN);
        assert!(parts.len() >= 5);
        for (s, e) in &parts {
            assert!(e - s <= MAX_SENTENCE_BYTES);
        }
        let text = "x".repeat(10_000);
        assert_eq!(split(&text, &EN).len(), 5);
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
        ("…", "She paused… Then she signed.", &["She paused…", "Then she signed."]),
        ("update. iOS 17", "He shipped the update. iOS 17 is out.", &["He shipped the update.", "iOS 17 is out."]),
        ("eBay", "Shares rose. eBay led.", &["Shares rose.", "eBay led."]),
        ("roads.The", "Police closed roads.The detour is long.", &["Police closed roads.", "The detour is long."]),
        ("9:40 a.m.Officials", "9:40 a.m.Officials spoke.", &["9:40 a.m.", "Officials spoke."]),
        ("1,000.That", "He bought 1,000.That is a lot.", &["He bought 1,000.", "That is a lot."]),
        ("J.Smith", "J.Smith scored twice.", &["J.Smith scored twice."]),
        ("wasn't. Michael", "He wasn't. Michael was.", &["He wasn't.", "Michael was."]),
        ("SEC. in mixed case", "He sued the SEC. Companies paid.", &["He sued the SEC.", "Companies paid."]),
        ("1.) … 2.) …", "1.) The first 2.) The second", &["1.) The first", "2.) The second"]),
        ("a. … b. …", "a. The first b. The second", &["a. The first", "b. The second"]),
        ("• 9. … • 10. …", "• 9. The first • 10. The second", &["• 9. The first", "• 10. The second"]),
        ("compounds. . . . The", "It compounds. . . . The end.", &["It compounds.", ". . . The end."]),
        ("د.", "قال د. أحمد إن المستشفى جاهز.", &["قال د. أحمد إن المستشفى جاهز."]),
        ("Mio.", "Es kostet 12 Mio. Euro.", &["Es kostet 12 Mio. Euro."]),
        ("u. a.", "Es kamen u. a. Vertreter der Stadt.", &["Es kamen u. a. Vertreter der Stadt."]),
        ("DR.", "DR. MARK LEE SPOKE.", &["DR. MARK LEE SPOKE."]),
        ("GOV.", "THE GOV. SIGNED IT. THE END.", &["THE GOV. SIGNED IT.", "THE END."]),
        ("N°.", "It is N°. 12 on the list.", &["It is N°. 12 on the list."]),
        (" . . . ", "He was . . . I mean tired.", &["He was . . . I mean tired."]),
        ("really ... well", "It was really ... well, fine.", &["It was really ... well, fine."]),
        ("Yahoo! in", "She works at Yahoo! in Paris.", &["She works at Yahoo! in Paris."]),
        ("… win! 🎉 The …", "We win! 🎉 The parade is Sunday.", &["We win! 🎉", "The parade is Sunday."]),
    ];

    /// The German examples of the module's rules, with German's ordinal rule.
    const GERMAN_EXAMPLES: &[(&str, &str, &[&str])] = &[
        (
            "am 7. März",
            "Die Wahl ist am 7. März. Die Auszählung folgt.",
            &["Die Wahl ist am 7. März.", "Die Auszählung folgt."],
        ),
        ("2. Bundesliga", "Er spielt in der 2. Bundesliga.", &["Er spielt in der 2. Bundesliga."]),
        (
            "gestiegen. 64 Prozent",
            "Sie ist gestiegen. 64 Prozent gingen hin.",
            &["Sie ist gestiegen.", "64 Prozent gingen hin."],
        ),
    ];

    #[test]
    fn german_comment_examples() {
        fn starter(w: &str) -> bool {
            ["die", "der", "das", "er", "sie", "es"].contains(&w)
        }
        let de = Rules { is_starter: &starter, ordinal_period: true };
        let mut failed = Vec::new();
        for (example, text, want) in GERMAN_EXAMPLES {
            let got: Vec<&str> = split(text, &de).into_iter().map(|(s, e)| &text[s..e]).collect();
            if got != *want {
                failed.push(format!("{example:?}: {got:?}, want {want:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

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
