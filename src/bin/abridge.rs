//! `abridge`: summarise a news article from a file, standard input or the bundled sample.
//!
//! ```text
//! abridge [FILE | -] [--sentences N | --ratio R] [--title T] [--lang L] [--published DATE] [--facts N] [--keywords N] [--input KIND] [--json [--explain]]
//! abridge --segment [FILE | -] [--lang L] [--input KIND] [--json]
//! ```
//! Without FILE it summarises the bundled sample (an AP news page, page chrome included).
//! FILE may be text or a saved web page: an HTML document is read the way the extension reads
//! a page, its article found by Readability (the `dom_smoothie` port of Mozilla's
//! Readability.js), with the page's title, language and publication time unless given.
//! `--segment` lists the input's sentences instead, one a line, without cleaning (with
//! `--json`, each with its byte span).
//! Errors go to standard error with exit status 1 (2 for bad arguments).

use abridge::{summarize, Article, FactKind, Options, Summary};
use clap::Parser;
use std::io::Read;
use std::process::ExitCode;

/// The bundled sample: an AP news page as "select all, copy" gives it.
const SAMPLE: &str = include_str!("../../tests/fixtures/seed.txt");

#[derive(Parser, Debug)]
#[command(
    name = "abridge",
    version,
    about = "Summarise a news article: the sentences that carry the story, key facts and keywords."
)]
struct Cli {
    /// Text file or saved web page (HTML) to summarise (UTF-8; invalid bytes are left out, with
    /// a warning), or "-" for standard input.
    /// Without it, the bundled sample article is summarised.
    file: Option<String>,
    /// What the input is: "html" (a web page: its article is found first), "text", or "auto"
    /// (HTML when it opens with a doctype, an <html>, <head> or <body> tag, or is a run of
    /// markup with closing paragraph or block tags).
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    input: InputKind,
    /// Number of summary sentences (1 or more).
    #[arg(long, short = 'n', conflicts_with = "ratio", value_parser = at_least_one)]
    sentences: Option<usize>,
    /// Fraction of the article's sentences to keep (0 to 1); 1 lists every sentence.
    #[arg(long, short = 'r')]
    ratio: Option<f64>,
    /// The article's headline.
    #[arg(long, short = 't')]
    title: Option<String>,
    /// The article's language as a BCP-47 tag ("en", "pt-BR"; detected when absent).
    #[arg(long, value_parser = language_tag)]
    lang: Option<String>,
    /// When the article was published: an ISO 8601 date or date-time ("2023-04-13",
    /// "2023-04-13T09:30:00-04:00"). Relative dates ("Thursday", "yesterday") are resolved
    /// against it and listed with their calendar date.
    #[arg(long, value_parser = published_date)]
    published: Option<String>,
    /// Most key facts to list.
    #[arg(long, default_value_t = 12)]
    facts: usize,
    /// Most keywords to list.
    #[arg(long, default_value_t = 8)]
    keywords: usize,
    /// Print the whole summary as JSON (with --segment: the sentences with their byte spans).
    #[arg(long)]
    json: bool,
    /// Do not summarise: print every sentence of the input, one a line, as the summariser
    /// splits them but without cleaning (nothing is dropped as page chrome).
    #[arg(long, conflicts_with_all = ["sentences", "ratio", "title", "published", "explain"])]
    segment: bool,
    /// With --json: say why each key fact was listed (its confidence and the features that
    /// moved it, in a "why" field).
    #[arg(long, requires = "json")]
    explain: bool,
}

