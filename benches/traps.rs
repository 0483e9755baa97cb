//! Quadratic traps: inputs shaped to make a naive summariser slow. Each must be summarised in
//! under a second natively; this prints the time of each (median of 3 runs).
//!
//! ```text
//! cargo bench --bench traps
//! ```
//!
//! The same inputs run in `tests/traps.rs` with a generous bound that only catches hangs.
// Native-only code, not in the WebAssembly module: the standard sorts are fine (clippy.toml).
#![allow(clippy::disallowed_methods)]

#[path = "../tests/traps/inputs.rs"]
mod inputs;

use abridge::{summarize, Article, Options};
use std::time::{Duration, Instant};

fn main() {
    println!("{:<44} {:>10} {:>10}  result", "trap", "bytes", "median");
    let mut worst = Duration::ZERO;
    for (_, name, text) in inputs::all() {
        let article = Article::from_text(text.clone());
        let mut times = Vec::new();
        let mut result = String::new();
        for _ in 0..3 {
            let t = Instant::now();
            let r = summarize(&article, &Options::default());
            times.push(t.elapsed());
            result = match r {
                Ok(s) => format!(
                    "{} sentences, {} facts{}",
                    s.sentences.len(),
                    s.key_facts.len(),
                    if s.truncated.is_some() { ", truncated" } else { "" }
                ),
                Err(e) => format!("error: {}", e.code()),
            };
        }
        times.sort();
        worst = worst.max(times[1]);
        println!("{name:<44} {:>10} {:>8.1}ms  {result}", text.len(), times[1].as_secs_f64() * 1e3);
    }
    println!("slowest: {:.1} ms (bound: 1000 ms)", worst.as_secs_f64() * 1e3);
}
