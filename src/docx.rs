//! .docx: the text of `word/document.xml`, one line per paragraph (a table row is one line, its
//! cells separated by `，`), so that a finding's line and column are "paragraph" and "character in
//! paragraph". Runs are joined (a figure is often split across runs); deleted text (`w:delText`),
//! field codes (`w:instrText`) and compatibility fallbacks (`mc:Fallback`) are skipped; footnotes
//! and comments are not read.
//!
//! Hostile files get a clear error, not an out-of-memory: the entry count, the size of
//! `word/document.xml` and its compression ratio are capped, and nothing is ever extracted to disk.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// At most this many entries in the archive.
pub const MAX_ENTRIES: usize = 10_000;
/// At most this many bytes of `word/document.xml`, uncompressed.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;
/// At most this ratio of uncompressed to compressed size (a zip bomb has thousands).
pub const MAX_RATIO: u64 = 200;

/// Why a .docx could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// Not a zip archive, or a damaged one.
    #[error("not a readable .docx (zip): {0}")]
    Zip(String),
    /// A zip without `word/document.xml`.
    #[error("no word/document.xml: not a Word document")]
    NoDocument,
    /// Over one of the caps.
    #[error("refused: {0}")]
    TooLarge(String),
    /// The XML does not parse.
    #[error("word/document.xml is not well-formed XML: {0}")]
    Xml(String),
}

/// One `w:t` element's text in the extracted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset in the extracted text.
    pub start: usize,
    /// Byte length.
    pub len: usize,
}

/// The text of a .docx and where each `w:t` of it went.
#[derive(Debug, Clone)]
pub struct DocxText {
    /// One line per paragraph (or table row).
    pub text: String,
    /// Every `w:t` in document order.
    pub segments: Vec<Segment>,
}

/// Read `word/document.xml` out of a .docx, within the caps.
pub fn document_xml(bytes: &[u8]) -> Result<String, DocxError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Zip(e.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(DocxError::TooLarge(format!(
            "{} entries (at most {MAX_ENTRIES})",
            archive.len()
        )));
    }
    let entry = match archive.by_name("word/document.xml") {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Err(DocxError::NoDocument),
        Err(e) => return Err(DocxError::Zip(e.to_string())),
    };
    let size = entry.size();
    let compressed = entry.compressed_size().max(1);
    if size > MAX_DOCUMENT_BYTES {
        return Err(DocxError::TooLarge(format!(
            "word/document.xml is {size} bytes uncompressed (at most {MAX_DOCUMENT_BYTES})"
        )));
    }
    if size / compressed > MAX_RATIO {
        return Err(DocxError::TooLarge(format!(
            "word/document.xml expands {}×: a zip bomb",
            size / compressed
        )));
    }
    // The header's sizes may lie: never read past the cap whatever it says.
    let mut xml = Vec::new();
    entry
        .take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    if xml.len() as u64 > MAX_DOCUMENT_BYTES || xml.len() as u64 / compressed > MAX_RATIO {
        return Err(DocxError::TooLarge(
            "word/document.xml expands past its stated size: a zip bomb".into(),
        ));
    }
    String::from_utf8(xml).map_err(|e| DocxError::Xml(e.to_string()))
}

/// Elements whose text is not part of the document as read.
fn skipped(name: &[u8]) -> bool {
    matches!(name, b"w:delText" | b"w:instrText" | b"mc:Fallback")
}

/// Walks `word/document.xml` and calls back on its structure; extraction and annotation share it
/// so that both see the same `w:t` elements in the same order.
pub(crate) struct Walker {
    skip_depth: usize,
    table_depth: usize,
    cells_in_row: usize,
    paragraphs_in_cell: usize,
    in_text: bool,
}

/// What the walker saw.
pub(crate) enum Step {
    /// Characters to append (text of a `w:t`, or a separator heshu adds).
    Text(std::borrow::Cow<'static, str>),
    /// A `w:t` element starts.
    TextStart,
    /// A `w:t` element ends.
    TextEnd,
    /// Nothing to do.
    None,
}

impl Walker {
    pub(crate) fn new() -> Self {
        Self {
            skip_depth: 0,
            table_depth: 0,
            cells_in_row: 0,
            paragraphs_in_cell: 0,
            in_text: false,
        }
    }

