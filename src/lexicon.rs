//! Hand-written linguistic tables, kept as data apart from the code that uses them: one file
//! per language in `lang/` (`lang/en.toml`, `lang/fr.toml`, …) and the language-neutral
//! tables in `lang/common.toml`, turned into Rust source by `build.rs` (format:
//! `lang/README.md`).
//!
//! Each table says where its entries came from (its `source`). Code reads a table of one
//! language (`for_lang("fr")`, [`EN`]) or the union over all files ([`ALL`]: common.toml, then
//! each language, each entry once), which is what the mixed-language tables were before the
//! split; the statics below name the union tables the code reads. Lookups are case-sensitive
//! unless a function says otherwise; the tables hold the forms as they are written in running
//! text.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A word list: its entries are `|`-separated, a line of the one generated string of all the
/// tables' text (no pointer per entry or table in the binary), or the union of other word lists (each entry
/// once, in order); looked up through hash sets built on first use. A table is an id into the
/// generated arrays: what is built on first use lives on the heap, reached through one array of
/// caches indexed by the id.
#[derive(Clone, Copy)]
pub(crate) struct Table(u16);

/// What a [`Table`] builds on first use.
struct TableCache {
    entries: Vec<&'static str>,
    set: OnceLock<FxHashSet<&'static str>>,
    lower: OnceLock<FxHashSet<String>>,
    /// The entries by their first byte ([`TableCache::occurs_in`]).
    by_first_byte: OnceLock<Vec<Vec<&'static str>>>,
}

impl TableCache {
    fn new(entries: Vec<&'static str>) -> TableCache {
        TableCache { entries, set: OnceLock::new(), lower: OnceLock::new(), by_first_byte: OnceLock::new() }
    }

    /// Whether any entry occurs in `text`, in one pass over `text`: the entries are indexed by
    /// their first byte on first use, so no substring searcher is built per entry and call.
    fn occurs_in(&self, text: &str) -> bool {
        let index = self.by_first_byte.get_or_init(|| {
            let mut index: Vec<Vec<&'static str>> = vec![Vec::new(); 256];
            for e in &self.entries {
                if let Some(&b) = e.as_bytes().first() {
                    index[usize::from(b)].push(e);
                }
            }
            index
        });
        let bytes = text.as_bytes();
        (0..bytes.len()).any(|i| index[usize::from(bytes[i])].iter().any(|e| bytes[i..].starts_with(e.as_bytes())))
    }
}

impl Table {
    /// The empty table.
    const EMPTY: Table = Table(0);

    fn cache(&self) -> &'static TableCache {
        // Boxed: each cache is allocated on first use, beside the sets it builds, and the array
        // holds a pointer per table.
        static CACHES: [OnceLock<Box<TableCache>>; TABLE_COUNT] = [const { OnceLock::new() }; TABLE_COUNT];
        static LINES: OnceLock<Vec<&'static str>> = OnceLock::new();
        let id = usize::from(self.0);
        CACHES[id].get_or_init(|| {
            let entries = match id.checked_sub(TEXT_TABLES) {
                None => {
                    let text = LINES.get_or_init(|| TEXT.split('\n').collect())[id];
                    text.split('|').filter(|e| !e.is_empty()).collect()
                }
                Some(union) => {
                    let mut seen = FxHashSet::default();
                    UNIONS[union].iter().flat_map(|t| t.iter()).filter(|e| seen.insert(*e)).collect()
                }
            };
            Box::new(TableCache::new(entries))
        })
    }

    /// The entries, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.cache().entries.iter().copied()
    }

    /// Whether `word` is an entry, exactly.
    pub fn contains(&self, word: &str) -> bool {
        let cache = self.cache();
        cache.set.get_or_init(|| cache.entries.iter().copied().collect()).contains(word)
    }

    /// Whether any entry occurs in `text` (what `self.iter().any(|e| text.contains(e))` says),
    /// in one pass over `text`.
    pub fn occurs_in(&self, text: &str) -> bool {
        self.cache().occurs_in(text)
    }

    /// Whether `word` is an entry, ignoring case.
    pub fn contains_ci(&self, word: &str) -> bool {
        let cache = self.cache();
        let lower = cache.lower.get_or_init(|| cache.entries.iter().map(|e| e.to_lowercase()).collect());
        if word.chars().any(char::is_uppercase) {
            lower.contains(&word.to_lowercase())
        } else {
            lower.contains(word)
        }
    }
}

