//! Fits the scoring weights ([`abridge::WEIGHTS`]) on the CNN/DailyMail dev set by coordinate
//! ascent on ROUGE, with a two-fold check: dev is split in two halves by a hash of the id; the
//! weights fitted on one half are scored on the other, and the other way round. Only when both
//! held-out halves improve over the current weights are the weights fitted on all of dev worth
//! shipping; the script prints them as a Rust constant.
//!
//! ```text
//! cargo run --release --example tune -- ../shared/eval/cnndm/dev.jsonl
//! ```
//!
//! ROUGE here is a re-implementation of the `rouge-score` package's ROUGE-1, ROUGE-2 and
//! ROUGE-Lsum F1 (lower-case, `[a-z0-9]+` tokens, stems of tokens longer than 3 characters —
//! Snowball English here, NLTK's Porter there, so figures differ from the official scorer in
//! the second decimal). The objective is the mean of the three. Report figures with
//! `../shared/tools/rouge_eval.py`, not with this.

use abridge::tuning::{self, Doc};
use abridge::{Article, Weights, WEIGHTS};
use rust_stemmers::{Algorithm, Stemmer};
use serde_json::Value;
use std::collections::HashMap;
use std::io::BufRead;

/// Budget: the corpus's 3 sentences.
const N: usize = 3;

struct Item {
    doc: Doc,
    /// Stemmed tokens of each eligible sentence.
    sents: Vec<Vec<u32>>,
    /// Stemmed tokens of each reference sentence.
    refs: Vec<Vec<u32>>,
    half: bool,
}

struct Interner {
    ids: HashMap<String, u32>,
    stemmer: Stemmer,
}

impl Interner {
    fn tokens(&mut self, text: &str) -> Vec<u32> {
        let lower = text.to_lowercase();
        lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(|t| {
                let s = if t.len() > 3 { self.stemmer.stem(t).into_owned() } else { t.to_string() };
                let n = self.ids.len() as u32;
                *self.ids.entry(s).or_insert(n)
            })
            .collect()
    }
}

fn counts<T: std::hash::Hash + Eq + Copy>(items: impl Iterator<Item = T>) -> HashMap<T, i32> {
    let mut m = HashMap::new();
    for x in items {
        *m.entry(x).or_insert(0) += 1;
    }
    m
}

fn f1(hits: f64, pred: f64, refn: f64) -> f64 {
    if hits == 0.0 || pred == 0.0 || refn == 0.0 {
        return 0.0;
    }
    let p = hits / pred;
    let r = hits / refn;
    2.0 * p * r / (p + r)
}

fn ngram_f1(pred: &[&Vec<u32>], refs: &[Vec<u32>], n: usize) -> f64 {
    let grams = |toks: &[u32]| -> Vec<(u32, u32)> {
        if n == 1 {
            toks.iter().map(|&t| (t, u32::MAX)).collect()
        } else {
            toks.windows(2).map(|w| (w[0], w[1])).collect()
        }
    };
    // rouge-score joins the sentences: n-grams run across sentence boundaries.
    let p: Vec<u32> = pred.iter().flat_map(|s| s.iter().copied()).collect();
    let r: Vec<u32> = refs.iter().flat_map(|s| s.iter().copied()).collect();
    let pc = counts(grams(&p).into_iter());
    let rc = counts(grams(&r).into_iter());
    let hits: i32 = pc.iter().map(|(g, &c)| c.min(*rc.get(g).unwrap_or(&0))).sum();
    f1(hits as f64, pc.values().sum::<i32>() as f64, rc.values().sum::<i32>() as f64)
}

