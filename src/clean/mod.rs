//! Stage 1, cleaning: the input becomes paragraphs of normalised text, and page chrome is
//! dropped.
//!
//! Paragraphs are judged by their shape, not by one site's strings: length in words, terminal
//! punctuation, web addresses, credit and caption patterns, repetition and where they stand
//! relative to the article's prose (before its first prose paragraph, inside, or after its last).
//! Phrase tables live in [`crate::lexicon`].

mod normalize;

pub(crate) use normalize::{normalize_str, Normalized};

use crate::lexicon;
use crate::model::{DropReason, DroppedParagraph};
use crate::script::{is_cjk, CLOSING_MARKS, OPENING_MARKS, SENTENCE_TERMINATORS, WIDE_TERMINATORS};
use rustc_hash::FxHashMap as HashMap;

/// What a kept paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParaKind {
    /// The headline where it repeats in the text. Never a summary sentence.
    Title,
    /// A subheading, kicker or other short line without a full stop. Listed as a sentence
    /// but never chosen for the summary.
    Heading,
    /// Article prose (and list items): summary material.
    Body,
    /// A photo caption: dropped from the sentences, kept for key facts.
    Caption,
}

/// A paragraph that survived cleaning (or a caption, which facts may use).
#[derive(Debug, Clone)]
pub(crate) struct Paragraph {
    /// Index of the paragraph in the input.
    pub index: usize,
    /// Byte offset in the input where the paragraph's text begins (before trimming), the
    /// origin of paragraph-relative offsets.
    pub input_start: usize,
    /// Normalised text with the map back to the input.
    pub norm: Normalized,
    pub kind: ParaKind,
    /// Byte offset in `norm.text` where the content starts: after a wire dateline.
    pub content_start: usize,
    /// The place a wire dateline names ("SPRINGFIELD"), if the paragraph opens with one.
    pub dateline_place: Option<String>,
}

/// The outcome of cleaning.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// Kept paragraphs and captions, in input order.
    pub paragraphs: Vec<Paragraph>,
    /// Paragraphs dropped as page chrome (captions included), in input order.
    pub dropped: Vec<DroppedParagraph>,
    /// The headline: the caller's, else the one found before the first prose paragraph.
    pub title: Option<String>,
}

/// Raw paragraph ranges in the input: `(start, end)` byte offsets of its text (untrimmed start,
/// for paragraph-relative offsets).
pub(crate) type RawParagraph = (usize, usize);

/// Splits plain text into paragraphs: blank lines separate blocks; inside a block every line is
/// a paragraph, except that a line running on into the next (hard-wrapped text) is joined to it.
///
/// A line runs on when it does not end a sentence and the next starts in lower case, or when
/// the block looks hard-wrapped (its longest line is 55–120 characters and most of its lines
/// were broken because the next word did not fit) and the line does not end a sentence.
pub(crate) fn split_text(text: &str) -> Vec<RawParagraph> {
    // Lines as (start, end) without the line break.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let mut end = i;
            if end > start && text.as_bytes()[end - 1] == b'\r' {
                end -= 1;
            }
            lines.push((start, end));
            start = i + 1;
        }
    }
    lines.push((start, text.len()));

    let mut out = Vec::new();
    let mut block: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in &lines {
        if is_blank(&text[s..e]) {
            flush_block(text, &mut block, &mut out);
        } else {
            block.push((s, e));
        }
    }
    flush_block(text, &mut block, &mut out);
    out
}

fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}'))
}

fn flush_block(text: &str, block: &mut Vec<(usize, usize)>, out: &mut Vec<RawParagraph>) {
    if block.is_empty() {
        return;
    }
    let lens: Vec<usize> = block.iter().map(|&(s, e)| text[s..e].trim().chars().count()).collect();
    let width = lens.iter().copied().max().unwrap_or(0);
    let wrapped = block.len() >= 2 && (55..=120).contains(&width) && {
        let fits_broken = (0..block.len() - 1)
            .filter(|&i| lens[i] + 1 + first_word_chars(&text[block[i + 1].0..block[i + 1].1]) > width)
            .count();
        fits_broken * 3 >= (block.len() - 1) * 2
    };
    // A block none of whose lines ends a sentence is a list of lines ("features\ncontact
    // manager"), not a sentence broken over lines.
    let prose = block.iter().any(|&(s, e)| ends_with_terminal(&text[s..e]));
    let mut cur = block[0];
    for i in 1..block.len() {
        let prev = text[block[i - 1].0..block[i - 1].1].trim_end();
        let next = text[block[i].0..block[i].1].trim_start();
        let ends_sentence = ends_with_terminal(prev);
        // CJK text broken inside a sentence: the line is as long as the block's longest (a
        // heading is shorter than the text under it).
        let cjk_wrapped = prose
            && prev.chars().next_back().is_some_and(is_cjk)
            && next.chars().next().is_some_and(|c| is_cjk(c) || matches!(c, '「' | '『' | '（' | '《'))
            && lens[i - 1] * 10 >= width * 8;
        let run_on = !ends_sentence
            && ((prose && starts_lowercase(next))
                || cjk_wrapped
                || (wrapped
                    && lens[i - 1] + 1 + first_word_chars(next) > width.saturating_sub(2)
                    && lens[i - 1] * 10 >= width * 6));
        if run_on {
            cur.1 = block[i].1;
        } else {
            out.push(cur);
            cur = block[i];
        }
    }
    out.push(cur);
    block.clear();
}

