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

use super::{Counts, FileReport, Located, LocatedSpan};
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

/// Pretty JSON as `serde_json`'s pretty printer writes it, from a given depth: a value rendered
/// on its own comes out indented for its place in the whole report, so that threads can render
/// the entries of files (and the runs of a large file's findings) side by side.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn line(&self, w: &mut (impl std::io::Write + ?Sized), lead: &[u8]) -> std::io::Result<()> {
        // The line end and the indentation in one write (the report is nested a few levels).
        const SPACES: [u8; 32] = [b' '; 32];
        let mut buf = [0u8; 34];
        let mut rest = 2 * self.depth;
        let first = rest.min(SPACES.len());
        let lead = lead.get(..lead.len().min(2)).unwrap_or_default();
        if let Some(part) = buf.get_mut(..lead.len()) {
            part.copy_from_slice(lead);
        }
        if let Some(part) = buf.get_mut(lead.len()..lead.len() + first) {
            part.copy_from_slice(SPACES.get(..first).unwrap_or_default());
        }
        w.write_all(buf.get(..lead.len() + first).unwrap_or_default())?;
        rest -= first;
        while rest > 0 {
            let more = rest.min(SPACES.len());
            w.write_all(SPACES.get(..more).unwrap_or_default())?;
            rest -= more;
        }
        Ok(())
    }

    fn open(&mut self, w: &mut (impl std::io::Write + ?Sized), c: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(c)
    }

    fn close(&mut self, w: &mut (impl std::io::Write + ?Sized), c: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, b"\n")?;
        }
        w.write_all(c)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, if first { b"\n" } else { b",\n" })
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, if first { b"\n" } else { b",\n" })
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Append `value` as pretty JSON at `depth` (its first line not indented: the caller placed it).
fn push_value(out: &mut Vec<u8>, value: &impl Serialize, depth: usize) {
    let formatter = Nested {
        depth,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(out, formatter);
    // Writing to memory fails only if a value cannot be serialized, and report values can.
    let _ = value.serialize(&mut ser);
}

/// The depth of a file's entry in the report: `{` › `"files": [` › the entry.
const FILE_DEPTH: usize = 2;

/// A run of a file's findings as elements of its `diagnostics` list in the pretty report (each
/// on its own lines, joined by `,`): what the threads render side by side (see [`render_entry`]).
pub fn render_diagnostics(diagnostics: &[Located]) -> Vec<u8> {
    let mut out = Vec::with_capacity(diagnostics.len() * 1024);
    for (i, d) in diagnostics.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"" } else { b",\n" });
        pad(&mut out, FILE_DEPTH + 2);
        write_located(&mut out, d, FILE_DEPTH + 2);
    }
    out
}

/// Two spaces for each level of `depth`.
fn pad(out: &mut Vec<u8>, depth: usize) {
    out.extend(std::iter::repeat_n(b' ', 2 * depth));
}

/// `"key": ` on a line of its own at `depth`, after a `,` unless it is the first.
fn key(out: &mut Vec<u8>, name: &str, depth: usize, first: bool) {
    out.extend_from_slice(if first { b"\n" } else { b",\n" });
    pad(out, depth);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
}

/// A JSON string or number as serde_json writes it.
fn scalar(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) {
    // Writing to memory fails only if a value cannot be serialized, and these can.
    let _ = serde_json::to_writer(&mut *out, value);
}

fn write_span(out: &mut Vec<u8>, s: &LocatedSpan, depth: usize) {
    out.push(b'{');
    let fields = [
        ("start", s.start),
        ("end", s.end),
        ("line", s.line),
        ("column", s.column),
        ("end_line", s.end_line),
        ("end_column", s.end_column),
    ];
    for (i, (name, value)) in fields.into_iter().enumerate() {
        key(out, name, depth + 1, i == 0);
        scalar(out, &value);
    }
    out.push(b'\n');
    pad(out, depth);
    out.push(b'}');
}

