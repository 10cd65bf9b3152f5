//! Checking one input end to end: read, parse with the configured grammar, run the configured
//! rules (less the file's per-file ignores).

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use std::path::Path;

/// Parse and check a text as the file `path` (for per-file ignores).
pub fn check_text(text: String, path: &Path, settings: &Settings) -> (Document, Vec<Diagnostic>) {
    let doc = settings.grammar.parse_owned(text);
    let ignored = settings.ignored_for(path);
    let diagnostics = settings
        .linter
        .check_skipping(&doc, &|id| ignored.contains(&id));
    (doc, diagnostics)
}
