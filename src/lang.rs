//! Language: detection, stopwords (NLTK's lists, from the `stop-words` crate at build time)
//! and stemmers (Snowball, from `rust-stemmers`).
//!
//! Detection takes the writing system from the `whatlang` crate (`detect_script`), which
//! settles most scripts on its own (Han without kana is Chinese, Hangul Korean, Devanagari
//! Hindi, …). Within the Latin and Cyrillic scripts the language is the one whose stopwords
//! cover the largest share of the text's words — the short-word method of Grefenstette (1995,
//! "Comparing two language identification schemes"), which is reliable on texts of a few
//! dozen words and needs no data beyond the stopword lists the summariser ships anyway.
//! (whatlang's own trigram profiles would add about 57 KB gzipped to the WebAssembly build.)
//!
//! Supported for stopwords and stems: English, French, German, Spanish, Italian, Portuguese,
//! Dutch, Russian, Swedish, Danish, Norwegian and Finnish; Indonesian has stopwords only.
//! Other languages are summarised without stopwords or stems.

use rust_stemmers::{Algorithm, Stemmer};

mod stopwords {
    include!(concat!(env!("OUT_DIR"), "/stopwords.rs"));
}

/// How many bytes of article text language detection reads.
const DETECT_SAMPLE_BYTES: usize = 4_096;

/// Least share of a Latin or Cyrillic text's words that must be stopwords of a language for
/// it to be detected.
const MIN_STOPWORD_COVERAGE: f64 = 0.12;

/// Words read by the stopword vote.
const VOTE_WORDS: usize = 600;

/// Latin-script languages with stopword lists, in the order ties are broken.
const LATIN: &[&str] = &["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "id"];

/// The language resources one summary uses.
pub(crate) struct Language {
    /// ISO 639-1 code, or `"und"`.
    pub code: String,
    /// Whether the code was detected rather than given.
    pub detected: bool,
    stopwords: &'static rustc_hash::FxHashSet<&'static str>,
    stemmer: Option<Stemmer>,
}

impl Language {
    /// Resources for the caller's BCP-47 tag, or for the language detected in `sample` when
    /// the tag is missing or malformed.
    pub fn resolve(requested: Option<&str>, sample: &str) -> Language {
        let given = requested
            .map(|t| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase())
            .filter(|c| (2..=3).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_lowercase()));
        match given {
            Some(code) if code != "und" => Language::for_code(&code, false),
            _ => Language::for_code(&detect(sample), true),
        }
    }

    /// Resources for an article: the caller's BCP-47 tag, or the language detected in its body
    /// paragraphs (read up to [`DETECT_SAMPLE_BYTES`]) or, when it has none, in `all` its
    /// paragraphs.
    pub fn for_article<'t>(
        requested: Option<&str>,
        body: impl IntoIterator<Item = &'t str>,
        all: impl IntoIterator<Item = &'t str>,
    ) -> Language {
        let mut sample = String::new();
        for p in body {
            if sample.len() > DETECT_SAMPLE_BYTES {
                break;
            }
            sample.push_str(p);
            sample.push(' ');
        }
        if sample.is_empty() {
            all.into_iter().for_each(|p| sample.push_str(p));
        }
        Language::resolve(requested, &sample)
    }

    /// Resources for an ISO 639-1 code; unknown codes get no stopwords and no stemmer.
    pub fn for_code(code: &str, detected: bool) -> Language {
        Language { code: code.to_string(), detected, stopwords: stopword_set(code), stemmer: stemmer(code) }
    }

    /// Whether `lower` (a lower-cased word) is a stopword.
    pub fn is_stopword(&self, lower: &str) -> bool {
        self.stopwords.contains(lower)
    }

    /// The stem of `lower` (a lower-cased word); the word itself without a stemmer.
    pub fn stem<'a>(&self, lower: &'a str) -> std::borrow::Cow<'a, str> {
        match &self.stemmer {
            Some(s) => s.stem(lower),
            None => std::borrow::Cow::Borrowed(lower),
        }
    }

    /// Whether this is English (some rules, such as dangling openers, are English only).
    pub fn is_english(&self) -> bool {
        self.code == "en"
    }

    /// Whether the language capitalises common nouns (German, Luxembourgish), so that a
    /// capital does not mark a name.
    pub fn capitalises_nouns(&self) -> bool {
        matches!(self.code.as_str(), "de" | "lb")
    }
}

/// The stopwords of a language as a set, built once per process.
fn stopword_set(code: &str) -> &'static rustc_hash::FxHashSet<&'static str> {
    use std::sync::OnceLock;
    static SETS: OnceLock<Vec<(&'static str, rustc_hash::FxHashSet<&'static str>)>> = OnceLock::new();
    static EMPTY: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        stopwords::STOPWORDS.iter().map(|&(c, w)| (c, w.split('\n').filter(|x| !x.is_empty()).collect())).collect()
    });
    let code = if code == "nb" { "no" } else { code };
    sets.iter().find(|(c, _)| *c == code).map_or_else(|| EMPTY.get_or_init(Default::default), |(_, s)| s)
}