fn first_word_chars(line: &str) -> usize {
    line.split_whitespace().next().map_or(0, |w| w.chars().count())
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().find(|c| !OPENING_MARKS.contains(c)).is_some_and(char::is_lowercase)
}

/// Whether `s` ends like a sentence: a terminator, possibly followed by closing quotes or
/// brackets.
pub(crate) fn ends_with_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || CLOSING_MARKS.contains(&c));
    t.ends_with(SENTENCE_TERMINATORS)
}

/// Paragraph ranges for already-split paragraphs joined with `"\n\n"`.
pub(crate) fn split_joined(paragraphs: &[String]) -> Vec<RawParagraph> {
    let mut out = Vec::with_capacity(paragraphs.len());
    let mut pos = 0;
    for p in paragraphs {
        out.push((pos, pos + p.len()));
        pos += p.len() + 2;
    }
    out
}

/// Shape features of one normalised paragraph.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    words: usize,
    letters: usize,
    terminal: bool,
    has_url: bool,
    title_case: bool,
    /// Most words between two sentence terminators.
    longest_run: usize,
    /// Share of the cased words after the first that start with a capital.
    caps_share: f64,
    /// Fewest words between two sentence terminators (0 when there is no terminator).
    shortest_run: usize,
}

fn shape(text: &str) -> Shape {
    let mut s = Shape { terminal: ends_with_terminal(text), ..Shape::default() };
    let mut capitalised: usize = 0;
    let mut cased_words = 0;
    let mut run = 0;
    // One pass over the bytes: ASCII is classified by byte, other characters decoded.
    let bytes = text.as_bytes();
    let mut word_start = 0;
    let mut first = true;
    let mut word_counted = false;
    let mut has_alnum = false;
    let mut i = 0;
    while i <= bytes.len() {
        if i == bytes.len() || bytes[i] == b' ' {
            let w = &text[word_start..i];
            if !word_counted && has_alnum {
                s.words += 1;
                run += 1;
            }
            s.longest_run = s.longest_run.max(run);
            if w.ends_with(['!', '?']) || w.ends_with('.') && !is_abbreviation(w) {
                s.shortest_run = if s.shortest_run == 0 { run } else { s.shortest_run.min(run) };
                run = 0;
            }
            if w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.") {
                s.has_url = true;
            }
            i += 1;
            word_start = i;
            first = true;
            word_counted = false;
            has_alnum = false;
            continue;
        }
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                s.letters += 1;
                has_alnum = true;
                if first {
                    cased_words += 1;
                    capitalised += usize::from(b.is_ascii_uppercase());
                }
                first = false;
            } else if b.is_ascii_digit() {
                has_alnum = true;
                first = false;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if c.is_alphabetic() {
            s.letters += 1;
            has_alnum = true;
            if is_cjk(c) {
                s.words += 1;
                run += 1;
                word_counted = true;
            } else if first {
                if c.is_uppercase() {
                    capitalised += 1;
                    cased_words += 1;
                } else if c.is_lowercase() {
                    cased_words += 1;
                }
            }
            first = false;
        } else if c.is_numeric() {
            has_alnum = true;
            first = false;
        } else if WIDE_TERMINATORS.contains(&c) {
            s.longest_run = s.longest_run.max(run);
            run = 0;
        }
    }
    s.title_case = cased_words >= 2 && capitalised * 10 >= cased_words * 7;
    if cased_words >= 2 {
        let first_capital = text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
        let rest_caps = capitalised.saturating_sub(usize::from(first_capital));
        s.caps_share = rest_caps as f64 / (cased_words - 1) as f64;
    }
    s
}

/// Whether a word ending in a period is an abbreviation ("Mr.", "U.S.", "W.") rather than the
/// end of a sentence.
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '"', '“']).trim_end_matches('.');
    w.chars().count() == 1
        || w.contains('.')
        || lexicon::TITLE_ABBREVIATIONS.contains(w)
        || lexicon::AMBIGUOUS_ABBREVIATIONS.contains(w)
}

/// Whether a paragraph reads as prose: a long enough run of words that ends like a sentence,
/// or a long run of words in any case.
fn is_prose(s: &Shape) -> bool {
    (s.longest_run >= MIN_PROSE_RUN && s.terminal) || s.words >= 25
}

/// Fewest words between terminators for a line to read as prose (as many as a summary
/// sentence needs).
const MIN_PROSE_RUN: usize = 5;

