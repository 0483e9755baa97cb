//! Script and punctuation classes shared by the stages: which characters belong to scripts
//! written without spaces, which marks quote, open and close, and which end a sentence; and
//! which writing system a text is mostly in ([`dominant`]), the first step of language detection;
//! and bounded windows of a text cut at character boundaries ([`head`], [`tail`]).
//! Stages that need a character class take it from here rather than from each other.

/// Whether `c` belongs to a script written without spaces between words (Han, kana, Thai …).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2fa1f
        | 0x0e00..=0x0e7f | 0x0e80..=0x0eff | 0x1000..=0x109f | 0x1780..=0x17ff)
}

/// The first `n` bytes of `s` at most, cut down to a character boundary (never more than `n`
/// bytes; `s` itself when it is shorter).
pub(crate) fn head(s: &str, n: usize) -> &str {
    let mut e = n.min(s.len());
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    &s[..e]
}

/// The last `n` bytes of `s` at most, cut up to a character boundary (never more than `n`
/// bytes; `s` itself when it is shorter).
pub(crate) fn tail(s: &str, n: usize) -> &str {
    let mut b = s.len().saturating_sub(n);
    while !s.is_char_boundary(b) {
        b += 1;
    }
    &s[b..]
}

/// Whether `c` is a Han ideograph (CJK unified ideographs, extension A, compatibility
/// ideographs and the supplementary planes' extensions), or the iteration mark 々 or the
/// counter ヶ that are written inside Han words.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2fa1f)
        || c == '々'
        || c == 'ヶ'
}

/// Whether `c` is hiragana (U+3041–U+309F).
pub(crate) fn is_hiragana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x309f)
}

/// Whether `c` is katakana (U+30A1–U+30FF, with the long vowel mark ー and the middle dot ・).
pub(crate) fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30a1..=0x30ff)
}

/// Whether `c` is a Hangul letter: a precomposed syllable (U+AC00–U+D7AF) or a jamo (U+1100–U+11FF,
/// compatibility jamo U+3130–U+318F).
pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xac00..=0xd7af | 0x1100..=0x11ff | 0x3130..=0x318f)
}

/// Whether `c` is written in Chinese, Japanese or Korean: Han, kana or Hangul.
pub(crate) fn is_east_asian(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff) || is_han(c) || is_hangul(c)
}

/// Whether `c` is a letter of a script written right to left (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms).
pub(crate) fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08ff | 0xfb1d..=0xfdff | 0xfe70..=0xfefe | 0x10800..=0x10fff | 0x1e800..=0x1efff)
}

/// Quotation marks as (opening, closing) pairs: English curly quotes, guillemets, CJK corner
/// brackets, German low-high quotes and straight double quotes.
pub(crate) const QUOTE_PAIRS: [(char, char); 5] = [('“', '”'), ('«', '»'), ('「', '」'), ('„', '“'), ('"', '"')];

/// Whether `c` opens a quotation (see [`QUOTE_PAIRS`]).
pub(crate) fn opens_quote(c: char) -> bool {
    QUOTE_PAIRS.iter().any(|&(open, _)| open == c)
}

/// Whether `c` closes a quotation (see [`QUOTE_PAIRS`]).
pub(crate) fn closes_quote(c: char) -> bool {
    QUOTE_PAIRS.iter().any(|&(_, close)| close == c)
}

/// Marks that may stand before a sentence's first word: quotes and an opening parenthesis.
pub(crate) const OPENING_MARKS: [char; 5] = ['"', '\'', '“', '‘', '('];

/// Marks that may follow a sentence terminator: closing quotes and brackets.
pub(crate) const CLOSING_MARKS: [char; 10] = ['"', '\'', '”', '’', ')', ']', '»', '」', '』', '）'];

/// Characters that end a sentence, in the Latin, CJK, Indic and Arabic scripts.
pub(crate) const SENTENCE_TERMINATORS: [char; 12] = ['.', '!', '?', '…', '。', '！', '？', '।', '؟', '۔', '‼', '‽'];

/// The sentence terminators of CJK and Indic text that are not ASCII: the ideographic full
/// stop, the full-width exclamation and question marks and the danda.
pub(crate) const WIDE_TERMINATORS: [char; 4] = ['。', '！', '？', '।'];

/// Question marks, ASCII and full-width.
pub(crate) const QUESTION_MARKS: [char; 2] = ['?', '？'];

/// A writing system that tells a language, or the family of languages to vote between, apart
/// ([`dominant`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Tamil,
    Thai,
    Georgian,
    Hangul,
    /// Hiragana and katakana.
    Kana,
    /// Han ideographs (Chinese characters, also written in Japanese).
    Han,
}

impl Script {
    /// Every script, in the order [`dominant`] breaks ties.
    const ALL: [Script; 14] = [
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Armenian,
        Script::Hebrew,
        Script::Arabic,
        Script::Devanagari,
        Script::Bengali,
        Script::Tamil,
        Script::Thai,
        Script::Georgian,
        Script::Hangul,
        Script::Kana,
        Script::Han,
    ];

