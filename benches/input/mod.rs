//! The inputs of the speed benches (`speed.rs`, `stages.rs`): news articles from
//! `../shared/eval/*/dev.jsonl` concatenated as paragraphs, cut at each size.

/// Article text from the shared corpora, or the seed repeated.
pub fn corpus() -> (String, &'static str) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    let mut text = String::new();
    for name in ["cnndm/dev.jsonl", "bbc-news-summary/dev.jsonl"] {
        let Ok(raw) = std::fs::read_to_string(root.join(name)) else { continue };
        for line in raw.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
            text.push_str(v["article"].as_str().unwrap_or(""));
            text.push_str("\n\n");
        }
    }
    if text.is_empty() {
        let seed = include_str!("../../tests/fixtures/seed.txt");
        while text.len() < 6_000_000 {
            text.push_str(seed);
            text.push_str("\n\n");
        }
        return (text, "the bundled seed article, repeated (../shared/ absent)");
    }
    (text, "articles from ../shared/eval/{cnndm,bbc-news-summary}/dev.jsonl")
}

/// The first `n` bytes of `text`, cut at a paragraph break.
pub fn prefix(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind("\n\n") {
        Some(p) if p > n / 2 => &text[..p],
        _ => &text[..end],
    }
}

/// A size in KB or MB (1000-based).
pub fn human(n: usize) -> String {
    if n >= 1_000_000 {
        format!("{:.1} MB", n as f64 / 1e6)
    } else {
        format!("{:.0} KB", n as f64 / 1e3)
    }
}
