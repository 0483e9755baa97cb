//! Dates anchored in time through the public API and the command line: `Article::published`,
//! `KeyFact::resolved`, `--published`.
// Native-only code, not in the WebAssembly module: the standard sorts are fine (clippy.toml).
#![allow(clippy::disallowed_methods)]

use abridge::{summarize, Article, FactKind, KeyFact, Options};
use std::process::Command;

const STORY: &str = "The city council voted last Tuesday to close the Riverside plant, officials said. \
    The plant's owner, Northwind Energy, employs 420 people at the site. \
    The council will meet again next Tuesday to decide on compensation for the workers. \
    Mayor Dana Whitfield said the vote on Tuesday was the hardest of her term.";

fn article(published: Option<&str>) -> Article {
    Article { published: published.map(str::to_string), lang: Some("en".into()), ..Article::from_text(STORY) }
}

fn tuesdays(a: &Article) -> Vec<KeyFact> {
    let s = summarize(a, &Options { key_facts: 30, ..Options::default() }).unwrap();
    s.key_facts.into_iter().filter(|f| f.kind == FactKind::Date && f.value.contains("Tuesday")).collect()
}

#[test]
fn two_tuesdays_stay_two_facts_with_their_dates() {
    // Published on Thursday 13 April 2023.
    let mut got: Vec<(String, Option<String>)> =
        tuesdays(&article(Some("2023-04-13T10:00:00-04:00"))).into_iter().map(|f| (f.value, f.resolved)).collect();
    got.sort_by(|a, b| a.1.cmp(&b.1));
    let dates: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
    assert_eq!(dates, [Some("2023-04-11"), Some("2023-04-18")], "{got:?}");
    // The value stays the article's words.
    assert!(got.iter().all(|(v, _)| STORY.contains(v.as_str())), "{got:?}");
}

#[test]
fn the_same_tuesday_twice_is_one_fact() {
    // "last Tuesday" and "the vote on Tuesday" are the same day: one fact, two mentions.
    let facts = tuesdays(&article(Some("2023-04-13")));
    let past: Vec<&KeyFact> = facts.iter().filter(|f| f.resolved.as_deref() == Some("2023-04-11")).collect();
    assert_eq!(past.len(), 1, "{facts:?}");
    assert!(past[0].mentions >= 2, "{facts:?}");
}

#[test]
fn without_an_anchor_dates_are_listed_as_written() {
    let facts = tuesdays(&article(None));
    assert!(!facts.is_empty() && facts.iter().all(|f| f.resolved.is_none()), "{facts:?}");
    // With nothing to tell them apart by, the same words are one fact (two rows reading
    // "Tuesday" would say nothing); where the mentions include "last"/"next" they differ.
    let mut values: Vec<&str> = facts.iter().map(|f| f.value.as_str()).collect();
    values.sort_unstable();
    values.dedup();
    assert_eq!(values.len(), facts.len(), "{facts:?}");
}

#[test]
fn a_malformed_publication_date_is_ignored() {
    for bad in ["13/04/2023", "yesterday", "2023-02-30", ""] {
        let with_bad = summarize(&article(Some(bad)), &Options::default()).unwrap();
        let without = summarize(&article(None), &Options::default()).unwrap();
        assert_eq!(with_bad, without, "{bad:?}");
    }
}

#[test]
fn json_carries_resolved_only_when_there_is_one() {
    let s = summarize(&article(Some("2023-04-13")), &Options::default()).unwrap();
    let json = serde_json::to_value(&s).unwrap();
    let facts = json["key_facts"].as_array().unwrap();
    let dated: Vec<_> = facts.iter().filter(|f| f.get("resolved").is_some()).collect();
    assert!(!dated.is_empty(), "{facts:?}");
    assert!(dated.iter().all(|f| f["kind"] == "date" && f["resolved"].as_str().unwrap().len() == 10));
    assert!(facts.iter().filter(|f| f["kind"] != "date").all(|f| f.get("resolved").is_none()));
    // And it reads back.
    let back: abridge::Summary = serde_json::from_value(json).unwrap();
    assert_eq!(back, s);
    // Article JSON takes `published`.
    let a: Article = serde_json::from_str(r#"{"text": "x", "published": "2023-04-13"}"#).unwrap();
    assert_eq!(abridge::published_date(&a).as_deref(), Some("2023-04-13"));
}

fn cli(args: &[&str], stdin: impl AsRef<[u8]>) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The process may exit before reading (a bad argument): a closed pipe is not a failure here.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_ref());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn cli_published_resolves_and_shows_both() {
    let (code, out, err) = cli(&["-", "--lang", "en", "--published", "2023-04-13T10:00:00-04:00"], STORY);
    assert_eq!(code, 0, "{err}");
    let dates = out.lines().find(|l| l.trim_start().starts_with("Dates:")).unwrap_or_else(|| panic!("{out}"));
    assert!(dates.contains("Tuesday (2023-04-11)") && dates.contains("Tuesday (2023-04-18)"), "{dates}");
    let (code, out, _) = cli(&["-", "--published", "2023-04-13", "--json"], STORY);
    assert_eq!(code, 0);
    assert!(out.contains("\"resolved\": \"2023-04-18\""), "{out}");
    // Without it: as written.
    let (_, out, _) = cli(&["-", "--lang", "en"], STORY);
    assert!(!out.contains("(2023-"), "{out}");
}

#[test]
fn cli_rejects_a_malformed_published() {
    let (code, _, err) = cli(&["-", "--published", "13/04/2023"], STORY);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ISO 8601"), "{err}");
}

#[test]
fn cli_rejects_impossible_clock_times() {
    for bad in ["2023-04-13T25:00", "2023-04-13T12:99", "2023-04-13T23:59:61Z", "2023-04-13 9:30"] {
        let (code, _, err) = cli(&["-", "--published", bad], STORY);
        assert_eq!(code, 2, "{bad}: {err}");
    }
    for good in
        ["2023-04-13T23:59", "2023-04-13T00:00:60Z", "2023-04-13 09:30:00.123+05:30", "2023-04-13T09:30:00+0000"]
    {
        let (code, _, err) = cli(&["-", "--published", good], STORY);
        assert_eq!(code, 0, "{good}: {err}");
    }
}

/// Binary data is refused with a message, whatever its shape: random bytes, an executable's
/// NUL-padded header, UTF-16 text. Text in a legacy 8-bit encoding is read with a warning.
#[test]
fn cli_refuses_binary_input() {
    let mut state = 0x2545_f491_4f6c_dd1d_u64; // xorshift: the same bytes on every run
    let random: Vec<u8> = (0..4000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    elf.extend_from_slice(STORY.as_bytes());
    let utf16: Vec<u8> = STORY.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let controls: Vec<u8> = STORY.bytes().flat_map(|b| [b, 0x01]).collect();
    for (name, bytes) in [("random", random), ("elf", elf), ("utf16", utf16), ("controls", controls)] {
        let (code, out, err) = cli(&["-"], &bytes);
        assert_eq!(code, 1, "{name}: {out}");
        assert!(err.contains("not text"), "{name}: {err}");
        assert!(out.is_empty(), "{name}: {out}");
    }
    // Latin-1: a few invalid bytes (its accented letters) are a warning, not a refusal.
    let latin1: Vec<u8> = "Le maire a annoncé jeudi que la digue sera reconstruite. Les travaux coûteront 40 millions d'euros, a-t-il précisé."
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    let (code, out, err) = cli(&["-"], &latin1);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("not valid UTF-8") && out.contains("Summary"), "{err}{out}");
}
