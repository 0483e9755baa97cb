//! Runs the shipping defaults over an evaluation corpus and writes predictions as JSON lines,
//! for the scorers in `../shared/tools/`.
//!
//! ```text
//! # Summaries: {"id", "summary"} per article (one sentence per line in "summary").
//! cargo run --release --example eval -- rouge ../shared/eval/cnndm/dev.jsonl --lines --sentences 3 > cnndm.jsonl
//! cargo run --release --example eval -- rouge ../shared/eval/bbc-news-summary/dev.jsonl --ratio 0.42 > bbc.jsonl
//! python3 ../shared/tools/rouge_eval.py --corpus ../shared/eval/cnndm/dev.jsonl --pred cnndm.jsonl
//!
//! # Lead-k with Abridge's own cleaning and segmenter, the baseline to beat:
//! cargo run --release --example eval -- lead ../shared/eval/cnndm/dev.jsonl --lines --sentences 3 > lead3.jsonl
//!
//! # Key facts: {"id", "facts": [{"kind", "value", "speaker"}]} per annotated article.
//! cargo run --release --example eval -- facts ../shared/facts/dev.jsonl > facts.jsonl
//! python3 ../shared/tools/facts_eval.py --gold ../shared/facts/dev.jsonl --pred facts.jsonl
//!
//! # Summaries that stand alone: the share of summary sentences that lean on a sentence left out
//! # of the summary (src/standalone.rs says when a sentence leans), over a corpus or over the
//! # shared pages' true article text (a folder of <id>/truth.json); --list prints each one.
//! cargo run --release --example eval -- standalone ../shared/eval/cnndm/dev.jsonl --lines --sentences 3
//! cargo run --release --example eval -- standalone ../shared/eval/bbc-news-summary/dev.jsonl --ratio 0.42
//! cargo run --release --example eval -- standalone ../shared/pages [--list]
//! # … or every sentence the rules flag, summary or not, after the sentence before it (the
//! # detector's precision is read off this list):
//! cargo run --release --example eval -- standalone ../shared/pages --every
//! # … or of the summaries in a predictions file of `rouge` (another build's, say):
//! cargo run --release --example eval -- standalone ../shared/eval/cnndm/dev.jsonl --lines --pred cnndm.jsonl
//!
//! # Every candidate fact with its ranking features, for scripts/tune-facts.py:
//! # {"id", "candidates": [{"kind", "value", "speaker", "features": {name: value}}]}.
//! cargo run --release --example eval -- fact-candidates ../shared/facts/dev.jsonl > candidates.jsonl
//! ```
//!
//! `--lines` feeds each line of the article as a paragraph (the CNN/DailyMail release has one
//! sentence per line, lower-cased, so capital letters cannot mark sentence starts); otherwise
//! the article is given as text. `--sentences N` / `--ratio R` is the corpus's budget. A
//! record's `title`, when present, is passed as the article's title.
// Native-only code, not in the WebAssembly module: the standard sorts are fine (clippy.toml).
#![allow(clippy::disallowed_methods)]