/// A word → number map (months → 1..12, scale words → multipliers): the words are a [`Table`]
/// (so the word-list lookups work on the keys), the values a slice in the same order; or the
/// union of other maps (the build rejects a word given two values). A map is an id into the
/// generated `MAPS`; its lower-case index, built on first use, is reached through one array of
/// caches indexed by the id.
#[derive(Clone, Copy)]
pub(crate) struct Map(u16);

/// Where a [`Map`]'s words and values come from.
enum MapSource {
    /// The words of a table, with one value per word, in order.
    Words(Table, &'static [i64]),
    /// The words and values of these maps (the words each once, with the first map's value).
    Union(&'static [Map]),
}

impl Map {
    /// The empty map.
    const EMPTY: Map = Map(0);

    fn source(&self) -> &'static MapSource {
        &MAPS[usize::from(self.0)]
    }

    /// The words, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries().map(|(w, _)| w)
    }

    /// The words with their values, in the order written.
    pub fn entries(&self) -> Box<dyn Iterator<Item = (&'static str, i64)> + '_> {
        match self.source() {
            MapSource::Words(keys, values) => Box::new(keys.iter().zip(values.iter().copied())),
            MapSource::Union(parts) => {
                let mut seen = FxHashSet::default();
                Box::new(parts.iter().flat_map(|m| m.entries()).filter(move |(w, _)| seen.insert(*w)))
            }
        }
    }

    /// Whether `word` is a word of the map, exactly.
    pub fn contains(&self, word: &str) -> bool {
        match self.source() {
            MapSource::Words(keys, _) => keys.contains(word),
            MapSource::Union(parts) => parts.iter().any(|m| m.contains(word)),
        }
    }

    /// Whether `word` is a word of the map, ignoring case.
    pub fn contains_ci(&self, word: &str) -> bool {
        match self.source() {
            MapSource::Words(keys, _) => keys.contains_ci(word),
            MapSource::Union(parts) => parts.iter().any(|m| m.contains_ci(word)),
        }
    }

    /// The value of `word`, ignoring case; `None` for words longer than 16 bytes or not
    /// starting with a letter.
    pub fn get_ci(&self, word: &str) -> Option<i64> {
        static LOWER: [OnceLock<rustc_hash::FxHashMap<String, i64>>; MAP_COUNT] =
            [const { OnceLock::new() }; MAP_COUNT];
        let lower = LOWER[usize::from(self.0)].get_or_init(|| {
            let mut map = rustc_hash::FxHashMap::default();
            // As written, a later word wins over an earlier one of the same lower-case form.
            for (w, n) in self.entries() {
                map.insert(w.to_lowercase(), n);
            }
            map
        });
        lookup_ci(lower, word)
    }
}

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// Abbreviations that never end a sentence when followed by a name or a number: personal
/// titles and honorifics, of every language.
pub(crate) static TITLE_ABBREVIATIONS: &Table = &ALL.title_abbreviations;
/// Abbreviations that usually do not end a sentence, but may: a company, street or state
/// abbreviation, a month, a suffix. A boundary after one is kept only when the next word
/// opens a sentence (a capitalised stopword or pronoun: "… Co. The company said").
pub(crate) static AMBIGUOUS_ABBREVIATIONS: &Table = &ALL.ambiguous_abbreviations;
/// Words that open page-chrome lines: navigation, calls to action, widget and section labels.
/// A short line without a full stop that starts with one of these (case-insensitive, as whole
/// words) is dropped.
pub(crate) static CHROME_OPENERS: &Table = &ALL.chrome_phrases;
/// Word endings of widget alt texts and labels ("Cloudy icon", "Site logo").
pub(crate) static CHROME_ENDINGS: &Table = &ALL.chrome_endings;
/// Words inside the brackets of a photo credit: "(AP Photo/Name)", "(Photo: Name/Outlet)",
/// "(… via AP)", "Getty Images".
pub(crate) static CREDIT_WORDS: &Table = &ALL.credit_words;
/// Opening words of photo captions ("In this handout photo released by …", "FILE - …").
pub(crate) static CAPTION_OPENERS: &Table = &ALL.caption_openers;
/// English reporting verbs that attribute a quote or a claim ("… , the ministry said."); the
/// other languages' are read through [`other_languages`].
pub(crate) static REPORTING_VERBS: &Table = &EN.reporting_verbs;
/// Words that, capitalised at the start of a sentence, leave it hanging on what came before:
/// connectives and pronouns. A sentence opening with one is demoted unless it is the first.
pub(crate) static DANGLING_OPENERS: &Table = &ALL.dangling_openers;
/// English personal titles and roles that stand before a name ("Foreign Minister Qin Gang",
/// "CEO Craig Menear"): they are cut from person names and mark the name as a person.
pub(crate) static PERSON_TITLES: &Table = &EN.person_titles;
/// English head words that make a capitalised name an organisation ("Chinese Foreign Ministry",
/// "Home Depot Inc.", "Conservative Party").
pub(crate) static ORG_HEADS: &Table = &EN.org_cues;
/// Words that open an organisation's name: "University of …", "Bank of …", "Ministry of …".
pub(crate) static ORG_OPENERS: &Table = &ALL.org_openers;
/// Demonyms and national adjectives: capitalised words that are not names ("Russian Foreign
/// Minister Sergey Lavrov"). Kept inside organisation names ("Chinese Foreign Ministry"),
/// dropped from person names.
pub(crate) static DEMONYMS: &Table = &ALL.demonyms;
/// Countries, as news writes their short names.
pub(crate) static COUNTRIES: &Table = &ALL.countries;
/// Regions, states, provinces and cities: a small gazetteer (countries are in [`COUNTRIES`]).
pub(crate) static PLACES: &Table = &ALL.places;
/// Units after a number that make it a quantity ("8 inches", "55 mph", "10 years").
pub(crate) static QUANTITY_UNITS: &Table = &ALL.units;
/// Currency symbols: a symbol before a number makes it money.
pub(crate) static CURRENCY_SYMBOLS: &Table = &ALL.currency_symbols;
/// Currency words that follow an amount ("176 Hong Kong dollars", "5 million euros").
pub(crate) static CURRENCY_WORDS: &Table = &ALL.currencies;
/// Scale words after a number ("1.2 billion", "$12.9bn", "Rs 2 crore"), with their multipliers.
pub(crate) static SCALE_WORDS: &Map = &ALL.scale_words;
/// Lower-case words that may sit inside a name ("Bank of America", "Ludwig van Beethoven").
pub(crate) static CONNECTORS: &Table = &ALL.name_particles;
/// Title words that modify a title rather than being one ("Foreign" in "Foreign Minister"):
/// stripped from the front of a person's name but not a cue on their own.
pub(crate) static TITLE_MODIFIERS: &Table = &ALL.title_modifiers;
/// English head words of places ("Eagle Ridge"; "Logar province" is written lower case).
pub(crate) static PLACE_HEADS: &Table = &EN.place_cues;
/// Lower-case words after a name that make it a place ("Logar province").
pub(crate) static LOWER_PLACE_HEADS: &Table = &ALL.lower_place_cues;
/// Corporate suffixes after which a chain is cut ("Brightline Inc. Chief Executive …").
pub(crate) static CORPORATE_SUFFIXES: &Table = &ALL.corporate_suffixes;
/// Words that stand before a place ("in Kabul", "near Tulsa").
pub(crate) static PLACE_PREPOSITIONS: &Table = &ALL.place_prepositions;
/// Time zone abbreviations that may follow a clock time.
pub(crate) static TIME_ZONES: &Table = &ALL.time_zones;
/// Words before a bare month name that make it a date ("in March", "since May").
pub(crate) static MONTH_CUES: &Table = &ALL.month_cues;
/// Month names and their abbreviations, mapped to the month number.
pub(crate) static MONTHS: &Map = &ALL.months;
/// Words that open sentences and are capitalised only for that: adverbs, prepositions and
/// conjunctions ("Since Diwali", "Unlike LLMs", "Sadly"). A chain of capitalised words that
/// starts a sentence loses such first words.
pub(crate) static SENTENCE_OPENERS: &Table = &ALL.sentence_openers;
/// Phrases that mark a correction or retraction notice, lower case ("correction:", "an
/// earlier version of this story"): not a source of key facts.
pub(crate) static CORRECTION_PHRASES: &Table = &ALL.correction_phrases;
/// Common given names (and the commonest Chinese surnames, which stand first): a capitalised
/// pair that starts with one is a person ("Robin Biesbroek").
pub(crate) static GIVEN_NAMES: &Table = &ALL.given_names;

/// The month number of a month name or abbreviation (case-insensitive).
pub(crate) fn month(word: &str) -> Option<u8> {
    MONTHS.get_ci(word).map(|n| n as u8)
}

/// Whether `word` is an English month name or abbreviation as written in running text
/// ("March", "Sept"): such capitalised words are dates, not names. ("Mars" is not.)
pub(crate) fn is_english_month(word: &str) -> bool {
    EN.months.contains(word)
}

/// The value of a number word ("nine" → 9), case-insensitive.
pub(crate) fn number_word(word: &str) -> Option<u32> {
    ALL.number_words.get_ci(word).map(|n| n as u32)
}

/// The languages whose weekday names [`weekday`] knows: the ones it knew before the anchoring
/// rules' weekdays (Dutch, Russian, Italian, …) moved into the files. Widening the list changes
/// what the number and name rules find, which is theirs to decide.
const WEEKDAY_LANGUAGES: &[&str] = &["en", "fr", "de", "es"];

/// The weekday number (1 = Monday) of a weekday name (case-insensitive).
pub(crate) fn weekday(word: &str) -> Option<u8> {
    WEEKDAY_LANGUAGES.iter().find_map(|c| for_lang(c)?.weekdays.get_ci(word)).map(|n| n as u8)
}

/// One section's tables in every language file but English's, in the order listed: the rules
/// written for the other languages read these, English has rules of its own
/// (`lexicon::other_languages(|l| &l.person_titles)`).
pub(crate) fn other_languages<T: 'static>(
    section: impl Fn(&'static Lang) -> &'static T,
) -> impl Iterator<Item = &'static T> {
    LANGUAGES.iter().filter(|c| **c != "en").filter_map(|c| for_lang(c)).map(section)
}

