//! Text normalisation with an offset map back to the input.
//!
//! A paragraph's normalised text has HTML entities decoded, white space of every kind (tabs,
//! newlines, no-break and ideographic spaces) collapsed to one ASCII space, invisible characters
//! (zero-width space, soft hyphen, byte-order mark), bidirectional controls (the overrides
//! always; marks, embeddings and isolates unless the word they stand in, between white space,
//! holds a right-to-left letter: right-to-left text keeps them) and other control characters
//! removed, and its ends trimmed. Every later stage works on normalised text; [`Normalized::to_input`] turns a byte offset in it back
//! into a byte offset in the input, so spans in the [`crate::Summary`] slice the caller's text.

/// Normalised text and the map from its byte offsets to input byte offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Sorted anchors `(normalised offset, input offset)`: from each anchor up to the next,
    /// offsets map linearly (a copied run); anchors are added where the mapping jumps.
    anchors: Vec<(u32, u32)>,
    /// Input offset just after the last character kept.
    input_end: usize,
}

impl Normalized {
    /// Normalises `input[range]`. Offsets in the result map to offsets in `input`.
    pub fn new(input: &str, start: usize, end: usize) -> Normalized {
        let src = &input[start..end];
        let mut out = Normalized { text: String::with_capacity(src.len()), anchors: Vec::new(), input_end: start };
        // Where the white space seen since the last kept character began, if any.
        let mut pending_space: Option<usize> = None;
        let bytes = src.as_bytes();
        // Right-to-left words keep their bidirectional marks, embeddings and isolates.
        let rtl_words = rtl_words(src);
        let mut word = 0;
        let mut i = 0;
        while i < src.len() {
            // Fast path: a run of printable ASCII other than '&' is copied as it is.
            let b = bytes[i];
            if b > b' ' && b < 0x7f && b != b'&' {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] > b' ' && bytes[j] < 0x7f && bytes[j] != b'&' {
                    j += 1;
                }
                if let Some(sp) = pending_space.take() {
                    if !out.text.is_empty() {
                        out.anchor(sp);
                        out.text.push(' ');
                    }
                }
                out.anchor(start + i);
                out.text.push_str(&src[i..j]);
                out.input_end = start + j;
                i = j;
                continue;
            }
            let Some(ch) = src[i..].chars().next() else { break };
            let (c, len) = match ch {
                '&' => decode_entity(&bytes[i..]).unwrap_or((ch, 1)),
                _ => (ch, ch.len_utf8()),
            };
            while word < rtl_words.len() && rtl_words[word].1 <= i {
                word += 1;
            }
            let rtl = rtl_words.get(word).is_some_and(|&(s, _)| s <= i);
            match classify(c, rtl) {
                CharClass::Space => {
                    pending_space.get_or_insert(start + i);
                }
                CharClass::Drop => {}
                CharClass::Keep => {
                    if let Some(sp) = pending_space.take() {
                        if !out.text.is_empty() {
                            out.anchor(sp);
                            out.text.push(' ');
                        }
                    }
                    out.anchor(start + i);
                    out.text.push(c);
                    out.input_end = start + i + len;
                }
            }
            i += len;
        }
        out
    }

    fn anchor(&mut self, input_pos: usize) {
        let norm = self.text.len() as u32;
        let pos = input_pos as u32;
        if let Some(last) = self.anchors.last_mut() {
            if last.0 == norm {
                last.1 = pos;
                return;
            }
            // Skip anchors that the linear run already implies.
            if last.1 + (norm - last.0) == pos {
                return;
            }
        }
        self.anchors.push((norm, pos));
    }

    /// The input byte offset of normalised byte offset `pos` (`0..=text.len()`). The end of
    /// the text maps to just after the last character kept.
    pub fn to_input(&self, pos: usize) -> usize {
        if pos >= self.text.len() {
            return self.input_end;
        }
        let pos32 = pos as u32;
        let k = self.anchors.partition_point(|a| a.0 <= pos32);
        if k == 0 {
            return pos; // unreachable in practice: the first kept char always anchors
        }
        let (n, o) = self.anchors[k - 1];
        (o + (pos32 - n)) as usize
    }
}

/// Normalises a whole string (for comparing a slice of the input with a sentence's text).
///
/// ```ignore
/// assert_eq!(normalize_str("a&amp;b \u{a0} c"), "a&b c");
/// ```
pub(crate) fn normalize_str(s: &str) -> String {
    Normalized::new(s, 0, s.len()).text
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Keep,
    Space,
    Drop,
}

/// The byte ranges of the words of `src` (runs between white space) that hold a right-to-left
/// letter, in order; none when `src` has no right-to-left letter.
fn rtl_words(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !src.chars().any(crate::script::is_rtl) {
        return out;
    }
    let mut start = None;
    let mut rtl = false;
    for (i, c) in src.char_indices() {
        if classify(c, false) == CharClass::Space {
            if let Some(s) = start.take() {
                if rtl {
                    out.push((s, i));
                }
            }
            rtl = false;
        } else {
            start.get_or_insert(i);
            rtl |= crate::script::is_rtl(c);
        }
    }
    if let (Some(s), true) = (start, rtl) {
        out.push((s, src.len()));
    }
    out
}

