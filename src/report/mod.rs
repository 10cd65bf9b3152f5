//! Output: everything that knows about formats lives here.
//!
//! A checked file becomes a [`FileReport`] of [`Located`] diagnostics (line and character column
//! resolved, fingerprint computed) as soon as it is checked, so its document can be dropped: the
//! formats that need every file (JSON, SARIF, statistics) keep only these.

#[cfg(feature = "inputs")]
pub mod annotate;
pub mod baseline;
pub mod claims;
pub mod concise;
pub mod fingerprint;
pub mod github;
#[cfg(feature = "cli")]
pub mod human;
pub mod json;
pub mod sarif;

use crate::model::diagnostic::{Diagnostic, Severity};
use crate::model::span::Span;
use crate::model::Document;
use serde::Serialize;

/// A span with its 1-based line and character column, start and end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatedSpan {
    /// First byte in the decoded UTF-8 text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end`, in characters.
    pub end_column: usize,
}

impl LocatedSpan {
    /// Locate a span in a document.
    pub fn new(doc: &Document, span: Span) -> Self {
        let (line, column) = doc.line_col(span.start);
        // An end on the same line (nearly always) is found by counting the span's characters
        // only, not the line's again (report lines run to thousands of characters).
        let on_one_line = doc
            .text
            .get(span.start..span.end)
            .filter(|s| memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_none());
        let (end_line, end_column) = match on_one_line {
            Some(s) => (line, column + s.chars().count()),
            None => doc.line_col(span.end),
        };
        Self {
            start: span.start,
            end: span.end,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// A label with its location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatedLabel {
    /// Where.
    pub span: LocatedSpan,
    /// What it is.
    pub message: String,
}

/// A diagnostic with everything an output format needs, independent of its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    /// Rule id.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// Message.
    pub message: String,
    /// The computation, or `null`.
    pub help: Option<String>,
    /// Primary span.
    pub span: LocatedSpan,
    /// Every figure involved.
    pub labels: Vec<LocatedLabel>,
    /// Stable across edits elsewhere in the file (see [`fingerprint`]).
    pub fingerprint: String,
}

impl Located {
    /// Resolve a diagnostic of `doc`, read from `path`.
    pub fn new(path: &str, doc: &Document, d: &Diagnostic) -> Self {
        Self::from_owned(path, doc, d.clone())
    }

    /// Resolve a diagnostic of `doc`, read from `path`, taking its texts (no copy of them).
    pub fn from_owned(path: &str, doc: &Document, d: Diagnostic) -> Self {
        let fingerprint = fingerprint::of(path, doc, &d);
        let span = LocatedSpan::new(doc, d.span);
        let own_span = d.span;
        Self {
            rule: d.rule,
            severity: d.severity,
            message: d.message,
            help: d.help,
            span: span.clone(),
            labels: d
                .labels
                .into_iter()
                .map(|l| LocatedLabel {
                    // A label on the finding's own span (most are) is located once.
                    span: if l.span == own_span {
                        span.clone()
                    } else {
                        LocatedSpan::new(doc, l.span)
                    },
                    message: l.message,
                })
                .collect(),
            fingerprint,
        }
    }
}

/// The result of checking one input.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as given or found (`-` for standard input).
    pub path: String,
    /// The encoding its bytes were decoded from, when they were.
    pub encoding: Option<&'static str>,
    /// Its findings, or the one-line reason it could not be checked.
    pub outcome: Result<Vec<Located>, String>,
    /// The findings rendered for a terminal, when human output was asked for.
    pub human: String,
    /// The file's entry of the JSON report, in pieces (see [`json::render_entry`]), rendered by
    /// the thread that checked it when JSON output was asked for; empty otherwise.
    pub json: Vec<Vec<u8>>,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl Counts {
    /// Count the findings of every readable file.
    pub fn of(files: &[FileReport]) -> Self {
        let mut c = Counts::default();
        for f in files {
            c.add(f);
        }
        c
    }

    /// Count the findings of one more file.
    pub fn add(&mut self, file: &FileReport) {
        for d in file.outcome.iter().flatten() {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// All findings.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}
