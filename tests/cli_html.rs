//! The command line on saved web pages: an HTML document is read as the extension reads a
//! page (its article found by Readability, its title and language from the page), markup is
//! never read as words, and text stays text.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_abridge")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn summary_lines(out: &str) -> Vec<&str> {
    out.lines().filter_map(|l| l.strip_prefix("  • ")).collect()
}

/// The text of a page's paragraphs and list items: what every summary sentence must come
/// from (the extension also drops story highlights as chrome; Readability keeps them).
fn paragraphs_text(html: &str) -> String {
    let mut text = String::new();
    let parts = html.split("<p").skip(1).filter(|x| x.starts_with(['>', ' '])).map(|x| (x, "</p>"));
    let items = html.split("<li").skip(1).filter(|x| x.starts_with(['>', ' '])).map(|x| (x, "</li>"));
    for (part, end) in parts.chain(items) {
        let p = part.split_once('>').map_or("", |(_, rest)| rest).split(end).next().unwrap_or("");
        let mut inside_tag = false;
        for c in p.chars() {
            match c {
                '<' => inside_tag = true,
                '>' => inside_tag = false,
                c if !inside_tag => text.push(c),
                _ => {}
            }
        }
        text.push(' ');
    }
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"")
}

#[test]
fn a_saved_page_is_read_as_the_extension_reads_it() {
    for page in ["tests/pages/chrome-kinds.html", "tests/pages/chrome-kinds-de.html", "tests/pages/article.html"] {
        let html = std::fs::read_to_string(page).unwrap();
        let (code, out, err) = run(&[page]);
        assert_eq!(code, 0, "{page}: {err}");
        let title = html.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap();
        assert!(out.starts_with(title.split(" | ").next().unwrap()), "{page}: no page title first:\n{out}");
        let sentences = summary_lines(&out);
        assert!(sentences.len() >= 2, "{page}:\n{out}");
        let article = paragraphs_text(&html);
        for s in sentences {
            assert!(!s.contains('<') && !s.contains("href"), "{page}: markup in {s:?}");
            assert!(article.contains(s), "{page}: {s:?} is not article text");
        }
    }
    // The page's language is the article's: no --lang needed.
    let (_, out, _) = run(&["tests/pages/chrome-kinds-de.html"]);
    assert!(out.contains("[de · "), "{out}");
}

/// Markup written as text in an article (escaped on the page) stays in its sentences as text;
/// real markup never becomes words.
#[test]
fn markup_in_the_article_is_text_and_tags_are_not_words() {
    let (code, out, err) = run(&["tests/pages/markup-as-text.html", "--json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sentences: Vec<&str> =
        json["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert!(sentences.iter().any(|s| s.contains("<img src=x")), "{sentences:?}");
    let keywords = json["keywords"].to_string();
    for tag in ["href", "article", "header", "footer", "html"] {
        assert!(!keywords.contains(tag), "{tag} in {keywords}");
    }
}

#[test]
fn text_stays_text_and_html_can_be_asked_for() {
    // Prose that opens with a tag name in angle brackets is not a page.
    let dir = std::env::temp_dir().join(format!("abridge-cli-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prose = dir.join("prose.txt");
    std::fs::write(
        &prose,
        "<img> tags without alt text fail the city's new accessibility rules, the council said on Monday. \
         Web editors have until March to fix every page, and the council will check a sample of 200 pages each month.",
    )
    .unwrap();
    let (code, out, err) = run(&[prose.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(summary_lines(&out).iter().any(|s| s.starts_with("<img> tags")), "{out}");
    // --input text reads a page's markup as it is; --input html a fragment without a doctype.
    let (_, out, _) = run(&["tests/pages/chrome-kinds.html", "--input", "text", "--segment"]);
    assert!(out.contains("<p>"), "{out}");
    let fragment = dir.join("fragment.txt");
    std::fs::write(
        &fragment,
        format!(
            "<article>{}</article>",
            std::fs::read_to_string("tests/pages/article.html")
                .unwrap()
                .split("<article>")
                .nth(1)
                .unwrap()
                .split("</article>")
                .next()
                .unwrap()
        ),
    )
    .unwrap();
    let (code, out, err) = run(&[fragment.to_str().unwrap(), "--input", "html"]);
    assert_eq!(code, 0, "{err}");
    assert!(summary_lines(&out).iter().all(|s| !s.contains('<')), "{out}");
    // A page with no article says so.
    let empty = dir.join("empty.html");
    std::fs::write(
        &empty,
        "<!doctype html><html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>",
    )
    .unwrap();
    let (code, _, err) = run(&[empty.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("no article") || err.contains("nothing to summarise"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
    assert!(Path::new("tests/pages/article.html").exists());
}

/// A page that nests its elements thousands of levels deep is refused at once with its reason,
/// not parsed for minutes (Readability's work grows with the square of the depth).
#[test]
fn deeply_nested_markup_is_refused_at_once() {
    let dir = std::env::temp_dir().join(format!("abridge-cli-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let deep = dir.join("deep.html");
    let body = "Deep text about the council vote on Monday. The mayor said it was a good day for the town.";
    std::fs::write(&deep, format!("{}{body}{}", "<div>".repeat(100_000), "</div>".repeat(100_000))).unwrap();
    let started = std::time::Instant::now();
    let (code, _, err) = run(&[deep.to_str().unwrap(), "--input", "html"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("levels deep"), "{err}");
    assert!(started.elapsed().as_secs() < 10, "took {:?}", started.elapsed());
    // A page of ordinary depth is still read.
    let shallow = dir.join("shallow.html");
    std::fs::write(
        &shallow,
        format!("<!doctype html><html><body>{}<p>{body}</p>{}</body></html>", "<div>".repeat(50), "</div>".repeat(50)),
    )
    .unwrap();
    let (code, out, err) = run(&[shallow.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("council vote"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}
