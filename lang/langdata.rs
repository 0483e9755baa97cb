//! Reading and checking the language data files (`lang/*.toml`). Shared by `build.rs`, which
//! turns the files into Rust source, and by the crate's tests, which prove that a bad file is
//! rejected. Format: see `lang/README.md`.

#![allow(dead_code)]

use toml_edit::{DocumentMut, Item, Value};

/// The two shapes of a table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    /// A word list: `words = ["…", …]`.
    Words,
    /// A word → integer map: `[name.values]` with `word = 1` lines.
    Values,
}

/// Sections every language file must have (empty, with `source = "none yet"`, where there is
/// no data yet), with their shapes.
pub const REQUIRED: &[(&str, Shape)] = &[
    ("months", Shape::Values),
    ("weekdays", Shape::Values),
    ("relative_days", Shape::Values),
    ("number_words", Shape::Values),
    ("scale_words", Shape::Values),
    ("currencies", Shape::Words),
    ("percent_words", Shape::Words),
    ("units", Shape::Words),
    ("decimal_separators", Shape::Words),
    ("thousands_separators", Shape::Words),
    ("clock_time", Shape::Words),
    ("quote_marks", Shape::Words),
    ("reporting_verbs", Shape::Words),
    ("person_titles", Shape::Words),
    ("org_cues", Shape::Words),
    ("place_cues", Shape::Words),
    ("name_particles", Shape::Words),
    ("chrome_phrases", Shape::Words),
    ("quote_auxiliaries", Shape::Words),
    ("according_to", Shape::Words),
    ("surname_particles", Shape::Words),
    ("title_endings", Shape::Words),
    ("articles", Shape::Words),
    ("company_forms", Shape::Words),
    ("day_parts", Shape::Words),
    ("lowercase_days", Shape::Words),
    ("relative_modifiers", Shape::Values),
    ("future_cues", Shape::Words),
    ("past_cues", Shape::Words),
    ("of_particles", Shape::Words),
    ("future_endings", Shape::Words),
    ("place_openers", Shape::Words),
    ("morning_words", Shape::Words),
    ("morning_articles", Shape::Words),
    ("month_forms", Shape::Values),
    ("surnames", Shape::Words),
    ("name_followers", Shape::Words),
    ("function_chars", Shape::Words),
    ("gazetteer_places", Shape::Words),
    ("week_modifiers", Shape::Values),
    ("quote_particles", Shape::Words),
    ("particles", Shape::Words),
    ("gazetteer_orgs", Shape::Words),
    ("short_org_cues", Shape::Words),
    ("org_prepositions", Shape::Words),
    ("share_openers", Shape::Words),
    ("disclosure_phrases", Shape::Words),
    ("date_stamp_phrases", Shape::Words),
    ("date_stamp_openers", Shape::Words),
    ("call_to_action_phrases", Shape::Words),
    ("name_suffixes", Shape::Words),
    // The word lists of the numeric facts (src/facts/numeric.rs).
    ("date_month_forms", Shape::Values),
    ("weekday_forms", Shape::Values),
    ("date_day_parts", Shape::Words),
    ("weekday_cues", Shape::Words),
    ("relative_day_phrases", Shape::Words),
    ("seasons", Shape::Words),
    ("year_words", Shape::Words),
    ("range_links", Shape::Words),
    ("ambiguous_number_words", Shape::Words),
    ("number_cues", Shape::Words),
    ("scale_forms", Shape::Values),
    ("currency_links", Shape::Words),
    ("currency_words", Shape::Words),
    ("unit_forms", Shape::Words),
    ("durations", Shape::Words),
    ("age_units", Shape::Words),
    ("age_suffixes", Shape::Words),
    ("clock_cues", Shape::Words),
    ("clock_words", Shape::Words),
    ("clock_periods", Shape::Words),
    ("page_cues", Shape::Words),
    ("street_after", Shape::Words),
    ("street_before", Shape::Words),
    ("street_endings", Shape::Words),
    ("ordinal_suffixes", Shape::Words),
    ("counters", Shape::Words),
    ("counter_particles", Shape::Words),
    ("irregular_plurals", Shape::Words),
    // Summaries that stand alone (src/standalone.rs): a language without data ("none yet")
    // has no sentence leaning on the one before by its first words; the quotation, question,
    // note and lead-in rules still apply.
    ("leaning_pronouns", Shape::Words),
    ("leaning_connectives", Shape::Words),
    ("non_leaning_openers", Shape::Words),
    ("editor_note_phrases", Shape::Words),
    ("lead_in_phrases", Shape::Words),
];

/// The entries of a table.
#[derive(Debug, Clone)]
pub enum Data {
    /// A word list, in the order written.
    Words(Vec<String>),
    /// A word → integer map, in the order written.
    Values(Vec<(String, i64)>),
}

impl Data {
    /// The shape of these entries.
    pub fn shape(&self) -> Shape {
        match self {
            Data::Words(_) => Shape::Words,
            Data::Values(_) => Shape::Values,
        }
    }
}

