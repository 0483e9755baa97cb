//! Where the native time goes: nanoseconds per input byte in each stage of the pipeline, on the
//! inputs of `benches/speed.rs` (10 KB … 5 MB).
//!
//! ```text
//! cargo bench --bench stages --features stage-timing
//! ```
//!
//! The stages are timed by the hooks of `src/stages.rs`, compiled only with the
//! `stage-timing` feature (so the shipped builds carry none of them): clean (paragraphs,
//! chrome, normalisation, language), segment, tokens (words, stopwords, stems), scoring
//! (TF-IDF, features, what each sentence needs beside it), selection, facts, keywords, summary
//! (spans, UTF-16 offsets, the record). Summed over repeated runs (at least 5, at least 2 s per
//! size) and divided by runs and bytes. Figures only.

use abridge::stages::{self, COUNT, NAMES};
use abridge::{summarize, Article, Options};
use std::time::{Duration, Instant};

mod input;
use input::{corpus, human, prefix};

fn main() {
    let (text, source) = corpus();
    println!("input: {source}");
    println!("ns per input byte, by stage (sum of the stages and the whole call)");
    print!("{:>8}", "size");
    for name in NAMES {
        print!(" {name:>9}");
    }
    println!(" {:>9} {:>9}", "stages", "call");
    for &size in &[10_000usize, 100_000, 1_000_000, 5_000_000] {
        let input = prefix(&text, size);
        let article = Article::from_text(input);
        let options = Options::default();
        std::hint::black_box(summarize(&article, &options).expect("summary")); // warm-up
        stages::take();
        let (mut runs, mut total) = (0u32, Duration::ZERO);
        let start = Instant::now();
        while runs < 5 || start.elapsed() < Duration::from_secs(2) && runs < 1000 {
            let t = Instant::now();
            std::hint::black_box(summarize(&article, &options).expect("summary"));
            total += t.elapsed();
            runs += 1;
        }
        let spent = stages::take();
        let per_byte = |d: Duration| d.as_secs_f64() * 1e9 / f64::from(runs) / input.len() as f64;
        print!("{:>8}", human(input.len()));
        for d in spent.iter().take(COUNT) {
            print!(" {:>9.2}", per_byte(*d));
        }
        println!(" {:>9.2} {:>9.2}", per_byte(spent.iter().sum()), per_byte(total));
    }
}
