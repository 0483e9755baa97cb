//! Every hard case in `tests/fixtures/cases/` (copied from `../shared/cases/`) run from its JSON:
//! exact segmentation (with `ratio = 1.0`), summary must/must-not include, facts must include.

mod common;

use abridge::{summarize, Article, ErrorKind, Options};
use serde_json::Value;
use std::path::PathBuf;

fn cases() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/cases exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p.file_stem().unwrap().to_string_lossy().into_owned(), v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 10, "expected the shared cases in tests/fixtures/cases");
    out
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

fn article(case: &Value) -> Article {
    Article {
        text: Some(case["input"].as_str().unwrap().to_string()),
        title: case["title"].as_str().map(str::to_string),
        ..Article::default()
    }
}

#[test]
fn every_case_holds() {
    let mut failures = Vec::new();
    for (id, case) in cases() {
        let expect = &case["expect"];
        let a = article(&case);
        let mut fail = |what: String| failures.push(format!("{id} ({}): {what}", case["kind"].as_str().unwrap_or("")));

        let want_sentences = strings(&expect["sentences"]);
        if !want_sentences.is_empty() {
            match summarize(&a, &Options::ratio(1.0)) {
                Ok(all) => {
                    let got: Vec<String> = all.sentences.iter().map(|s| s.text.clone()).collect();
                    if got != want_sentences {
                        fail(format!("segmentation\n  got:  {got:#?}\n  want: {want_sentences:#?}"));
                    }
                    common::check_offsets(&a, &all);
                }
                Err(e) => fail(format!("ratio 1.0 failed: {e}")),
            }
        }

        let summary = match summarize(&a, &Options::default()) {
            Ok(s) => s,
            Err(e) => {
                fail(format!("summarize failed: {e}"));
                continue;
            }
        };
        common::check_offsets(&a, &summary);
        assert!(!summary.sentences.is_empty(), "{id}: empty summary");
        let text: String = summary.sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n");
        for must in strings(&expect["summary_must_include"]) {
            if !text.contains(&must) {
                fail(format!("summary lacks {must:?}:\n{text}"));
            }
        }
        for not in strings(&expect["summary_must_not_include"]) {
            if text.contains(&not) {
                fail(format!("summary contains {not:?}:\n{text}"));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for s in &summary.sentences {
            if !seen.insert(s.text.clone()) {
                fail(format!("sentence twice in the summary: {:?}", s.text));
            }
        }
        for must in strings(&expect["facts_must_include"]) {
            if !summary.key_facts.iter().any(|f| f.value.contains(&must)) {
                let facts: Vec<String> = summary.key_facts.iter().map(|f| format!("{}: {}", f.kind.as_str(), f.value)).collect();
                fail(format!("no key fact contains {must:?}; facts: {facts:?}"));
            }
        }
        let mut fact_keys = std::collections::HashSet::new();
        for f in &summary.key_facts {
            if !fact_keys.insert((f.kind, f.value.clone())) {
                fail(format!("fact listed twice: {}", f.value));
            }
        }
    }
    assert!(failures.is_empty(), "{} case check(s) failed:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// C26's variants: empty and white-space-only input give a typed error, never a panic or a
/// made-up summary.
#[test]
fn empty_and_blank_input_are_typed_errors() {
    for text in ["", "  \n\t ", "\u{200b}\u{feff}", "&nbsp;"] {
        let err = summarize(&Article::from_text(text), &Options::default()).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::EmptyInput | ErrorKind::NothingToSummarize),
            "{text:?}: {err}"
        );
    }
    let err = summarize(&Article::from_paragraphs(Vec::<String>::new()), &Options::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::EmptyInput);
}
