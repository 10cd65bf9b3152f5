//! The .docx reader on any bytes: a zip, its XML and its numbering never make it panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = heshu::source::docx::extract(bytes) {
        let _ = heshu::parse(&text.text);
    }
    // The XML alone, without the zip around it.
    if let Ok(xml) = std::str::from_utf8(bytes) {
        let _ = heshu::source::docx::extract_xml(xml);
    }
});
