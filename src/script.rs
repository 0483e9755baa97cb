//! Script and punctuation classes shared by the stages: which characters belong to scripts
//! written without spaces, which marks quote, open and close, and which end a sentence.
//! Stages that need a character class take it from here rather than from each other.

/// Whether `c` belongs to a script written without spaces between words (Han, kana, Thai …).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2fa1f
        | 0x0e00..=0x0e7f | 0x0e80..=0x0eff | 0x1000..=0x109f | 0x1780..=0x17ff)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_cjk('改') && is_cjk('か') && !is_cjk('a'));
        assert!(opens_quote('„') && closes_quote('“') && !opens_quote('»'));
        assert!(WIDE_TERMINATORS.iter().all(|c| SENTENCE_TERMINATORS.contains(c)));
    }
}