/// A finding as pretty JSON at `depth`, its first line not indented, byte for byte what
/// serializing it with [`push_value`] gives (a unit test holds them equal), without the
/// serializer's machinery: a large file's report writes tens of thousands of them.
fn write_located(out: &mut Vec<u8>, d: &Located, depth: usize) {
    let inner = depth + 1;
    out.push(b'{');
    key(out, "rule", inner, true);
    scalar(out, d.rule);
    key(out, "severity", inner, false);
    scalar(out, &d.severity);
    key(out, "message", inner, false);
    scalar(out, d.message.as_str());
    key(out, "help", inner, false);
    scalar(out, &d.help);
    key(out, "span", inner, false);
    write_span(out, &d.span, inner);
    key(out, "labels", inner, false);
    out.push(b'[');
    for (i, l) in d.labels.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        pad(out, inner + 1);
        out.push(b'{');
        key(out, "span", inner + 2, true);
        write_span(out, &l.span, inner + 2);
        key(out, "message", inner + 2, false);
        scalar(out, l.message.as_str());
        out.push(b'\n');
        pad(out, inner + 1);
        out.push(b'}');
    }
    if !d.labels.is_empty() {
        out.push(b'\n');
        pad(out, inner);
    }
    out.push(b']');
    key(out, "fingerprint", inner, false);
    scalar(out, d.fingerprint.as_str());
    out.push(b'\n');
    pad(out, depth);
    out.push(b'}');
}

/// A file's entry in the `files` list of the pretty report, in pieces to be written one after
/// the other, its findings given as runs rendered by [`render_diagnostics`] (empty runs stand for
/// none). The runs become pieces as they are: a large file's report is never copied whole.
pub fn render_entry(file: &FileReport, runs: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    let mut runs: Vec<Vec<u8>> = runs.into_iter().filter(|r| !r.is_empty()).collect();
    let pad = |depth: usize| b" ".repeat(2 * depth);
    let mut head = Vec::with_capacity(256);
    let key = |out: &mut Vec<u8>, name: &str, first: bool| {
        out.extend_from_slice(if first { b"{\n" } else { b",\n" });
        out.extend_from_slice(&pad(FILE_DEPTH + 1));
        out.extend_from_slice(format!("\"{name}\": ").as_bytes());
    };
    head.extend_from_slice(&pad(FILE_DEPTH));
    key(&mut head, "path", true);
    push_value(&mut head, &file.path, FILE_DEPTH + 1);
    if let Some(encoding) = file.encoding {
        key(&mut head, "encoding", false);
        push_value(&mut head, &encoding, FILE_DEPTH + 1);
    }
    if let Err(error) = &file.outcome {
        key(&mut head, "error", false);
        push_value(&mut head, error, FILE_DEPTH + 1);
    }
    key(&mut head, "diagnostics", false);
    let mut tail = Vec::with_capacity(16);
    if runs.is_empty() {
        head.extend_from_slice(b"[]");
    } else {
        head.extend_from_slice(b"[\n");
        let last = runs.len() - 1;
        for run in runs.iter_mut().take(last) {
            run.extend_from_slice(b",\n");
        }
        tail.extend_from_slice(b"\n");
        tail.extend_from_slice(&pad(FILE_DEPTH + 1));
        tail.extend_from_slice(b"]");
    }
    tail.extend_from_slice(b"\n");
    tail.extend_from_slice(&pad(FILE_DEPTH));
    tail.extend_from_slice(b"}");
    let mut pieces = Vec::with_capacity(runs.len() + 2);
    pieces.push(head);
    pieces.extend(runs);
    pieces.push(tail);
    pieces
}

/// Writes the JSON report as the files come, in order: each file's entry as its thread rendered
/// it ([`FileReport::json`]; rendered here when empty), then the summary. The bytes are those of
/// serializing [`report`] with `serde_json::to_writer_pretty`, and a line end; only the counts
/// are kept, so a report of many files is never held in memory.
pub struct StreamWriter<W: std::io::Write> {
    out: W,
    files: usize,
    counts: Counts,
}

impl<W: std::io::Write> StreamWriter<W> {
    /// Start the report.
    pub fn new(mut out: W) -> std::io::Result<Self> {
        out.write_all(
            format!("{{\n  \"version\": {CHECK_JSON_VERSION},\n  \"files\": [").as_bytes(),
        )?;
        Ok(Self {
            out,
            files: 0,
            counts: Counts::default(),
        })
    }

    /// Write the next file's entry.
    pub fn entry(&mut self, file: &FileReport) -> std::io::Result<()> {
        self.out
            .write_all(if self.files == 0 { b"\n" } else { b",\n" })?;
        let rendered;
        let pieces = if file.json.is_empty() {
            let diagnostics = file.outcome.as_deref().unwrap_or(&[]);
            rendered = render_entry(file, vec![render_diagnostics(diagnostics)]);
            &rendered
        } else {
            &file.json
        };
        for piece in pieces {
            self.out.write_all(piece)?;
        }
        self.files += 1;
        self.counts.add(file);
        Ok(())
    }