/// Whether the one-character string of `c` is an entry of `table` (tables of single characters,
/// such as the Chinese function characters).
pub(crate) fn has_char(table: &Table, c: char) -> bool {
    table.contains(c.encode_utf8(&mut [0; 4]))
}

/// Looks `word` up, lower-cased, in a map with lower-case keys; no allocation for short words.
fn lookup_ci<V: Copy>(map: &rustc_hash::FxHashMap<String, V>, word: &str) -> Option<V> {
    if word.len() > 16 || !word.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 16];
    if word.is_ascii() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        let lower = std::str::from_utf8(&buf[..word.len()]).ok()?;
        return map.get(lower).copied();
    }
    map.get(&word.to_lowercase()).copied()
}

#[cfg(test)]
#[path = "../lang/langdata.rs"]
mod langdata;

#[cfg(test)]
mod tests {
    use super::*;

    /// `occurs_in` says what a substring search of every entry says: texts in several scripts,
    /// entries of one byte, of several, at the text's end, across a multi-byte character.
    #[test]
    fn occurs_in_is_any_contains() {
        let t = TableCache::new("a correction|x|une erreur|исправление|訂正|ab".split('|').collect());
        let texts = [
            "",
            "a",
            "b",
            "xyz",
            "this is a correction.",
            "a correctio",
            "ab",
            "ba",
            "Une erreur",
            "une erreur s’est glissée",
            "Исправление",
            "в статье исправление",
            "訂正します",
            "訂",
            "ñandú",
            "…a",
            "€ab",
        ];
        for text in texts {
            assert_eq!(t.occurs_in(text), t.entries.iter().any(|e| text.contains(e)), "{text:?}");
        }
        for text in ["The paper corrected an earlier version of this story.", "Korrektur: In einer früheren Fassung"] {
            assert_eq!(
                CORRECTION_PHRASES.occurs_in(&text.to_lowercase()),
                CORRECTION_PHRASES.iter().any(|e| text.to_lowercase().contains(e))
            );
        }
    }

