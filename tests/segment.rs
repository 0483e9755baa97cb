//! Sentence segmentation against public test data and rows written for Abridge: the English
//! "Golden Rules" of the pragmatic_segmenter project (`tests/fixtures/segment/golden-rules-en.tsv`,
//! one test per rule: `cargo test --test segment gr018`), the failure kinds of issue 14 in
//! several languages (`tests/fixtures/segment/kinds.tsv`) and one sample per language
//! (`tests/fixtures/segment/languages.tsv`). All through the public [`abridge::segment`].

use std::fmt::Write as _;

/// A row of a segmentation fixture: name, scope, language, input and the sentences expected.
struct Row {
    id: String,
    name: String,
    scope: String,
    lang: Option<String>,
    input: String,
    expected: Vec<String>,
}

const GOLDEN: &str = include_str!("fixtures/segment/golden-rules-en.tsv");
const KINDS: &str = include_str!("fixtures/segment/kinds.tsv");
const LANGUAGES: &str = include_str!("fixtures/segment/languages.tsv");

/// A field with its escapes read: `\n` is a line break, `\u{200f}` a character by its code.
fn unescape(field: &str) -> String {
    let mut out = String::new();
    let mut rest = field;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(r) = rest.strip_prefix("\\n") {
            out.push('\n');
            rest = r;
        } else if let Some((code, r)) = rest.strip_prefix("\\u{").and_then(|r| r.split_once('}')) {
            out.push(u32::from_str_radix(code, 16).ok().and_then(char::from_u32).expect("a \\u{…} escape"));
            rest = r;
        } else {
            out.push('\\');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The rows of a fixture whose columns are: id, name, scope, input, sentences… (the Golden
/// Rules, English) or id, language, input, sentences… (`with_lang`).
fn rows(text: &str, with_lang: bool) -> Vec<Row> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let fixed = if with_lang { 3 } else { 4 };
        assert!(f.len() > fixed, "line {}: {} fields", i + 1, f.len());
        let (name, scope, lang, input) = if with_lang {
            (f[0], "news", Some(f[1].to_string()), f[2])
        } else {
            (f[1], f[2], Some("en".to_string()), f[3])
        };
        out.push(Row {
            id: f[0].to_string(),
            name: name.to_string(),
            scope: scope.to_string(),
            lang: lang.filter(|l| l != "-"),
            input: unescape(input),
            expected: f[fixed..].iter().map(|s| unescape(s)).collect(),
        });
    }
    out
}

/// Segments a row's input; `Err` says how the result differs from the expectation. Also checks
/// that every span slices the input to the sentence's text.
fn check(row: &Row) -> Result<(), String> {
    let got = abridge::segment(&row.input, row.lang.as_deref());
    for s in &got {
        let slice = row.input.get(s.span.start..s.span.end).ok_or("span off char boundary")?;
        let squash = |t: &str| t.split_whitespace().collect::<String>();
        if squash(slice) != squash(&s.text) || s.text.contains("  ") || slice.trim() != slice {
            return Err(format!("span {:?} slices {slice:?}, not {:?}", s.span, s.text));
        }
    }
    let texts: Vec<&str> = got.iter().map(|s| s.text.as_str()).collect();
    if texts == row.expected {
        Ok(())
    } else {
        Err(format!("{}: got {texts:#?}\nwant {:#?}", row.name, row.expected))
    }
}

fn golden(id: &str) {
    let rows = rows(GOLDEN, false);
    let row = rows.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no Golden Rule {id}"));
    if row.scope != "news" {
        eprintln!("Golden Rule {id} ({}) is excluded: {}", row.name, row.scope);
        return;
    }
    if let Err(e) = check(row) {
        panic!("Golden Rule {id} {e}");
    }
}

/// One test per Golden Rule, named after its number (`gr001` runs rule 001).
macro_rules! golden_rules {
    ($($id:ident),* $(,)?) => {
        $(
            #[test]
            fn $id() {
                golden(&stringify!($id)[2..]);
            }
        )*
        const TESTED: &[&str] = &[$(stringify!($id)),*];
    };
}

golden_rules!(
    gr001, gr002, gr003, gr004, gr005, gr006, gr007, gr008, gr009, gr010, gr011, gr012, gr013, gr014, gr015, gr016,
    gr017, gr018, gr019, gr020, gr021, gr022, gr023, gr024, gr025, gr026, gr027, gr028, gr029, gr030, gr031, gr032,
    gr033, gr034, gr035, gr036, gr037, gr038, gr039, gr040, gr041, gr042, gr043, gr044, gr045, gr046, gr047, gr048,
    gr049, gr050, gr051, gr052,
);

#[test]
fn every_golden_rule_has_a_test() {
    let ids: Vec<String> = rows(GOLDEN, false).into_iter().map(|r| format!("gr{}", r.id)).collect();
    assert_eq!(ids.len(), 52);
    let untested: Vec<&String> = ids.iter().filter(|id| !TESTED.contains(&id.as_str())).collect();
    assert!(untested.is_empty(), "Golden Rules without a test: {untested:?}");
}

/// The pass rate over the Golden Rules, printed (`cargo test --test segment golden_rules_pass_rate
/// -- --nocapture`): over all 52, over pySBD's 48, and over the rules that apply to news text.
/// Fails below 98 % of the rules in scope.
#[test]
fn golden_rules_pass_rate() {
    let rows = rows(GOLDEN, false);
    let pysbd = |r: &&Row| !["040", "041", "042", "052"].contains(&r.id.as_str());
    let news: Vec<&Row> = rows.iter().filter(|r| r.scope == "news").collect();
    let count = |v: &[&Row]| v.iter().filter(|r| check(r).is_ok()).count();
    let all: Vec<&Row> = rows.iter().collect();
    let py: Vec<&Row> = rows.iter().filter(pysbd).collect();
    let mut report = String::new();
    for (label, set) in [("all 52 rules", &all), ("pySBD's 48", &py), ("rules that apply to news text", &news)] {
        let n = count(set);
        writeln!(
            report,
            "Golden Rules, {label}: {n} of {} pass ({:.1} %)",
            set.len(),
            100.0 * n as f64 / set.len() as f64
        )
        .unwrap();
    }
    for r in rows.iter().filter(|r| check(r).is_err()) {
        writeln!(report, "  fails {} {} ({})", r.id, r.name, r.scope).unwrap();
    }
    println!("{report}");
    let n = count(&news);
    assert!(n * 100 >= news.len() * 98, "{report}");
}

fn check_all(text: &str) {
    let rows = rows(text, true);
    let failed: Vec<String> = rows.iter().filter_map(|r| check(r).err()).collect();
    assert!(failed.is_empty(), "{} of {} rows fail:\n{}", failed.len(), rows.len(), failed.join("\n"));
}

/// The failure kinds of issue 14, each in several languages and shapes.
#[test]
fn failure_kinds() {
    check_all(KINDS);
}

/// One sample per language of `lang/common.toml`, each with its hard cases.
#[test]
fn one_sample_per_language() {
    check_all(LANGUAGES);
    let langdata = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/lang/common.toml")).unwrap();
    let list = langdata.lines().find_map(|l| l.strip_prefix("languages = ")).expect("the language list");
    let sampled: Vec<String> = rows(LANGUAGES, true).into_iter().filter_map(|r| r.lang).collect();
    for code in list.trim_matches(['[', ']']).split(',').map(|c| c.trim().trim_matches('"')) {
        assert!(sampled.iter().any(|l| l == code), "no sample row for {code} in languages.tsv");
    }
}

/// Through the summariser: right-to-left text keeps its bidirectional marks and isolates, so
/// that a summary sentence is the page's text (and the input's slice, normalised); overrides,
/// which reorder what a reader sees, are still removed, and so are marks inside left-to-right
/// words.
#[test]
fn summaries_keep_the_bidi_marks_of_right_to_left_text() {
    for (name, text, kept) in [
        ("Arabic RLM", "قال الوزير\u{200f} إن الاتفاق تم توقيعه في القاهرة مساء الأحد بعد مفاوضات طويلة.", '\u{200f}'),
        (
            "Arabic isolate",
            "أعلنت شركة \u{2067}النيل\u{2069} للطيران عن رحلات جديدة إلى عمان وبيروت ابتداء من الشهر المقبل.",
            '\u{2067}',
        ),
        ("Hebrew RLM", "השר אמר\u{200f} כי ההסכם ייחתם בירושלים ביום ראשון לאחר משא ומתן ארוך.", '\u{200f}'),
    ] {
        let article = abridge::Article::from_text(text);
        let summary = abridge::summarize(&article, &abridge::Options::sentences(1)).unwrap();
        let s = &summary.sentences[0];
        assert!(s.text.contains(kept), "{name}: {:?}", s.text);
        assert_eq!(abridge::normalize(&text[s.span.start..s.span.end]), s.text, "{name}");
    }
    assert_eq!(abridge::normalize("\u{202e}قال\u{202c}"), "قال\u{202c}");
    // Stray marks inside left-to-right words are junk, and go.
    assert_eq!(abridge::normalize("h\u{200e}e said \u{202e}abc\u{202c}"), "he said abc");
}

/// Through the summariser: a short text whose sentence names a web address is summarised, not
/// dropped whole as a share line; a bare share line still is.
#[test]
fn short_texts_with_a_web_address_are_summarised() {
    for text in [
        "The full report is at https://example.org/report and runs to 80 pages.",
        "Le rapport complet est en ligne sur https://exemple.fr/rapport depuis lundi matin.",
        "Der vollständige Bericht steht seit Montag unter www.beispiel.de/bericht im Netz.",
        "Read the council's statement at https://council.example.gov/statement before the vote.",
    ] {
        let summary = abridge::summarize(&abridge::Article::from_text(text), &abridge::Options::default());
        let summary = summary.unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(summary.sentences.len(), 1, "{text:?}");
    }
    let share = "Follow our live coverage at https://example.org/live\n\nThe council voted on Tuesday to close the old bridge for repairs.";
    let summary = abridge::summarize(&abridge::Article::from_text(share), &abridge::Options::default()).unwrap();
    assert!(summary.sentences.iter().all(|s| !s.text.contains("https://")), "{:?}", summary.sentences);
}
