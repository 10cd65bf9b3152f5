//! The JSON report of `heshu check --format json`, version 1: a public contract.
//!
//! ```json
//! {"version":1,"files":[{"path":"report.txt","diagnostics":[{"rule":"sum-mismatch",
//!   "severity":"error","message":"…","help":"…",
//!   "span":{"start":10,"end":14,"line":1,"column":5,"end_line":1,"end_column":8},
//!   "labels":[{"span":{…},"message":"总数 47个"}]}]}],
//!  "summary":{"files":1,"errors":1,"warnings":0,"infos":0}}
//! ```
//! `start`/`end` are byte offsets into the decoded UTF-8 text; `line`/`column` are 1-based, columns
//! counted in characters; `end_line`/`end_column` point at the character after the span. A file
//! that could not be read has an `error` and no diagnostics.

use super::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::span::Span;
use serde::Serialize;

/// Version of the check JSON format.
pub const CHECK_JSON_VERSION: u32 = 1;

/// A span with its line and character column.
#[derive(Debug, Serialize)]
pub struct SpanJson {
    /// First byte.
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

impl SpanJson {
    /// Locate a span in a document.
    pub fn new(doc: &Document, span: Span) -> Self {
        let (line, column) = doc.line_col(span.start);
        let (end_line, end_column) = doc.line_col(span.end);
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

/// A label in JSON.
#[derive(Debug, Serialize)]
pub struct LabelJson<'a> {
    /// Where.
    pub span: SpanJson,
    /// What it is.
    pub message: &'a str,
}

/// A diagnostic in JSON.
#[derive(Debug, Serialize)]
pub struct DiagnosticJson<'a> {
    /// Rule id.
    pub rule: &'a str,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The message.
    pub message: &'a str,
    /// The computation, or `null`.
    pub help: Option<&'a str>,
    /// The primary span.
    pub span: SpanJson,
    /// Every figure involved.
    pub labels: Vec<LabelJson<'a>>,
}

impl<'a> DiagnosticJson<'a> {
    /// Convert a diagnostic of `doc`.
    pub fn new(doc: &Document, d: &'a Diagnostic) -> Self {
        Self {
            rule: d.rule,
            severity: d.severity,
            message: &d.message,
            help: d.help.as_deref(),
            span: SpanJson::new(doc, d.span),
            labels: d
                .labels
                .iter()
                .map(|l| LabelJson {
                    span: SpanJson::new(doc, l.span),
                    message: &l.message,
                })
                .collect(),
        }
    }
}

/// One file in JSON.
#[derive(Debug, Serialize)]
pub struct FileJson<'a> {
    /// The path as given.
    pub path: String,
    /// Why the file could not be checked, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Its findings.
    pub diagnostics: Vec<DiagnosticJson<'a>>,
}

/// Counts over all files.
#[derive(Debug, Default, Serialize)]
pub struct SummaryJson {
    /// Files given or found.
    pub files: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct CheckJson<'a> {
    /// Format version.
    pub version: u32,
    /// Files in order.
    pub files: Vec<FileJson<'a>>,
    /// Counts.
    pub summary: SummaryJson,
}

/// Build the JSON report of checked files.
pub fn report(files: &[FileReport]) -> CheckJson<'_> {
    let mut summary = SummaryJson {
        files: files.len(),
        ..SummaryJson::default()
    };
    let files = files
        .iter()
        .map(|f| {
            let diagnostics = match &f.outcome {
                Ok((doc, diags)) => diags
                    .iter()
                    .map(|d| {
                        match d.severity {
                            Severity::Error => summary.errors += 1,
                            Severity::Warning => summary.warnings += 1,
                            Severity::Info => summary.infos += 1,
                        }
                        DiagnosticJson::new(doc, d)
                    })
                    .collect(),
                Err(_) => Vec::new(),
            };
            FileJson {
                path: f.path.clone(),
                error: f.outcome.as_ref().err().cloned(),
                diagnostics,
            }
        })
        .collect();
    CheckJson {
        version: CHECK_JSON_VERSION,
        files,
        summary,
    }
}