/// One table of a file.
#[derive(Debug, Clone)]
pub struct Section {
    /// The table's name (`months`).
    pub name: String,
    /// Where the entries came from.
    pub source: String,
    /// The entries.
    pub data: Data,
}

/// A language file, `lang/<code>.toml`.
#[derive(Debug)]
pub struct LangFile {
    /// ISO 639-1 code: the file name.
    pub code: String,
    /// The language's English name.
    pub name: String,
    /// Writing system (`Latin`, `Cyrillic`, …); Latin and Cyrillic languages with stopwords
    /// take part in the stopword vote of language detection.
    pub script: String,
    /// Whether the NLTK stopword list of the language is compiled in.
    pub stopwords: bool,
    /// The stemmer: a `rust_stemmers::Algorithm` variant (Snowball), or `Light10` (the light
    /// stemmer of Arabic in src/lang.rs), if any.
    pub stemmer: Option<String>,
    /// Other codes that mean this language (`nb` for `no`).
    pub aliases: Vec<String>,
    /// Whether the language capitalises its common nouns (German).
    pub nouns_capitalised: bool,
    /// The tables, in file order.
    pub sections: Vec<Section>,
}

/// `lang/common.toml`: the language list and the language-neutral tables.
#[derive(Debug)]
pub struct Common {
    /// The language codes, in the order the stopword vote breaks ties.
    pub languages: Vec<String>,
    /// The tables, in file order.
    pub sections: Vec<Section>,
}

fn string(item: &Item, what: &str) -> Result<String, String> {
    item.as_str().map(str::to_string).ok_or_else(|| format!("{what} must be a string"))
}

fn bool_of(item: &Item, what: &str) -> Result<bool, String> {
    item.as_bool().ok_or_else(|| format!("{what} must be true or false"))
}

fn strings(item: &Item, what: &str) -> Result<Vec<String>, String> {
    let array = item.as_array().ok_or_else(|| format!("{what} must be a list of strings"))?;
    array
        .iter()
        .map(|v| v.as_str().map(str::to_string).ok_or_else(|| format!("{what} must be a list of strings")))
        .collect()
}

/// Sections whose entries may begin or end with white space, which is then part of the match:
/// links between words (" to ", " d’", a lone no-break space) and words written with the space
/// before or after them (" Uhr", "지난 ").
pub const SPACED_ENTRIES: &[&str] = &["range_links", "currency_links", "clock_words", "weekday_cues"];

/// Checks one entry: not empty, no `|` or line break (the generated tables separate entries
/// with `|`), no leading white space except in `clock_time` (" a.m.") and trailing except in
/// `chrome_phrases` ("by "), `date_stamp_phrases` and `date_stamp_openers` ("updated "),
/// `quote_particles` (Korean "고 "), and either in the [`SPACED_ENTRIES`] sections.
fn check_entry(section: &str, entry: &str) -> Result<(), String> {
    if entry.is_empty() || entry.contains(['|', '\n', '\r']) || entry.contains("  ") {
        return Err(format!(
            "section `{section}`: bad entry {entry:?} (empty, or holds `|`, a line break or two spaces)"
        ));
    }
    let spaced = SPACED_ENTRIES.contains(&section);
    if entry.starts_with(char::is_whitespace) && section != "clock_time" && !spaced
        || entry.ends_with(char::is_whitespace)
            && !spaced
            && !matches!(section, "chrome_phrases" | "date_stamp_phrases" | "date_stamp_openers" | "quote_particles")
    {
        return Err(format!("section `{section}`: entry {entry:?} has white space at an end"));
    }
    if section == "quote_marks" && entry.chars().count() != 2 {
        return Err(format!("section `quote_marks`: {entry:?} is not an opening and a closing mark"));
    }
    Ok(())
}

fn section(name: &str, item: &Item) -> Result<Section, String> {
    let table = item.as_table_like().ok_or_else(|| format!("`{name}` must be a table"))?;
    let mut source = None;
    let mut data = None;
    for (key, value) in table.iter() {
        match key {
            "source" => source = Some(string(value, &format!("`{name}.source`"))?),
            "words" => {
                let words = strings(value, &format!("`{name}.words`"))?;
                let mut seen = std::collections::HashSet::new();
                for w in &words {
                    check_entry(name, w)?;
                    if !seen.insert(w.as_str()) {
                        return Err(format!("section `{name}`: duplicate entry {w:?}"));
                    }
                }
                data = Some(Data::Words(words));
            }
            "values" => {
                let map = value.as_table_like().ok_or_else(|| format!("`{name}.values` must be a table"))?;
                let mut values = Vec::new();
                for (k, v) in map.iter() {
                    check_entry(name, k)?;
                    let n = match v {
                        Item::Value(Value::Integer(n)) => *n.value(),
                        _ => return Err(format!("section `{name}`: the value of {k:?} must be an integer")),
                    };
                    values.push((k.to_string(), n));
                }
                data = Some(Data::Values(values));
            }
            other => return Err(format!("section `{name}`: unknown key `{other}` (expected source, words or values)")),
        }
        if data.is_some() && table.contains_key("words") && table.contains_key("values") {
            return Err(format!("section `{name}` has both `words` and `values`"));
        }
    }
    let source = source.ok_or_else(|| format!("section `{name}` has no `source`"))?;
    if source.trim().is_empty() {
        return Err(format!("section `{name}` has an empty `source`"));
    }
    let data = data.ok_or_else(|| format!("section `{name}` has neither `words` nor `values`"))?;
    Ok(Section { name: name.to_string(), source, data })
}

