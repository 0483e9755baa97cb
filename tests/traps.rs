//! The quadratic traps of `tests/traps/inputs.rs` (5 MB without punctuation, one 1 MB sentence,
//! 200,000 one-word sentences, 50,000 identical paragraphs, 10,000 nested quotes, 100,000
//! numbers, emoji, combining marks, right-to-left overrides …): each returns a summary or a
//! typed error, never panics, and finishes within a generous bound that only catches hangs
//! (speed itself is measured by `cargo bench --bench traps`, not asserted here).

mod traps {
    pub mod inputs;
}

use abridge::{summarize, Article, Options};
use std::time::{Duration, Instant};

/// Far above the release-build figures (all under 250 ms), to allow for unoptimised test
/// builds on a busy machine; a quadratic path takes minutes.
const HANG: Duration = Duration::from_secs(60);

/// Summarises one trap: a summary or a typed error, within [`HANG`], spans on char boundaries.
fn check(name: &str, text: String) {
    let article = Article::from_text(text);
    let t = Instant::now();
    let result = summarize(&article, &Options::default());
    let took = t.elapsed();
    assert!(took < HANG, "{name}: {took:?}");
    if let Ok(s) = result {
        assert!(s.sentences.len() <= 7, "{name}");
        let input = article.text.as_deref().unwrap();
        for x in &s.sentences {
            assert!(input.is_char_boundary(x.span.start) && input.is_char_boundary(x.span.end), "{name}");
            assert!(x.text.len() <= abridge::MAX_SENTENCE_BYTES, "{name}");
        }
    }
}

/// One test per trap of `tests/traps/inputs.rs`, named as its function (`cargo test --test
/// traps nested_quotes`). A new trap needs its name here; `every_trap_has_a_test` fails until
/// then.
macro_rules! trap_tests {
    ($($id:ident),* $(,)?) => {
        $(
            #[test]
            fn $id() {
                check(stringify!($id), traps::inputs::$id());
            }
        )*
        const TESTED: &[&str] = &[$(stringify!($id)),*];
    };
}

trap_tests!(
    no_punctuation,
    one_long_sentence,
    one_word_sentences,
    identical_paragraphs,
    nested_quotes,
    numbers,
    only_emoji,
    only_combining_marks,
    rtl_overrides,
    abbreviations,
    one_long_word,
    capitalised_names,
    titled_names,
    dotted_initials,
    cjk_one_paragraph,
    cjk_no_punctuation,
);

#[test]
fn every_trap_has_a_test() {
    let untested: Vec<&str> = traps::inputs::all().iter().map(|t| t.0).filter(|id| !TESTED.contains(id)).collect();
    assert!(untested.is_empty(), "traps without a test (add them to `trap_tests!` in tests/traps.rs): {untested:?}");
}

#[test]
fn over_the_size_limit_is_a_typed_error() {
    let text = "word ".repeat(abridge::limits::MAX_INPUT_BYTES / 5 + 1);
    let err = summarize(&Article::from_text(text), &Options::default()).unwrap_err();
    assert!(matches!(err.kind(), abridge::ErrorKind::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("limit"));
}