    #[test]
    fn tables_are_well_formed() {
        let tables = [
            TITLE_ABBREVIATIONS,
            AMBIGUOUS_ABBREVIATIONS,
            CHROME_OPENERS,
            CHROME_ENDINGS,
            CREDIT_WORDS,
            CAPTION_OPENERS,
            REPORTING_VERBS,
            DANGLING_OPENERS,
            PERSON_TITLES,
            ORG_HEADS,
            ORG_OPENERS,
            DEMONYMS,
            COUNTRIES,
            PLACES,
            QUANTITY_UNITS,
            CURRENCY_SYMBOLS,
            CURRENCY_WORDS,
            CONNECTORS,
            TITLE_MODIFIERS,
            PLACE_HEADS,
            LOWER_PLACE_HEADS,
            CORPORATE_SUFFIXES,
            PLACE_PREPOSITIONS,
            TIME_ZONES,
            MONTH_CUES,
            SENTENCE_OPENERS,
            GIVEN_NAMES,
        ];
        for table in tables {
            assert!(table.iter().count() > 2);
            // No stray white space; only chrome phrases such as "by " end with a space on purpose.
            assert!(table.iter().all(|w| !w.starts_with(' ') && !w.contains('\n') && !w.contains("  ")));
        }
        assert!(PLACES.contains("Samarkand") && !PLACES.contains("samarkand") && COUNTRIES.contains("Uzbekistan"));
        assert!(DANGLING_OPENERS.contains_ci("However"));
        assert!(CHROME_OPENERS.iter().any(|o| o == "by "));
        assert!(SCALE_WORDS.contains_ci("Billion") && SCALE_WORDS.get_ci("bn") == Some(1_000_000_000));
    }

