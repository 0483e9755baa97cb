//! Arabic through the whole summariser: four articles written for Abridge
//! (`tests/fixtures/ar/`: politics in the Egyptian and the Levantine month series, economy,
//! sport), each detected as Arabic, summarised with
//! sentences that are spans of the input, and with its key facts: a date with its weekday or
//! month, an amount of money, a percentage, a person named after a title and a quotation with
//! its speaker (named before the quotation, "وقال X: «…»", "قال X إن «…»", or after it, "«…»، قال
//! X"). A date written out resolves to itself, not to a weekday near the publication date.

use abridge::{summarize, Article, Options};

const ARTICLES: [(&str, &str); 4] = [
    ("politics", include_str!("fixtures/ar/politics-water.txt")),
    ("levant", include_str!("fixtures/ar/politics-electricity-levant.txt")),
    ("economy", include_str!("fixtures/ar/economy-rates.txt")),
    ("sport", include_str!("fixtures/ar/sport-final.txt")),
];

/// A fact as (kind, value).
type Fact = (&'static str, &'static str);

/// The expected facts of each article: its name, (kind, value) pairs, and (quotation start,
/// speaker).
const EXPECTED: [(&str, &[Fact], Fact); 4] = [
    (
        "politics",
        &[
            ("date", "يوم الخميس 14 مارس 2024"),
            ("money", "300 مليون دولار"),
            ("percent", "20 في المئة"),
            ("percent", "45 بالمئة"),
            ("person", "أيمن الصفدي"),
            ("person", "خالد المصري"),
        ],
        ("نحن أمام أزمة حقيقية", "أيمن الصفدي"),
    ),
    (
        "levant",
        &[
            ("date", "يوم الأربعاء 10 كانون الثاني 2024"),
            ("money", "250 مليون دولار"),
            ("percent", "40 بالمئة"),
            ("person", "نجيب ميقاتي"),
            ("person", "محمد بن زايد آل نهيان"),
        ],
        ("لن نسمح بأن يبقى اللبنانيون", "نجيب ميقاتي"),
    ),
    (
        "economy",
        &[
            ("date", "يوم الاثنين 4 مارس 2024"),
            ("money", "35 مليار دولار"),
            ("money", "3 مليارات دولار"),
            ("percent", "35 في المئة"),
            ("person", "حسن عبد الله"),
            ("person", "منى بدير"),
        ],
        ("القرار ضروري", "حسن عبد الله"),
    ),
    (
        "sport",
        &[
            ("date", "السبت 25 مايو"),
            ("money", "4 ملايين دولار"),
            ("percent", "60%"),
            ("number", "50 ألف مشجع"),
            ("person", "مارسيل كولر"),
        ],
        ("اللاعبون قدموا مباراة كبيرة", "مارسيل كولر"),
    ),
];

fn summary(text: &str) -> abridge::Summary {
    let options = Options { key_facts: 30, ..Options::sentences(3) };
    summarize(&Article::from_text(text), &options).expect("a summary")
}

#[test]
fn arabic_articles_are_detected_and_summarised_from_their_own_sentences() {
    for (name, text) in ARTICLES {
        let s = summary(text);
        assert_eq!(s.lang, "ar", "{name}");
        assert!(s.lang_detected, "{name}");
        assert_eq!(s.sentences.len(), 3, "{name}");
        for sentence in &s.sentences {
            assert_eq!(&text[sentence.span.start..sentence.span.end], sentence.text, "{name}");
            assert!(!sentence.text.ends_with(['،', '؛']), "{name}: {:?}", sentence.text);
        }
    }
}

#[test]
fn arabic_key_facts_with_dates_amounts_people_and_speakers() {
    for ((name, text), (expected_name, facts, (quote, speaker))) in ARTICLES.into_iter().zip(EXPECTED) {
        assert_eq!(name, expected_name);
        let s = summary(text);
        let found: Vec<(&str, &str)> = s.key_facts.iter().map(|f| (f.kind.as_str(), f.value.as_str())).collect();
        for &(kind, value) in facts {
            assert!(found.contains(&(kind, value)), "{name}: {kind} {value:?} not in {found:?}");
        }
        let q = s.key_facts.iter().find(|f| f.kind.as_str() == "quote" && f.value.starts_with(quote));
        let q = q.unwrap_or_else(|| panic!("{name}: no quotation {quote:?} in {found:?}"));
        assert_eq!(q.speaker.as_deref(), Some(speaker), "{name}");
    }
}

#[test]
fn arabic_keywords_are_no_function_words() {
    const FUNCTION_WORDS: [&str; 12] = ["في", "من", "على", "إلى", "أن", "إن", "التي", "الذي", "عن", "مع", "و", "قد"];
    for (name, text) in ARTICLES {
        let s = summary(text);
        assert!(s.keywords.len() >= 5, "{name}");
        for k in &s.keywords {
            assert!(k.text.split(' ').all(|w| !FUNCTION_WORDS.contains(&w)), "{name}: {:?}", k.text);
        }
    }
}

#[test]
fn arabic_dates_written_out_are_their_own_day() {
    let mut article = Article::from_text(ARTICLES[1].1);
    article.published = Some("2024-05-26".into());
    let s = summarize(&article, &Options { key_facts: 30, ..Options::sentences(3) }).expect("a summary");
    let date = s.key_facts.iter().find(|f| f.value == "يوم الأربعاء 10 كانون الثاني 2024").expect("the date");
    assert!(date.resolved.as_deref().is_none_or(|d| d == "2024-01-10"), "{:?}", date.resolved);
    let yesterday = s.key_facts.iter().find(|f| f.value == "أمس").expect("yesterday");
    assert_eq!(yesterday.resolved.as_deref(), Some("2024-05-25"));
}
