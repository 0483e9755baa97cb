//! Fits the scoring weights ([`abridge::WEIGHTS`]) on the CNN/DailyMail dev set by coordinate
//! ascent on ROUGE, with a two-fold check: dev is split in two halves by a hash of the id; the
//! weights fitted on one half are scored on the other, and the other way round. Only when both
//! held-out halves improve over the current weights are the weights fitted on all of dev worth
//! shipping; the script prints them as rows of the feature table in `src/score.rs`.
//!
//! ```text
//! cargo run --release --example tune -- ../shared/eval/cnndm/dev.jsonl ../shared/eval/bbc-news-summary/dev.jsonl
//! cargo run --release --example tune -- --show    # only score the shipping weights
//! cargo run --release --example tune -- --rounds 3 --all-only   # skip the two-fold check
//! cargo run --release --example tune -- --regime long --all-only  # only the long-summary weights
//! cargo run --release --example tune -- --only mmr_short,short:lede --all-only  # only these
//! cargo run --release --example tune -- --show --set leaning_long=0.3,long:length=1  # score these
//! ```
//!
//! ROUGE here is a re-implementation of the `rouge-score` package's ROUGE-1, ROUGE-2 and
//! ROUGE-Lsum F1 (lower-case, `[a-z0-9]+` tokens, stems of tokens longer than 3 characters —
//! Snowball English here, NLTK's Porter there, so figures differ from the official scorer in
//! the second decimal). The objective is the mean of the three. Report figures with
//! `../shared/tools/rouge_eval.py`, not with this.
// Native-only code, not in the WebAssembly module: the standard sorts are fine (clippy.toml).
#![allow(clippy::disallowed_methods)]

use abridge::tuning::{self, Doc};
use abridge::{Article, Feature, WeightPair, Weights, WEIGHTS};
use rust_stemmers::{Algorithm, Stemmer};
use serde_json::Value;
use std::collections::HashMap;
use std::io::BufRead;

struct Item {
    /// Summary length for this article (the corpus's budget).
    n: usize,
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

/// Mean ROUGE-1, -2, -Lsum F1 × 100 over the items of a corpus selected by `which`.
fn evaluate(items: &[Item], w: &Weights, which: Option<bool>) -> (f64, f64, f64) {
    evaluate_with_share(items, w, which).0
}

/// [`evaluate`], and the share (%) of summary sentences chosen without a neighbour they need.
fn evaluate_with_share(items: &[Item], w: &Weights, which: Option<bool>) -> ((f64, f64, f64), f64) {
    let mut sum = (0.0, 0.0, 0.0);
    let mut n = 0.0;
    let (mut sentences, mut alone) = (0usize, 0usize);
    for it in items.iter().filter(|it| which.is_none_or(|h| it.half == h)) {
        let chosen = tuning::choose(&it.doc, it.n, w);
        sentences += chosen.len();
        alone += tuning::without_neighbour(&it.doc, &chosen);
        let pred: Vec<&Vec<u32>> = chosen.iter().map(|&k| &it.sents[k]).collect();
        sum.0 += ngram_f1(&pred, &it.refs, 1);
        sum.1 += ngram_f1(&pred, &it.refs, 2);
        sum.2 += lsum_f1(&pred, &it.refs);
        n += 1.0;
    }
    ((100.0 * sum.0 / n, 100.0 * sum.1 / n, 100.0 * sum.2 / n), 100.0 * alone as f64 / sentences.max(1) as f64)
}

fn objective(r: (f64, f64, f64)) -> f64 {
    (r.0 + r.1 + r.2) / 3.0
}

/// The fitting objective over both corpora: CNN/DailyMail (human highlights, the target)
/// counts fully, BBC (machine-made references, long summaries) half. An empty corpus counts
/// nothing (`--regime long` leaves CNN/DailyMail out: its three-sentence summaries read only
/// the short-summary weights).
/// Weights whose summaries lean on a left-out sentence more often than `MAX_LEANING` (a share
/// in %, on either corpus) score nothing: the stand-alone target is a constraint, not a trade.
fn joint(corpora: &[Vec<Item>; 2], w: &Weights, which: Option<bool>) -> f64 {
    let score = |items: &[Item]| {
        if items.is_empty() {
            return 0.0;
        }
        let (r, share) = evaluate_with_share(items, w, which);
        if share > MAX_LEANING {
            f64::NEG_INFINITY
        } else {
            objective(r)
        }
    };
    score(&corpora[0]) + 0.5 * score(&corpora[1])
}

/// Most summary sentences (%) that may lean on a left-out sentence while fitting: under the
/// 2 % of the stand-alone target, with room for the pages and held-out text.
const MAX_LEANING: f64 = 1.5;

/// The values tried for a feature weight. Signs are fixed by what the feature means: what
/// should help may only weigh in favour, demotions only against.
fn grid(feature: &str) -> &'static [f64] {
    match feature {
        "question" | "quote_only" | "dangling" | "colon" | "short" => &[-2.0, -1.0, -0.5, -0.25, -0.1, 0.0],
        "length" | "entities" | "numbers" => &[-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0, 1.5],
        _ => &[0.0, 0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0],
    }
}

