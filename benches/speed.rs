//! Speed and memory of the core, natively, against the floor: one bare `unicode-segmentation`
//! word pass over the same text, the least any summariser must do.
//!
//! ```text
//! cargo bench --bench speed            # the table: sizes 1 KB … 5 MB, ms, MB/s, ratio to the floor, peak heap
//! ```
//!
//! Input: news articles from `../shared/eval/*/dev.jsonl`, concatenated as paragraphs until each
//! size is reached (the bundled seed article, repeated, when `../shared/` is absent). Times are
//! medians over repeated runs (at least 5, at least 2 s per size). Peak heap is measured with a
//! counting allocator around the system one, for one run per size. Figures only: nothing here
//! fails on speed, which would flake on a shared machine.
// Native-only code, not in the WebAssembly module: the standard sorts are fine (clippy.toml).
#![allow(clippy::disallowed_methods)]

use abridge::{summarize, Article, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

mod input;
use input::{corpus, human, prefix};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let now = IN_USE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Median wall time of `f`, run at least 5 times and for at least `budget`.
fn median(budget: Duration, mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || start.elapsed() < budget && times.len() < 1000 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let (text, source) = corpus();
    println!("input: {source}");
    println!(
        "{:>8} {:>10} {:>10} {:>9} {:>10} {:>12} {:>9}",
        "size", "abridge", "floor", "ratio", "MB/s", "peak heap", "×input"
    );
    let mut per_mb = Vec::new();
    for &size in &[1_000usize, 10_000, 100_000, 1_000_000, 5_000_000] {
        let input = prefix(&text, size);
        let article = Article::from_text(input);
        let options = Options::default();
        let ours = median(Duration::from_secs(2), || {
            std::hint::black_box(summarize(&article, &options).expect("summary"));
        });
        let floor = median(Duration::from_secs(2), || {
            // black_box on the input too, so the pure word count cannot leave the timing loop.
            // (unicode-segmentation has an ASCII-only fast path: an ASCII-only input, like the
            // 1 KB prefix of cnndm, makes the floor about 100× cheaper per byte.)
            std::hint::black_box(std::hint::black_box(input).unicode_words().count());
        });
        IN_USE.store(0, Ordering::Relaxed);
        PEAK.store(0, Ordering::Relaxed);
        let before = IN_USE.load(Ordering::Relaxed);
        drop(std::hint::black_box(summarize(&article, &options)));
        let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
        let mb = input.len() as f64 / 1e6;
        per_mb.push(ours.as_secs_f64() / mb);
        println!(
            "{:>8} {:>8.3}ms {:>8.3}ms {:>8.2}× {:>10.1} {:>10.1}MB {:>8.1}×",
            human(input.len()),
            ours.as_secs_f64() * 1e3,
            floor.as_secs_f64() * 1e3,
            ours.as_secs_f64() / floor.as_secs_f64(),
            mb / ours.as_secs_f64(),
            peak as f64 / 1e6,
            peak as f64 / input.len() as f64
        );
    }
    println!("growth: time per MB at 5 MB is {:.2}× time per MB at 10 KB", per_mb[4] / per_mb[1]);
}