/// The first decision: whether a paragraph is chrome by its own shape and words.
fn chrome_reason(text: &str, s: &Shape) -> Option<DropReason> {
    if s.letters < 3 && text.chars().count() < 48 {
        let has_digit = text.chars().any(|c| c.is_numeric());
        return Some(if has_digit || s.letters > 0 { DropReason::Widget } else { DropReason::Rule });
    }
    if s.words <= 5 && is_counter(text) {
        return Some(DropReason::Widget);
    }
    if s.words > 80 {
        return None; // every rule below is about short paragraphs
    }
    let lower = text.to_lowercase();
    if is_credit_line(text, &lower, s) {
        return Some(DropReason::Credit);
    }
    if let Some(r) = opener_reason(&lower, s) {
        return Some(r);
    }
    // A share line is a web address with a few words; a sentence that names an address ("The
    // report is at https://….") is prose.
    if s.has_url && s.words <= 12 && !is_prose(s) {
        return Some(DropReason::Share);
    }
    // Embedded posts: "… https://t.co/Nc0nKoXGBP", "— Name (@handle) November 20, 2019".
    let embed = lower.contains("https://t.co/") || lower.contains("pic.twitter.com") || is_post_signature(text);
    if embed && s.words <= 80 {
        return Some(DropReason::Share);
    }
    if s.words <= 4 && !s.terminal {
        let last = lower.split(' ').next_back().unwrap_or("");
        if lexicon::CHROME_ENDINGS.contains(last) {
            return Some(DropReason::Widget);
        }
    }
    None
}

/// The signature line of an embedded social-media post: "— Name (@handle) November 20, 2019".
fn is_post_signature(text: &str) -> bool {
    let t = text.trim_start_matches(['—', '-', ' ', '–']);
    t.len() < text.len() && text.contains("(@") && t.split(' ').count() <= 12
}

/// "1 / 8", "3 of 10", "Photo 2 of 8", "12:30", "Image 1/5".
fn is_counter(text: &str) -> bool {
    let parts: Vec<&str> = text.split([' ', '/']).filter(|p| !p.is_empty()).collect();
    let numbers = parts.iter().filter(|p| p.chars().all(|c| c.is_ascii_digit() || c == ':')).count();
    numbers >= 2 && parts.len() <= 5 && (text.contains('/') || text.contains(" of "))
        || (parts.len() == 1 && numbers == 1)
}

fn is_credit_line(text: &str, lower: &str, s: &Shape) -> bool {
    let short = s.words <= 10;
    if lower.starts_with("by ") && short && !s.terminal || lower.starts_with("by . ") && s.words <= 8 {
        return true;
    }
    if (lower.starts_with("contributing")
        || lower.starts_with("additional reporting")
        || lower.starts_with("reporting by")
        || lower.starts_with("(reporting by")
        || lower.starts_with("editing by")
        || lower.starts_with("written by")
        || lower.starts_with("compiled by"))
        && s.words <= 40
    {
        return true;
    }
    if (lower.contains("contributed to this report") || lower.contains("contributed reporting")) && s.words <= 30 {
        return true;
    }
    if (lower.contains("all rights reserved")
        || lower.contains("may not be published, broadcast")
        || lower.starts_with('©')
        || lower.starts_with("copyright "))
        && s.words <= 60
    {
        return true;
    }
    // "Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m."
    if s.words <= 14 && lexicon::EN.date_stamp_phrases.occurs_in(lower) {
        return true;
    }
    // Affiliate and sponsorship disclosures.
    let disclosure = lexicon::EN.disclosure_phrases.occurs_in(lower);
    if disclosure && s.words <= 40 {
        return true;
    }
    // Date stamps, also in brackets: "Updated: …", "(Published Monday, Nov. 18, 2019)".
    let unbracketed = lower.trim_start_matches('(');
    for stamp in lexicon::EN.date_stamp_openers.iter() {
        if unbracketed.starts_with(stamp) && s.words <= 14 && !s.terminal {
            return true;
        }
    }
    // "Getty Images", "AP Photo/Evan Vucci", "Reuters/Name": a short credit, no full stop.
    if short && !s.terminal && s.words <= 8 {
        if text.contains("Getty Images") || text.contains("AP Photo") || text.contains("/AP") {
            return true;
        }
        let slash_names = text.split('/').count() == 2
            && text.split('/').all(|p| p.trim().split(' ').all(|w| w.chars().next().is_some_and(char::is_uppercase)));
        if slash_names {
            return true;
        }
    }
    false
}

