//! Property tests on arbitrary input: no panic; every offset in bounds, on a char boundary and
//! consistent between bytes and UTF-16; chosen sentences in article order and drawn from the
//! input; the output a pure function of input and options; summarising a summary changes
//! nothing.

mod common;

use abridge::{summarize, Article, Options};
use proptest::prelude::*;

/// Text built from news-like pieces, punctuation, odd white space and any Unicode.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Z][a-z]{1,9}",
        6 => "[a-z]{1,10}",
        1 => "[0-9]{1,5}([.,][0-9]{1,3})?%?",
        2 => prop::sample::select(vec![
            ". ", ", ", "! ", "? ", " — ", "\n", "\n\n", " \u{a0}", "“", "”", "\"", "'", "(", ")", "Mr. ", "U.S. ",
            "Jan. ", "&amp;", "\u{200b}", "\u{202e}", "。", "！", "।", "$", "...", "(AP) — ", "___", "1 / 8",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.join(" "))
}

/// Paragraphs of sentences: a capitalised word, 4 to 20 more, a terminator.
fn prose() -> impl Strategy<Value = String> {
    let word = prop_oneof![3 => "[a-z]{1,9}", 1 => "[A-Z][a-z]{1,8}", 1 => "[0-9]{1,4}", 1 => Just("Mr.".to_string())];
    let sentence =
        ("[A-Z][a-z]{2,8}", prop::collection::vec(word, 4..20), prop::sample::select(vec![".", "!", "?", ".”"]))
            .prop_map(|(first, rest, end)| format!("{first} {}{end}", rest.join(" ")));
    let paragraph = prop::collection::vec(sentence, 1..5).prop_map(|s| s.join(" "));
    prop::collection::vec(paragraph, 1..6).prop_map(|p| p.join("\n\n"))
}

fn options() -> impl Strategy<Value = Options> {
    (prop::option::of(0usize..12), prop::option::of(0.0f64..1.2), 0usize..20, 0usize..12).prop_map(
        |(sentences, ratio, key_facts, keywords)| Options {
            sentences,
            ratio,
            key_facts,
            keywords,
            ..Options::default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn offsets_are_exact_and_output_deterministic(text in texty(), opts in options(), title in prop::option::of("[A-Za-z ]{0,30}")) {
        let article = Article { text: Some(text), title, ..Article::default() };
        let a = summarize(&article, &opts);
        prop_assert_eq!(&a, &summarize(&article, &opts));
        if let Ok(s) = a {
            common::check_offsets(&article, &s);
            prop_assert!(s.sentences.len() <= s.stats.article_sentences);
            for f in &s.key_facts {
                prop_assert!(!f.value.is_empty());
            }
        }
    }

    #[test]
    fn paragraphs_input_offsets(paras in prop::collection::vec(texty(), 0..8), n in 1usize..6) {
        let article = Article::from_paragraphs(paras);
        if let Ok(s) = summarize(&article, &Options::sentences(n)) {
            common::check_offsets(&article, &s);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let article = Article::from_text(String::from_utf8_lossy(&bytes).into_owned());
        let _ = summarize(&article, &Options::default());
    }

    /// A summary of a summary is the same summary: every sentence of a summary survives
    /// cleaning and segmentation again, and asking for as many sentences keeps them all. (On
    /// text made of sentences: arbitrary fragments without prose have no summary to keep.)
    #[test]
    fn summarising_a_summary_changes_nothing(text in prose()) {
        let Ok(first) = summarize(&Article::from_text(text), &Options::sentences(3)) else { return Ok(()) };
        let sentences: Vec<String> = first.sentences.iter().map(|s| s.text.clone()).collect();
        let again = summarize(&Article::from_paragraphs(sentences.clone()), &Options::sentences(sentences.len()));
        if let Ok(again) = again {
            let texts: Vec<String> = again.sentences.iter().map(|s| s.text.clone()).collect();
            prop_assert_eq!(texts, sentences);
        }
    }
}
