//! The seed article (`tests/fixtures/seed.txt`, copied from `../shared/seed/`): an AP page as
//! "select all, copy" gives it, page chrome included. What a good result is comes from
//! `../shared/seed/README.md`.

mod common;

use abridge::{summarize, Article, DropReason, FactKind, Options, Summary};

fn seed() -> Article {
    Article::from_text(include_str!("fixtures/seed.txt"))
}

fn summary() -> Summary {
    summarize(&seed(), &Options::default()).expect("the seed summarises")
}

/// Page chrome of the seed page, none of which may appear anywhere in the output.
const CHROME: &[&str] =
    &["Skip to main content", "Cloudy icon", "53º", "1 / 8", "Recommended Videos", "Follow AP", "___", "apnews.com"];

#[test]
fn opens_with_the_lede_and_tells_the_story() {
    let s = summary();
    assert_eq!(s.sentences.len(), 3, "a 460-word story gets 3 sentences");
    assert!(
        s.sentences[0]
            .text
            .starts_with("The top diplomats from Russia, China, Iran and Pakistan attended a conference Thursday"),
        "{}",
        s.sentences[0].text
    );
    // The meeting itself: where it was and what was discussed.
    let text: String = s.sentences.iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join(" ");
    assert!(text.contains("Samarkand"), "{text}");
    common::check_offsets(&seed(), &s);
}

#[test]
fn no_page_chrome_anywhere() {
    let s = summary();
    let mut out = Vec::new();
    out.extend(s.sentences.iter().map(|x| x.text.clone()));
    out.extend(s.key_facts.iter().flat_map(|f| [f.value.clone(), f.context.clone()]));
    out.extend(s.keywords.iter().map(|k| k.text.clone()));
    out.extend(s.title.clone());
    for piece in &out {
        for chrome in CHROME {
            assert!(!piece.contains(chrome), "{chrome:?} leaked into {piece:?}");
        }
        assert!(!piece.contains("In this handout photo"), "the caption leaked into {piece:?}");
    }
    // Every sentence, too (ratio 1 lists them all).
    let all = summarize(&seed(), &Options::ratio(1.0)).unwrap();
    for x in &all.sentences {
        for chrome in CHROME {
            assert!(!x.text.contains(chrome), "{chrome:?} kept as a sentence: {:?}", x.text);
        }
    }
    let reasons: Vec<DropReason> = s.dropped.iter().map(|d| d.reason).collect();
    assert!(reasons.contains(&DropReason::Caption) && reasons.contains(&DropReason::Navigation));
    assert_eq!(s.title.as_deref(), Some("Russia, China FM attend high-level conference on Afghanistan"));
}

fn has(s: &Summary, kind: FactKind, value: &str) -> bool {
    s.key_facts.iter().any(|f| f.kind == kind && f.value == value)
}

#[test]
fn key_facts_as_the_readme_describes() {
    let s = summary();
    let listed: Vec<String> = s.key_facts.iter().map(|f| format!("{}: {}", f.kind.as_str(), f.value)).collect();
    // When: Thursday as the story writes it, resolved to its date by the photo caption
    // ("Thursday, April 13, 2023"), which is the same fact, not a second one.
    let thursday = s.key_facts.iter().find(|f| f.kind == FactKind::Date && f.value == "Thursday");
    let thursday = thursday.unwrap_or_else(|| panic!("Thursday is a key fact: {listed:#?}"));
    assert_eq!(thursday.resolved.as_deref(), Some("2023-04-13"));
    assert!(thursday.mentions >= 2, "the caption's date counts as a mention: {thursday:?}");
    assert!(!has(&s, FactKind::Date, "Thursday, April 13, 2023"), "{listed:#?}");
    // Where.
    assert!(has(&s, FactKind::Place, "Samarkand"), "{listed:#?}");
    assert!(has(&s, FactKind::Place, "Uzbekistan"), "{listed:#?}");
    // Who.
    assert!(has(&s, FactKind::Person, "Sergey Lavrov"), "{listed:#?}");
    assert!(has(&s, FactKind::Person, "Qin Gang"), "{listed:#?}");
    // Background dates.
    assert!(has(&s, FactKind::Date, "August 2021"), "{listed:#?}");
    assert!(has(&s, FactKind::Date, "2003"), "{listed:#?}");
    // The statement, with who made it.
    let quote = s
        .key_facts
        .iter()
        .find(|f| f.kind == FactKind::Quote && f.value.starts_with("We hope the Afghan interim government"));
    let quote = quote.unwrap_or_else(|| panic!("the ministry's statement is a key fact: {listed:#?}"));
    assert_eq!(quote.speaker.as_deref(), Some("Chinese Foreign Ministry"));
    // One fact per thing.
    let mut seen = std::collections::HashSet::new();
    assert!(s.key_facts.iter().all(|f| seen.insert((f.kind, f.value.clone()))), "{listed:#?}");
    // The caption's people may be listed, the photographer's agency may not.
    assert!(!listed.iter().any(|f| f.contains("Press Service")), "{listed:#?}");
}