use abridge::{summarize, Article, Options};
use serde_json::{json, Value};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: eval (rouge|lead|facts|fact-candidates|standalone) FILE.jsonl [--lines] [--sentences N | --ratio R] [--key-facts N] [--list] [--every]";
    let (Some(mode), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let lines = args.iter().any(|a| a == "--lines");
    let flag = |name: &str| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse::<f64>().ok())
    };
    let options =
        Options { sentences: flag("--sentences").map(|n| n as usize), ratio: flag("--ratio"), ..Options::default() };
    if mode == "standalone" {
        let pred = args.iter().position(|a| a == "--pred").and_then(|i| args.get(i + 1)).map(PathBuf::from);
        let list = args.iter().any(|a| a == "--list");
        let every = args.iter().any(|a| a == "--every");
        standalone(Path::new(path), lines, &options, List { summary: list, every }, pred.as_deref());
        return;
    }
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("readable line");
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = serde_json::from_str(&line).expect("a JSON record");
        let id = rec["id"].as_str().expect("an id").to_string();
        let row = match mode.as_str() {
            "rouge" | "lead" => {
                let article = corpus_article(&rec, lines);
                let sentences: Vec<String> = if mode == "lead" {
                    lead(&article, &options)
                } else {
                    match summarize(&article, &options) {
                        Ok(s) => s.sentences.into_iter().map(|s| s.text).collect(),
                        Err(e) => {
                            eprintln!("{id}: {e}");
                            Vec::new()
                        }
                    }
                };
                json!({"id": id, "summary": sentences.join("\n")})
            }
            "facts" => {
                let source = rec["source"].as_str().expect("a source");
                let (text, title) = load_source(Path::new(path), source);
                let article = Article { text: Some(text), title, ..Article::default() };
                let options = Options {
                    key_facts: flag("--key-facts").map_or(Options::default().key_facts, |n| n as usize),
                    ..Options::default()
                };
                let facts: Vec<Value> = match summarize(&article, &options) {
                    Ok(s) => s
                        .key_facts
                        .iter()
                        .map(|f| match &f.speaker {
                            Some(sp) => json!({"kind": f.kind.as_str(), "value": f.value, "speaker": sp}),
                            None => json!({"kind": f.kind.as_str(), "value": f.value}),
                        })
                        .collect(),
                    Err(e) => {
                        eprintln!("{id}: {e}");
                        Vec::new()
                    }
                };
                json!({"id": id, "facts": facts})
            }
            "fact-candidates" => {
                let source = rec["source"].as_str().expect("a source");
                let (text, title) = load_source(Path::new(path), source);
                let article = Article { text: Some(text), title, ..Article::default() };
                let cands: Vec<Value> = abridge::tuning::fact_candidates(&article)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(f, x)| {
                        let features: serde_json::Map<String, Value> =
                            x.into_iter().map(|(name, v)| (name.to_string(), json!(v))).collect();
                        json!({"kind": f.kind.as_str(), "value": f.value, "speaker": f.speaker, "context": f.context, "features": features})
                    })
                    .collect();
                json!({"id": id, "candidates": cands})
            }
            _ => {
                eprintln!("{usage}");
                std::process::exit(2);
            }
        };
        writeln!(out, "{row}").expect("stdout");
    }
}

/// The `standalone` measure. A summary sentence **leans on a left-out sentence** when the rules
/// of `src/standalone.rs` say it needs the sentence before it (it opens with a pronoun or a
/// connective of its language, or is a quotation whose speaker is a pronoun or nobody, or goes on
/// with a quotation) and that sentence is not in the summary. Reported beside it: sentences that
/// need the one after them (a question and its answer, a quotation that goes on) without it, and
/// sentences that are never summary sentences (correction and editor's notes, lead-ins).
/// Input: a JSON-lines corpus (its `article`, as `rouge` reads it) or a folder of pages, each
/// `<id>/truth.json` whose `text` (the true article text) and `title` are summarised with the
/// default options. With `pred` (a predictions file of `rouge`), the summaries measured are its
/// lines, each matched to the article's sentence with the same text.
fn standalone(path: &Path, lines: bool, options: &Options, list: List, pred: Option<&Path>) {
    let predicted: Option<std::collections::HashMap<String, Vec<String>>> = pred.map(|p| {
        let raw = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
        raw.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: Value = serde_json::from_str(l).expect("a JSON record");
                let lines = v["summary"].as_str().unwrap_or("").lines().map(str::to_string).collect();
                (v["id"].as_str().unwrap_or("").to_string(), lines)
            })
            .collect()
    });
    let mut articles: Vec<(String, Article)> = Vec::new();
    if path.is_dir() {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.join("truth.json").is_file())
            .collect();
        dirs.sort();
        for d in dirs {
            let raw = std::fs::read_to_string(d.join("truth.json")).expect("readable truth.json");
            let v: Value = serde_json::from_str(&raw).expect("truth.json");
            let mut article = Article::from_text(v["text"].as_str().unwrap_or("").to_string());
            article.title = v["title"].as_str().map(str::to_string);
            articles.push((d.file_name().unwrap_or_default().to_string_lossy().into_owned(), article));
        }
    } else {
        let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
        for line in std::io::BufReader::new(file).lines() {
            let line = line.expect("readable line");
            if line.trim().is_empty() {
                continue;
            }
            let rec: Value = serde_json::from_str(&line).expect("a JSON record");
            articles.push((rec["id"].as_str().unwrap_or("").to_string(), corpus_article(&rec, lines)));
        }
    }
    let (mut total, mut leaning, mut without_next, mut never) = (0usize, 0usize, 0usize, 0usize);
    let mut by_rule: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut summaries = 0;
    for (id, article) in &articles {
        let summary = match &predicted {
            None => summarize(article, options),
            Some(p) => summarize(article, &Options::ratio(1.0)).map(|mut all| {
                let lines = p.get(id).cloned().unwrap_or_default();
                all.sentences.retain(|s| lines.contains(&s.text));
                all
            }),
        };
        let (Ok(summary), Ok(standing)) = (summary, abridge::tuning::standing(article)) else {
            continue;
        };
        summaries += 1;
        if list.every {
            if let Ok(all) = summarize(article, &Options::ratio(1.0)) {
                for (k, s) in all.sentences.iter().enumerate() {
                    let Some(Some((needs, rule))) = standing.get(s.index) else { continue };
                    let before = k.checked_sub(1).map_or("", |j| all.sentences[j].text.as_str());
                    println!("{id}\t{needs} {rule}\t{before}\t{}", s.text);
                }
            }
        }
        let chosen: std::collections::HashSet<usize> = summary.sentences.iter().map(|s| s.index).collect();
        for s in &summary.sentences {
            total += 1;
            let Some(Some((needs, rule))) = standing.get(s.index) else { continue };
            let bad = match *needs {
                "previous" => s.index > 0 && !chosen.contains(&(s.index - 1)),
                "next" => !chosen.contains(&(s.index + 1)),
                _ => true,
            };
            if !bad {
                continue;
            }
            match *needs {
                "previous" => leaning += 1,
                "next" => without_next += 1,
                _ => never += 1,
            }
            *by_rule.entry(rule).or_default() += 1;
            if list.summary {
                println!("{id}\t{needs} {rule}\t{}", s.text);
            }
        }
    }
    let share = |k: usize| if total > 0 { 100.0 * k as f64 / total as f64 } else { 0.0 };
    println!("articles {}  summarised {summaries}  summary sentences {total}", articles.len());
    println!("leaning on a left-out previous sentence  {leaning} ({:.1} %)", share(leaning));
    println!("needing a left-out next sentence         {without_next} ({:.1} %)", share(without_next));
    println!("never summary sentences (notes, lead-ins) {never} ({:.1} %)", share(never));
    let rules: Vec<String> = by_rule.iter().map(|(r, k)| format!("{r} {k}")).collect();
    println!("by rule: {}", if rules.is_empty() { "-".to_string() } else { rules.join(", ") });
}

