//! Key phrases: runs of content words (no stopword or punctuation between them), scored by
//! the weight of their words and how often the phrase occurs — the candidate generation of
//! RAKE (Rose et al. 2010, "Automatic keyword extraction from individual documents") with a
//! position-weighted term frequency in place of RAKE's degree/frequency ratio, which favours
//! long rare phrases. For scripts written without spaces the phrases are character bigrams.

use crate::clean::is_cjk;
use crate::model::Keyword;
use crate::token::{TermId, Tokenized};
use rustc_hash::FxHashMap as HashMap;

/// Longest phrase, in words.
const MAX_PHRASE_WORDS: usize = 3;

/// A sentence as keyword extraction sees it.
pub(crate) struct KeywordInput<'a> {
    pub text: &'a str,
    pub tok: &'a Tokenized,
    /// Rank among the article's sentences (earlier sentences weigh more).
    pub rank: usize,
}

struct Phrase {
    terms: Vec<TermId>,
    count: usize,
    forms: HashMap<String, usize>,
    first_rank: usize,
}

/// The top `k` key phrases of the article.
pub(crate) fn extract(sentences: &[KeywordInput], title_terms: &[TermId], k: usize) -> Vec<Keyword> {
    if k == 0 {
        return Vec::new();
    }
    // Position-weighted term frequency.
    let mut weight: HashMap<TermId, f64> = HashMap::default();
    for s in sentences {
        let w = 1.0 + 1.0 / (1.0 + s.rank as f64 / 3.0);
        for &t in &s.tok.terms {
            *weight.entry(t).or_default() += w;
        }
    }
    for t in title_terms {
        if let Some(w) = weight.get_mut(t) {
            *w *= 1.5;
        }
    }

    let mut phrases: HashMap<Vec<TermId>, Phrase> = HashMap::default();
    for s in sentences {
        let toks = &s.tok.tokens;
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let text = t.text(s.text);
            if t.term.is_none() || t.numeric || text.chars().count() < 3 && !text.chars().any(is_cjk) {
                i += 1;
                continue;
            }
            if text.chars().next().is_some_and(is_cjk) {
                // A CJK bigram: the previous character and this one.
                if i > 0 && toks[i - 1].end == t.start {
                    let form = &s.text[toks[i - 1].start as usize..t.end as usize];
                    add(&mut phrases, vec![t.term.unwrap_or_default()], form, s.rank);
                }
                i += 1;
                continue;
            }
            // A run of content words separated only by spaces or hyphens.
            let mut j = i + 1;
            while j < toks.len() && j - i < MAX_PHRASE_WORDS {
                let gap = &s.text[toks[j - 1].end as usize..toks[j].start as usize];
                let ok = toks[j].term.is_some() && !toks[j].numeric && (gap == " " || gap == "-");
                if !ok {
                    break;
                }
                j += 1;
            }
            // Every sub-run starting at i is a candidate.
            for end in i + 1..=j {
                let terms: Vec<TermId> = toks[i..end].iter().filter_map(|t| t.term).collect();
                let form = &s.text[toks[i].start as usize..toks[end - 1].end as usize];
                add(&mut phrases, terms, form, s.rank);
            }
            i += 1;
        }
    }

    let mut scored: Vec<(f64, Phrase)> = phrases
        .into_values()
        .filter(|p| p.count >= 2 || p.terms.len() >= 2 && p.count >= 1 && p.first_rank < 3)
        .map(|p| {
            let mean: f64 =
                p.terms.iter().map(|t| weight.get(t).copied().unwrap_or(0.0)).sum::<f64>() / p.terms.len() as f64;
            let s = mean * (1.0 + 0.35 * (p.terms.len() as f64 - 1.0)) * (1.0 + (p.count as f64).ln());
            (s, p)
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then_with(|| a.1.first_rank.cmp(&b.1.first_rank)).then_with(|| a.1.terms.cmp(&b.1.terms))
    });

    let mut out: Vec<Keyword> = Vec::new();
    let mut chosen: Vec<Vec<TermId>> = Vec::new();
    let top = scored.first().map_or(1.0, |s| s.0.max(1e-9));
    for (s, p) in scored {
        if out.len() >= k {
            break;
        }
        // Skip a phrase whose words another chosen phrase already covers, or that covers one.
        let overlaps =
            chosen.iter().any(|c| p.terms.iter().all(|t| c.contains(t)) || c.iter().all(|t| p.terms.contains(t)));
        if overlaps {
            continue;
        }
        let form = p
            .forms
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(f, _)| f.clone())
            .unwrap_or_default();
        chosen.push(p.terms.clone());
        out.push(Keyword { text: form, score: (s / top * 1000.0).round() / 1000.0, count: p.count });
    }
    out
}

fn add(phrases: &mut HashMap<Vec<TermId>, Phrase>, terms: Vec<TermId>, form: &str, rank: usize) {
    let p = phrases.entry(terms.clone()).or_insert_with(|| Phrase {
        terms,
        count: 0,
        forms: HashMap::default(),
        first_rank: rank,
    });
    p.count += 1;
    // Keep the written form, lower-casing a capital that is only there because the word opens
    // nothing in particular: forms are compared as written, so "Taliban" stays "Taliban".
    *p.forms.entry(form.to_string()).or_default() += 1;
    p.first_rank = p.first_rank.min(rank);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;
    use crate::token::Vocabulary;

    #[test]
    fn phrases_from_runs_of_content_words() {
        let lang = Language::for_code("en", false);
        let mut v = Vocabulary::new(&lang);
        let texts = [
            "The foreign ministers met in Samarkand to discuss regional security.",
            "Regional security was the focus, the foreign ministers said.",
            "The Taliban took power in August 2021.",
            "No country has recognized the Taliban.",
        ];
        let toks: Vec<Tokenized> = texts.iter().map(|t| v.tokenize(t)).collect();
        let input: Vec<KeywordInput> =
            texts.iter().zip(&toks).enumerate().map(|(rank, (text, tok))| KeywordInput { text, tok, rank }).collect();
        let kw = extract(&input, &[], 3);
        let texts: Vec<&str> = kw.iter().map(|k| k.text.as_str()).collect();
        assert!(texts.contains(&"foreign ministers"), "{texts:?}");
        assert!(texts.contains(&"regional security") || texts.contains(&"Regional security"), "{texts:?}");
        assert!(texts.contains(&"Taliban"), "{texts:?}");
        assert_eq!(kw[0].score, 1.0);
    }
}
