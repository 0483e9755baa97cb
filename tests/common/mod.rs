//! Helpers shared by the integration tests.
#![allow(dead_code)]

use abridge::{Summary, SummarySentence};
use std::path::PathBuf;

/// `../shared/` relative to the repository root, when it is there.
pub fn shared_dir() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// Prints that a test is skipped because `../shared/` is absent.
pub fn skip(test: &str) {
    eprintln!("SKIPPED {test}: ../shared/ is not present (the corpora and pages live there)");
}

/// The input string byte spans refer to.
pub fn input_of(article: &abridge::Article) -> String {
    match &article.paragraphs {
        Some(p) => p.join("\n\n"),
        None => article.text.clone().unwrap_or_default(),
    }
}

/// Checks every offset of every summary sentence against the input: byte spans on char
/// boundaries that slice to the sentence (after normalisation), UTF-16 spans consistent with
/// the byte spans, paragraph-relative spans consistent with the paragraph's start, sentences
/// in article order.
pub fn check_offsets(article: &abridge::Article, summary: &Summary) {
    let input = input_of(article);
    let mut last_index: Option<usize> = None;
    for s in &summary.sentences {
        check_sentence(&input, article, s);
        if let Some(l) = last_index {
            assert!(s.index > l, "sentences out of order: {} after {}", s.index, l);
        }
        last_index = Some(s.index);
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn check_sentence(input: &str, article: &abridge::Article, s: &SummarySentence) {
    let (a, b) = (s.span.start, s.span.end);
    assert!(a < b && b <= input.len(), "span {a}..{b} out of bounds ({})", input.len());
    assert!(input.is_char_boundary(a) && input.is_char_boundary(b), "span {a}..{b} not on char boundaries");
    let slice = &input[a..b];
    assert_eq!(abridge::normalize(slice), s.text, "the span does not slice to the sentence");
    assert_eq!(s.span_utf16.start, utf16_len(&input[..a]));
    assert_eq!(s.span_utf16.end, utf16_len(&input[..b]));
    let para_start_utf16 = s.span_utf16.start - s.paragraph_span_utf16.start;
    assert_eq!(s.paragraph_span_utf16.end - s.paragraph_span_utf16.start, utf16_len(slice));
    if let Some(paragraphs) = &article.paragraphs {
        let p = &paragraphs[s.paragraph];
        let units: Vec<u16> = p.encode_utf16().collect();
        let got = String::from_utf16_lossy(&units[s.paragraph_span_utf16.start..s.paragraph_span_utf16.end]);
        assert_eq!(got, slice, "paragraph-relative span does not slice paragraph {}", s.paragraph);
    } else {
        assert!(para_start_utf16 <= s.span_utf16.start);
    }
}
