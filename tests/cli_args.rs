//! The command line's arguments: what a person types by hand is checked, with a message that
//! says what to type instead, and the header reads as English at any count.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs the CLI with `args` and `stdin`; returns (exit code, stdout, stderr).
fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A refused argument ends the CLI before it reads its input: the pipe may be closed then.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

const ARTICLE: &str = "Fire crews were called to a warehouse on Dock Street shortly after midnight on Tuesday, the county fire service said.\n\nThe blaze spread to two neighbouring buildings before it was brought under control at about 4am, a spokesman said.\n\nNo one was hurt.\n";

#[test]
fn language_names_and_malformed_tags_are_refused_with_an_example() {
    for bad in ["english", "Deutsch", "xx-!!", "e", "en--US", "fr-toolongsubtag"] {
        let (code, out, err) = run(&["-", "--lang", bad], ARTICLE);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(out.is_empty(), "{bad}");
        assert!(err.contains("not a BCP-47 language tag") && err.contains("\"en\""), "{bad}: {err}");
    }
    // "nb" is Norwegian's data file's alias (lang/no.toml): no warning.
    for good in ["en", "EN", "en-GB", "pt_BR", "zh-Hant-TW", "und", "nb", "nb-NO"] {
        let (code, out, err) = run(&["-", "--lang", good], ARTICLE);
        assert_eq!(code, 0, "{good}: {err}");
        assert!(out.contains("Summary"), "{good}");
        assert!(!err.contains("warning"), "{good}: {err}");
    }
}

#[test]
fn a_language_without_data_is_summarised_with_a_warning() {
    let (code, out, err) = run(&["-", "--lang", "tlh"], ARTICLE);
    assert_eq!(code, 0);
    assert!(out.starts_with("[tlh ·"), "{out}");
    assert!(err.contains("no language data for \"tlh\"") && err.contains("de"), "{err}");
}

#[test]
fn a_summary_of_no_sentences_is_refused() {
    let (code, out, err) = run(&["-", "-n", "0"], ARTICLE);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("at least 1 sentence"), "{err}");
    assert_eq!(run(&["-", "-n", "1"], ARTICLE).0, 0);
}

#[test]
fn counts_of_one_are_singular() {
    let (_, out, _) = run(&["-"], "Storm hits.\n");
    assert!(out.contains("1 of 1 sentence ·") && out.contains("2 of 2 words"), "{out}");
    let (_, out, _) = run(&["-", "--lang", "en"], "Hits.\n");
    assert!(out.contains("1 of 1 word ·") && out.contains("Stats: 1 word,") && out.contains("is 1 word,"), "{out}");
    let (_, out, _) = run(&["-"], ARTICLE);
    assert!(
        out.contains("of 3 sentences") && out.contains("of 43 words"),
        "the closing short sentence is counted: {out}"
    );
}

#[test]
fn html_asked_for_plain_text_gets_a_warning() {
    let (code, out, err) = run(&["-", "--input", "html"], ARTICLE);
    assert_eq!(code, 0);
    assert!(out.contains("Summary"));
    assert!(err.contains("does not look like a web page"), "{err}");
    let (_, _, err) = run(&["-", "--input", "html"], "<!doctype html><html><body><article><p>Fire crews were called to a warehouse on Dock Street shortly after midnight on Tuesday, the county fire service said.</p></article></body></html>");
    assert!(!err.contains("does not look like"), "{err}");
}
