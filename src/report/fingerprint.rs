//! Fingerprints: what identifies a finding across edits elsewhere in its file.
//!
//! A fingerprint hashes the rule, the file's path, the text of every figure involved and a few
//! characters around the primary span on its own line — never line numbers — with FNV-1a 64, which is stable across
//! heshu versions and platforms. A line inserted above a finding leaves it unchanged; editing the
//! figures or the words right around them changes it.

use crate::model::diagnostic::Diagnostic;
use crate::model::span::{ceil_char_boundary, floor_char_boundary};
use crate::model::Document;

/// Characters of context taken on each side of the primary span.
const CONTEXT: usize = 8;
/// Bytes looked at on each side of the primary span for its context: far more than
/// [`CONTEXT`] characters and the white space between them take in any report.
const CONTEXT_WINDOW: usize = 4096;
/// A figure's text longer than this many bytes is hashed by its edges.
const LONG: usize = 256;
/// Characters hashed at each edge of a long text.
const EDGE: usize = 32;

/// FNV-1a, 64 bits.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Hash more bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// Hash a field and a separator that no text contains.
    pub fn field(&mut self, text: &str) {
        self.write(text.as_bytes());
        self.write(&[0xff]);
    }

    /// Hash characters as the UTF-8 bytes of the string they make, then a separator (no
    /// string is built: a run writes a fingerprint for every finding).
    pub fn chars_field(&mut self, chars: impl Iterator<Item = char>) {
        let mut buf = [0u8; 4];
        for c in chars {
            self.write(c.encode_utf8(&mut buf).as_bytes());
        }
        self.write(&[0xff]);
    }

    /// Hash a path as [`normal_path`] writes it, then a separator, without building it.
    pub fn path_field(&mut self, path: &str) {
        let bytes = path.as_bytes();
        // `normal_path` turns `\` into `/` first, then drops one leading `./`.
        let rest = match bytes {
            [b'.', b'/' | b'\\', rest @ ..] => rest,
            _ => bytes,
        };
        for b in rest {
            self.write(&[if *b == b'\\' { b'/' } else { *b }]);
        }
        self.write(&[0xff]);
    }

    /// The hash.
    pub fn finish(&self) -> u64 {
        self.0
    }

    /// Hash the characters of a text that are not white space, then a separator. A long text
    /// (a repeated paragraph) counts by its length and its first and last characters: enough to
    /// tell findings apart, and cheap however long the passage.
    pub fn squeezed_field(&mut self, text: &str) {
        // The bytes of the runs between white space are the bytes of the characters that are
        // not white space, in order.
        if text.len() > LONG {
            let head = text.char_indices().nth(EDGE).map_or(text.len(), |(i, _)| i);
            let tail = text.char_indices().rev().nth(EDGE).map_or(0, |(i, _)| i);
            self.write(&(text.len() as u64).to_le_bytes());
            for part in [
                text.get(..head).unwrap_or_default(),
                text.get(tail.max(head)..).unwrap_or_default(),
            ] {
                for run in part.split(char::is_whitespace) {
                    self.write(run.as_bytes());
                }
            }
        } else {
            for run in text.split(char::is_whitespace) {
                self.write(run.as_bytes());
            }
        }
        self.write(&[0xff]);
    }

    /// The hash as 16 hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// The path as it identifies a file in a baseline: forward slashes, no leading `./`.
pub fn normal_path(path: &str) -> String {
    let p = path.replace('\\', "/");
    p.strip_prefix("./").unwrap_or(&p).to_owned()
}

