//! The grammar on any text: parsing never panics, and every span lies inside the text on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = heshu::parse(text);
    for claim in &doc.claims {
        assert!(text.get(claim.span.start..claim.span.end).is_some());
    }
    for block in &doc.blocks {
        assert!(text.get(block.span.start..block.span.end).is_some());
    }
});
