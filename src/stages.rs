//! Time spent in each stage of the pipeline, for `benches/stages.rs` (the per-stage split of
//! `npm run bench`). Compiled only with the `stage-timing` feature: without it the
//! [`timed!`](crate::timed) hooks in the pipeline are the bare expressions, so neither the
//! outputs nor the shipped WebAssembly module change.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// The stages timed, in pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Input, paragraphs, chrome, normalisation (`clean`), and language detection.
    Clean,
    /// Sentence boundaries (`segment`).
    Segment,
    /// Words, case folding, stopwords, stems (`token`).
    Tokens,
    /// TF-IDF, features and what each sentence needs beside it (`score`, `standalone`).
    Scoring,
    /// Scores under the weights and the choice with redundancy control (`select`).
    Selection,
    /// Key facts (`facts`).
    Facts,
    /// Keywords (`keywords`).
    Keywords,
    /// Spans, UTF-16 offsets and the rest of the [`crate::Summary`].
    Summary,
}

/// Number of stages.
pub const COUNT: usize = 8;

/// The stages' names, by `Stage as usize`.
pub const NAMES: [&str; COUNT] = ["clean", "segment", "tokens", "scoring", "selection", "facts", "keywords", "summary"];

thread_local! {
    static SPENT: Cell<[Duration; COUNT]> = const { Cell::new([Duration::ZERO; COUNT]) };
}

/// A running timer: adds the time from its start to its drop to its stage.
pub struct Timer {
    stage: Stage,
    start: Instant,
}

impl Timer {
    /// Starts timing `stage`.
    pub fn start(stage: Stage) -> Timer {
        Timer { stage, start: Instant::now() }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        let d = self.start.elapsed();
        SPENT.with(|s| {
            let mut v = s.get();
            v[self.stage as usize] += d;
            s.set(v);
        });
    }
}

/// The time spent in each stage on this thread since the last call, by `Stage as usize`;
/// resets the counts.
pub fn take() -> [Duration; COUNT] {
    SPENT.with(|s| s.replace([Duration::ZERO; COUNT]))
}