/// What the `standalone` measure lists besides its counts.
#[derive(Clone, Copy)]
struct List {
    /// Each summary sentence that leans on a left-out sentence (`--list`).
    summary: bool,
    /// Each sentence of the article the rules flag, after the sentence before it (`--every`).
    every: bool,
}

/// Lead-k: the first k sentences of the article as Abridge cleans and segments it (every
/// sentence with `ratio = 1.0`, then the first body sentences).
fn lead(article: &Article, options: &Options) -> Vec<String> {
    let Ok(all) = summarize(article, &Options::ratio(1.0)) else { return Vec::new() };
    let title = all.title.clone().unwrap_or_default();
    let body: Vec<String> = all.sentences.into_iter().map(|s| s.text).filter(|t| *t != title).collect();
    let k = match (options.sentences, options.ratio) {
        (Some(n), _) => n,
        (None, Some(r)) => ((r * body.len() as f64).round() as usize).max(1),
        _ => 3,
    };
    body.into_iter().take(k).collect()
}

/// The text and title of a fact-set source: a path relative to the folder holding `shared/`.
fn load_source(gold: &Path, source: &str) -> (String, Option<String>) {
    // gold is …/shared/facts/dev.jsonl; sources are "shared/…".
    let root: PathBuf =
        gold.parent().and_then(Path::parent).and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default();
    let p = root.join(source);
    let raw = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
    if source.ends_with(".json") {
        let v: Value = serde_json::from_str(&raw).expect("truth.json");
        (v["text"].as_str().unwrap_or("").to_string(), v["title"].as_str().map(str::to_string))
    } else {
        (raw, None)
    }
}

/// The article of a corpus record (`{"article", "title"?}`): with `lines`, one paragraph per
/// line (CNN/DailyMail's sentence-per-line text), else plain text.
fn corpus_article(rec: &Value, lines: bool) -> Article {
    let text = rec["article"].as_str().expect("an article").to_string();
    let mut article =
        if lines { Article::from_paragraphs(text.lines().map(str::to_string)) } else { Article::from_text(text) };
    article.title = rec["title"].as_str().map(str::to_string);
    article
}