/// The `--input` kinds.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputKind {
    Auto,
    Text,
    Html,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(r) = cli.ratio {
        if !(0.0..=1.0).contains(&r) {
            eprintln!("abridge: error: --ratio must be between 0 and 1, got {r}");
            return ExitCode::from(2);
        }
    }
    let text = match read_input(cli.file.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("abridge: error: {e}");
            return ExitCode::from(1);
        }
    };
    if cli.input == InputKind::Html && !looks_like_html(&text) {
        eprintln!(
            "abridge: warning: --input html, but this does not look like a web page (no doctype, \
             <html>, <head> or <body> tag, no closing paragraph tags); reading it as one anyway"
        );
    }
    if let Some(tag) = cli.lang.as_deref() {
        let code = primary_subtag(tag);
        if code != "und" && abridge::language_data(&code).is_none() {
            eprintln!(
                "abridge: warning: no language data for \"{code}\": the article is summarised without \
                 its stopwords, stemmer and fact words. Languages with data: {}",
                abridge::languages().join(", ")
            );
        }
    }
    let page = if cli.input == InputKind::Html || cli.input == InputKind::Auto && looks_like_html(&text) {
        match html_article(&text) {
            Ok(page) => Some(page),
            Err(e) => {
                eprintln!("abridge: error: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        None
    };
    let (text, page_title, page_lang, page_published) = match page {
        Some(p) => (p.text, p.title, p.lang, p.published),
        None => (text, None, None, None),
    };
    if cli.segment {
        return segment(&text, &cli);
    }
    let article = Article {
        text: Some(text),
        title: cli.title.clone().or(page_title),
        lang: cli.lang.clone().or(page_lang),
        paragraphs: None,
        published: cli.published.clone().or(page_published),
        full_length: None,
    };
    let options = Options {
        sentences: cli.sentences,
        ratio: cli.ratio,
        key_facts: cli.facts,
        keywords: cli.keywords,
        explain: cli.explain,
    };
    let out = match summarize(&article, &options) {
        Ok(summary) if cli.json => match serde_json::to_string_pretty(&summary) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("abridge: error: {e}");
                return ExitCode::from(1);
            }
        },
        Ok(summary) => render(&summary),
        Err(e) => {
            eprintln!("abridge: error: {e}");
            return ExitCode::from(1);
        }
    };
    write_out(&out)
}

/// `--segment`: the sentences of `text`, one a line, or as JSON (`[{"span": {"start", "end"},
/// "text"}]`, byte offsets into the input).
fn segment(text: &str, cli: &Cli) -> ExitCode {
    let sentences = abridge::segment(text, cli.lang.as_deref());
    let out = if cli.json {
        match serde_json::to_string_pretty(&sentences) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("abridge: error: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        sentences.iter().map(|s| format!("{}\n", s.text)).collect()
    };
    write_out(&out)
}

/// `--sentences`: a count of 1 or more.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("a summary has at least 1 sentence".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(format!("{e}")),
    }
}

/// `--lang`: a well-formed BCP-47 tag (RFC 5646's shape: a primary language subtag of 2–3
/// letters, then subtags of 1–8 letters or digits, joined by "-" or "_"), returned as given.
/// A language name ("english") or a malformed tag is refused with an example.
fn language_tag(s: &str) -> Result<String, String> {
    let mut parts = s.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    let primary_ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok = parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        Ok(s.to_string())
    } else {
        Err(format!(
            "not a BCP-47 language tag: give a code such as \"en\", \"de\" or \"pt-BR\" (with data: {})",
            abridge::languages().join(", ")
        ))
    }
}

/// The primary language subtag of a tag, lower-cased ("pt-BR" → "pt").
fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// `--published`: an ISO 8601 date or date-time. The library ignores other shapes (page
/// metadata is often malformed); on the command line a typo is an error (exit status 2).
fn published_date(s: &str) -> Result<String, String> {
    let probe = Article { published: Some(s.to_string()), ..Article::from_text("x") };
    if abridge::published_date(&probe).is_some() {
        Ok(s.to_string())
    } else {
        Err("expected an ISO 8601 date or date-time, e.g. 2023-04-13 or 2023-04-13T09:30:00-04:00".to_string())
    }
}

/// A date fact as the terminal shows it: the article's words, then the resolved date.
fn fact_value(f: &abridge::KeyFact) -> String {
    match &f.resolved {
        Some(d) => format!("{} ({d})", f.value),
        None => f.value.clone(),
    }
}