    /// Close the list of files, write the summary, and hand the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out
            .write_all(if self.files == 0 { b"]" } else { b"\n  ]" })?;
        let summary = SummaryJson {
            files: self.files,
            errors: self.counts.errors,
            warnings: self.counts.warnings,
            infos: self.counts.infos,
        };
        let mut text = b",\n  \"summary\": ".to_vec();
        push_value(&mut text, &summary, 1);
        text.extend_from_slice(b"\n}\n");
        self.out.write_all(&text)?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::LocatedLabel;

    /// The hand-written form is byte for byte the serializer's: escapes, `null` help, no labels,
    /// several labels, non-ASCII text, numbers from 0 to the largest, deep indents.
    #[test]
    fn written_findings_are_what_serde_writes() {
        let span = |at: usize| LocatedSpan {
            start: at,
            end: at + 7,
            line: 3,
            column: at + 1,
            end_line: 4,
            end_column: 2,
        };
        let label = |at: usize, message: &str| LocatedLabel {
            span: span(at),
            message: message.to_owned(),
        };
        let cases = [
            (None, vec![]),
            (
                Some("44个 + 4个 = 48个，但总数为 47个".to_owned()),
                vec![label(5, "总数 47个")],
            ),
            (
                Some("quote \" backslash \\ tab \t newline \n bell \u{7}".to_owned()),
                vec![
                    label(0, "部分 “44个”"),
                    label(1_000_000, ""),
                    label(9, "\u{1f600}"),
                    LocatedLabel {
                        span: LocatedSpan {
                            start: 0,
                            end: usize::MAX,
                            line: 10,
                            column: 99,
                            end_line: 100,
                            end_column: 1234567890,
                        },
                        message: "delete \u{7f} unit separator \u{1f} end".to_owned(),
                    },
                ],
            ),
        ];
        for (help, labels) in cases {
            let d = Located {
                rule: "sum-mismatch",
                severity: crate::model::diagnostic::Severity::Warning,
                message: "各部分之和与总数 47个 不符 \"引号\"".to_owned(),
                help,
                span: span(12),
                labels,
                fingerprint: "0123456789abcdef".to_owned(),
            };
            for depth in [0, 4, 20] {
                let mut serde = Vec::new();
                push_value(&mut serde, &d, depth);
                let mut written = Vec::new();
                write_located(&mut written, &d, depth);
                assert_eq!(
                    String::from_utf8_lossy(&written),
                    String::from_utf8_lossy(&serde)
                );
            }
        }
    }

    fn located(rule: &'static str, at: usize) -> Located {
        let span = LocatedSpan {
            start: at,
            end: at + 3,
            line: 1,
            column: at + 1,
            end_line: 1,
            end_column: at + 2,
        };
        Located {
            rule,
            severity: crate::model::diagnostic::Severity::Error,
            message: "总数不符：\"引号\"\\".into(),
            help: if at % 2 == 0 {
                None
            } else {
                Some("44 + 4 = 48".into())
            },
            span: span.clone(),
            labels: vec![LocatedLabel {
                span,
                message: "标签".into(),
            }],
            fingerprint: "0123456789abcdef".into(),
        }
    }

    fn file(path: &str, outcome: Result<Vec<Located>, String>) -> FileReport {
        FileReport {
            path: path.into(),
            encoding: outcome.is_ok().then_some("utf-8"),
            outcome,
            human: String::new(),
            json: Vec::new(),
        }
    }

    fn streamed(files: &[FileReport]) -> String {
        let mut writer = StreamWriter::new(Vec::new()).expect("writing to memory");
        for f in files {
            writer.entry(f).expect("writing to memory");
        }
        String::from_utf8(writer.finish().expect("writing to memory")).expect("UTF-8")
    }

    #[test]
    fn streamed_report_is_the_serialized_one() {
        let sets = vec![
            vec![],
            vec![file("a.txt", Ok(vec![]))],
            vec![
                file("a \"b\".txt", Ok(vec![located("placeholder", 0)])),
                file("bad.txt", Err("cannot read: \"x\"".into())),
                file("c.txt", Ok((0..5).map(|i| located("residue", i)).collect())),
            ],
        ];
        for mut files in sets {
            let expected =
                serde_json::to_string_pretty(&report(&files)).expect("serializes") + "\n";
            assert_eq!(streamed(&files), expected);
            // Entries rendered beforehand, findings in runs, as threads render them.
            for f in &mut files {
                let ds = f.outcome.as_deref().unwrap_or(&[]);
                let runs: Vec<Vec<u8>> = ds.chunks(2).map(render_diagnostics).collect();
                f.json = render_entry(f, runs);
            }
            assert_eq!(streamed(&files), expected);
        }
    }
}