/// The Snowball stemmer of a language. Each arm names its algorithm as a constant so that the
/// WebAssembly build links only these twelve stemmers.
fn stemmer(code: &str) -> Option<Stemmer> {
    Some(match code {
        "en" => Stemmer::create(Algorithm::English),
        "fr" => Stemmer::create(Algorithm::French),
        "de" => Stemmer::create(Algorithm::German),
        "es" => Stemmer::create(Algorithm::Spanish),
        "it" => Stemmer::create(Algorithm::Italian),
        "pt" => Stemmer::create(Algorithm::Portuguese),
        "nl" => Stemmer::create(Algorithm::Dutch),
        "ru" => Stemmer::create(Algorithm::Russian),
        "sv" => Stemmer::create(Algorithm::Swedish),
        "da" => Stemmer::create(Algorithm::Danish),
        "no" | "nb" => Stemmer::create(Algorithm::Norwegian),
        "fi" => Stemmer::create(Algorithm::Finnish),
        _ => return None,
    })
}

/// Detects the language of `text` from its first [`DETECT_SAMPLE_BYTES`] bytes: an ISO 639-1
/// code, or `"und"` when there is too little text to tell or a Latin or Cyrillic text is in
/// none of the languages with stopword lists.
pub(crate) fn detect(text: &str) -> String {
    let mut end = DETECT_SAMPLE_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return "und".into();
    }
    use whatlang::Script;
    let code = match whatlang::detect_script(sample) {
        Some(Script::Latin) => return vote(sample, LATIN),
        Some(Script::Cyrillic) => return vote(sample, &["ru"]),
        Some(Script::Mandarin | Script::Hiragana | Script::Katakana) => {
            if sample.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)) {
                "ja"
            } else {
                "zh"
            }
        }
        Some(Script::Hangul) => "ko",
        Some(Script::Devanagari) => "hi",
        Some(Script::Arabic) => "ar",
        Some(Script::Greek) => "el",
        Some(Script::Hebrew) => "he",
        Some(Script::Thai) => "th",
        Some(Script::Bengali) => "bn",
        Some(Script::Tamil) => "ta",
        Some(Script::Georgian) => "ka",
        Some(Script::Armenian) => "hy",
        _ => "und",
    };
    code.into()
}

/// The language among `candidates` whose stopwords cover most of the sample's words.
fn vote(sample: &str, candidates: &[&str]) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let words: Vec<String> = sample.unicode_words().take(VOTE_WORDS).map(str::to_lowercase).collect();
    if words.is_empty() {
        return "und".into();
    }
    let mut best = ("und", 0usize);
    for &code in candidates {
        let list = stopword_set(code);
        let hits = words.iter().filter(|w| list.contains(w.as_str())).count();
        if hits > best.1 {
            best = (code, hits);
        }
    }
    if (best.1 as f64) < MIN_STOPWORD_COVERAGE * words.len() as f64 {
        return "und".into();
    }
    best.0.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One sample per supported language: detection, stopwords and stemming.
    #[test]
    fn language_table() {
        let samples = [
            ("en", "The ministers discussed the situation in the region and agreed to meet again next month.", "running", "run"),
            ("fr", "Les ministres ont discuté de la situation dans la région et ont convenu de se revoir le mois prochain.", "discutées", "discut"),
            ("de", "Die Minister haben über die Lage in der Region gesprochen und wollen sich nächsten Monat wieder treffen.", "gesprochen", "gesproch"),
            ("es", "Los ministros discutieron la situación en la región y acordaron reunirse de nuevo el próximo mes.", "discutieron", "discut"),
            ("it", "I ministri hanno discusso la situazione nella regione e hanno deciso di incontrarsi di nuovo il mese prossimo.", "discusso", "discuss"),
            ("pt", "Os ministros discutiram a situação na região e concordaram em se reunir novamente no próximo mês.", "discutiram", "discut"),
            ("nl", "De ministers bespraken de situatie in de regio en spraken af om volgende maand opnieuw bijeen te komen.", "bespraken", "besprak"),
            ("ru", "Министры обсудили ситуацию в регионе и договорились снова встретиться в следующем месяце.", "обсудили", "обсуд"),
        ];
        for (code, text, word, stem) in samples {
            assert_eq!(detect(text), code, "{text}");
            let lang = Language::for_code(code, true);
            assert!(!lang.stopwords.is_empty(), "{code} has stopwords");
            assert_eq!(lang.stem(word), stem, "{code}");
        }
    }

    #[test]
    fn caller_tag_wins_and_unknown_is_und() {
        assert_eq!(Language::resolve(Some("fr-CA"), "The cat sat on the mat today.").code, "fr");
        assert!(!Language::resolve(Some("fr-CA"), "").detected);
        assert_eq!(Language::resolve(None, "12 34").code, "und");
        assert_eq!(detect("市政府周一宣布，将投入3.5亿元改造老旧小区。这项计划预计惠及12万户居民。"), "zh");
    }
}
