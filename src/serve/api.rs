//! What the page's requests do: check an upload and describe the result for the page, or write
//! its annotated copy. Nothing here touches the network or the disk; the server calls these on
//! its blocking threads.

use crate::check::check_text;
use crate::config::Settings;
use crate::locale::Catalog;
use crate::model::Document;
use crate::report::{Counts, FileReport, Located};
use crate::source::{self, docx::DocxError, Format, SourceError};
use crate::tr;
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

/// A checked upload as the page shows it: the text line by line (as `heshu check` numbers lines)
/// and the findings as in `heshu check --format json` (version 1), spans 1-based with columns in
/// characters.
#[derive(Debug, Serialize)]
pub struct Checked<'a> {
    /// The file's name as uploaded.
    pub name: &'a str,
    /// `docx`, `markdown` or `text`.
    pub format: &'static str,
    /// The encoding its bytes were read in.
    pub encoding: &'static str,
    /// The text shown, one entry per line.
    pub lines: Vec<&'a str>,
    /// The findings, in document order.
    pub diagnostics: &'a [Located],
    /// Counts per severity.
    pub summary: Summary,
    /// Milliseconds the check took on the server.
    pub elapsed_ms: f64,
}

/// Counts per severity.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

/// Why an upload could not be checked, in words for the drafter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

/// The format an uploaded name stands for (`.docx`, `.md`; anything else is read as text), or why
/// it cannot be read.
fn format_of(name: &str, t: &Catalog) -> Result<Format, Refused> {
    source::format_of(Path::new(name)).map_err(|e| refused(t, name, &e))
}

/// An upload read and checked: its document (which owns the text checked), the text as written
/// where it differs (Markdown), its format, and its report.
struct Read {
    doc: Document,
    display: Option<String>,
    format: Format,
    report: FileReport,
}

/// Read an upload, check it with `settings` less the rules in `off`, and describe it.
fn checked(
    settings: &Settings,
    name: &str,
    bytes: Vec<u8>,
    off: &[String],
) -> Result<Read, Refused> {
    let t = crate::locale::catalog(settings.lang());
    let format = format_of(name, t)?;
    let path = Path::new(name);
    let read = crate::guard::catch(|| source::from_bytes(path, bytes, format, None))
        .map_err(|_| Refused(tr!(t, "serve-unparsable", name = name)))?;
    let source = read.map_err(|e| refused(t, name, &e))?;
    let (text, display, encoding) = (source.text, source.display, source.encoding);
    let (doc, diagnostics) = crate::guard::catch(|| check_text(text, path, settings))
        .map_err(|_| Refused(tr!(t, "serve-internal", name = name)))?;
    let located: Vec<Located> = diagnostics
        .iter()
        .filter(|d| !off.iter().any(|o| o == d.rule))
        .map(|d| Located::new(name, &doc, d))
        .collect();
    let report = FileReport {
        path: name.to_owned(),
        encoding: Some(encoding),
        outcome: Ok(located),
        human: String::new(),
        json: Vec::new(),
    };
    Ok(Read {
        doc,
        display,
        format,
        report,
    })
}

/// Check an upload and return the page's JSON ([`Checked`]).
pub fn check(
    settings: &Settings,
    name: &str,
    bytes: Vec<u8>,
    off: &[String],
) -> Result<String, Refused> {
    let started = Instant::now();
    let read = checked(settings, name, bytes, off)?;
    let shown = read.display.as_deref().unwrap_or(&read.doc.text);
    let diagnostics = read.report.outcome.as_deref().unwrap_or(&[]);
    let counts = Counts::of(std::slice::from_ref(&read.report));
    let checked = Checked {
        name,
        format: match read.format {
            Format::Docx => "docx",
            Format::Markdown => "markdown",
            Format::Text => "text",
        },
        encoding: read.report.encoding.unwrap_or("utf-8"),
        lines: lines(shown),
        diagnostics,
        summary: Summary {
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
        },
        elapsed_ms: started.elapsed().as_secs_f64() * 1e3,
    };
    serde_json::to_string(&checked).map_err(|e| {
        let t = crate::locale::catalog(settings.lang());
        Refused(tr!(t, "serve-no-result", error = e.to_string()))
    })
}

/// Check a .docx upload and return its copy with a Word comment on each finding (what
/// `heshu check --annotate` writes).
pub fn annotate(
    settings: &Settings,
    name: &str,
    bytes: Vec<u8>,
    off: &[String],
) -> Result<Vec<u8>, Refused> {
    let t = crate::locale::catalog(settings.lang());
    if format_of(name, t)? != Format::Docx {
        return Err(Refused(t.text("serve-docx-only")));
    }
    let original = bytes.clone();
    let read = checked(settings, name, bytes, off)?;
    let comments = crate::report::annotate::comments(read.report.outcome.as_deref().unwrap_or(&[]));
    crate::source::docx::annotate(&original, &comments).map_err(|e| docx_refused(t, name, &e))
}

/// The lines of a text as `heshu check` numbers them (`grammar::document::lines`: ended by `\n`,
/// `\r\n` or a lone `\r`, none after the last line break); one empty line for an empty text.
fn lines(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = crate::grammar::document::lines(text)
        .map(|line| line.text(text))
        .collect();
    if out.is_empty() {
        out.push("");
    }
    out
}

/// Why a file could not be read, for the drafter (the technical cause after it).
fn refused(t: &Catalog, name: &str, e: &SourceError) -> Refused {
    Refused(match e {
        SourceError::Binary { .. } => tr!(t, "serve-binary", name = name),
        SourceError::Empty { .. } => tr!(t, "serve-empty", name = name),
        SourceError::Unsupported { extension, .. } => {
            tr!(t, "serve-unsupported", extension = extension.as_str())
        }
        SourceError::Undecodable { .. } => tr!(t, "serve-undecodable", name = name),
        SourceError::Docx { source, .. } => return docx_refused(t, name, source),
        SourceError::Io { .. } | SourceError::UnknownEncoding(_) => {
            tr!(t, "serve-unreadable", name = name, error = e.localized(t))
        }
    })
}

fn docx_refused(t: &Catalog, name: &str, e: &DocxError) -> Refused {
    Refused(match e {
        DocxError::Zip(_) => tr!(t, "serve-docx-zip", name = name),
        DocxError::NoDocument => tr!(t, "serve-docx-no-document", name = name),
        DocxError::TooLarge(_) => tr!(t, "serve-docx-too-large", name = name),
        DocxError::Xml(_) => tr!(t, "serve-docx-xml", name = name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_as_heshu_check_counts_them() {
        assert_eq!(lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n"), ["a"]);
        assert_eq!(lines("a\n\n"), ["a", ""]);
        assert_eq!(lines(""), [""]);
    }
}
