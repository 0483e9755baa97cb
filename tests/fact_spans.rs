//! Every key fact's value is one whole span of the article: a substring of the input that
//! starts and ends at word boundaries (any character boundary next to Han, kana or Hangul).
//! Checked with the longest fact list over the hard cases, the seed, the 40 multilingual
//! articles in `tests/fixtures/facts/` (written for this project), the Arabic articles in
//! `tests/fixtures/ar/` and, when `../shared/`
//! (or `../../shared/`) is there, the 60 English dev pages of the key-facts gold.
// Native-only code, not in the WebAssembly module: the standard sorts are fine (clippy.toml).
#![allow(clippy::disallowed_methods)]

use abridge::{summarize, Article, Options};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cjkish(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11ff | 0x3040..=0x30ff | 0x3130..=0x318f | 0x3400..=0x4dbf | 0x4e00..=0x9fff
        | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Whether `text[s..e]` starts and ends at a word boundary.
fn at_boundaries(text: &str, s: usize, e: usize) -> bool {
    let inside_first = text[s..e].chars().next();
    let inside_last = text[s..e].chars().next_back();
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let ok = |out: Option<char>, inside: Option<char>| match (out, inside) {
        (Some(o), Some(i)) => !(o.is_alphanumeric() && i.is_alphanumeric()) || cjkish(o) || cjkish(i),
        _ => true,
    };
    ok(before, inside_first) && ok(after, inside_last)
}

/// Problems with the facts of one input: values not found as whole spans.
fn check(name: &str, article: Article, text: &str) -> Vec<String> {
    let options = Options { key_facts: 100, ..Options::default() };
    let Ok(summary) = summarize(&article, &options) else { return Vec::new() };
    let mut bad = Vec::new();
    for f in &summary.key_facts {
        let v = f.value.as_str();
        let whole = text.match_indices(v).any(|(s, _)| at_boundaries(text, s, s + v.len()));
        if !whole {
            bad.push(format!("{name}: {} {v:?} is not a whole span of the input", f.kind.as_str()));
        }
    }
    bad
}

fn inputs() -> Vec<(String, Article, String)> {
    let mut out = Vec::new();
    let cases = root().join("tests/fixtures/cases");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&cases).expect("cases").flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "json")) {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(p).expect("case")).expect("JSON");
        let text = case["input"].as_str().expect("input").to_string();
        let mut a = Article::from_text(text.clone());
        a.title = case["title"].as_str().map(str::to_string);
        let full = format!("{}\n{}", a.title.clone().unwrap_or_default(), text);
        out.push((p.file_name().unwrap().to_string_lossy().to_string(), a, full));
    }
    let seed = std::fs::read_to_string(root().join("tests/fixtures/seed.txt")).expect("seed");
    out.push(("seed".into(), Article::from_text(seed.clone()), seed));
    let mut facts: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/facts"))
        .expect("facts fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    facts.sort();
    assert_eq!(facts.len(), 40, "the 40 multilingual articles in tests/fixtures/facts");
    for p in facts {
        let text = std::fs::read_to_string(&p).expect("article");
        out.push((p.file_name().unwrap().to_string_lossy().to_string(), Article::from_text(text.clone()), text));
    }
    // Arabic articles written for Abridge: right-to-left spans.
    let mut arabic: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/ar"))
        .expect("Arabic articles")
        .flatten()
        .map(|e| e.path())
        .collect();
    arabic.sort();
    assert!(arabic.len() >= 3, "the Arabic articles in tests/fixtures/ar");
    for p in arabic {
        let text = std::fs::read_to_string(&p).expect("article");
        out.push((p.file_name().unwrap().to_string_lossy().to_string(), Article::from_text(text.clone()), text));
    }
    out
}

fn shared() -> Option<PathBuf> {
    [root().join("../shared"), root().join("../../shared")].into_iter().find(|p| p.join("facts/dev.jsonl").exists())
}

#[test]
fn fact_values_are_whole_spans_of_the_input() {
    let mut bad = Vec::new();
    for (name, article, text) in inputs() {
        bad.extend(check(&name, article, &text));
    }
    assert!(bad.is_empty(), "{} value(s):\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn fact_values_are_whole_spans_of_the_english_dev_pages() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/facts/dev.jsonl not found");
        return;
    };
    let gold = std::fs::read_to_string(shared.join("facts/dev.jsonl")).expect("dev.jsonl");
    let base = shared.parent().unwrap_or(Path::new("."));
    let mut bad = Vec::new();
    let mut n = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let rec: Value = serde_json::from_str(line).expect("JSON");
        let source = base.join(rec["source"].as_str().expect("source"));
        let Ok(raw) = std::fs::read_to_string(&source) else { continue };
        let text = if source.extension().is_some_and(|x| x == "json") {
            let v: Value = serde_json::from_str(&raw).expect("truth JSON");
            v["text"].as_str().unwrap_or("").to_string()
        } else {
            raw
        };
        n += 1;
        bad.extend(check(rec["id"].as_str().unwrap_or("?"), Article::from_text(text.clone()), &text));
    }
    assert!(n >= 50, "read {n} dev pages");
    assert!(bad.is_empty(), "{} value(s):\n{}", bad.len(), bad.join("\n"));
}
