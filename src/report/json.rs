//! The JSON report of `heshu check --format json`, version 1: a public contract.
//!
//! ```json
//! {"version":1,"files":[{"path":"report.txt","diagnostics":[{"rule":"sum-mismatch",
//!   "severity":"error","message":"…","help":"…",
//!   "span":{"start":10,"end":14,"line":1,"column":5,"end_line":1,"end_column":8},
//!   "labels":[{"span":{…},"message":"总数 47个"}],"fingerprint":"…"}]}],
//!  "summary":{"files":1,"errors":1,"warnings":0,"infos":0}}
//! ```
//! `start`/`end` are byte offsets into the decoded UTF-8 text; `line`/`column` are 1-based, columns
//! counted in characters; `end_line`/`end_column` point at the character after the span. A file
//! that could not be read has an `error` and no diagnostics.

use super::{Counts, FileReport, Located};
use serde::Serialize;

/// Version of the check JSON format.
pub const CHECK_JSON_VERSION: u32 = 1;

/// One file in JSON.
#[derive(Debug, Serialize)]
pub struct FileJson<'a> {
    /// The path as given or found.
    pub path: &'a str,
    /// The encoding the file was decoded from (`utf-8`, `gbk`, `utf-16le`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
    /// Why the file could not be checked, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'a str>,
    /// Its findings.
    pub diagnostics: &'a [Located],
}

/// Counts over all files.
#[derive(Debug, Serialize)]
pub struct SummaryJson {
    /// Files given or found, read or not.
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
    let counts = Counts::of(files);
    CheckJson {
        version: CHECK_JSON_VERSION,
        files: files
            .iter()
            .map(|f| FileJson {
                path: &f.path,
                encoding: f.encoding,
                error: f.outcome.as_ref().err().map(String::as_str),
                diagnostics: f.outcome.as_deref().unwrap_or(&[]),
            })
            .collect(),
        summary: SummaryJson {
            files: files.len(),
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
        },
    }
}