#[test]
fn a_publication_date_does_not_override_the_article_own_date() {
    // Published a week later: "Thursday" is still the Thursday the caption dates.
    let article = Article { published: Some("2023-04-20T08:00:00Z".into()), ..seed() };
    let s = summarize(&article, &Options::default()).unwrap();
    let thursday = s.key_facts.iter().find(|f| f.kind == FactKind::Date && f.value == "Thursday").unwrap();
    assert_eq!(thursday.resolved.as_deref(), Some("2023-04-13"));
    // Dates written out in full carry no resolved date, and none is invented for the others.
    for f in &s.key_facts {
        assert!(f.kind == FactKind::Date || f.resolved.is_none(), "{f:?}");
    }
    let august = s.key_facts.iter().find(|f| f.value == "August 2021").unwrap();
    assert_eq!(august.resolved, None);
}

#[test]
fn more_facts_on_request_include_the_caption_names() {
    let s = summarize(&seed(), &Options { key_facts: 30, ..Options::default() }).unwrap();
    assert!(has(&s, FactKind::Person, "Hossein Amir-Abdollahian"));
    assert!(has(&s, FactKind::Person, "Hina Rabbani Khar"));
}

#[test]
fn stats_and_language() {
    let s = summary();
    assert_eq!(s.lang, "en");
    assert!(s.lang_detected);
    assert_eq!(s.stats.summary_sentences, 3);
    assert!(s.stats.article_words > 400 && s.stats.article_words < 520, "{:?}", s.stats);
    assert!((s.stats.article_minutes - s.stats.article_words as f64 / 238.0).abs() < 0.01);
    assert!(s.stats.reduction_percent > 70.0);
    assert!(s.keywords.iter().any(|k| k.text.contains("Afghan")), "{:?}", s.keywords);
}

/// The first part of a long article (the extension cuts very long pages): the summary says which
/// share it covers, counted in UTF-16 code units as JavaScript counts them, and nothing else
/// changes; a `full_length` that is not longer than the text given is ignored.
#[test]
fn first_part_of_a_long_article_says_its_share() {
    let text = include_str!("fixtures/seed.txt");
    let units = text.encode_utf16().count();
    let whole = summary();
    assert!(whole.truncated.is_none());
    for (full, percent) in [(units * 4, 25), (units * 3, 33), (units + 1, 99), (units * 1000, 1)] {
        let s = summarize(&Article { full_length: Some(full), ..seed() }, &Options::default()).unwrap();
        let t = s.truncated.as_ref().expect("truncated");
        assert_eq!((t.limit.as_str(), t.value), (abridge::contract::FIRST_PART, percent), "full length {full}");
        assert!(t.detail.contains(&format!("{percent} %")), "{}", t.detail);
        assert_eq!(s.sentences, whole.sentences, "the summary of the part given is unchanged");
    }
    for full in [units, units / 2, 0] {
        let s = summarize(&Article { full_length: Some(full), ..seed() }, &Options::default()).unwrap();
        assert!(s.truncated.is_none(), "full length {full} is not longer than the text");
    }
    // Paragraphs: UTF-16 units, so a character outside the BMP counts twice.
    let paragraphs = vec![
        "The council met on Monday to approve the budget for the coming year. 🎉".to_string(),
        "Officials said the vote was close and the debate lasted four hours.".to_string(),
    ];
    let given: usize = paragraphs.iter().map(|p| p.encode_utf16().count()).sum();
    assert_eq!(given, paragraphs.iter().map(|p| p.chars().count()).sum::<usize>() + 1);
    let article = Article { paragraphs: Some(paragraphs), full_length: Some(given * 2), ..Article::default() };
    assert_eq!(summarize(&article, &Options::default()).unwrap().truncated.map(|t| t.value), Some(50));
}
