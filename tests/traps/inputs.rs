//! The quadratic-trap inputs, shared by `tests/traps.rs` (one test per trap, named as its
//! function here) and `benches/traps.rs`.

/// Defines one function per trap (its name is the test's) and [`all`].
macro_rules! traps {
    ($($(#[$doc:meta])* $id:ident: $name:literal => $text:expr;)*) => {
        $(
            $(#[$doc])*
            #[doc = $name]
            pub fn $id() -> String {
                $text
            }
        )*
        /// Every trap: its function's name, a description and the text.
        pub fn all() -> Vec<(&'static str, &'static str, String)> {
            vec![$((stringify!($id), $name, $id())),*]
        }
    };
}

traps! {
    no_punctuation: "5 MB without punctuation" => "word ".repeat(1_000_000);
    one_long_sentence: "one 1 MB sentence" => format!("{}.", "The council met again and ".repeat(40_000));
    one_word_sentences: "200,000 one-word sentences" => "Yes. ".repeat(200_000);
    identical_paragraphs: "50,000 identical paragraphs" =>
        "The same paragraph comes back here again and again.\n\n".repeat(50_000);
    nested_quotes: "10,000 nested quotes and brackets" =>
        format!("{}The minister spoke.{}", "“(«[".repeat(10_000), "]»)”".repeat(10_000));
    numbers: "100,000 numbers" => (0..100_000).map(|i| format!("{} ", i * 7919 % 1_000_003)).collect();
    only_emoji: "only emoji" => "😀🎉🚀 ".repeat(100_000);
    only_combining_marks: "only combining marks" => "a\u{301}\u{302}\u{303}\u{304}\u{305} ".repeat(50_000);
    rtl_overrides: "right-to-left overrides" => "\u{202e}The vote passed on Monday.\u{202c} ".repeat(20_000);
    abbreviations: "100,000 abbreviations" => "Mr. Dr. Gov. U.S. Inc. ".repeat(100_000);
    one_long_word: "one 2 MB word" => "a".repeat(2_000_000);
    capitalised_names: "100,000 capitalised names" => "Alicia Marquez Samuel Okoro ".repeat(100_000);
    /// Distinct titled names: surname linking was a scan of every full name (quadratic:
    /// 40,000 names took 45 s) until it became a lookup.
    titled_names: "40,000 distinct titled names" =>
        (0..40_000).map(|i| format!("Mr. John Smith{i} said hello. ")).collect();
}