    #[test]
    fn month_and_weekday_lookups() {
        assert_eq!(month("Jan"), Some(1));
        assert_eq!(month("august"), Some(8));
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(month("März"), Some(3));
        assert_eq!(month("Mayday"), None);
        assert_eq!(weekday("thursday"), Some(4));
        assert_eq!(weekday("Thurs"), None);
        assert_eq!(number_word("Nine"), Some(9));
        assert!(is_english_month("May") && is_english_month("Sept") && is_english_month("December"));
        assert!(!is_english_month("Mars") && !is_english_month("mars") && !is_english_month("may"));
        assert!(!is_english_month("Januar") && !is_english_month("mai"));
    }

    /// One sample per language file: its tables load and hold what the file says.
    #[test]
    fn each_language_loads() {
        let lang = |code| for_lang(code).unwrap_or_else(|| panic!("no tables for {code}"));
        assert_eq!(lang("en").months.get_ci("sept"), Some(9));
        assert!(lang("en").reporting_verbs.contains("said") && EN.chrome_phrases.contains("read more"));
        assert!(lang("fr").months.get_ci("Août") == Some(8) && lang("fr").chrome_phrases.contains("lire aussi"));
        assert!(lang("de").months.contains("März") && lang("de").title_abbreviations.contains("bzw"));
        assert!(lang("es").weekdays.get_ci("miércoles") == Some(3) && lang("es").name_particles.contains("y"));
        assert!(lang("it").months.get_ci("maggio") == Some(5) && lang("it").title_abbreviations.contains("Dott"));
        assert!(lang("pt").months.get_ci("março") == Some(3) && lang("pt").chrome_phrases.contains("leia mais"));
        assert!(lang("nl").chrome_phrases.contains("lees ook") && lang("nl").name_particles.contains("van"));
        assert!(lang("ru").title_abbreviations.contains("проф"));
        assert!(lang("hi").title_abbreviations.contains("डॉ"));
        assert!(lang("ar").months.get_ci("مارس") == Some(3) && lang("ar").weekdays.get_ci("الخميس") == Some(4));
        assert!(lang("ar").date_month_forms.contains("كانون الثاني") && lang("ar").reporting_verbs.contains("وقال"));
        assert!(lang("zh").currencies.contains("元") && lang("zh").scale_words.get_ci("亿") == Some(100_000_000));
        assert!(lang("ja").currencies.contains("円"));
        assert!(lang("ko").currencies.contains("원") && lang("ko").surnames.contains("남궁"));
        assert!(lang("zh").surnames.contains("欧阳") && lang("ja").gazetteer_places.contains("沖縄"));
        assert!(
            lang("ru").month_forms.get_ci("апреля") == Some(4) && lang("de").weekdays.get_ci("sonnabend") == Some(6)
        );
        assert!(weekday("Sonnabend") == Some(6) && weekday("martedì").is_none() && weekday("вторник").is_none());
        for code in ["sv", "da", "no", "nb", "fi", "id", "lb"] {
            assert!(lang(code).months.iter().next().is_none(), "{code}: no data yet");
        }
        assert!(for_lang("xx").is_none());
        // Every file parses and is listed; the generated list is the list of lang/common.toml.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lang");
        let (common, files) = langdata::load(&dir).unwrap();
        assert_eq!(common.languages, LANGUAGES);
        assert!(files.iter().all(|f| for_lang(&f.code).is_some()));
        assert!(COMMON.currency_symbols.contains("€") && ALL.quote_marks.iter().next() == Some("„“"));
    }