/// The class of `c`, in a word with (`rtl`) or without right-to-left letters.
fn classify(c: char, rtl: bool) -> CharClass {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{0b}' | '\u{0c}' => CharClass::Space,
        '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' => CharClass::Space,
        '\u{202f}' | '\u{205f}' | '\u{3000}' => CharClass::Space,
        // Invisible: zero-width space, word joiner, byte-order mark, soft hyphen.
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => CharClass::Drop,
        // Bidirectional overrides, which reorder what a reader sees, always; the other
        // bidirectional controls (marks, embeddings, isolates) are part of right-to-left text,
        // and stray junk in left-to-right text ("h\u{200e}e said").
        '\u{202d}' | '\u{202e}' => CharClass::Drop,
        '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202c}' | '\u{2066}'..='\u{2069}' | '\u{61c}' if !rtl => {
            CharClass::Drop
        }
        // Replacement character (lossy decoding of binary junk) and noncharacters.
        '\u{fffd}' | '\u{fffe}' | '\u{ffff}' => CharClass::Drop,
        c if c.is_control() => CharClass::Drop,
        _ => CharClass::Keep,
    }
}

/// Named entities that survive in copied text (the common ones; numeric entities are decoded
/// in general).
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("oacute", 'ó'),
    ("iacute", 'í'),
    ("uacute", 'ú'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("uuml", 'ü'),
    ("ouml", 'ö'),
    ("auml", 'ä'),
    ("szlig", 'ß'),
    ("middot", '·'),
    ("bull", '•'),
    ("shy", '\u{ad}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
];

/// Decodes an HTML entity at the start of `b` (which starts with `&`): returns the character and
/// the number of bytes used, or `None` when `b` does not start with a known, `;`-terminated
/// entity.
fn decode_entity(b: &[u8]) -> Option<(char, usize)> {
    let end = b.iter().take(12).position(|&c| c == b';')?;
    let body = std::str::from_utf8(&b[1..end]).ok()?;
    if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        let c = char::from_u32(code)?;
        return Some((c, end + 1));
    }
    NAMED_ENTITIES.iter().find(|(name, _)| *name == body).map(|&(_, c)| (c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(input: &str) {
        let n = Normalized::new(input, 0, input.len());
        // Every char boundary of the normalised text maps onto a char boundary of the input,
        // monotonically.
        let mut last = 0;
        for (i, _) in n.text.char_indices().chain(std::iter::once((n.text.len(), ' '))) {
            let o = n.to_input(i);
            assert!(input.is_char_boundary(o), "{input:?} {i} -> {o}");
            assert!(o >= last);
            last = o;
        }
    }

    /// Normalises all of `input`, checks the text is `want` and the offset map is sound.
    fn normalized(input: &str, want: &str) -> Normalized {
        let n = Normalized::new(input, 0, input.len());
        assert_eq!(n.text, want);
        check_map(input);
        n
    }

    #[test]
    fn collapses_space_and_decodes_entities() {
        let s = "  Tom&amp;Jerry\u{a0}\u{a0}met\n\tin  Paris&nbsp;today&hellip; ";
        let n = normalized(s, "Tom&Jerry met in Paris today…");
        // "met" maps back to the input's "met".
        let p = n.text.find("met").unwrap();
        let o = n.to_input(p);
        assert_eq!(&s[o..o + 3], "met");
        // The end maps to just after "&hellip;".
        assert_eq!(&s[..n.to_input(n.text.len())], s.trim_end());
    }

    #[test]
    fn removes_invisible_and_bidi_controls() {
        let s = "ab\u{200b}c\u{202e}de\u{ad}f\u{0}g";
        let n = normalized(s, "abcdefg");
        let p = n.text.find('d').unwrap();
        assert_eq!(&s[n.to_input(p)..n.to_input(p) + 1], "d");
    }

    #[test]
    fn keeps_the_bidi_marks_and_isolates_of_right_to_left_text() {
        for s in ["قال\u{200f} الوزير", "\u{2067}שלום\u{2069} Acme", "a\u{200e}b\u{202b}جc\u{202c}\u{61c}"]
        {
            assert_eq!(normalize_str(s), s);
        }
        assert_eq!(normalize_str("\u{202d}قال\u{202c}"), "قال\u{202c}");
        // Left-to-right words have no use for them: stray marks are junk ("h\u{200e}e said"),
        // also beside right-to-left words; what is kept does not depend on the text around the
        // word, so a sentence's slice normalises as the sentence.
        assert_eq!(normalize_str("h\u{200e}e said\u{200f} \u{2066}it\u{2069}"), "he said it");
        assert_eq!(normalize_str("Acme\u{200f} قال\u{200f}"), "Acme قال\u{200f}");
    }

    #[test]
    fn unknown_entities_stay_as_text() {
        assert_eq!(normalize_str("AT&T &bogus; R&D;"), "AT&T &bogus; R&D;");
        assert_eq!(normalize_str("&#8220;Hi&#x201D;"), "“Hi”");
    }

    #[test]
    fn sub_range_maps_into_whole_input() {
        let s = "first line\nsecond &amp; line";
        let start = s.find("second").unwrap();
        let n = Normalized::new(s, start, s.len());
        assert_eq!(n.text, "second & line");
        let p = n.text.find("line").unwrap();
        assert_eq!(&s[n.to_input(p)..n.to_input(p) + 4], "line");
        assert_eq!(n.to_input(0), start);
    }
}
