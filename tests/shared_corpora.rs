//! Real text from `../shared/` (read in place; third-party text is never copied into the repo):
//! the evaluation corpora and the true article texts of the shared pages. For every article:
//! no panic, offsets slice the input to exactly each sentence, output deterministic, no page
//! chrome chosen. Skipped, with a message, when `../shared/` is absent.

mod common;

use abridge::{summarize, Article, Options};
use serde_json::Value;
use std::path::Path;

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Lines that are page chrome wherever they appear (checked as whole summary sentences).
fn looks_like_chrome(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let starts = [
        "skip to",
        "advertisement",
        "recommended videos",
        "read more",
        "sign up",
        "subscribe",
        "follow us",
        "share this",
        "click here",
        "get breaking news alerts",
        "this post may contain affiliate",
    ];
    starts.iter().any(|s| lower.starts_with(s))
        || lower.contains("all rights reserved")
        || lower.contains("http://")
        || lower.contains("https://")
}

fn check(article: &Article, options: &Options, label: &str) {
    let a = summarize(article, options);
    let b = summarize(article, options);
    assert_eq!(a, b, "{label}: output not deterministic");
    let Ok(summary) = a else { return };
    common::check_offsets(article, &summary);
    if options.ratio == Some(1.0) {
        return; // every sentence, not a summary
    }
    for s in &summary.sentences {
        assert!(!looks_like_chrome(&s.text), "{label}: page chrome chosen: {:?}", s.text);
    }
    assert!(
        summary.key_facts.iter().all(|f| !f.value.trim().is_empty() && f.context.split(' ').count() <= 27),
        "{label}: bad fact"
    );
}

#[test]
fn cnndm_dev() {
    let Some(shared) = common::shared_dir() else { return common::skip("cnndm_dev") };
    let rows = jsonl(&shared.join("eval/cnndm/dev.jsonl"));
    assert!(rows.len() > 1000);
    for r in &rows {
        let text = r["article"].as_str().unwrap();
        let article = Article::from_paragraphs(text.lines().map(str::to_string));
        check(&article, &Options::sentences(3), r["id"].as_str().unwrap());
    }
}

#[test]
fn bbc_dev() {
    let Some(shared) = common::shared_dir() else { return common::skip("bbc_dev") };
    for r in jsonl(&shared.join("eval/bbc-news-summary/dev.jsonl")) {
        let article = Article::from_text(r["article"].as_str().unwrap()).with_title(r["title"].as_str().unwrap());
        check(&article, &Options::ratio(0.42), r["id"].as_str().unwrap());
        check(&article, &Options::default(), r["id"].as_str().unwrap());
    }
}

#[test]
fn shared_pages_true_texts() {
    let Some(shared) = common::shared_dir() else { return common::skip("shared_pages_true_texts") };
    let mut n = 0;
    for entry in std::fs::read_dir(shared.join("pages")).unwrap().filter_map(Result::ok) {
        let truth = entry.path().join("truth.json");
        if !truth.is_file() {
            continue;
        }
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&truth).unwrap()).unwrap();
        let text = v["text"].as_str().unwrap_or("");
        let id = entry.file_name().to_string_lossy().into_owned();
        let mut article = Article::from_text(text);
        article.title = v["title"].as_str().map(str::to_string);
        check(&article, &Options::default(), &id);
        check(&article, &Options::ratio(1.0), &id);
        // The same text as the extension sends it: paragraphs.
        let paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
        let as_paragraphs = Article { paragraphs: Some(paragraphs), ..article.clone() };
        check(&as_paragraphs, &Options::sentences(5), &id);
        n += 1;
    }
    assert!(n >= 100, "expected the shared pages, found {n}");
}
