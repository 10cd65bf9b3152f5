//! .docx: the text of `word/document.xml`, one line per paragraph (a table row is one line, its
//! cells separated by `，`), so that a finding's line and column are "paragraph" and "character in
//! paragraph". Runs are joined (a figure is often split across runs); deleted text (`w:delText`),
//! field codes (`w:instrText`) and compatibility fallbacks (`mc:Fallback`) are skipped; footnotes
//! and comments are not read. Word's automatic numbering is rendered in front of its paragraphs
//! and heading styles mark headings (see [`crate::source::docx_numbering`]).
//!
//! Hostile files get a clear error, not an out-of-memory: the entry count, the size of
//! `word/document.xml` and its compression ratio are capped, and nothing is ever extracted to disk.

pub use super::docx_numbering::Numbering;
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

impl DocxError {
    /// What went wrong, in the catalog's language (the zip or XML reader's own words after it).
    pub fn localized(&self, t: &crate::locale::Catalog) -> String {
        use crate::tr;
        match self {
            DocxError::Zip(detail) => tr!(t, "docx-zip", detail = detail.as_str()),
            DocxError::NoDocument => t.text("docx-no-document"),
            DocxError::TooLarge(detail) => tr!(t, "docx-too-large", detail = detail.as_str()),
            DocxError::Xml(detail) => tr!(t, "docx-xml", detail = detail.as_str()),
        }
    }
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
    matches!(
        name,
        b"w:delText" | b"w:instrText" | b"mc:Fallback" | b"w:pPrChange" | b"w:rPrChange"
    )
}

/// Walks `word/document.xml` and calls back on its structure; extraction and annotation share it
/// so that both see the same `w:t` elements in the same order.
pub(crate) struct Walker {
    skip_depth: usize,
    table_depth: usize,
    cells_in_row: usize,
    paragraphs_in_cell: usize,
    in_text: bool,
    numbering: Numbering,
    in_paragraph_props: bool,
    style: Option<String>,
    num_id: Option<String>,
    level: usize,
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
    pub(crate) fn new(numbering: Numbering) -> Self {
        Self {
            skip_depth: 0,
            table_depth: 0,
            cells_in_row: 0,
            paragraphs_in_cell: 0,
            in_text: false,
            numbering,
            in_paragraph_props: false,
            style: None,
            num_id: None,
            level: 0,
        }
    }

    /// A paragraph property (`w:pStyle`, `w:numId`, `w:ilvl`) read inside `w:pPr`.
    fn paragraph_property(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        if !self.in_paragraph_props {
            return;
        }
        let value = e
            .attributes()
            .flatten()
            .find(|a| a.key.as_ref() == b"w:val")
            .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()));
        match e.name().as_ref() {
            b"w:pStyle" => self.style = value,
            b"w:numId" => self.num_id = value,
            b"w:ilvl" => self.level = value.and_then(|v| v.parse().ok()).unwrap_or(0),
            _ => {}
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
                        // A row of the outer table is written as a pipe-table row
                        // (`| 甲县 | 12户 |`), which the grammar reads as a table row, not prose;
                        // the cells of a nested table are joined by `，`.
                        match (self.table_depth, self.cells_in_row) {
                            (1, 1) => Step::Text(Cow::Borrowed("| ")),
                            (1, _) => Step::Text(Cow::Borrowed(" | ")),
                            (_, 1) => Step::None,
                            _ => Step::Text(Cow::Borrowed("，")),
                        }
                    }
                    b"w:p" => {
                        self.style = None;
                        self.num_id = None;
                        self.level = 0;
                        if self.table_depth > 0 {
                            self.paragraphs_in_cell += 1;
                            if self.paragraphs_in_cell > 1 {
                                return Ok(Step::Text(Cow::Borrowed("，")));
                            }
                        }
                        Step::None
                    }
                    b"w:pPr" => {
                        self.in_paragraph_props = true;
                        Step::None
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
                    b"w:tr" if self.table_depth == 1 => Step::Text(Cow::Borrowed(" |\n")),
                    b"w:pPr" => {
                        // The paragraph's number (or heading mark) goes before its text.
                        self.in_paragraph_props = false;
                        let num = self.num_id.as_deref().map(|n| (n, self.level));
                        let prefix = self.numbering.prefix(self.style.as_deref(), num);
                        if prefix.is_empty() {
                            Step::None
                        } else {
                            Step::Text(Cow::Owned(prefix))
                        }
                    }
                    b"w:p" if self.table_depth == 0 => Step::Text(Cow::Borrowed("\n")),
                    b"w:t" => {
                        self.in_text = false;
                        Step::TextEnd
                    }
                    _ => Step::None,
                }
            }
            Event::Empty(e) if self.skip_depth == 0 => match e.name().as_ref() {
                b"w:pStyle" | b"w:numId" | b"w:ilvl" => {
                    self.paragraph_property(e);
                    Step::None
                }
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
                // An entity Word never writes is kept as written.
                let resolved = resolve_reference(r)
                    .unwrap_or_else(|| format!("&{};", String::from_utf8_lossy(r)));
                Step::Text(Cow::Owned(resolved))
            }
            _ => Step::None,
        })
    }
}

