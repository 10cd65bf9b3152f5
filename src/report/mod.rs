//! Output: everything that knows about formats lives here.

pub mod claims;
#[cfg(feature = "cli")]
pub mod human;
pub mod json;

use crate::diagnostic::Diagnostic;
use crate::document::Document;

/// The result of checking one input: its document and findings, or why it could not be read.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given (`-` for standard input).
    pub path: String,
    /// The parsed document and its findings, or the one-line error.
    pub outcome: Result<(Document, Vec<Diagnostic>), String>,
}