/// Every tunable setting: (name, values, setter). `regime` (`short` or `long`) keeps the
/// settings of one kind of summary only.
fn params(regime: Option<&str>) -> Vec<(String, Vec<f64>)> {
    let mut v = Vec::new();
    for regime in ["short", "long"].into_iter().filter(|r| regime.is_none_or(|x| x == *r)) {
        for f in Feature::ALL {
            v.push((format!("{regime}:{}", f.name()), grid(f.name()).to_vec()));
        }
    }
    if regime.is_none() {
        v.push(("position_decay".into(), vec![1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0]));
    }
    let leaning = vec![0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, f64::INFINITY];
    if regime.is_none_or(|r| r == "short") {
        v.push(("mmr_short".into(), vec![0.5, 0.6, 0.7, 0.8, 0.9, 1.0]));
        v.push(("leaning_short".into(), leaning.clone()));
    }
    if regime.is_none_or(|r| r == "long") {
        v.push(("mmr_long".into(), vec![0.5, 0.6, 0.7, 0.8, 0.9, 1.0]));
        v.push(("block_long".into(), vec![0.0, 1.0]));
        v.push(("leaning_long".into(), leaning));
    }
    v
}

fn set(w: &mut Weights, name: &str, v: f64) {
    match name {
        "position_decay" => w.position_decay = v,
        "mmr_short" => w.mmr_short = v,
        "mmr_long" => w.mmr_long = v,
        "block_long" => w.block_long = v > 0.5,
        "leaning_short" => w.leaning_short = v,
        "leaning_long" => w.leaning_long = v,
        _ => {
            let (regime, f) = name.split_once(':').expect("regime:feature");
            let f = Feature::ALL.into_iter().find(|x| x.name() == f).expect("a feature name");
            if regime == "short" {
                w.of(f).short = v;
            } else {
                w.of(f).long = v;
            }
        }
    }
}