/// The text of a character or predefined entity reference (`&#x4E00;`, `&amp;`).
fn resolve_reference(r: &quick_xml::events::BytesRef<'_>) -> Option<String> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Some(c.to_string()),
        _ => match &**r {
            b"amp" => Some("&".into()),
            b"lt" => Some("<".into()),
            b"gt" => Some(">".into()),
            b"quot" => Some("\"".into()),
            b"apos" => Some("'".into()),
            _ => None,
        },
    }
}

/// The text of a document.xml.
pub fn extract_xml(xml: &str) -> Result<DocxText, DocxError> {
    extract_xml_with(xml, Numbering::default())
}

/// The text of a document.xml, its paragraphs numbered as Word numbers them.
pub fn extract_xml_with(xml: &str, numbering: Numbering) -> Result<DocxText, DocxError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut walker = Walker::new(numbering);
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
    extract_xml_with(&document_xml(bytes)?, numbering(bytes))
}

/// The numbering definitions and heading styles of a .docx (empty when it has none, or they do
/// not read: numbering is an aid, not a reason to refuse a document).
pub fn numbering(bytes: &[u8]) -> Numbering {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Numbering::default();
    };
    let mut part = |name: &str| -> Option<String> {
        let entry = archive.by_name(name).ok()?;
        if entry.size() > MAX_DOCUMENT_BYTES
            || entry.size() / entry.compressed_size().max(1) > MAX_RATIO
        {
            return None;
        }
        let mut text = String::new();
        entry
            .take(MAX_DOCUMENT_BYTES)
            .read_to_string(&mut text)
            .ok()?;
        Some(text)
    };
    let numbering = part("word/numbering.xml");
    let styles = part("word/styles.xml");
    Numbering::read(numbering.as_deref(), styles.as_deref())
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
    fn annotation_anchors_on_the_figure_and_keeps_the_text() {
        let d = extract_xml(XML).unwrap();
        let start = d.text.find("47个").unwrap();
        let comments = [Comment {
            start,
            end: start + "47个".len(),
            paragraphs: vec!["[sum-mismatch] 各部分之和与总数不符".into()],
        }];
        let annotated = annotate_xml(XML, &comments).unwrap();
        assert_eq!(extract_xml(&annotated).unwrap().text, d.text);
        let open = annotated.find("<w:commentRangeStart w:id=\"0\"/>").unwrap();
        let close = annotated.find("<w:commentRangeEnd w:id=\"0\"/>").unwrap();
        let between = extract_xml(&format!(
            "<w:document xmlns:w=\"w\"><w:body><w:p>{}</w:p></w:body></w:document>",
            &annotated[open..close]
        ))
        .unwrap();
        assert_eq!(
            between.text, "47个\n",
            "the range holds the figure, split runs and all"
        );
        assert!(annotated.contains("<w:commentReference w:id=\"0\"/>"));
    }

    #[test]
    fn paragraphs_runs_tables() {
        let d = extract_xml(XML).unwrap();
        assert_eq!(d.text, "反馈问题47个，A&B\n\n| 甲县 | 12户 |\n完选\n");
        assert_eq!(d.segments.len(), 7);
        let second = d.segments[1];
        assert_eq!(&d.text[second.start..second.start + second.len], "7个");
    }
}

/// A comment to anchor on a range of the extracted text.
#[derive(Debug, Clone)]
pub struct Comment {
    /// First byte of the range in the extracted text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The comment's paragraphs (message, help).
    pub paragraphs: Vec<String>,
}

/// The author written on heshu's comments.
pub const AUTHOR: &str = "heshu";

mod annotate {
    use super::{Comment, DocxError, Step, Walker, AUTHOR, MAX_ENTRIES};
    use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
    use quick_xml::{Reader, Writer};
    use std::io::{Cursor, Read, Write};

