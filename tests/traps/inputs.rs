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
    /// Upper-case initialisms, none ending the sentence: the all-caps test read the whole
    /// sentence so far at each period (80,000 took 9.7 s) until it read a bounded window.
    dotted_initials: "200,000 dotted initials in one sentence" => "U.S. U.K. ".repeat(100_000);
    /// Chinese sentences in one paragraph: the word after each boundary was the rest of the
    /// paragraph (no spaces), read at every boundary (40,000 took 7.8 s).
    cjk_one_paragraph: "40,000 Chinese sentences in one paragraph" => (0..40_000)
        .map(|i| {
            let s: String = (0..12).map(|k| char::from_u32(0x4e00 + (i * 7919 + k * 104_729) % 3000).unwrap_or('中')).collect();
            s + "。"
        })
        .collect();
    /// Han text without punctuation: the keyword n-grams of every character (3 million had reached
    /// 7 GB) until they were counted over the first 30,000 characters.
    cjk_no_punctuation: "1,000,000 Han characters without punctuation" =>
        (0..1_000_000u64).map(|i| char::from_u32(0x4e00 + (i * 7919 % 3000) as u32).unwrap_or('中')).collect();
}