fn fit(
    corpora: &[Vec<Item>; 2],
    start: Weights,
    which: Option<bool>,
    rounds: usize,
    regime: Option<&str>,
    only: Option<&[String]>,
) -> Weights {
    let mut best = start;
    let mut best_score = joint(corpora, &best, which);
    for round in 0..rounds {
        let mut improved = false;
        for (name, values) in params(regime).into_iter().filter(|(name, _)| only.is_none_or(|o| o.contains(name))) {
            for &v in &values {
                let mut w = best;
                set(&mut w, &name, v);
                if w == best {
                    continue;
                }
                let s = joint(corpora, &w, which);
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

/// Prints fitted weights in the form of the rows of the feature table in `src/score.rs` and the
/// fields of `WEIGHTS`.
fn print_rows(w: &Weights) {
    for (f, p) in Feature::ALL.iter().zip(w.features) {
        println!("    {f:?} = {:?}, short {:?}, long {:?};", f.name(), p.short, p.long);
    }
    println!(
        "    position_decay: {:?},\n    mmr_short: {:?},\n    mmr_long: {:?},\n    block_long: {:?},\n    leaning_short: {:?},\n    leaning_long: {:?},",
        w.position_decay, w.mmr_short, w.mmr_long, w.block_long, w.leaning_short, w.leaning_long
    );
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Loads a corpus: `lines` feeds lines as paragraphs (CNN/DailyMail); the budget is `k`
/// sentences, or `ratio` of the article's sentences.
fn load(path: &str, lines: bool, k: Option<usize>, ratio: Option<f64>, interner: &mut Interner) -> Vec<Item> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    let mut items = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let rec: Value = serde_json::from_str(&line.unwrap()).unwrap();
        let text = rec["article"].as_str().unwrap();
        let mut article =
            if lines { Article::from_paragraphs(text.lines().map(str::to_string)) } else { Article::from_text(text) };
        article.title = rec["title"].as_str().map(str::to_string);
        let Ok(doc) = tuning::analyze(&article) else { continue };
        let n = match (k, ratio) {
            (Some(k), _) => k,
            (None, Some(r)) => ((r * doc.total as f64).round() as usize).max(1),
            _ => 3,
        };
        let sents = doc.texts.iter().map(|t| interner.tokens(t)).collect();
        let refs = rec["reference"].as_str().unwrap().lines().map(|t| interner.tokens(t)).collect();
        let half = fnv(rec["id"].as_str().unwrap()) % 2 == 0;
        items.push(Item { n, doc, sents, refs, half });
    }
    items
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let paths: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !a.starts_with("--")
                && (*i == 0 || !matches!(args[i - 1].as_str(), "--rounds" | "--regime" | "--only" | "--set"))
        })
        .map(|(_, a)| a)
        .collect();
    let cnn = paths.first().map(|s| s.to_string()).unwrap_or_else(|| "../shared/eval/cnndm/dev.jsonl".into());
    let bbc = paths.get(1).map(|s| s.to_string()).unwrap_or_else(|| "../shared/eval/bbc-news-summary/dev.jsonl".into());
    let mut interner = Interner { ids: HashMap::new(), stemmer: Stemmer::create(Algorithm::English) };
    let regime = args.iter().position(|a| a == "--regime").and_then(|i| args.get(i + 1)).map(String::as_str);
    let only: Option<Vec<String>> = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .map(|o| o.split(',').map(str::to_string).collect());
    if regime.is_some_and(|r| r != "short" && r != "long") {
        eprintln!("--regime is short or long");
        std::process::exit(2);
    }
    let cnn_items = if regime == Some("long") { Vec::new() } else { load(&cnn, true, Some(3), None, &mut interner) };
    let corpora = [cnn_items, load(&bbc, false, None, Some(0.42), &mut interner)];
    eprintln!("{} + {} articles", corpora[0].len(), corpora[1].len());
    let show = |label: &str, w: &Weights| {
        for (name, items) in ["cnndm", "bbc"].iter().zip(&corpora).filter(|(_, items)| !items.is_empty()) {
            let (a, b, (all, share)) =
                (evaluate(items, w, Some(true)), evaluate(items, w, Some(false)), evaluate_with_share(items, w, None));
            println!(
                "{label:24} {name:6} half A {:.2}/{:.2}/{:.2}  half B {:.2}/{:.2}/{:.2}  all {:.2}/{:.2}/{:.2}  leaning {share:.1} %",
                a.0, a.1, a.2, b.0, b.1, b.2, all.0, all.1, all.2
            );
        }
    };
    let mut start = WEIGHTS;
    if let Some(list) = args.iter().position(|a| a == "--set").and_then(|i| args.get(i + 1)) {
        for pair in list.split(',') {
            let (name, v) = pair.split_once('=').expect("--set name=value,…");
            set(&mut start, name, v.parse().expect("a number"));
        }
    }
    let start = start;
    show("shipping weights", &WEIGHTS);
    if start != WEIGHTS {
        show("with --set", &start);
    }
    let mut lead = Weights {
        features: [WeightPair::default(); Feature::ALL.len()],
        position_decay: 0.01,
        mmr_short: 1.0,
        mmr_long: 1.0,
        block_long: false,
        leaning_short: f64::INFINITY,
        leaning_long: f64::INFINITY,
    };
    *lead.of(Feature::Position) = WeightPair { short: 1.0, long: 1.0 };
    show("lead-k (this segmenter)", &lead);
    if args.iter().any(|a| a == "--show") {
        return;
    }
    let rounds = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|r| r.parse().ok())
        .unwrap_or(6);
    if !args.iter().any(|a| a == "--all-only") {
        eprintln!("fitting on half A");
        let wa = fit(&corpora, start, Some(true), rounds, regime, only.as_deref());
        show("fitted on A (score B!)", &wa);
        println!("{wa:?}");
        eprintln!("fitting on half B");
        let wb = fit(&corpora, start, Some(false), rounds, regime, only.as_deref());
        show("fitted on B (score A!)", &wb);
        println!("{wb:?}");
    }
    eprintln!("fitting on all of dev");
    let w = fit(&corpora, start, None, rounds, regime, only.as_deref());
    show("fitted on all", &w);
    print_rows(&w);
}