    /// A language file with every required section, empty, plus `extra`.
    fn file(extra: &str) -> String {
        let mut text = String::from("name = \"Test\"\nscript = \"Latin\"\n");
        for &(name, shape) in langdata::REQUIRED {
            let data = if shape == langdata::Shape::Words { "words = []" } else { "values = {}" };
            text.push_str(&format!("\n[{name}]\nsource = \"none yet\"\n{data}\n"));
        }
        text + extra
    }

    #[test]
    fn bad_language_files_are_rejected() {
        assert!(langdata::parse_language("xx", &file("")).is_ok());
        let err = |text: &str| langdata::parse_language("xx", text).unwrap_err();
        // A duplicate entry, in a list or a map.
        assert!(
            err(&file("[extra]\nsource = \"s\"\nwords = [\"a\", \"b\", \"a\"]\n")).contains("duplicate entry \"a\"")
        );
        assert!(err(&file("[extra]\nsource = \"s\"\n[extra.values]\nMai = 5\nMai = 5\n")).contains("duplicate key"));
        // A table without a source, or with an empty one.
        assert!(err(&file("[extra]\nwords = [\"a\"]\n")).contains("has no `source`"));
        assert!(err(&file("[extra]\nsource = \" \"\nwords = [\"a\"]\n")).contains("empty `source`"));
        // A missing section, or one of the wrong shape.
        let without_months = file("").replace("[months]\nsource = \"none yet\"\nvalues = {}\n", "");
        assert!(err(&without_months).contains("section `months` is missing"));
        let months_as_list =
            file("").replace("[months]\nsource = \"none yet\"\nvalues = {}", "[months]\nsource = \"x\"\nwords = []");
        assert!(err(&months_as_list).contains("`months` must be Values"));
        // Entries the generated tables cannot hold, and unknown keys.
        assert!(err(&file("[extra]\nsource = \"s\"\nwords = [\"a|b\"]\n")).contains("bad entry"));
        assert!(err(&file("[extra]\nsource = \"s\"\nwords = [\"a \"]\n")).contains("white space"));
        assert!(err(&file("[extra]\nsource = \"s\"\nentries = [\"a\"]\n")).contains("unknown key"));
        assert!(err(&file("colour = \"red\"\n")).contains("unknown key"));
        let quotes = file("").replace(
            "[quote_marks]\nsource = \"none yet\"\nwords = []",
            "[quote_marks]\nsource = \"s\"\nwords = [\"«\"]",
        );
        assert!(err(&quotes).contains("quote_marks"));
        assert!(langdata::parse_common("languages = [\"en\", \"en\"]\n").unwrap_err().contains("duplicate"));
    }
}