fn parse(text: &str) -> Result<DocumentMut, String> {
    text.parse::<DocumentMut>().map_err(|e| e.to_string())
}

/// Reads `lang/common.toml`.
pub fn parse_common(text: &str) -> Result<Common, String> {
    let doc = parse(text)?;
    let mut languages = None;
    let mut sections = Vec::new();
    for (key, item) in doc.iter() {
        match (key, item) {
            ("languages", _) => languages = Some(strings(item, "`languages`")?),
            (_, Item::Table(_)) => sections.push(section(key, item)?),
            _ => return Err(format!("unknown key `{key}`")),
        }
    }
    let languages = languages.ok_or("no `languages` list")?;
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = languages.iter().find(|c| !seen.insert(c.as_str())) {
        return Err(format!("`languages`: duplicate entry {dup:?}"));
    }
    Ok(Common { languages, sections })
}

/// Reads `lang/<code>.toml`, and checks that it has every [`REQUIRED`] section in its shape.
pub fn parse_language(code: &str, text: &str) -> Result<LangFile, String> {
    let doc = parse(text)?;
    let mut file = LangFile {
        code: code.to_string(),
        name: String::new(),
        script: String::new(),
        stopwords: false,
        stemmer: None,
        aliases: Vec::new(),
        nouns_capitalised: false,
        sections: Vec::new(),
    };
    for (key, item) in doc.iter() {
        match (key, item) {
            ("name", _) => file.name = string(item, "`name`")?,
            ("script", _) => file.script = string(item, "`script`")?,
            ("stopwords", _) => file.stopwords = bool_of(item, "`stopwords`")?,
            ("stemmer", _) => file.stemmer = Some(string(item, "`stemmer`")?),
            ("aliases", _) => file.aliases = strings(item, "`aliases`")?,
            ("nouns_capitalised", _) => file.nouns_capitalised = bool_of(item, "`nouns_capitalised`")?,
            (_, Item::Table(_)) => file.sections.push(section(key, item)?),
            _ => return Err(format!("unknown key `{key}`")),
        }
    }
    if file.name.is_empty() || file.script.is_empty() {
        return Err("`name` and `script` are required".into());
    }
    for &(name, shape) in REQUIRED {
        match file.sections.iter().find(|s| s.name == name) {
            None => {
                return Err(format!("section `{name}` is missing (every language file has it; see lang/README.md)"))
            }
            Some(s) if s.data.shape() != shape => return Err(format!("section `{name}` must be {shape:?}")),
            Some(_) => {}
        }
    }
    Ok(file)
}

/// Reads every file of the `lang` folder `dir`: common.toml, then the languages it lists.
/// Errors name the file. A `.toml` file that is not listed is an error too.
pub fn load(dir: &std::path::Path) -> Result<(Common, Vec<LangFile>), String> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("lang/{name}: {e}"));
    let common = parse_common(&read("common.toml")?).map_err(|e| format!("lang/common.toml: {e}"))?;
    let mut langs = Vec::new();
    for code in &common.languages {
        let name = format!("{code}.toml");
        langs.push(parse_language(code, &read(&name)?).map_err(|e| format!("lang/{name}: {e}"))?);
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("lang: {e}"))?;
    for entry in entries {
        let name = entry.map_err(|e| e.to_string())?.file_name().to_string_lossy().into_owned();
        if let Some(code) = name.strip_suffix(".toml") {
            if code != "common" && !common.languages.iter().any(|c| c == code) {
                return Err(format!("lang/{name} is not in the `languages` list of lang/common.toml"));
            }
        }
    }
    // A section name has one shape everywhere, and a map gives a word one value everywhere
    // (the union over all languages is one table).
    let mut shapes: Vec<(&str, Shape)> = Vec::new();
    let all = common
        .sections
        .iter()
        .map(|s| ("common", s))
        .chain(langs.iter().flat_map(|l| l.sections.iter().map(move |s| (l.code.as_str(), s))));
    for (code, s) in all {
        match shapes.iter().find(|(n, _)| *n == s.name) {
            Some(&(_, shape)) if shape != s.data.shape() => {
                return Err(format!("lang/{code}.toml: section `{}` must be {shape:?}, as in the other files", s.name))
            }
            Some(_) => {}
            None => shapes.push((&s.name, s.data.shape())),
        }
    }
    Ok((common, langs))
}