    /// Interpret one event.
    pub(crate) fn step(&mut self, event: &Event<'_>) -> Result<Step, DocxError> {
        use std::borrow::Cow;
        Ok(match event {
            Event::Start(e) => {
                let name = e.name();
                let name = name.as_ref();
                if self.skip_depth > 0 || skipped(name) {
                    self.skip_depth += 1;
                    return Ok(Step::None);
                }
                match name {
                    b"w:tbl" => {
                        self.table_depth += 1;
                        Step::None
                    }
                    b"w:tr" if self.table_depth == 1 => {
                        self.cells_in_row = 0;
                        Step::None
                    }
                    b"w:tc" => {
                        self.paragraphs_in_cell = 0;
                        self.cells_in_row += 1;
                        if self.cells_in_row > 1 || self.table_depth > 1 {
                            Step::Text(Cow::Borrowed("，"))
                        } else {
                            Step::None
                        }
                    }
                    b"w:p" if self.table_depth > 0 => {
                        self.paragraphs_in_cell += 1;
                        if self.paragraphs_in_cell > 1 {
                            Step::Text(Cow::Borrowed("，"))
                        } else {
                            Step::None
                        }
                    }
                    b"w:t" => {
                        self.in_text = true;
                        Step::TextStart
                    }
                    _ => Step::None,
                }
            }
            Event::End(e) => {
                let name = e.name();
                let name = name.as_ref();
                if self.skip_depth > 0 {
                    self.skip_depth -= 1;
                    return Ok(Step::None);
                }
                match name {
                    b"w:tbl" => {
                        self.table_depth = self.table_depth.saturating_sub(1);
                        Step::None
                    }
                    b"w:tr" if self.table_depth == 1 => Step::Text(Cow::Borrowed("\n")),
                    b"w:p" if self.table_depth == 0 => Step::Text(Cow::Borrowed("\n")),
                    b"w:t" => {
                        self.in_text = false;
                        Step::TextEnd
                    }
                    _ => Step::None,
                }
            }
            Event::Empty(e) if self.skip_depth == 0 => match e.name().as_ref() {
                b"w:tab" => Step::Text(Cow::Borrowed("\t")),
                b"w:br" | b"w:cr" => Step::Text(Cow::Borrowed(" ")),
                b"w:t" => {
                    // An empty w:t: a segment of no text.
                    Step::TextEnd
                }
                b"w:p" if self.table_depth == 0 => Step::Text(Cow::Borrowed("\n")),
                _ => Step::None,
            },
            Event::Text(t) if self.in_text && self.skip_depth == 0 => Step::Text(Cow::Owned(
                t.xml_content()
                    .map_err(|e| DocxError::Xml(e.to_string()))?
                    .into_owned(),
            )),
            Event::GeneralRef(r) if self.in_text && self.skip_depth == 0 => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &**r {
                        b"amp" => "&".into(),
                        b"lt" => "<".into(),
                        b"gt" => ">".into(),
                        b"quot" => "\"".into(),
                        b"apos" => "'".into(),
                        other => format!("&{};", String::from_utf8_lossy(other)),
                    },
                };
                Step::Text(Cow::Owned(resolved))
            }
            _ => Step::None,
        })
    }
}

/// The text of a document.xml.
pub fn extract_xml(xml: &str) -> Result<DocxText, DocxError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut walker = Walker::new();
    let mut text = String::new();
    let mut segments = Vec::new();
    let mut segment_start = 0;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| DocxError::Xml(format!("at byte {}: {e}", reader.buffer_position())))?;
        if matches!(event, Event::Eof) {
            break;
        }
        match walker.step(&event)? {
            Step::Text(t) => text.push_str(&t),
            Step::TextStart => segment_start = text.len(),
            Step::TextEnd => {
                let start = if matches!(event, Event::Empty(_)) {
                    text.len()
                } else {
                    segment_start
                };
                segments.push(Segment {
                    start,
                    len: text.len() - start,
                });
            }
            Step::None => {}
        }
    }
    Ok(DocxText { text, segments })
}

/// The text of a .docx file's bytes.
pub fn extract(bytes: &[u8]) -> Result<DocxText, DocxError> {
    extract_xml(&document_xml(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>
<w:p><w:r><w:t>反馈问题4</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>7个</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">，A&amp;B</w:t></w:r></w:p>
<w:p/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲县</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12户</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:fldChar/><w:instrText>PAGE</w:instrText><w:t>完</w:t></w:r><mc:AlternateContent><mc:Choice><w:r><w:t>选</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>备</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>
</w:body></w:document>"#;

    #[test]
    fn paragraphs_runs_tables() {
        let d = extract_xml(XML).unwrap();
        assert_eq!(d.text, "反馈问题47个，A&B\n\n甲县，12户\n完选\n");
        assert_eq!(d.segments.len(), 7);
        let second = d.segments[1];
        assert_eq!(&d.text[second.start..second.start + second.len], "7个");
    }
}