/// Writes to standard output. A reader that stops early (`abridge … | head`) is not an
/// error; any other write error (a full disk) is reported with exit status 1, not a panic.
fn write_out(out: &str) -> ExitCode {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("abridge: error: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    // One byte over the core's limit is enough for it to refuse the size: an endless stream
    // (`yes | abridge -`, /dev/zero) is not read to the end.
    let limit = abridge::limits::MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    match file {
        None => return Ok(SAMPLE.to_string()),
        Some("-") => {
            std::io::stdin()
                .take(limit)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
        Some(path) => {
            let f = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            f.take(limit).read_to_end(&mut bytes).map_err(|e| format!("cannot read {path}: {e}"))?;
        }
    };
    if let Some(why) = binary(&bytes) {
        return Err(format!("the input is not text: {why}"));
    }
    if bytes.len() > abridge::limits::MAX_INPUT_BYTES {
        // Over the limit: the core refuses it by its size; the cut may split a character.
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            eprintln!(
                "abridge: warning: the input is not valid UTF-8 (first bad byte at offset {}); invalid bytes are \
                 left out — convert it first, e.g. with iconv",
                e.utf8_error().valid_up_to()
            );
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}

/// Whether `text` is an HTML document or a run of markup rather than prose: it opens (after
/// a byte-order mark and white space) with a doctype, an XML declaration, a comment or an
/// `<html>`, `<head>` or `<body>` tag, or opens with a tag and closes paragraphs or blocks
/// (`</p>`, `</div>`) in its first 64 KB. Prose that mentions a tag ("the <img> element")
/// does not open with one.
fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if !head.starts_with('<') {
        return false;
    }
    let mut end = head.len().min(64 * 1024);
    while !head.is_char_boundary(end) {
        end -= 1;
    }
    let lower = head[..end].to_ascii_lowercase();
    ["<!doctype html", "<?xml", "<!--", "<html", "<head", "<body"].iter().any(|p| lower.starts_with(p))
        || lower.contains("</p>")
        || lower.contains("</div>")
}

/// What a web page gives: its article's text (paragraphs apart by blank lines) and the
/// page's metadata.
struct PageArticle {
    text: String,
    title: Option<String>,
    lang: Option<String>,
    published: Option<String>,
}

/// The article of an HTML page, found by Readability (`dom_smoothie`, its Rust port) as the
/// extension finds it with Readability.js. Errors: no article found (a page of links, an
/// empty page).
fn html_article(html: &str) -> Result<PageArticle, String> {
    use dom_smoothie::{Config, Readability, TextMode};
    // Readability's work grows with the square of the nesting depth (10,000 nested elements
    // take seconds, 100,000 minutes); real pages nest a few dozen levels.
    let depth = nesting_depth(html);
    if depth > MAX_HTML_DEPTH {
        return Err(format!(
            "the HTML page nests its elements {depth} levels deep (at most {MAX_HTML_DEPTH} are read); give its text instead"
        ));
    }
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let nothing = |e: &dyn std::fmt::Display| format!("no article found in the HTML page ({e}); give its text instead");
    let mut readability = Readability::new(html, None, Some(config)).map_err(|e| nothing(&e))?;
    let a = readability.parse().map_err(|e| nothing(&e))?;
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(PageArticle {
        text: a.text_content.to_string(),
        title: some(&a.title),
        lang: a.lang.as_deref().and_then(some),
        published: a.published_time.as_deref().and_then(some),
    })
}

/// Deepest nesting of HTML elements the command line reads (see [`nesting_depth`]).
const MAX_HTML_DEPTH: usize = 1_000;

/// How deep `html`'s elements nest, counted from its tags alone: an opening tag adds a level,
/// a closing tag removes one; self-closing tags, comments, declarations and the void elements
/// (`<br>`, `<img>`, …) add none. Unclosed `<p>` or `<li>` make it an upper bound.
fn nesting_depth(html: &str) -> usize {
    const VOID: [&str; 14] =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(closing) = tag.strip_prefix('/') {
            if closing.starts_with(|c: char| c.is_ascii_alphabetic()) {
                depth = depth.saturating_sub(1);
            }
        } else if tag.starts_with(|c: char| c.is_ascii_alphabetic()) && !tag.ends_with('/') {
            let name: String =
                tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
            if !VOID.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        rest = &rest[end.min(rest.len())..];
    }
    deepest
}

/// Why `bytes` are binary data rather than text, if they are: a NUL byte in the first 8000
/// bytes (Git's test for a binary file; UTF-16 text has them too), or more than one byte in
/// ten that is invalid UTF-8 or a control character other than tab, line feed, form feed and
/// carriage return (text in a legacy 8-bit encoding has a few invalid bytes: its accented
/// letters, which the caller warns about).
fn binary(bytes: &[u8]) -> Option<String> {
    if bytes[..bytes.len().min(8000)].contains(&0) {
        return Some("it holds NUL bytes (a binary file, or UTF-16 text: convert it to UTF-8, e.g. with iconv)".into());
    }
    let mut odd = 0;
    for chunk in bytes.utf8_chunks() {
        odd += chunk.invalid().len();
        odd += chunk.valid().chars().filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')).count();
    }
    (odd * 10 > bytes.len())
        .then(|| format!("{odd} of its {} bytes are invalid UTF-8 or control characters (a binary file?)", bytes.len()))
}

fn kind_heading(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Person => "People",
        FactKind::Organisation => "Organisations",
        FactKind::Place => "Places",
        FactKind::Date => "Dates",
        FactKind::Time => "Times",
        FactKind::Number => "Numbers",
        FactKind::Money => "Money",
        FactKind::Percent => "Percentages",
        FactKind::Quantity => "Quantities",
        FactKind::Quote => "Quotes",
    }
}

/// "1 word", "2 words".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary as plain text for a terminal.
fn render(s: &Summary) -> String {
    let mut out = String::new();
    if let Some(t) = &s.title {
        out.push_str(&format!("{t}\n"));
    }
    let st = &s.stats;
    out.push_str(&format!(
        "[{} · {} of {} · {} of {} · saves {:.1} min]\n\n",
        s.lang,
        st.summary_sentences,
        counted(st.article_sentences, "sentence", "sentences"),
        st.summary_words,
        counted(st.article_words, "word", "words"),
        st.saved_minutes
    ));
    out.push_str("Summary\n");
    for sent in &s.sentences {
        out.push_str(&format!("  • {}\n", sent.text));
    }
    if !s.key_facts.is_empty() {
        out.push_str("\nKey facts\n");
        for kind in FactKind::ALL {
            let facts: Vec<_> = s.key_facts.iter().filter(|f| f.kind == kind).collect();
            if facts.is_empty() {
                continue;
            }
            if kind == FactKind::Quote {
                out.push_str(&format!("  {}:\n", kind_heading(kind)));
                for f in facts {
                    let who = f.speaker.as_deref().map(|w| format!(" — {w}")).unwrap_or_default();
                    out.push_str(&format!("    “{}”{who}\n", f.value));
                }
            } else {
                let values: Vec<String> = facts.iter().map(|f| fact_value(f)).collect();
                out.push_str(&format!("  {}: {}\n", kind_heading(kind), values.join("; ")));
            }
        }
    }
    if !s.keywords.is_empty() {
        let k: Vec<&str> = s.keywords.iter().map(|k| k.text.as_str()).collect();
        out.push_str(&format!("\nKeywords: {}\n", k.join(", ")));
    }
    out.push_str(&format!(
        "\nStats: {}, {:.1} min to read; the summary is {}, {:.0}% shorter\n",
        counted(st.article_words, "word", "words"),
        st.article_minutes,
        counted(st.summary_words, "word", "words"),
        st.reduction_percent
    ));
    if !s.dropped.is_empty() {
        let n = s.dropped.len();
        out.push_str(&format!("Dropped as page chrome: {}\n", counted(n, "paragraph", "paragraphs")));
    }
    if let Some(t) = &s.truncated {
        out.push_str(&format!("Note: {}\n", t.detail));
    }
    out
}
