//! Language: detection (the `whatlang` crate, trigram profiles of 69 languages), stopwords
//! (NLTK's lists, from the `stop-words` crate) and stemmers (Snowball, from `rust-stemmers`).

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;

/// How many bytes of article text language detection reads.
const DETECT_SAMPLE_BYTES: usize = 4_096;

/// ISO 639-3 (whatlang) to ISO 639-1 codes, for the languages both know.
const ISO_639_3_TO_1: &[(&str, &str)] = &[
    ("eng", "en"),
    ("fra", "fr"),
    ("deu", "de"),
    ("spa", "es"),
    ("ita", "it"),
    ("por", "pt"),
    ("nld", "nl"),
    ("rus", "ru"),
    ("cmn", "zh"),
    ("jpn", "ja"),
    ("kor", "ko"),
    ("hin", "hi"),
    ("ces", "cs"),
    ("ind", "id"),
    ("ara", "ar"),
    ("dan", "da"),
    ("fin", "fi"),
    ("ell", "el"),
    ("hun", "hu"),
    ("nob", "no"),
    ("ron", "ro"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("pol", "pl"),
    ("heb", "he"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("bel", "be"),
    ("cat", "ca"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("vie", "vi"),
    ("tha", "th"),
    ("urd", "ur"),
    ("pes", "fa"),
    ("aze", "az"),
    ("uzb", "uz"),
    ("kat", "ka"),
    ("hye", "hy"),
    ("afr", "af"),
    ("tgl", "tl"),
    ("cym", "cy"),
    ("lat", "la"),
    ("epo", "eo"),
    ("mar", "mr"),
    ("nep", "ne"),
    ("mkd", "mk"),
];

/// The language resources one summary uses.
pub(crate) struct Language {
    /// ISO 639-1 code (or ISO 639-3 where there is none), or `"und"`.
    pub code: String,
    /// Whether the code was detected rather than given.
    pub detected: bool,
    stopwords: HashSet<&'static str>,
    stemmer: Option<Stemmer>,
}

impl Language {
    /// Resources for the caller's BCP-47 tag, or for the language detected in `sample` when
    /// the tag is missing or names no language we know.
    pub fn resolve(requested: Option<&str>, sample: &str) -> Language {
        let given = requested
            .map(|t| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase())
            .filter(|c| (2..=3).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_lowercase()));
        match given {
            Some(code) if code != "und" => Language::for_code(&code, false),
            _ => Language::for_code(&detect(sample), true),
        }
    }

    /// Resources for an ISO 639-1 code; unknown codes get no stopwords and no stemmer.
    pub fn for_code(code: &str, detected: bool) -> Language {
        let stopwords = stop_words::lookup(code).map(|w| w.iter().copied().collect()).unwrap_or_default();
        let stemmer = stem_algorithm(code).map(Stemmer::create);
        Language { code: code.to_string(), detected, stopwords, stemmer }
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
}

fn stem_algorithm(code: &str) -> Option<Algorithm> {
    Some(match code {
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "es" => Algorithm::Spanish,
        "it" => Algorithm::Italian,
        "pt" => Algorithm::Portuguese,
        "nl" => Algorithm::Dutch,
        "ru" => Algorithm::Russian,
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "fi" => Algorithm::Finnish,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "no" | "nb" => Algorithm::Norwegian,
        "ro" => Algorithm::Romanian,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Detects the language of `text` from its first [`DETECT_SAMPLE_BYTES`] bytes; `"und"` when
/// there is too little text to tell.
pub(crate) fn detect(text: &str) -> String {
    let mut end = DETECT_SAMPLE_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return "und".into();
    }
    match whatlang::detect(sample) {
        Some(info) => {
            let code3 = info.lang().code();
            // Han text that whatlang reads as Japanese without any kana is Chinese.
            if code3 == "jpn" && !sample.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)) {
                return "zh".into();
            }
            ISO_639_3_TO_1.iter().find(|(a, _)| *a == code3).map_or(code3.to_string(), |(_, b)| b.to_string())
        }
        None => "und".into(),
    }
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
