//! Milliseconds per article for the native core, timed the way `../shared/tools/time_baselines.py`
//! times the peers (Lead-3, sumy's LexRank, TextRank, Luhn): the first `--n` records of a
//! corpus, one warm-up pass, then `--reps` passes; the pass with the lowest mean wins, and its
//! mean and median per-article times are printed as JSON. Each timed call builds the article
//! from the record's raw text (split into lines with `--lines`) and summarises it with the
//! corpus's budget. `benches/peers.py` and `benches/wasm.mjs per-article` time the same articles.
//!
//! ```text
//! cargo run --release --example per_article -- ../shared/eval/cnndm/dev.jsonl --lines --sentences 3
//! cargo run --release --example per_article -- ../shared/eval/bbc-news-summary/dev.jsonl --ratio 0.42
//! ```
// Native-only code, not in the WebAssembly module: the standard sorts are fine (clippy.toml).
#![allow(clippy::disallowed_methods)]

use abridge::{summarize, Article, Options};
use serde_json::Value;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: per_article FILE.jsonl [--lines] [--sentences N | --ratio R] [--n 300] [--reps 3]");
        std::process::exit(2);
    };
    let flag = |name: &str| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse::<f64>().ok())
    };
    let lines = args.iter().any(|a| a == "--lines");
    let n = flag("--n").unwrap_or(300.0) as usize;
    let reps = flag("--reps").unwrap_or(3.0) as usize;
    let options =
        Options { sentences: flag("--sentences").map(|n| n as usize), ratio: flag("--ratio"), ..Options::default() };
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let articles: Vec<String> = raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(n)
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON record");
            v["article"].as_str().expect("an article").to_string()
        })
        .collect();
    let mut best: Option<Vec<f64>> = None;
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    for rep in 0..=reps {
        let mut times = Vec::with_capacity(articles.len());
        for text in &articles {
            let t = Instant::now();
            let article = if lines {
                Article::from_paragraphs(text.lines().map(str::to_string))
            } else {
                Article::from_text(text.as_str())
            };
            let summary = summarize(&article, &options);
            std::hint::black_box(&summary);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        if rep > 0 && best.as_ref().is_none_or(|b| mean(&times) < mean(b)) {
            best = Some(times);
        }
    }
    let mut best = best.expect("at least one pass");
    let mean_ms = mean(&best);
    best.sort_by(f64::total_cmp);
    let median_ms = best[best.len() / 2];
    println!(
        "{{\"n\": {}, \"reps\": {reps}, \"mean_ms\": {mean_ms:.4}, \"median_ms\": {median_ms:.4}}}",
        articles.len()
    );
}