/// The fingerprint of a diagnostic of `doc`, read from `path`.
pub fn of(path: &str, doc: &Document, d: &Diagnostic) -> String {
    let mut h = Fnv::default();
    h.field(d.rule);
    h.path_field(path);
    for l in &d.labels {
        h.squeezed_field(doc.slice(l.span));
    }
    // Context from the finding's own line only: lines added or removed around it change nothing.
    let text = doc.text.as_str();
    let start = d.span.start.min(text.len());
    let end = d.span.end.min(text.len());
    // The context stops at the line's ends, looked for within a window only: the context is a
    // few characters, and a line may run to megabytes (looking to its ends for every finding
    // would be quadratic). Each side is read outwards from the finding, only as far as its
    // characters go.
    let window_start = floor_char_boundary(text, start.saturating_sub(CONTEXT_WINDOW));
    let window_end = ceil_char_boundary(text, end.saturating_add(CONTEXT_WINDOW));
    let on_line = |c: &char| !matches!(c, '\n' | '\r');
    let before = text
        .get(window_start..start)
        .unwrap_or_default()
        .chars()
        .rev()
        .take_while(on_line)
        .filter(|c| !c.is_whitespace())
        .take(CONTEXT);
    h.chars_field(before);
    h.squeezed_field(doc.slice(d.span));
    let after = text
        .get(end..window_end)
        .unwrap_or_default()
        .chars()
        .take_while(on_line)
        .filter(|c| !c.is_whitespace())
        .take(CONTEXT);
    h.chars_field(after);
    h.hex()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The squeezed field as first written (character by character): baselines hold fingerprints
    /// made by it, so the faster form must hash the same bytes.
    fn reference(text: &str) -> u64 {
        let mut h = Fnv::default();
        let parts = if text.len() > LONG {
            h.write(&(text.len() as u64).to_le_bytes());
            let head = text.char_indices().nth(EDGE).map_or(text.len(), |(i, _)| i);
            let tail = text.char_indices().rev().nth(EDGE).map_or(0, |(i, _)| i);
            vec![&text[..head], &text[tail.max(head)..]]
        } else {
            vec![text]
        };
        let mut buf = [0u8; 4];
        for c in parts
            .iter()
            .flat_map(|p| p.chars())
            .filter(|c| !c.is_whitespace())
        {
            h.write(c.encode_utf8(&mut buf).as_bytes());
        }
        h.write(&[0xff]);
        h.finish()
    }

    #[test]
    fn paths_and_characters_hash_as_the_strings_they_make() {
        for path in [
            "a/b.txt",
            "./a/b.txt",
            ".\\a\\b.txt",
            "a\\b.txt",
            ".",
            "./",
            "",
            ".x",
        ] {
            let (mut built, mut direct) = (Fnv::default(), Fnv::default());
            built.field(&normal_path(path));
            direct.path_field(path);
            assert_eq!(built.finish(), direct.finish(), "{path:?}");
        }
        let text = "共有 行政村190个";
        let (mut built, mut direct) = (Fnv::default(), Fnv::default());
        built.field(&text.chars().rev().collect::<String>());
        direct.chars_field(text.chars().rev());
        assert_eq!(built.finish(), direct.finish());
    }

    /// The fingerprint as first written: the line's ends found by searching the window, then the
    /// context taken between them. Baselines hold fingerprints made by it.
    fn reference_of(path: &str, doc: &Document, d: &Diagnostic) -> String {
        let mut h = Fnv::default();
        h.field(d.rule);
        h.path_field(path);
        for l in &d.labels {
            h.squeezed_field(doc.slice(l.span));
        }
        let text = doc.text.as_str();
        let (start, end) = (d.span.start.min(text.len()), d.span.end.min(text.len()));
        let bytes = text.as_bytes();
        let window_start = floor_char_boundary(text, start.saturating_sub(CONTEXT_WINDOW));
        let window_end = ceil_char_boundary(text, end.saturating_add(CONTEXT_WINDOW));
        let line_start = memchr::memrchr2(b'\n', b'\r', &bytes[window_start..start])
            .map_or(window_start, |i| window_start + i + 1);
        let line_end =
            memchr::memchr2(b'\n', b'\r', &bytes[end..window_end]).map_or(window_end, |i| end + i);
        let not_space = |c: &char| !c.is_whitespace();
        h.chars_field(
            text[line_start..start]
                .chars()
                .rev()
                .filter(not_space)
                .take(CONTEXT),
        );
        h.squeezed_field(doc.slice(d.span));
        h.chars_field(text[end..line_end].chars().filter(not_space).take(CONTEXT));
        h.hex()
    }

    #[test]
    fn context_is_read_from_the_finding_outwards_as_it_always_was() {
        use crate::model::diagnostic::{Label, Severity};
        use crate::model::span::Span;
        let long_line = "全县共有行政村190个，其中脱贫村148个。".repeat(200);
        let texts = [
            "反馈问题47个，已整改完成44个，其余4个。".to_owned(),
            "第一行\n反馈 问题 47个\r\n已整改\r完成44个\n".to_owned(),
            "47个\n\n".to_owned(),
            format!("{long_line}\n反馈问题47个，{long_line}"),
            format!("  \u{3000}47个 \t {long_line}"),
        ];
        for text in &texts {
            let doc = crate::grammar::document::parse(text);
            let spans = text
                .char_indices()
                .step_by(7)
                .map(|(i, c)| Span::new(i, i + c.len_utf8()))
                .chain([Span::new(0, text.len()), Span::new(text.len(), text.len())]);
            for span in spans {
                let d = Diagnostic {
                    rule: "sum-mismatch",
                    severity: Severity::Error,
                    message: String::new(),
                    help: None,
                    span,
                    labels: vec![Label::new(span, "")],
                };
                assert_eq!(
                    of("a.txt", &doc, &d),
                    reference_of("a.txt", &doc, &d),
                    "{span:?}"
                );
            }
        }
    }

    #[test]
    fn squeezed_field_hashes_as_it_always_did() {
        let long = "全县 共有\u{3000}行政村190个，其中\t脱贫村148个。".repeat(20);
        for text in [
            "",
            " ",
            "反馈问题47个, 已整改完成44个",
            "\u{3000}全角空格\u{2003}与 em 空格 ",
            "  首尾  ",
            long.as_str(),
        ] {
            let mut h = Fnv::default();
            h.squeezed_field(text);
            assert_eq!(h.finish(), reference(text), "{text:?}");
        }
    }
}
