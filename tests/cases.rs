//! The hard cases of `tests/fixtures/cases/` (copied from `../shared/cases/`), one test per
//! file, run from its JSON: exact segmentation (with `ratio = 1.0`), summary must/must-not
//! include, facts must include. `cargo test c03` runs `C03.json` alone.
// Native-only code, not in the WebAssembly module: the standard sorts are fine (clippy.toml).
#![allow(clippy::disallowed_methods)]

mod common;

use abridge::{summarize, Article, ErrorKind, Options};
use serde_json::Value;
use std::path::PathBuf;

/// One test per case file, named after it in lower case (`c03` runs `C03.json`: `cargo test
/// c03`). A new case file needs its line here; `every_case_file_has_a_test` fails until then.
macro_rules! cases {
    ($($id:ident),* $(,)?) => {
        $(
            #[test]
            fn $id() {
                check_case(&stringify!($id).to_uppercase());
            }
        )*
        /// The cases that have a test, as their file stems.
        const TESTED: &[&str] = &[$(stringify!($id)),*];
    };
}

cases!(c01, c03, c05, c09, c11, c14, c18, c21, c25, c26);

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases")
}

#[test]
fn every_case_file_has_a_test() {
    let mut stems: Vec<String> = std::fs::read_dir(cases_dir())
        .expect("tests/fixtures/cases exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    stems.sort();
    assert!(stems.len() >= 10, "expected the shared cases in tests/fixtures/cases");
    let untested: Vec<&String> = stems.iter().filter(|s| !TESTED.contains(&s.to_lowercase().as_str())).collect();
    assert!(untested.is_empty(), "case files without a test (add them to `cases!` in tests/cases.rs): {untested:?}");
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

/// Runs the case `tests/fixtures/cases/{id}.json`; fails naming the case and every check it
/// fails.
fn check_case(id: &str) {
    let path = cases_dir().join(format!("{id}.json"));
    let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("the case file")).expect("JSON");
    let mut failures = Vec::new();
    {
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
                panic!("{}", failures.join("\n\n"));
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
                let facts: Vec<String> =
                    summary.key_facts.iter().map(|f| format!("{}: {}", f.kind.as_str(), f.value)).collect();
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
    assert!(failures.is_empty(), "{} check(s) failed:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// C26's variants: empty and white-space-only input give a typed error, never a panic or a
/// made-up summary.
#[test]
fn empty_and_blank_input_are_typed_errors() {
    for text in ["", "  \n\t ", "\u{200b}\u{feff}", "&nbsp;"] {
        let err = summarize(&Article::from_text(text), &Options::default()).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::EmptyInput | ErrorKind::NothingToSummarize), "{text:?}: {err}");
    }
    let err = summarize(&Article::from_paragraphs(Vec::<String>::new()), &Options::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::EmptyInput);
}
