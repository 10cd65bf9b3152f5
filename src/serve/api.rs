//! What the page's requests do: check an upload and describe the result for the page, or write
//! its annotated copy. Nothing here touches the network or the disk; the server calls these on
//! its blocking threads.

use crate::check::check_text;
use crate::config::Settings;
use crate::model::Document;
use crate::report::{Counts, FileReport, Located};
use crate::source::{self, docx::DocxError, Format, SourceError};
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
fn format_of(name: &str) -> Result<Format, Refused> {
    source::format_of(Path::new(name)).map_err(|e| refused(name, &e))
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
    let format = format_of(name)?;
    let path = Path::new(name);
    let read = crate::guard::catch(|| source::from_bytes(path, bytes, format, None))
        .map_err(|_| Refused(format!("读取「{name}」时出错：文件内容无法解析")))?;
    let source = read.map_err(|e| refused(name, &e))?;
    let (text, display, encoding) = (source.text, source.display, source.encoding);
    let (doc, diagnostics) =
        crate::guard::catch(|| check_text(text, path, settings)).map_err(|_| {
            Refused(format!(
                "检查「{name}」时出错：请把这份文件报告给 heshu 的维护者"
            ))
        })?;
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
    serde_json::to_string(&checked).map_err(|e| Refused(format!("无法生成结果：{e}")))
}

/// Check a .docx upload and return its copy with a Word comment on each finding (what
/// `heshu check --annotate` writes).
pub fn annotate(
    settings: &Settings,
    name: &str,
    bytes: Vec<u8>,
    off: &[String],
) -> Result<Vec<u8>, Refused> {
    if format_of(name)? != Format::Docx {
        return Err(Refused("只有 Word 文档（.docx）可以下载批注副本".into()));
    }
    let original = bytes.clone();
    let read = checked(settings, name, bytes, off)?;
    let comments = crate::report::annotate::comments(read.report.outcome.as_deref().unwrap_or(&[]));
    crate::source::docx::annotate(&original, &comments).map_err(|e| docx_refused(name, &e))
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
fn refused(name: &str, e: &SourceError) -> Refused {
    Refused(match e {
        SourceError::Binary { .. } => {
            format!("「{name}」不是文本文件，也不是 Word 文档：请选择 .docx、.txt 或 .md 文件")
        }
        SourceError::Empty { .. } => format!("「{name}」是空文件"),
        SourceError::Unsupported { extension, .. } => {
            format!("无法读取 .{extension} 格式：请在 Word 或 WPS 中“另存为” .docx 后再上传")
        }
        SourceError::Undecodable { .. } => {
            format!("无法识别「{name}」的文字编码：请另存为 UTF-8 文本或 .docx")
        }
        SourceError::Docx { source, .. } => return docx_refused(name, source),
        SourceError::Io { .. } | SourceError::UnknownEncoding(_) => {
            format!("无法读取「{name}」（{e}）")
        }
    })
}

fn docx_refused(name: &str, e: &DocxError) -> Refused {
    Refused(match e {
        DocxError::Zip(_) => format!(
            "「{name}」不是可以读取的 Word 文档（.docx）：文件可能已损坏、不完整，或并非 Word 文件"
        ),
        DocxError::NoDocument => format!("「{name}」中没有 Word 正文：这不是 Word 文档"),
        DocxError::TooLarge(_) => format!("「{name}」解压后过大，已拒绝读取（可能是“压缩炸弹”）"),
        DocxError::Xml(_) => format!("「{name}」的正文无法解析：Word 文档可能已损坏"),
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
