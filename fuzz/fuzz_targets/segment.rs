//! Cleaning and sentence segmentation alone on arbitrary text: no panic, and every sentence a
//! non-empty, trimmed slice of the cleaned paragraph it came from.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for sentence in abridge::fuzzing::sentences(&text) {
        assert!(!sentence.is_empty());
        assert_eq!(sentence.trim(), sentence);
    }
});
