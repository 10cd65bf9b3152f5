//! Byte spans into the decoded UTF-8 text, and their conversion to lines and character columns.

use serde::Serialize;

/// A byte range `[start, end)` into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The same span `by` bytes further on (a segment's span in its whole text).
    pub fn shifted(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text under the span.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The nearest character boundary of `text` at or before `at` (the text's end if past it).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary of `text` at or after `at` (the text's end if past it).
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Line starts of a text, to turn byte offsets into 1-based lines and character columns.
///
/// Within a long line, a checkpoint every [`CHECKPOINT`] bytes remembers its character column, so
/// locating an offset counts at most that many bytes of characters: locating every finding of a
/// 100 MB line with no break stays linear.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: LineStarts,
    /// (byte offset, 0-based character column) inside lines longer than [`CHECKPOINT`], in order.
    checkpoints: Vec<(usize, usize)>,
}

/// The byte offsets where lines start: four bytes each for a text under 4 GiB (a text of a million
/// short lines keeps its memory bound), eight beyond.
#[derive(Debug, Clone)]
enum LineStarts {
    Short(Vec<u32>),
    Long(Vec<usize>),
}

impl LineStarts {
    fn get(&self, line: usize) -> Option<usize> {
        match self {
            LineStarts::Short(v) => v.get(line).map(|&s| s as usize),
            LineStarts::Long(v) => v.get(line).copied(),
        }
    }

    /// The number of lines that start at or before `offset`.
    fn count_up_to(&self, offset: usize) -> usize {
        match self {
            LineStarts::Short(v) => v.partition_point(|&s| s as usize <= offset),
            LineStarts::Long(v) => v.partition_point(|&s| s <= offset),
        }
    }
}

/// The offsets where the lines of `bytes` start: 0, and after each `\n`, `\r\n` or lone `\r`.
fn line_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut from = 0;
    std::iter::once(0).chain(std::iter::from_fn(move || loop {
        let i = memchr::memchr2(b'\n', b'\r', bytes.get(from..).unwrap_or_default())? + from;
        from = i + 1;
        // A `\r` right before `\n` ends no line of its own.
        if bytes.get(i) == Some(&b'\n') || bytes.get(i + 1) != Some(&b'\n') {
            return Some(i + 1);
        }
    }))
}

/// Bytes between two column checkpoints of a long line.
const CHECKPOINT: usize = 16 * 1024;

impl LineIndex {
    /// Index the line starts of `text` (`\n`, `\r\n` and lone `\r` end lines).
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Reserved once: growing by doubling would hold twice the memory at the peak.
        let count = memchr::memchr2_iter(b'\n', b'\r', bytes).count() + 1;
        let starts = if u32::try_from(text.len()).is_ok() {
            let mut v = Vec::with_capacity(count);
            // Every start is at most the text's length, which fits.
            v.extend(line_starts(bytes).map(|s| u32::try_from(s).unwrap_or(u32::MAX)));
            LineStarts::Short(v)
        } else {
            let mut v = Vec::with_capacity(count);
            v.extend(line_starts(bytes));
            LineStarts::Long(v)
        };
        let mut checkpoints = Vec::new();
        let lines = starts.count_up_to(text.len());
        for line in 0..lines {
            let start = starts.get(line).unwrap_or(text.len());
            let end = starts.get(line + 1).unwrap_or(text.len());
            let (mut at, mut column) = (start, 0);
            while end.saturating_sub(at) > CHECKPOINT {
                let next = ceil_char_boundary(text, at + CHECKPOINT);
                column += text.get(at..next).map_or(0, |s| s.chars().count());
                checkpoints.push((next, column));
                at = next;
            }
        }
        Self {
            starts,
            checkpoints,
        }
    }

    /// The byte offset where a line starts (0-based line), if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line)
    }

    /// 1-based line and 1-based column counted in characters, for a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.count_up_to(offset).saturating_sub(1);
        let line_start = self.starts.get(line).unwrap_or(0);
        // The last checkpoint at or before the offset, if it lies on this line.
        let mark = self
            .checkpoints
            .partition_point(|(at, _)| *at <= offset)
            .checked_sub(1)
            .and_then(|i| self.checkpoints.get(i))
            .filter(|(at, _)| *at > line_start);
        let (from, column) = mark.copied().unwrap_or((line_start, 0));
        let col = column + text.get(from..offset).map_or(0, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "一二\n三四五6";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        let six = text.find('6').unwrap();
        assert_eq!(idx.line_col(text, six), (2, 4));
        let crlf = "a\r\nb\rc";
        let idx = LineIndex::new(crlf);
        assert_eq!(idx.line_col(crlf, 3), (2, 1));
        assert_eq!(idx.line_col(crlf, 5), (3, 1));
    }

    #[test]
    fn columns_in_long_lines_agree_with_counting() {
        let text = format!("首行\n{}尾\n末", "一a二bc三".repeat(20_000));
        let idx = LineIndex::new(&text);
        for offset in (0..text.len())
            .step_by(997)
            .filter(|o| text.is_char_boundary(*o))
        {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() + 1;
            let column = text[line_start..offset].chars().count() + 1;
            assert_eq!(
                idx.line_col(&text, offset),
                (line, column),
                "offset {offset}"
            );
        }
    }
}
