//! Stage 3, tokens: Unicode words (UAX #29), case folding, stopwords and stems, interned as
//! term ids. Each distinct word form is lower-cased, looked up and stemmed once per article.
//! Scripts written without spaces (Han, kana) get overlapping character bigrams as terms.

use crate::lang::Language;
use crate::script::is_cjk;
use rustc_hash::FxHashMap as HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Id of an interned term (a stem, or a CJK character bigram).
pub(crate) type TermId = u32;

/// One word of a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte offsets into the sentence's text.
    pub start: u32,
    pub end: u32,
    /// Its term (the stem), or `None` for stopwords and words with no letters or digits.
    pub term: Option<TermId>,
    /// Whether it starts with an upper-case letter.
    pub capitalised: bool,
    /// Whether it holds a digit.
    pub numeric: bool,
}

impl Token {
    /// The token's text within its sentence.
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        &sentence[self.start as usize..self.end as usize]
    }
}

/// The tokens of one sentence and its content terms.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokenized {
    pub tokens: Vec<Token>,
    /// Content terms in order: stems of non-stopwords, and bigrams for CJK runs.
    pub terms: Vec<TermId>,
}

/// Interns terms and caches the analysis of each distinct word form.
pub(crate) struct Vocabulary<'l> {
    lang: &'l Language,
    /// Word form as written → (term, is stopword).
    forms: HashMap<String, Option<TermId>>,
    /// Stem or bigram → term id.
    terms: HashMap<String, TermId>,
    /// Reused buffer for lower-casing.
    lower: String,
}

impl<'l> Vocabulary<'l> {
    pub fn new(lang: &'l Language) -> Self {
        Vocabulary { lang, forms: HashMap::default(), terms: HashMap::default(), lower: String::new() }
    }

    fn intern(&mut self, key: &str) -> TermId {
        if let Some(&id) = self.terms.get(key) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.insert(key.to_string(), id);
        id
    }

    /// The term of a word form (`None` for a stopword or a word without letters or digits).
    fn term_of(&mut self, word: &str) -> Option<TermId> {
        if let Some(&t) = self.forms.get(word) {
            return t;
        }
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        let lower = std::mem::take(&mut self.lower);
        let term = if self.lang.is_stopword(&lower) || !lower.chars().any(char::is_alphanumeric) {
            None
        } else {
            let stem = self.lang.stem(&lower).into_owned();
            Some(self.intern(&stem))
        };
        self.lower = lower;
        self.forms.insert(word.to_string(), term);
        term
    }

    /// Tokenises one sentence.
    pub fn tokenize(&mut self, sentence: &str) -> Tokenized {
        let mut out = Tokenized { tokens: Vec::with_capacity(sentence.len() / 5 + 1), terms: Vec::new() };
        let mut prev_cjk: Option<(usize, char)> = None; // (end offset, char) of the previous CJK token
        for (start, word) in sentence.unicode_word_indices() {
            let end = start + word.len();
            let mut chars = word.chars();
            let first = chars.next().unwrap_or(' ');
            let single = chars.next().is_none();
            let (term, capitalised, numeric) = if single && is_cjk(first) {
                // Character bigrams over runs of ideographs and kana.
                let term = match prev_cjk {
                    Some((pend, pc)) if pend == start => {
                        let mut key = String::with_capacity(8);
                        key.push(pc);
                        key.push(first);
                        Some(self.intern(&key))
                    }
                    _ => None,
                };
                prev_cjk = Some((end, first));
                (term, false, false)
            } else {
                prev_cjk = None;
                (self.term_of(word), first.is_uppercase(), word.bytes().any(|b| b.is_ascii_digit()))
            };
            if let Some(t) = term {
                out.terms.push(t);
            }
            out.tokens.push(Token { start: start as u32, end: end as u32, term, capitalised, numeric });
        }
        out
    }
}

/// The tokens of `texts` under English stopwords and stems, with one vocabulary (so term ids
/// agree across them), for tests.
#[cfg(test)]
pub(crate) fn tokenize_english<const N: usize>(texts: [&str; N]) -> [Tokenized; N] {
    let lang = Language::for_code("en", false);
    let mut v = Vocabulary::new(&lang);
    texts.map(|t| v.tokenize(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_stopwords() {
        let [a, b] = tokenize_english(["The ministers were meeting in Samarkand.", "A minister meets them."]);
        assert_eq!(a.tokens.len(), 6);
        assert_eq!(a.terms.len(), 3); // minist, meet, samarkand
        assert_eq!(b.terms.len(), 2);
        assert_eq!(a.terms[0], b.terms[0]); // "ministers" and "minister" share a stem
        assert_eq!(a.terms[1], b.terms[1]); // "meeting" and "meets"
        assert!(a.tokens[5].capitalised);
        assert_eq!(a.tokens[5].text("The ministers were meeting in Samarkand."), "Samarkand");
    }

    #[test]
    fn cjk_gets_bigrams() {
        let lang = Language::for_code("zh", false);
        let mut v = Vocabulary::new(&lang);
        let t = v.tokenize("改造老旧小区");
        assert_eq!(t.tokens.len(), 6);
        assert_eq!(t.terms.len(), 5);
        let u = v.tokenize("老旧小区");
        assert_eq!(u.terms, t.terms[2..].to_vec());
    }
}
