//! Building the [`Summary`]: the chosen sentences with their spans (bytes into the input, then
//! UTF-16) and rounded score parts, the reading-time statistics and the rest of the record.

use super::Analysis;
use crate::clean::{Cleaned, ParaKind};
use crate::model::{KeyFact, Keyword, ScoreParts, Span, Stats, Summary, SummarySentence};
use crate::{offsets, score, WORDS_PER_MINUTE};

/// The summary of an analysed article. `chosen` are sentence indices in article order;
/// `parts` the score parts of the eligible sentences.
pub(super) fn build(
    input: &str,
    cleaned: &Cleaned,
    a: &Analysis,
    chosen: &[usize],
    parts: &[ScoreParts],
    key_facts: Vec<KeyFact>,
    keywords: Vec<Keyword>,
) -> Summary {
    let sentences = summary_sentences(input, cleaned, a, chosen, parts);
    Summary {
        title: cleaned.title.clone(),
        lang: a.language.code.clone(),
        lang_detected: a.language.detected,
        stats: stats(cleaned, a, chosen),
        sentences,
        key_facts,
        keywords,
        dropped: cleaned.dropped.clone(),
        truncated: a.truncated.clone(),
    }
}

/// The chosen sentences, with spans in bytes and UTF-16 code units.
fn summary_sentences(
    input: &str,
    cleaned: &Cleaned,
    a: &Analysis,
    chosen: &[usize],
    parts: &[ScoreParts],
) -> Vec<SummarySentence> {
    // Offsets: bytes into the input, then UTF-16.
    let mut out: Vec<SummarySentence> = Vec::with_capacity(chosen.len());
    let mut utf16: Vec<usize> = Vec::with_capacity(chosen.len() * 3);
    let eligible_pos: rustc_hash::FxHashMap<usize, usize> =
        a.eligible.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    for &i in chosen {
        let s = &a.sentences[i];
        let p = &cleaned.paragraphs[s.para];
        let span = Span { start: p.norm.to_input(s.start), end: p.norm.to_input(s.end) };
        let sp = eligible_pos.get(&i).map(|&k| parts[k]).unwrap_or_default();
        utf16.extend([span.start, span.end, p.input_start]);
        out.push(SummarySentence {
            text: s.text.to_string(),
            index: i,
            paragraph: p.index,
            score: round4(score::total(&sp)),
            score_parts: ScoreParts {
                position: round4(sp.position),
                centrality: round4(sp.centrality),
                title: round4(sp.title),
                length: round4(sp.length),
                penalty: round4(sp.penalty),
            },
            span,
            span_utf16: Span::default(),
            paragraph_span_utf16: Span::default(),
        });
    }
    offsets::to_utf16(input, &mut utf16);
    for (k, s) in out.iter_mut().enumerate() {
        let (start, end, para) = (utf16[3 * k], utf16[3 * k + 1], utf16[3 * k + 2]);
        s.span_utf16 = Span { start, end };
        s.paragraph_span_utf16 = Span { start: start - para, end: end - para };
    }
    out
}

/// Word and sentence counts, reading times and reduction.
fn stats(cleaned: &Cleaned, a: &Analysis, chosen: &[usize]) -> Stats {
    let article_words: usize = a.sentences.iter().map(|s| s.tok.tokens.len()).sum();
    let summary_words: usize = chosen.iter().map(|&i| a.sentences[i].tok.tokens.len()).sum();
    let article_minutes = article_words as f64 / WORDS_PER_MINUTE;
    let summary_minutes = summary_words as f64 / WORDS_PER_MINUTE;
    Stats {
        article_words,
        article_sentences: a.sentences.len(),
        article_paragraphs: cleaned.paragraphs.iter().filter(|p| p.kind != ParaKind::Caption).count(),
        summary_words,
        summary_sentences: chosen.len(),
        article_minutes: round2(article_minutes),
        summary_minutes: round2(summary_minutes),
        saved_minutes: round2(article_minutes - summary_minutes),
        reduction_percent: if article_words == 0 {
            0.0
        } else {
            round2(100.0 * (1.0 - summary_words as f64 / article_words as f64))
        },
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
