//! Checking inputs end to end: read, parse, run the rules.

use crate::document::{parse, Document};
use crate::report::FileReport;
use crate::rules::Linter;
use crate::source::{self, SourceError};
use std::path::{Path, PathBuf};

/// File extensions heshu reads when it walks a directory.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Parse and check a text.
pub fn check_text(text: &str, linter: &Linter) -> (Document, Vec<crate::diagnostic::Diagnostic>) {
    let doc = parse(text);
    let diagnostics = linter.check(&doc);
    (doc, diagnostics)
}

/// Read, parse and check one input; a read failure becomes the report's error.
pub fn check_file(path: &Path, linter: &Linter) -> FileReport {
    let outcome = source::read(path)
        .map(|text| check_text(&text, linter))
        .map_err(|e| e.to_string());
    FileReport {
        path: path.display().to_string(),
        outcome,
    }
}

/// Expand the given paths: files as they are, directories walked (sorted, hidden entries skipped)
/// for the text files heshu reads.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Result<PathBuf, SourceError>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() != source::STDIN && p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(Ok(p.clone()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, SourceError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            out.push(Err(SourceError::Io {
                path: dir.to_owned(),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(Ok(p));
        }
    }
}
