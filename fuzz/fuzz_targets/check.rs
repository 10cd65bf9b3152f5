//! The whole check on any bytes: decode (UTF-8, UTF-16, GBK, …) as a text file, parse, run every
//! rule and locate every finding; nothing panics, and every finding's span is on character
//! boundaries of the text.
#![no_main]

use heshu::config::Settings;
use heshu::source::{self, Format};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(Settings::default)
}

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.txt");
    let Ok(source) = source::from_bytes(path, bytes.to_vec(), Format::Text, None) else {
        return;
    };
    let (doc, diagnostics) = heshu::check::check_text(source.text, path, settings());
    for d in &diagnostics {
        assert!(doc.text.get(d.span.start..d.span.end).is_some(), "{d:?}");
        for l in &d.labels {
            assert!(doc.text.get(l.span.start..l.span.end).is_some(), "{d:?}");
        }
        let located = heshu::report::Located::new("fuzz.txt", &doc, d);
        assert!(located.span.line >= 1);
    }
});
