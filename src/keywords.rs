//! Key phrases: runs of content words (no stopword or punctuation between them), scored by
//! the weight of their words and how often the phrase occurs — the candidate generation of
//! RAKE (Rose et al. 2010, "Automatic keyword extraction from individual documents") with a
//! position-weighted term frequency in place of RAKE's degree/frequency ratio, which favours
//! long rare phrases. For scripts written without spaces the phrases are character bigrams.

use crate::lexicon;
use crate::model::Keyword;
use crate::script::is_cjk;
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

/// A phrase's terms, unused slots set to `NONE`: a fixed-size key, no allocation per
/// occurrence.
type Key = [TermId; MAX_PHRASE_WORDS];
const NONE: TermId = TermId::MAX;

struct Phrase<'a> {
    key: Key,
    count: usize,
    /// Written forms and how often each occurs; a form at the start of a sentence counts half
    /// (its capital may be the sentence's, not the phrase's).
    forms: HashMap<&'a str, usize>,
    first_rank: usize,
}

impl Phrase<'_> {
    fn terms(&self) -> impl Iterator<Item = TermId> + '_ {
        self.key.iter().copied().filter(|&t| t != NONE)
    }

    fn len(&self) -> usize {
        self.terms().count()
    }
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

    // Phrases in order of first occurrence (an index by key beside them), so that ties in score
    // fall the same way on every platform.
    let mut phrases: Vec<Phrase> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::default();
    for s in sentences {
        let toks = &s.tok.tokens;
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let text = t.text(s.text);
            let cjk = text.chars().next().is_some_and(is_cjk);
            let bare = text.trim_end_matches("'s").trim_end_matches("’s");
            if t.term.is_none() || t.numeric || !cjk && bare.len() < 3 {
                i += 1;
                continue;
            }
            if cjk {
                // A CJK bigram: the previous character and this one.
                if i > 0 && toks[i - 1].end == t.start {
                    let form = &s.text[toks[i - 1].start as usize..t.end as usize];
                    add(&mut phrases, &mut index, [t.term.unwrap_or(NONE), NONE, NONE], form, s.rank, false);
                }
                i += 1;
                continue;
            }
            // A run of content words separated only by spaces or hyphens.
            if is_filler(text) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && j - i < MAX_PHRASE_WORDS {
                let gap = &s.text[toks[j - 1].end as usize..toks[j].start as usize];
                let next = &toks[j];
                // A phrase does not run from common words into a name ("goods giant Home") nor
                // from a name into common words ("PG&E's principal meteorologist").
                let into_name = next.capitalised != toks[j - 1].capitalised && (next.capitalised || i > 0);
                let possessive = toks[j - 1].text(s.text).ends_with("'s") || toks[j - 1].text(s.text).ends_with("’s");
                let ok = next.term.is_some()
                    && !next.numeric
                    && (gap == " " || gap == "-")
                    && !into_name
                    && !possessive
                    && !is_filler(next.text(s.text));
                if !ok {
                    break;
                }
                j += 1;
            }
            // A name (a run of capitalised words past the sentence's first word) is one
            // candidate, whole: "Russian Foreign Ministry", not "Foreign". Otherwise every sub-run
            // starting at i is a candidate ("regional", "regional security").
            let name = (i..j).all(|k| toks[k].capitalised) && (i > 0 || j - i > 1);
            let mut key = [NONE; MAX_PHRASE_WORDS];
            for end in i + 1..=j {
                key[end - 1 - i] = toks[end - 1].term.unwrap_or(NONE);
                if name && end < j {
                    continue;
                }
                let form = &s.text[toks[i].start as usize..toks[end - 1].end as usize];
                // A title or a nationality alone says little ("Minister", "Afghan").
                let single_label =
                    end == i + 1 && (lexicon::PERSON_TITLES.contains(form) || lexicon::DEMONYMS.contains(form));
                if !single_label {
                    add(&mut phrases, &mut index, key, form, s.rank, i == 0);
                }
            }
            i = if name { j } else { i + 1 };
        }
    }

    let scored: Vec<(f64, Phrase)> = phrases
        .into_iter()
        .filter(|p| p.count >= 2 || p.len() >= 2 && p.first_rank < 3)
        .map(|p| {
            let n = p.len() as f64;
            let mean: f64 = p.terms().map(|t| weight.get(&t).copied().unwrap_or(0.0)).sum::<f64>() / n;
            let s = mean * (1.0 + 0.7 * (n - 1.0)) * (1.0 + (p.count as f64).ln());
            (s, p)
        })
        .collect();
    let order = crate::vector::order_desc(&scored.iter().map(|x| x.0).collect::<Vec<f64>>());
    let mut slots: Vec<Option<(f64, Phrase)>> = scored.into_iter().map(Some).collect();
    let scored: Vec<(f64, Phrase)> = order.into_iter().filter_map(|i| slots[i].take()).collect();

    let mut out: Vec<Keyword> = Vec::new();
    let mut chosen: Vec<Vec<TermId>> = Vec::new();
    let top = scored.first().map_or(1.0, |s| s.0.max(1e-9));
    for (s, p) in scored {
        if out.len() >= k {
            break;
        }
        // Skip a phrase whose words another chosen phrase already covers, or that covers one.
        let terms: Vec<TermId> = p.terms().collect();
        let overlaps =
            chosen.iter().any(|c| terms.iter().all(|t| c.contains(t)) || c.iter().all(|t| terms.contains(t)));
        if overlaps {
            continue;
        }
        let form = p.forms.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).map(|(f, _)| f.to_string());
        chosen.push(terms);
        out.push(Keyword {
            text: form.unwrap_or_default(),
            score: (s / top * 1000.0).round() / 1000.0,
            count: p.count,
        });
    }
    out
}

/// Words that carry no topic though they are not stopwords: reporting verbs ("said") and
/// connective adverbs ("also", "still").
fn is_filler(word: &str) -> bool {
    lexicon::REPORTING_VERBS.contains_ci(word)
        || lexicon::DANGLING_OPENERS.contains_ci(word)
        || lexicon::ALL.modals.iter().any(|m| m.eq_ignore_ascii_case(word))
        || word.len() <= 3 && word.chars().count() <= 2
}

fn add<'a>(
    phrases: &mut Vec<Phrase<'a>>,
    index: &mut HashMap<Key, usize>,
    key: Key,
    form: &'a str,
    rank: usize,
    sentence_start: bool,
) {
    let i = *index.entry(key).or_insert_with(|| {
        phrases.push(Phrase { key, count: 0, forms: HashMap::default(), first_rank: rank });
        phrases.len() - 1
    });
    let p = &mut phrases[i];
    p.count += 1;
    *p.forms.entry(form).or_default() += if sentence_start { 1 } else { 2 };
    p.first_rank = p.first_rank.min(rank);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize_english;

    #[test]
    fn phrases_from_runs_of_content_words() {
        let texts = [
            "The foreign ministers met in Samarkand to discuss regional security.",
            "Regional security was the focus, the foreign ministers said.",
            "The Taliban took power in August 2021.",
            "No country has recognized the Taliban.",
        ];
        let toks = tokenize_english(texts);
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