fn starts_with_phrase(lower: &str, phrase: &str) -> bool {
    if !lower.starts_with(phrase) {
        return false;
    }
    if phrase.ends_with([':', ' ']) || !phrase.ends_with(|c: char| c.is_alphanumeric()) {
        return true;
    }
    !lower[phrase.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// The chrome openers, grouped by first byte, so a paragraph is compared with a handful.
fn openers_starting_with(b: u8) -> &'static [&'static str] {
    static BUCKETS: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let buckets = BUCKETS.get_or_init(|| {
        let mut v: Vec<Vec<&'static str>> = vec![Vec::new(); 256];
        for o in lexicon::CHROME_OPENERS.iter() {
            v[usize::from(o.as_bytes()[0])].push(o);
        }
        v
    });
    &buckets[usize::from(b)]
}

fn opener_reason(lower: &str, s: &Shape) -> Option<DropReason> {
    let first = *lower.as_bytes().first()?;
    let opener = *openers_starting_with(first).iter().find(|p| starts_with_phrase(lower, p))?;
    let share = lexicon::EN.share_openers.iter().any(|w| opener.starts_with(w));
    let reason = if share || s.has_url { DropReason::Share } else { DropReason::Navigation };
    let labelled = opener.ends_with(':') || lower[opener.len()..].trim_start().starts_with(':');
    if labelled && s.words <= 40 {
        // "Read more: …", "Related: …", "Photo: …"
        return Some(reason);
    }
    if !s.terminal && s.words <= 12 {
        return Some(reason);
    }
    // A short sentence with a full stop is chrome only when it is clearly a call to action.
    let strong = lexicon::EN.call_to_action_phrases.occurs_in(lower) || s.has_url;
    (strong && s.words <= 25).then_some(reason)
}

/// Whether a paragraph is a photo caption: it opens like one ("In this photo …", "FILE - …")
/// or ends with a credit in brackets ("(AP Photo/Name)", "(Photo: Name/Outlet)",
/// "(… via AP)").
fn is_caption(text: &str) -> bool {
    if lexicon::CAPTION_OPENERS.iter().any(|o| text.starts_with(o)) {
        return true;
    }
    credit_suffix_start(text).is_some()
}

/// Where a trailing bracketed photo credit starts, if `text` ends with one.
pub(crate) fn credit_suffix_start(text: &str) -> Option<usize> {
    let t = text.trim_end_matches(['.', ' ']);
    // A credit is at the end: look at the last 160 bytes only.
    let mut tail_start = t.len().saturating_sub(160);
    while !t.is_char_boundary(tail_start) {
        tail_start -= 1;
    }
    if !t.ends_with(')') {
        let tail = &t[tail_start..];
        if !tail.contains(':') && !tail.contains(" by ") {
            return None;
        }
        // "… Photograph: Name/Agency" or "… Photo: Name"
        for marker in ["Photograph: ", "Photo: ", "Photo by ", "Image: ", "Credit: ", "Picture: "] {
            if let Some(p) = tail.rfind(marker).map(|p| p + tail_start) {
                if t[p..].split(' ').count() <= 8 && p > 0 {
                    return Some(p);
                }
            }
        }
        return None;
    }
    let open = t[tail_start..].rfind('(')? + tail_start;
    let inner = &t[open + 1..t.len() - 1];
    if inner.split(' ').count() > 14 {
        return None;
    }
    let strong = [
        "Photo",
        "photo",
        "via ",
        "Getty",
        "Images",
        "Credit",
        "Courtesy",
        "courtesy",
        "Handout",
        "handout",
        "Pool",
        "File",
        "FILE",
        "Shutterstock",
        "Illustration",
        "Screenshot",
    ];
    let has_strong = strong.iter().any(|w| inner.contains(w));
    let slash_credit = inner.contains('/') && lexicon::CREDIT_WORDS.iter().any(|w| inner.contains(w));
    (has_strong || slash_credit).then_some(open)
}

/// A wire dateline at the start of a paragraph: "SPRINGFIELD, Ill. (AP) — ", "LONDON (Reuters)
/// - ", "WASHINGTON — ", "(CNN) -- ". Returns the byte length to skip and the place named.
pub(crate) fn dateline(text: &str) -> Option<(usize, Option<String>)> {
    let head_end = text.char_indices().nth(90).map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    let (dash_at, dash_len) =
        [" — ", " – ", " -- ", " - ", " —", "— "].iter().filter_map(|d| head.find(d).map(|p| (p, d.len()))).min()?;
    let prefix = head[..dash_at].trim();
    if prefix.is_empty() {
        return None;
    }
    let (place_part, agency) = match prefix.rfind('(') {
        Some(p) if prefix.ends_with(')') => {
            let inner = &prefix[p + 1..prefix.len() - 1];
            if inner.split(' ').count() > 3 || inner.is_empty() {
                return None;
            }
            (prefix[..p].trim(), true)
        }
        _ => (prefix, false),
    };
    let words = place_part.split(' ').filter(|w| !w.is_empty()).count();
    let first = place_part.split([',', ' ']).next().unwrap_or("");
    let caps_place =
        first.chars().filter(|c| c.is_alphabetic()).count() >= 2 && first.chars().all(|c| !c.is_lowercase());
    let ok = if agency { words <= 8 } else { caps_place && words <= 6 && !place_part.is_empty() };
    if !ok {
        return None;
    }
    let mut skip = dash_at + dash_len;
    skip += text[skip..].len() - text[skip..].trim_start().len();
    let place = place_part.split(',').next().map(str::trim).filter(|p| !p.is_empty()).map(str::to_string);
    Some((skip, place))
}

/// Whether a line that is not prose by its length still reads as one short sentence of the
/// article: judged a heading by its length alone (not by a rule that demoted prose, such as
/// a site's tagline; so no chrome rule took it, and it is not the headline), ends in a
/// sentence terminator, has two words with letters or more, opens with a capital letter or a
/// letter without case (CJK, Arabic), is not in title case ("Share This Story.") and does not
/// open with a chrome phrase of any language ("Comments are closed.").
fn reads_as_short_sentence(text: &str, s: &Shape, verdict: Result<ParaKind, DropReason>) -> bool {
    let first_letter = text.chars().find(|c| c.is_alphabetic());
    let opens = first_letter.is_some_and(|c| c.is_uppercase() || !c.is_lowercase());
    // Two words with letters ("Rigoglioso 59." is a score line); a script without case and
    // without spaces counts its characters.
    let uncased = first_letter.is_some_and(|c| !c.is_uppercase() && !c.is_lowercase());
    let two_words = uncased || text.split(' ').filter(|w| w.chars().any(char::is_alphabetic)).count() >= 2;
    verdict == Ok(ParaKind::Heading)
        && !is_prose(s)
        && s.terminal
        && s.words >= 2
        && two_words
        && opens
        && !s.title_case
        && !opens_with_chrome_phrase(text)
}

/// Whether a line opens with a chrome phrase of any language ("Thank you for reading", "Follow").
fn opens_with_chrome_phrase(text: &str) -> bool {
    let lower = text.to_lowercase();
    let first = lower.as_bytes().first().copied().unwrap_or(b' ');
    openers_starting_with(first).iter().any(|p| starts_with_phrase(&lower, p))
}

/// Loose form of a line for comparing it with the title: lower case, letters and digits only.
fn loose(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn matches_title(text: &str, title_loose: &str) -> bool {
    if title_loose.is_empty() {
        return false;
    }
    if text.len() > 3 * title_loose.len() + 40 {
        return false;
    }
    let t = loose(text);
    !t.is_empty()
        && (t == title_loose
            || (t.len() >= 12 && title_loose.starts_with(&t))
            || (title_loose.len() >= 12 && t.starts_with(title_loose)))
}

/// Cleans raw paragraphs of `input`. `title` is the caller's headline, if any.
pub(crate) fn clean(input: &str, raw: &[RawParagraph], title: Option<&str>) -> Cleaned {
    struct Cand {
        index: usize,
        input_start: usize,
        norm: Normalized,
        shape: Shape,
        verdict: Result<ParaKind, DropReason>,
    }
    let mut cands: Vec<Cand> = Vec::with_capacity(raw.len());
    for (index, &(s, e)) in raw.iter().enumerate() {
        let norm = Normalized::new(input, s, e);
        if norm.text.is_empty() {
            continue;
        }
        let shp = shape(&norm.text);
        let verdict = match chrome_reason(&norm.text, &shp) {
            Some(r) => Err(r),
            None if is_caption(&norm.text) => Ok(ParaKind::Caption),
            None => Ok(if is_prose(&shp) { ParaKind::Body } else { ParaKind::Heading }),
        };
        cands.push(Cand { index, input_start: s, norm, shape: shp, verdict });
    }

    // Repetition: short non-prose lines seen twice are furniture; later copies of prose are
    // duplicates.
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for c in &cands {
        *seen.entry(c.norm.text.as_str()).or_default() += 1;
    }
    let repeated: Vec<bool> =
        cands.iter().map(|c| seen[c.norm.text.as_str()] >= 2 && !is_prose(&c.shape) && c.shape.words <= 10).collect();
    let mut first_seen: HashMap<String, ()> = HashMap::default();
    for (c, rep) in cands.iter_mut().zip(repeated) {
        if c.verdict.is_err() {
            continue;
        }
        if rep {
            c.verdict = Err(DropReason::Repeated);
        } else if first_seen.insert(c.norm.text.clone(), ()).is_some() {
            c.verdict = Err(DropReason::Duplicate);
        }
    }

    // A paragraph that is only a credit ("(Image: © NASA/ESA)") makes the one before it a
    // caption.
    for i in 1..cands.len() {
        let t = &cands[i].norm.text;
        let standalone = credit_suffix_start(t) == Some(0)
            || ["(Image", "(Photo", "(Credit", "Image:", "Photo:", "Credit:", "Photograph:", "Picture:"]
                .iter()
                .any(|p| t.starts_with(p))
                && cands[i].shape.words <= 12;
        if standalone {
            cands[i].verdict = Err(DropReason::Credit);
            if matches!(cands[i - 1].verdict, Ok(ParaKind::Body) | Ok(ParaKind::Heading))
                && cands[i - 1].shape.words <= 60
            {
                cands[i - 1].verdict = Ok(ParaKind::Caption);
            }
        }
    }
    // Lines after a navigation label ("More:", "Related:") are links until prose resumes.
    let mut after_label = false;
    for c in cands.iter_mut() {
        let label = c.verdict == Err(DropReason::Navigation) && c.norm.text.ends_with(':');
        if label {
            after_label = true;
            continue;
        }
        if after_label && c.verdict.is_ok() && !c.shape.terminal && c.shape.words <= 20 {
            c.verdict = Err(DropReason::Navigation);
        } else if c.verdict.is_ok() {
            after_label = false;
        }
    }

    // A short line right before or after a caption is its credit.
    for i in 0..cands.len() {
        if cands[i].verdict == Ok(ParaKind::Heading) && cands[i].shape.words <= 8 && !cands[i].shape.terminal {
            let next_caption = cands.get(i + 1).is_some_and(|c| c.verdict == Ok(ParaKind::Caption));
            let prev_caption = i > 0 && cands[i - 1].verdict == Ok(ParaKind::Caption);
            if next_caption || prev_caption {
                cands[i].verdict = Err(DropReason::Credit);
            }
        }
    }

    // A site's tagline at the top ("Express. Home of the Daily and Sunday Express."): before
    // any prose, short, half its words capitalised, with a fragment of one or two words.
    for c in cands.iter_mut() {
        if c.verdict == Ok(ParaKind::Body) {
            let fragment = c.shape.shortest_run > 0 && c.shape.shortest_run <= 2;
            if c.shape.words < 12 && c.shape.caps_share >= 0.5 && fragment {
                c.verdict = Ok(ParaKind::Heading);
            } else {
                break;
            }
        }
    }

    // Zones: before the first prose paragraph and after the last one.
    let first_prose = cands.iter().position(|c| c.verdict == Ok(ParaKind::Body));
    let last_prose = cands.iter().rposition(|c| c.verdict == Ok(ParaKind::Body));
    let title_loose = title.map(loose).unwrap_or_default();
    let mut found_title: Option<String> = None;
    if let (Some(first), Some(last)) = (first_prose, last_prose) {
        // The headline: the caller's title where it repeats, else the first line of at least
        // four words before the prose.
        let mut title_at = None;
        for (i, c) in cands.iter().enumerate() {
            let candidate = matches!(c.verdict, Ok(ParaKind::Heading) | Ok(ParaKind::Body));
            if candidate && matches_title(&c.norm.text, &title_loose) {
                title_at = Some(i);
                break;
            }
        }
        // A headline does not end in a full stop and is not a chrome line ("No one was hurt.",
        // "Thank you for reading." before the story are not headlines).
        if title_at.is_none() && title_loose.is_empty() {
            title_at = (0..first).find(|&i| {
                let text =
                    cands[i].norm.text.trim_end_matches(|c: char| c.is_whitespace() || CLOSING_MARKS.contains(&c));
                cands[i].verdict == Ok(ParaKind::Heading)
                    && cands[i].shape.words >= 4
                    && cands[i].shape.words <= 30
                    && !text.ends_with(['.', '。', '．'])
                    && !opens_with_chrome_phrase(text)
            });
        }
        if let Some(t) = title_at {
            cands[t].verdict = Ok(ParaKind::Title);
            found_title = Some(cands[t].norm.text.clone());
        }
        // A short sentence right next to the prose is the article's own ("No one was hurt."
        // as the last paragraph, "It was the third fire this year." as the first): closing
        // punctuation, two words or more, opening with a capital (or in a script without
        // case), not in title case. Chrome lines of that shape were judged above by their
        // openers and phrases. Runs of them on either side are taken while each touches the
        // prose; the headline stays the headline.
        let mut lo = first;
        while lo > 0 && reads_as_short_sentence(&cands[lo - 1].norm.text, &cands[lo - 1].shape, cands[lo - 1].verdict) {
            lo -= 1;
            cands[lo].verdict = Ok(ParaKind::Body);
        }
        let mut hi = last;
        while hi + 1 < cands.len()
            && reads_as_short_sentence(&cands[hi + 1].norm.text, &cands[hi + 1].shape, cands[hi + 1].verdict)
        {
            hi += 1;
            cands[hi].verdict = Ok(ParaKind::Body);
        }
        for (i, c) in cands.iter_mut().enumerate() {
            let outside = i < lo || i > hi;
            if outside && c.verdict == Ok(ParaKind::Heading) && c.shape.words <= 6 {
                c.verdict = Err(DropReason::Navigation);
            }
        }
        // Inside the article, a long line without a full stop that is not in title case is a
        // list item: summary material.
        for c in cands.iter_mut().take(last + 1).skip(first) {
            if c.verdict == Ok(ParaKind::Heading) && c.shape.words >= 6 && !c.shape.title_case {
                c.verdict = Ok(ParaKind::Body);
            }
        }
    }

    let mut out = Cleaned { title: title.map(str::to_string).or(found_title), ..Cleaned::default() };
    for c in cands {
        match c.verdict {
            Err(reason) => out.dropped.push(DroppedParagraph { paragraph: c.index, text: c.norm.text, reason }),
            Ok(kind) => {
                if kind == ParaKind::Caption {
                    out.dropped.push(DroppedParagraph {
                        paragraph: c.index,
                        text: c.norm.text.clone(),
                        reason: DropReason::Caption,
                    });
                }
                let (content_start, dateline_place) = match kind {
                    ParaKind::Body => match dateline(&c.norm.text) {
                        Some((skip, place)) if skip < c.norm.text.len() => (skip, place),
                        _ => (0, None),
                    },
                    _ => (0, None),
                };
                out.paragraphs.push(Paragraph {
                    index: c.index,
                    input_start: c.input_start,
                    norm: c.norm,
                    kind,
                    content_start,
                    dateline_place,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        split_text(text).into_iter().map(|(s, e)| text[s..e].trim()).collect()
    }

    #[test]
    fn lines_are_paragraphs_and_lists_stay_apart() {
        let t = "Title line\n\nHeavy snow fell. More came.\n\nWhat to know\n\nBus routes are suspended until further notice\nCity offices will open two hours late\nThe airport reported 140 cancelled flights";
        assert_eq!(
            paras(t),
            vec![
                "Title line",
                "Heavy snow fell. More came.",
                "What to know",
                "Bus routes are suspended until further notice",
                "City offices will open two hours late",
                "The airport reported 140 cancelled flights"
            ]
        );
    }

    /// The paragraphs `clean` keeps as article text (body or list), in order.
    fn kept_body(text: &str) -> Vec<String> {
        let raw = split_text(text);
        let c = clean(text, &raw, None);
        c.paragraphs.iter().filter(|p| p.kind == ParaKind::Body).map(|p| p.norm.text.clone()).collect()
    }

    /// A short sentence next to the prose is article text in any language and script; chrome
    /// of the same length and punctuation is not.
    #[test]
    fn short_sentences_next_to_the_prose_are_kept() {
        let bodies = [
            ("Fire crews were called to a warehouse on Dock Street shortly after midnight on Tuesday, the county fire service said.", "No one was hurt."),
            ("Die Feuerwehr wurde kurz nach Mitternacht zu einer Lagerhalle in der Hafenstraße gerufen, teilte die Polizei am Dienstag mit.", "Niemand wurde verletzt."),
            ("Les pompiers ont été appelés peu après minuit dans un entrepôt de la rue du Port, a indiqué la préfecture mardi.", "Personne n'a été blessé."),
            ("Los bomberos acudieron poco después de la medianoche a un almacén de la calle del Puerto, informó el martes la policía local.", "No hubo heridos."),
            ("Пожарные прибыли на склад на Портовой улице вскоре после полуночи во вторник, сообщили в местной полиции города.", "Никто не пострадал."),
            ("周二午夜过后不久，消防员被召到码头街的一处仓库，火势蔓延到两栋相邻的建筑，县消防部门表示。", "无人受伤。"),
        ];
        for (body, short) in bodies {
            let last = format!("{body}\n\n{body} {body}\n\n{short}\n");
            let kept = kept_body(&last);
            assert_eq!(kept.last().map(String::as_str), Some(short), "last: {kept:?}");
            // First, after a headline line that is not a sentence.
            let lead = format!("Night fire on the waterfront\n\n{short}\n\n{body}\n\n{body} {body}\n");
            let kept = kept_body(&lead);
            assert_eq!(kept.first().map(String::as_str), Some(short), "first: {kept:?}");
        }
        let body = bodies[0].0;
        for chrome in [
            "Rigoglioso 59.",
            "Thanks for reading!",
            "Was this helpful?",
            "Comments are closed.",
            "Share This Story.",
            "Related Articles",
            "Danke fürs Lesen!",
            "Gracias por leer.",
        ] {
            let kept = kept_body(&format!("{body}\n\n{body} {body}\n\n{chrome}\n"));
            assert_eq!(kept.len(), 2, "{chrome:?} kept: {kept:?}");
        }
        // A site's tagline at the top is demoted from prose by its own rule, not kept as a
        // short sentence (found by the real-page suite: sh-express).
        let kept = kept_body(&format!("Express. Home of the Daily and Sunday Express.\n\n{body}\n\n{body} {body}\n"));
        assert_eq!(kept.len(), 2, "tagline kept: {kept:?}");
        // Before the story, without a headline line: a four-word sentence or a sign-off is not
        // taken for the headline.
        for lead in ["No one was hurt.", "Verletzt wurde dabei niemand.", "Thank you for reading."] {
            let text = format!("{lead}\n\n{body}\n\n{body} {body}\n");
            let c = clean(&text, &split_text(&text), None);
            assert_eq!(c.title, None, "{lead:?}");
        }
        // Only lines that touch the prose: a short sentence after a dropped navigation line is
        // not the article's.
        let kept = kept_body(&format!("{body}\n\n{body} {body}\n\nMore stories\n\nNo one was hurt.\n"));
        assert_eq!(kept.len(), 2, "{kept:?}");
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let t = "The foreign ministers of the four countries met in Samarkand, Uzbekistan, and\nDiscussed the need to cooperate with Afghan authorities to maintain political\nstability and to prevent a humanitarian crisis, the Russian Foreign Ministry\nsaid on Thursday.\n\nNext paragraph here.";
        let p = paras(t);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].ends_with("said on Thursday."));
    }

    #[test]
    fn lowercase_continuation_is_joined() {
        let p = paras("The ministers talked about the\ncoordination of efforts.\nA new line.");
        assert_eq!(p, vec!["The ministers talked about the\ncoordination of efforts.", "A new line."]);
    }

    #[test]
    fn datelines() {
        assert_eq!(dateline("SPRINGFIELD, Ill. (AP) — The state's largest"), Some((27, Some("SPRINGFIELD".into()))));
        assert_eq!(dateline("WASHINGTON — The House voted"), Some((15, Some("WASHINGTON".into()))));
        assert_eq!(dateline("(cnn) -- the first").map(|d| d.0), Some(9));
        assert_eq!(dateline("The top diplomats — all four — met"), None);
        assert_eq!(dateline("Officials said - again - that"), None);
    }

    #[test]
    fn captions_and_credits() {
        assert!(is_caption(
            "Utility crews repair power lines in Tulsa, Okla., on Monday, Feb. 12. (Photo: Jordan Reyes/Tulsa Daily)"
        ));
        assert!(is_caption("Ministers pose for a photo in Samarkand. (Russian Foreign Ministry Press Service via AP)"));
        assert!(is_caption("FILE - President Joe Biden speaks in Washington."));
        assert!(!is_caption("The company said profits rose (Reuters)."));
        assert!(!is_caption("Revenue rose 4% (to $2 billion) in the quarter."));
    }

    #[test]
    fn chrome_by_shape() {
        for (text, want) in [
            ("Skip to main content", Some(DropReason::Navigation)),
            ("53º", Some(DropReason::Widget)),
            ("1 / 8", Some(DropReason::Widget)),
            ("___", Some(DropReason::Rule)),
            ("Cloudy icon", Some(DropReason::Widget)),
            ("Follow AP's coverage of Afghanistan at https://apnews.com/hub/afghanistan", Some(DropReason::Share)),
            ("Advertisement", Some(DropReason::Navigation)),
            ("Read more: Why the storm was worse than forecast", Some(DropReason::Navigation)),
            ("By Jane Doe and John Roe", Some(DropReason::Credit)),
            ("Associated Press writer Jim Smith in Kabul contributed to this report.", Some(DropReason::Credit)),
            ("Follow the money, the prosecutor told the jury in a packed courtroom on Monday.", None),
            ("Get breaking news alerts and special reports.", Some(DropReason::Navigation)),
            ("What to know", None),
            ("Heavy snow forced more than 200 schools to close on Tuesday.", None),
        ] {
            assert_eq!(chrome_reason(text, &shape(text)), want, "{text:?}");
        }
    }

    /// The examples the comments give of page chrome, one row each: (the example, the reason
    /// it is dropped).
    const CHROME_COMMENT_EXAMPLES: &[(&str, DropReason)] = &[
        ("1 / 8", DropReason::Widget),
        ("3 of 10", DropReason::Widget),
        ("Photo 2 of 8", DropReason::Widget),
        ("12:30", DropReason::Widget),
        ("Image 1/5", DropReason::Widget),
        ("Getty Images", DropReason::Credit),
        ("AP Photo/Evan Vucci", DropReason::Credit),
        ("Reuters/Name", DropReason::Credit),
        ("Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.", DropReason::Credit),
        ("Updated: Nov. 20, 2019 1:35 a.m.", DropReason::Credit),
        ("(Published Monday, Nov. 18, 2019)", DropReason::Credit),
        ("Read more: Why the storm was worse than forecast", DropReason::Navigation),
        ("Related: The storm in pictures", DropReason::Navigation),
        ("Photo: Jordan Reyes", DropReason::Navigation),
        ("Wow. https://t.co/Nc0nKoXGBP", DropReason::Share),
        ("— Dana Whitlow (@dwhitlow) November 20, 2019", DropReason::Share),
    ];

    #[test]
    fn chrome_comment_examples() {
        let mut failed = Vec::new();
        for (example, want) in CHROME_COMMENT_EXAMPLES {
            let got = chrome_reason(example, &shape(example));
            if got != Some(*want) {
                failed.push(format!("{example:?}: {got:?}, want {want:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn caption_and_dateline_comment_examples() {
        for caption in [
            "In this photo a crowd waits outside the court.",
            "FILE - President Joe Biden speaks in Washington.",
            "A crowd waits outside the court. (AP Photo/Evan Vucci)",
            "A crowd waits outside the court. (Photo: Jordan Reyes/Tulsa Daily)",
            "A crowd waits outside the court. (Ministry Press Service via AP)",
            "A crowd waits outside the court. Photograph: Dana Whitlow/Reuters",
        ] {
            assert!(is_caption(caption), "{caption:?}");
        }
        for (line, skip, place) in [
            ("SPRINGFIELD, Ill. (AP) — The state said", 27, Some("SPRINGFIELD")),
            ("LONDON (Reuters) - The bank said", 19, Some("LONDON")),
            ("WASHINGTON — The House voted", 15, Some("WASHINGTON")),
            ("(CNN) -- The first", 9, None),
        ] {
            assert_eq!(dateline(line), Some((skip, place.map(String::from))), "{line:?}");
        }
    }
}
