//! Diagnostics: what a rule reports, independent of any output format.

use super::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// The lower-case name used in JSON and configuration.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A labelled span: one figure involved in a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What it is in the computation (`部分 44个`).
    pub message: String,
}

impl Label {
    /// A label.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable rule id (`sum-mismatch`).
    pub rule: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// What is wrong, in the document's language.
    pub message: String,
    /// The computation or the way out.
    pub help: Option<String>,
    /// The primary span.
    pub span: Span,
    /// Every figure involved.
    pub labels: Vec<Label>,
}

impl Diagnostic {
    /// The same finding with every span `by` bytes further on (from a segment to its whole text).
    pub fn shifted(mut self, by: usize) -> Self {
        self.span = self.span.shifted(by);
        for label in &mut self.labels {
            label.span = label.span.shifted(by);
        }
        self
    }
}
