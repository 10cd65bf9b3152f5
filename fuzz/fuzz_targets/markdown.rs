//! Markdown masking on any text: never panics, and keeps every byte offset (the masked text has
//! the length of the source and its line ends where the source has them).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let masked = heshu::source::markdown::mask(text);
    assert_eq!(masked.len(), text.len());
    let ends = |s: &str| {
        s.bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    assert_eq!(ends(&masked), ends(text));
});