    /// The script of a letter, by its Unicode block (the blocks of the Unicode Standard's
    /// code charts, with their supplements and extensions); `None` for digits, punctuation,
    /// symbols and scripts not listed.
    pub(crate) fn of(c: char) -> Option<Script> {
        if !c.is_alphabetic() {
            return None;
        }
        Some(match c as u32 {
            0x41..=0x5a
            | 0x61..=0x7a
            | 0xc0..=0x24f
            | 0x1e00..=0x1eff
            | 0x2c60..=0x2c7f
            | 0xa720..=0xa7ff
            | 0xab30..=0xab6f
            | 0xff21..=0xff3a
            | 0xff41..=0xff5a => Script::Latin,
            0x400..=0x52f | 0x1c80..=0x1c8f | 0x2de0..=0x2dff | 0xa640..=0xa69f => Script::Cyrillic,
            0x370..=0x3ff | 0x1f00..=0x1fff => Script::Greek,
            0x530..=0x58f | 0xfb13..=0xfb17 => Script::Armenian,
            0x590..=0x5ff | 0xfb1d..=0xfb4f => Script::Hebrew,
            0x600..=0x6ff | 0x750..=0x77f | 0x870..=0x8ff | 0xfb50..=0xfdff | 0xfe70..=0xfeff => Script::Arabic,
            0x900..=0x97f | 0xa8e0..=0xa8ff => Script::Devanagari,
            0x980..=0x9ff => Script::Bengali,
            0xb80..=0xbff => Script::Tamil,
            0xe00..=0xe7f => Script::Thai,
            0x10a0..=0x10ff | 0x1c90..=0x1cbf | 0x2d00..=0x2d2f => Script::Georgian,
            0x1100..=0x11ff | 0x3130..=0x318f | 0xa960..=0xa97f | 0xac00..=0xd7ff | 0xffa0..=0xffdc => Script::Hangul,
            0x3040..=0x30ff | 0x31f0..=0x31ff | 0xff66..=0xff9f => Script::Kana,
            0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x323af => Script::Han,
            _ => return None,
        })
    }
}

/// The script most letters of `text` are written in (ties go to the script listed first in
/// [`Script`]); `None` when no letter is in a listed script. Counts every letter: callers pass
/// a sample, not a whole page.
pub(crate) fn dominant(text: &str) -> Option<Script> {
    let mut counts = [0usize; Script::ALL.len()];
    for s in text.chars().filter_map(Script::of) {
        counts[s as usize] += 1;
    }
    let (best, &n) = counts.iter().enumerate().rev().max_by_key(|&(_, n)| *n)?;
    (n > 0).then_some(Script::ALL[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_cjk('改') && is_cjk('か') && !is_cjk('a'));
        assert!(opens_quote('„') && closes_quote('“') && !opens_quote('»'));
        assert!(WIDE_TERMINATORS.iter().all(|c| SENTENCE_TERMINATORS.contains(c)));
    }

    #[test]
    fn dominant_scripts() {
        let rows = [
            ("The council met on Monday.", Some(Script::Latin)),
            ("Überraschung: Ça coûte 5 €, señor.", Some(Script::Latin)),
            ("Совет собрался в понедельник.", Some(Script::Cyrillic)),
            ("Το συμβούλιο συνεδρίασε.", Some(Script::Greek)),
            ("Խորհուրդը հավաքվեց։", Some(Script::Armenian)),
            ("המועצה התכנסה ביום שני.", Some(Script::Hebrew)),
            ("اجتمع المجلس يوم الاثنين.", Some(Script::Arabic)),
            ("परिषद की बैठक सोमवार को हुई।", Some(Script::Devanagari)),
            ("পরিষদ সোমবার বৈঠক করেছে।", Some(Script::Bengali)),
            ("கவுன்சில் திங்கள்கிழமை கூடியது.", Some(Script::Tamil)),
            ("สภาประชุมเมื่อวันจันทร์", Some(Script::Thai)),
            ("საბჭო ორშაბათს შეიკრიბა.", Some(Script::Georgian)),
            ("시의회는 월요일에 모였다.", Some(Script::Hangul)),
            ("市議会は月曜日に開かれた。", Some(Script::Han)),
            ("ひらがなとカタカナだけ", Some(Script::Kana)),
            ("市政府周一宣布，将投入3.5亿元。", Some(Script::Han)),
            ("12 345 — 67 %", None),
            ("", None),
            // Mixed: the script of most letters; a tie goes to the one listed first.
            ("Apple 苹果公司宣布了新的计划", Some(Script::Han)),
            ("ab αβ", Some(Script::Latin)),
        ];
        for (text, want) in rows {
            assert_eq!(dominant(text), want, "{text}");
        }
    }
}