    fn xml_err(e: impl std::fmt::Display) -> DocxError {
        DocxError::Xml(e.to_string())
    }

    /// Where anchors go around one run.
    struct Anchors<'c> {
        comments: &'c [Comment],
        first_id: usize,
        started: Vec<bool>,
        ended: Vec<bool>,
    }

    impl Anchors<'_> {
        /// Start, end and reference elements due at text position `pos`, in document order:
        /// ends of comments ending here (with their reference runs), then starts.
        fn at(
            &mut self,
            pos: usize,
            w: &mut Writer<Vec<u8>>,
            before_run: bool,
        ) -> Result<(), DocxError> {
            for (i, c) in self.comments.iter().enumerate() {
                let (started, ended) = (
                    self.started.get(i) == Some(&true),
                    self.ended.get(i) == Some(&true),
                );
                if started && !ended && c.end <= pos {
                    if let Some(e) = self.ended.get_mut(i) {
                        *e = true;
                    }
                    let id = (self.first_id + i).to_string();
                    let mut end = BytesStart::new("w:commentRangeEnd");
                    end.push_attribute(("w:id", id.as_str()));
                    w.write_event(Event::Empty(end)).map_err(xml_err)?;
                    w.write_event(Event::Start(BytesStart::new("w:r")))
                        .map_err(xml_err)?;
                    let mut reference = BytesStart::new("w:commentReference");
                    reference.push_attribute(("w:id", id.as_str()));
                    w.write_event(Event::Empty(reference)).map_err(xml_err)?;
                    w.write_event(Event::End(BytesEnd::new("w:r")))
                        .map_err(xml_err)?;
                }
            }
            for (i, c) in self.comments.iter().enumerate() {
                let due = if before_run {
                    c.start <= pos
                } else {
                    c.start == pos
                };
                if self.started.get(i) == Some(&false) && due {
                    if let Some(s) = self.started.get_mut(i) {
                        *s = true;
                    }
                    let id = (self.first_id + i).to_string();
                    let mut start = BytesStart::new("w:commentRangeStart");
                    start.push_attribute(("w:id", id.as_str()));
                    w.write_event(Event::Empty(start)).map_err(xml_err)?;
                }
            }
            Ok(())
        }

        fn points_inside(&self, from: usize, to: usize) -> Vec<usize> {
            let mut points: Vec<usize> = self
                .comments
                .iter()
                .flat_map(|c| [c.start, c.end])
                .filter(|p| *p > from && *p < to)
                .collect();
            points.sort_unstable();
            points.dedup();
            points
        }
    }

    /// The run's text pieces: (text, position) of each w:t, or `None` if the run holds anything
    /// besides its properties and one w:t (then it is kept whole).
    fn single_text(events: &[Event<'static>]) -> Option<(Vec<Event<'static>>, String)> {
        let mut props = Vec::new();
        let mut text = String::new();
        let mut texts = 0;
        let mut depth = 0;
        let mut in_props = false;
        for e in events.get(1..events.len() - 1).unwrap_or_default() {
            match e {
                Event::Start(s) if depth == 0 && s.name().as_ref() == b"w:rPr" => {
                    in_props = true;
                    props.push(e.clone());
                    depth += 1;
                }
                Event::Start(s) if depth == 0 && s.name().as_ref() == b"w:t" => {
                    texts += 1;
                    depth += 1;
                }
                Event::Start(_) => {
                    if in_props {
                        props.push(e.clone());
                    } else if depth == 0 {
                        return None;
                    }
                    depth += 1;
                }
                Event::End(_) => {
                    depth -= 1;
                    if in_props {
                        props.push(e.clone());
                        if depth == 0 {
                            in_props = false;
                        }
                    }
                }
                Event::Empty(_) if in_props => props.push(e.clone()),
                Event::Empty(_) => return None,
                Event::Text(t) if depth == 1 && !in_props => {
                    text.push_str(&t.xml_content().ok()?);
                }
                Event::GeneralRef(r) if depth == 1 && !in_props => {
                    text.push_str(&super::resolve_reference(r)?);
                }
                _ => {}
            }
        }
        (texts == 1).then_some((props, text))
    }

    fn write_run(
        w: &mut Writer<Vec<u8>>,
        props: &[Event<'static>],
        text: &str,
    ) -> Result<(), DocxError> {
        w.write_event(Event::Start(BytesStart::new("w:r")))
            .map_err(xml_err)?;
        for p in props {
            w.write_event(p.borrow()).map_err(xml_err)?;
        }
        let mut t = BytesStart::new("w:t");
        t.push_attribute(("xml:space", "preserve"));
        w.write_event(Event::Start(t)).map_err(xml_err)?;
        w.write_event(Event::Text(BytesText::new(text)))
            .map_err(xml_err)?;
        w.write_event(Event::End(BytesEnd::new("w:t")))
            .map_err(xml_err)?;
        w.write_event(Event::End(BytesEnd::new("w:r")))
            .map_err(xml_err)
    }

    /// `document.xml` with the comments' ranges and references inserted.
    pub(super) fn document(
        xml: &str,
        comments: &[Comment],
        first_id: usize,
        numbering: super::Numbering,
    ) -> Result<String, DocxError> {
        let mut reader = Reader::from_str(xml);
        reader.config_mut().trim_text(false);
        let mut writer = Writer::new(Vec::with_capacity(xml.len() + comments.len() * 200));
        let mut walker = Walker::new(numbering);
        let mut anchors = Anchors {
            comments,
            first_id,
            started: vec![false; comments.len()],
            ended: vec![false; comments.len()],
        };
        let mut pos = 0usize;
        let mut run: Option<(Vec<Event<'static>>, usize)> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| DocxError::Xml(format!("at byte {}: {e}", reader.buffer_position())))?
                .into_owned();
            if matches!(event, Event::Eof) {
                break;
            }
            let step = walker.step(&event)?;
            if let Step::Text(t) = &step {
                pos += t.len();
            }
            let starts_run = matches!(&event, Event::Start(s) if s.name().as_ref() == b"w:r");
            if run.is_none() && starts_run {
                run = Some((vec![event], pos));
                continue;
            }
            if let Some((events, run_start)) = run.as_mut() {
                let depth_closed = matches!(&event, Event::End(e) if e.name().as_ref() == b"w:r")
                    && events
                        .iter()
                        .filter(|e| matches!(e, Event::Start(s) if s.name().as_ref() == b"w:r"))
                        .count()
                        == events
                            .iter()
                            .filter(|e| matches!(e, Event::End(s) if s.name().as_ref() == b"w:r"))
                            .count()
                            + 1;
                events.push(event);
                if depth_closed {
                    let start = *run_start;
                    let events = std::mem::take(events);
                    run = None;
                    anchors.at(start, &mut writer, true)?;
                    let inside = anchors.points_inside(start, pos);
                    match single_text(&events) {
                        Some((props, text)) if !inside.is_empty() => {
                            let mut from = 0;
                            for p in inside {
                                let cut = p - start;
                                if cut > from && text.is_char_boundary(cut) {
                                    write_run(
                                        &mut writer,
                                        &props,
                                        text.get(from..cut).unwrap_or_default(),
                                    )?;
                                    from = cut;
                                }
                                anchors.at(p, &mut writer, false)?;
                            }
                            write_run(&mut writer, &props, text.get(from..).unwrap_or_default())?;
                        }
                        _ => {
                            for e in &events {
                                writer.write_event(e.borrow()).map_err(xml_err)?;
                            }
                        }
                    }
                    anchors.at(pos, &mut writer, false)?;
                }
                continue;
            }
            // A paragraph's end closes what is still open in it.
            if matches!(&event, Event::End(e) if e.name().as_ref() == b"w:p") {
                anchors.at(pos, &mut writer, false)?;
            }
            writer.write_event(event.borrow()).map_err(xml_err)?;
        }
        String::from_utf8(writer.into_inner()).map_err(xml_err)
    }

    fn escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    /// `word/comments.xml` holding heshu's comments (after any already there).
    fn comments_xml(existing: Option<&str>, comments: &[Comment], first_id: usize) -> String {
        let mut ours = String::new();
        for (i, c) in comments.iter().enumerate() {
            ours.push_str(&format!(
                "<w:comment w:id=\"{}\" w:author=\"{AUTHOR}\" w:initials=\"HS\">",
                first_id + i
            ));
            for p in &c.paragraphs {
                ours.push_str(&format!(
                    "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                    escape(p)
                ));
            }
            ours.push_str("</w:comment>");
        }
        match existing.and_then(|x| x.rfind("</w:comments>").map(|i| (x, i))) {
            Some((x, i)) => format!("{}{ours}{}", x.get(..i).unwrap_or_default(), x.get(i..).unwrap_or_default()),
            None => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{ours}</w:comments>"
            ),
        }
    }

    const COMMENTS_TYPE: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
    const COMMENTS_REL: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

    fn with_content_type(types: &str) -> String {
        if types.contains("/word/comments.xml") {
            return types.to_owned();
        }
        let over =
            format!("<Override PartName=\"/word/comments.xml\" ContentType=\"{COMMENTS_TYPE}\"/>");
        match types.rfind("</Types>") {
            Some(i) => format!(
                "{}{over}{}",
                types.get(..i).unwrap_or_default(),
                types.get(i..).unwrap_or_default()
            ),
            None => types.to_owned(),
        }
    }

    fn with_relationship(rels: Option<&str>) -> String {
        let rel = format!("<Relationship Id=\"rIdHeshuComments\" Type=\"{COMMENTS_REL}\" Target=\"comments.xml\"/>");
        match rels {
            Some(r) if r.contains(COMMENTS_REL) => r.to_owned(),
            Some(r) => match r.rfind("</Relationships>") {
                Some(i) => format!("{}{rel}{}", r.get(..i).unwrap_or_default(), r.get(i..).unwrap_or_default()),
                None => r.to_owned(),
            },
            None => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rel}</Relationships>"
            ),
        }
    }

    fn read_entry(
        archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
        name: &str,
    ) -> Result<Option<String>, DocxError> {
        let entry = match archive.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(DocxError::Zip(e.to_string())),
        };
        let mut text = String::new();
        entry
            .take(super::MAX_DOCUMENT_BYTES)
            .read_to_string(&mut text)
            .map_err(|e| DocxError::Zip(e.to_string()))?;
        Ok(Some(text))
    }

    /// A copy of the .docx `original` with the comments added.
    pub(super) fn docx(original: &[u8], comments: &[Comment]) -> Result<Vec<u8>, DocxError> {
        let document_xml = super::document_xml(original)?;
        let mut archive = zip::ZipArchive::new(Cursor::new(original))
            .map_err(|e| DocxError::Zip(e.to_string()))?;
        if archive.len() > MAX_ENTRIES {
            return Err(DocxError::TooLarge(format!("{} entries", archive.len())));
        }
        let existing = read_entry(&mut archive, "word/comments.xml")?;
        // Our ids follow the document's own comments.
        let first_id = existing.as_deref().map_or(0, max_id);
        let body = document(
            &document_xml,
            comments,
            first_id,
            super::numbering(original),
        )?;
        let types = read_entry(&mut archive, "[Content_Types].xml")?.unwrap_or_default();
        let rels = read_entry(&mut archive, "word/_rels/document.xml.rels")?;
        let replaced: [(&str, String); 4] = [
            ("word/document.xml", body),
            (
                "word/comments.xml",
                comments_xml(existing.as_deref(), comments, first_id),
            ),
            ("[Content_Types].xml", with_content_type(&types)),
            (
                "word/_rels/document.xml.rels",
                with_relationship(rels.as_deref()),
            ),
        ];
        let mut out = Cursor::new(Vec::with_capacity(original.len() + 4096));
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            for i in 0..archive.len() {
                let entry = archive
                    .by_index_raw(i)
                    .map_err(|e| DocxError::Zip(e.to_string()))?;
                if replaced.iter().any(|(n, _)| *n == entry.name()) {
                    continue;
                }
                zip.raw_copy_file(entry)
                    .map_err(|e| DocxError::Zip(e.to_string()))?;
            }
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, text) in &replaced {
                zip.start_file(*name, options)
                    .map_err(|e| DocxError::Zip(e.to_string()))?;
                zip.write_all(text.as_bytes())
                    .map_err(|e| DocxError::Zip(e.to_string()))?;
            }
            zip.finish().map_err(|e| DocxError::Zip(e.to_string()))?;
        }
        Ok(out.into_inner())
    }

    /// One more than the largest `w:id` in a comments part.
    fn max_id(xml: &str) -> usize {
        xml.split("w:id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse::<usize>().ok())
            .max()
            .map_or(0, |m| m + 1)
    }
}

/// A copy of the .docx `original` with a Word comment anchored on each range.
pub fn annotate(original: &[u8], comments: &[Comment]) -> Result<Vec<u8>, DocxError> {
    annotate::docx(original, comments)
}

/// The `document.xml` text with comment ranges inserted (for tests and tools).
pub fn annotate_xml(xml: &str, comments: &[Comment]) -> Result<String, DocxError> {
    annotate::document(xml, comments, 0, Numbering::default())
}
