//! `summarize` on arbitrary bytes (decoded lossily, as the CLI does) with arbitrary options,
//! as text and as paragraphs. Checks what must hold for any input: no panic, offsets in bounds
//! and on character boundaries, the span slicing to the sentence, sentences in order.
#![no_main]

use abridge::{summarize, Article, Options};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    bytes: &'a [u8],
    title: Option<&'a str>,
    lang: Option<&'a str>,
    sentences: Option<u8>,
    ratio: Option<f64>,
    key_facts: u8,
    keywords: u8,
    as_paragraphs: bool,
}

fuzz_target!(|input: Input| {
    let text = String::from_utf8_lossy(input.bytes).into_owned();
    let article = if input.as_paragraphs {
        Article::from_paragraphs(text.split('\n').map(str::to_string))
    } else {
        Article::from_text(text)
    };
    let article = Article { title: input.title.map(str::to_string), lang: input.lang.map(str::to_string), ..article };
    let options = Options {
        sentences: input.sentences.map(usize::from),
        ratio: input.ratio,
        key_facts: usize::from(input.key_facts),
        keywords: usize::from(input.keywords),
        explain: false,
    };
    let Ok(summary) = summarize(&article, &options) else { return };
    let joined = match &article.paragraphs {
        Some(p) => p.join("\n\n"),
        None => article.text.clone().unwrap_or_default(),
    };
    let mut last = None;
    for s in &summary.sentences {
        assert!(s.span.start <= s.span.end && s.span.end <= joined.len());
        assert!(joined.is_char_boundary(s.span.start) && joined.is_char_boundary(s.span.end));
        assert_eq!(abridge::normalize(&joined[s.span.start..s.span.end]), s.text);
        assert!(last.is_none_or(|l| s.index > l));
        last = Some(s.index);
    }
});