fn lcs_indices(a: &[u32], b: &[u32]) -> Vec<usize> {
    // Indices into b of one LCS of a and b.
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    for i in 1..=n {
        for j in 1..=m {
            t[i * (m + 1) + j] = if a[i - 1] == b[j - 1] {
                t[(i - 1) * (m + 1) + j - 1] + 1
            } else {
                t[(i - 1) * (m + 1) + j].max(t[i * (m + 1) + j - 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (n, m, Vec::new());
    while i > 0 && j > 0 {
        if a[i - 1] == b[j - 1] {
            out.push(j - 1);
            i -= 1;
            j -= 1;
        } else if t[(i - 1) * (m + 1) + j] >= t[i * (m + 1) + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out
}

fn lsum_f1(pred: &[&Vec<u32>], refs: &[Vec<u32>]) -> f64 {
    let mut rc = counts(refs.iter().flat_map(|s| s.iter().copied()));
    let mut pc = counts(pred.iter().flat_map(|s| s.iter().copied()));
    let m: usize = refs.iter().map(Vec::len).sum();
    let n: usize = pred.iter().map(|s| s.len()).sum();
    let mut hits = 0;
    for r in refs {
        let mut union: Vec<usize> = pred.iter().flat_map(|c| lcs_indices(c, r)).collect();
        union.sort_unstable();
        union.dedup();
        for i in union {
            let t = r[i];
            let (a, b) = (pc.get_mut(&t), rc.get(&t).copied());
            if let (Some(a), Some(b)) = (a, b) {
                if *a > 0 && b > 0 {
                    *a -= 1;
                    *rc.get_mut(&t).unwrap() -= 1;
                    hits += 1;
                }
            }
        }
    }
    f1(hits as f64, n as f64, m as f64)
}

/// Mean ROUGE-1, -2, -Lsum F1 × 100 over the items selected by `which`.
fn evaluate(items: &[Item], w: &Weights, which: Option<bool>) -> (f64, f64, f64) {
    let mut sum = (0.0, 0.0, 0.0);
    let mut n = 0.0;
    for it in items.iter().filter(|it| which.is_none_or(|h| it.half == h)) {
        let chosen = tuning::choose(&it.doc, N, w);
        let pred: Vec<&Vec<u32>> = chosen.iter().map(|&k| &it.sents[k]).collect();
        sum.0 += ngram_f1(&pred, &it.refs, 1);
        sum.1 += ngram_f1(&pred, &it.refs, 2);
        sum.2 += lsum_f1(&pred, &it.refs);
        n += 1.0;
    }
    (100.0 * sum.0 / n, 100.0 * sum.1 / n, 100.0 * sum.2 / n)
}

fn objective(r: (f64, f64, f64)) -> f64 {
    (r.0 + r.1 + r.2) / 3.0
}

type Param = (&'static str, fn(&mut Weights) -> &mut f64, &'static [f64]);

fn params() -> Vec<Param> {
    vec![
        ("position", |w| &mut w.position, &[0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]),
        ("position_decay", |w| &mut w.position_decay, &[0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0]),
        ("centrality", |w| &mut w.centrality, &[0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5, 2.0, 3.0]),
        ("title", |w| &mut w.title, &[0.0, 0.1, 0.2, 0.4, 0.8]),
        ("length", |w| &mut w.length, &[0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2]),
        ("question", |w| &mut w.question, &[-1.0, -0.5, -0.25, -0.1, 0.0]),
        ("quote_only", |w| &mut w.quote_only, &[-1.0, -0.5, -0.25, -0.1, 0.0]),
        ("dangling", |w| &mut w.dangling, &[-1.0, -0.5, -0.3, -0.15, 0.0]),
        ("colon", |w| &mut w.colon, &[-1.0, -0.5, -0.25, 0.0]),
        ("mmr_lambda", |w| &mut w.mmr_lambda, &[0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
    ]
}

fn fit(items: &[Item], start: Weights, which: Option<bool>) -> Weights {
    let mut best = start;
    let mut best_score = objective(evaluate(items, &best, which));
    for round in 0..4 {
        let mut improved = false;
        for (name, get, values) in params() {
            for &v in values {
                let mut w = best;
                *get(&mut w) = v;
                if w == best {
                    continue;
                }
                let s = objective(evaluate(items, &w, which));
                if s > best_score + 1e-4 {
                    best_score = s;
                    best = w;
                    improved = true;
                    eprintln!("  round {round}: {name} = {v} → {s:.3}");
                }
            }
        }
        if !improved {
            break;
        }
    }
    best
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/eval/cnndm/dev.jsonl".into());
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    let mut interner = Interner { ids: HashMap::new(), stemmer: Stemmer::create(Algorithm::English) };
    let mut items = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let rec: Value = serde_json::from_str(&line.unwrap()).unwrap();
        let article = Article::from_paragraphs(rec["article"].as_str().unwrap().lines().map(str::to_string));
        let Ok(doc) = tuning::analyze(&article) else { continue };
        let sents = doc.texts.iter().map(|t| interner.tokens(t)).collect();
        let refs = rec["reference"].as_str().unwrap().lines().map(|t| interner.tokens(t)).collect();
        let half = fnv(rec["id"].as_str().unwrap()) % 2 == 0;
        items.push(Item { doc, sents, refs, half });
    }
    eprintln!("{} articles", items.len());
    let show = |label: &str, w: &Weights| {
        let (a, b, all) = (evaluate(&items, w, Some(true)), evaluate(&items, w, Some(false)), evaluate(&items, w, None));
        println!(
            "{label:28} half A {:.2}/{:.2}/{:.2}  half B {:.2}/{:.2}/{:.2}  all {:.2}/{:.2}/{:.2}",
            a.0, a.1, a.2, b.0, b.1, b.2, all.0, all.1, all.2
        );
    };
    show("shipping weights", &WEIGHTS);
    let lead = Weights { position: 1.0, position_decay: 0.01, centrality: 0.0, title: 0.0, length: 0.0, question: 0.0, quote_only: 0.0, dangling: 0.0, colon: 0.0, mmr_lambda: 1.0 };
    show("lead-3 (this segmenter)", &lead);
    eprintln!("fitting on half A");
    let wa = fit(&items, WEIGHTS, Some(true));
    eprintln!("fitting on half B");
    let wb = fit(&items, WEIGHTS, Some(false));
    show("fitted on A (score B!)", &wa);
    show("fitted on B (score A!)", &wb);
    eprintln!("fitting on all of dev");
    let w = fit(&items, WEIGHTS, None);
    show("fitted on all", &w);
    println!("{w:#?}");
}
