//! Report text into a [`Document`]: blocks (headings and paragraphs), sentences and clauses, found
//! in one walk over the characters together with the figures, marker words and conjunctions; then
//! the claims with their subjects, markers and readings.

use super::figures::{self, FigureKind};
use super::lexicon::Lexicon;
use super::numerals as number;
use super::segment;
use super::settings::Grammar;
use crate::model::span::{ceil_char_boundary, LineIndex, Span};
use crate::model::Text;
use crate::model::{
    Block, Claim, Clause, Document, Figure, Heading, HeadingStyle, Marker, MarkerKind, MarkerSet,
    Quantity, Reading, Sentence,
};
use crate::threads::threads;
use std::ops::Range;

/// Parse report text into a [`Document`] with the built-in lexicon and nearest rounding.
pub fn parse(text: &str) -> Document {
    parse_with(text, &Grammar::default())
}

/// Parse report text into a [`Document`] with the given grammar settings.
pub fn parse_with(text: &str, g: &Grammar) -> Document {
    parse_owned(text.to_owned(), g)
}

impl Grammar {
    /// Parse report text into a [`Document`].
    pub fn parse(&self, text: &str) -> Document {
        parse_with(text, self)
    }

    /// Parse report text, taking ownership of it (no copy of a large text).
    pub fn parse_owned(&self, text: String) -> Document {
        parse_owned(text, self)
    }

    /// Parse report text into `doc`, replacing what it held and reusing its buffers: a thread
    /// that parses text after text allocates (and faults in fresh pages) once, not each time.
    pub fn parse_into(&self, text: &str, doc: &mut Document) {
        parse_into(text, self, doc)
    }
}

/// Texts at least this long are parsed in parallel chunks (their blocks are independent).
pub const PARALLEL_MIN: usize = 4 * 1024 * 1024;

/// Parse report text, taking ownership of it (no copy).
pub fn parse_owned(text: String, g: &Grammar) -> Document {
    let mut doc = if text.len() >= PARALLEL_MIN && threads() > 1 {
        let threads = threads();
        let bounds = chunk_bounds(&text, threads);
        let parts: Vec<Document> = std::thread::scope(|scope| {
            let handles: Vec<_> = bounds
                .windows(2)
                .filter_map(|w| match w {
                    [from, to] => Some((*from, *to)),
                    _ => None,
                })
                .map(|(from, to)| {
                    let text = text.as_str();
                    scope.spawn(move || parse_range(text, Span::new(from, to), g))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        merge(parts)
    } else {
        parse_range(&text, Span::new(0, text.len()), g)
    };
    doc.lines = LineIndex::new(&text);
    doc.text = text.into();
    super::relations::relate(g.lexicon, &mut doc);
    doc
}

/// Boundaries of segments of about `len` bytes each: at line starts (see [`chunk_bounds`]) where a
/// line ends within `len` bytes of the cut; inside a longer line, after the next sentence end
/// (`。！？`), or failing that (no prose) after the next clause separator or space, or
/// at the next character. A segment that starts inside a line continues its predecessor's block.
pub fn segment_bounds(text: &str, len: usize) -> Vec<usize> {
    let len = len.max(1);
    let n = text.len().div_ceil(len).max(1);
    let mut bounds = vec![0];
    for i in 1..n {
        let from = (text.len() / n)
            .saturating_mul(i)
            .max(*bounds.last().unwrap_or(&0));
        let at = line_bound(text, from, len).unwrap_or_else(|| mid_line_bound(text, from, len));
        if at > *bounds.last().unwrap_or(&0) && at < text.len() {
            bounds.push(at);
        }
    }
    bounds.push(text.len());
    bounds
}

/// Whether a segment starting at `at` starts inside a line (see [`segment_bounds`]).
pub fn starts_mid_line(text: &str, at: usize) -> bool {
    at > 0 && !matches!(text.as_bytes().get(at - 1), Some(b'\n' | b'\r'))
}

/// Whether a segment starting at `at` starts inside a sentence: inside a line, and right after no
/// sentence end.
pub fn starts_mid_sentence(text: &str, at: usize) -> bool {
    starts_mid_line(text, at)
        && !text
            .get(..at)
            .and_then(|before| before.chars().next_back())
            .is_some_and(is_sentence_end)
}

/// A cut inside a long line at or after `from`: after a sentence end within `len` bytes, else
/// after a character that is no letter or digit; never where a heading number would seem to start
/// (the segment's parse would take it for a heading).
fn mid_line_bound(text: &str, from: usize, len: usize) -> usize {
    let mut at = from;
    for _ in 0..MID_LINE_TRIES {
        at = sentence_bound(text, at, len).unwrap_or_else(|| word_bound(text, at));
        let rest = text.get(at..).unwrap_or_default();
        if at >= text.len() || (heading_number(rest).is_none() && !rest.starts_with(is_blank)) {
            break;
        }
    }
    at
}

/// Candidate cuts tried inside a long line before one is taken as it is.
const MID_LINE_TRIES: usize = 64;

/// The first line start after `from` within `within` bytes whose line does not start with a digit
/// (it may continue a numbered list).
fn line_bound(text: &str, from: usize, within: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let limit = from.saturating_add(within).min(bytes.len());
    let mut at = from;
    loop {
        let nl = memchr::memchr(b'\n', bytes.get(at..limit)?)?;
        at += nl + 1;
        if !bytes.get(at).is_some_and(u8::is_ascii_digit) {
            return Some(at);
        }
    }
}

/// Just after the first sentence end (`。！？`) after `from` within `within` bytes.
fn sentence_bound(text: &str, from: usize, within: usize) -> Option<usize> {
    let limit = from.saturating_add(within).min(text.len());
    let from = ceil_char_boundary(text, from);
    let (i, c) = text
        .get(from..limit)?
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '？'))?;
    Some(from + i + c.len_utf8())
}

/// Just after the first clause separator or space at or after `from` (within 256 bytes), else
/// the first character boundary: where no figure can be cut (a point or a sign can stand inside
/// one).
fn word_bound(text: &str, from: usize) -> usize {
    let at = ceil_char_boundary(text, from);
    let near = text
        .get(at..)
        .unwrap_or_default()
        .char_indices()
        .take_while(|(i, _)| *i < 256);
    for (i, c) in near {
        if c.is_whitespace() || matches!(c, '，' | '、' | '；' | '：' | ',' | ';') {
            return at + i + c.len_utf8();
        }
    }
    at
}

/// A document of a text's blocks and sentences only, without clauses, figures, markers or claims
/// (the sentences' clause and claim ranges are empty): what the document-scoped rules read of a
/// text checked in segments (see the rules' `Scope`). Its line index is left empty: the caller
/// builds it beside the document-scoped rules, which read no lines (see
/// `crate::check::check_segmented`).
pub fn outline(text: Text, blocks: Vec<Block>, sentences: Vec<Sentence>) -> Document {
    let mut doc = empty();
    doc.blocks = blocks;
    doc.sentences = sentences;
    doc.text = text;
    doc
}

/// Chunk boundaries at line starts, about `n` equal parts; a line that starts with a digit is
/// never a chunk's first (it may continue a numbered list of the chunk before).
fn chunk_bounds(text: &str, n: usize) -> Vec<usize> {
    let mut bounds = vec![0];
    for i in 1..n {
        let mut at = text.len() * i / n;
        loop {
            match memchr::memchr(
                b'\n',
                text.as_bytes()
                    .get(at.min(text.len())..)
                    .unwrap_or_default(),
            ) {
                Some(nl) => at += nl + 1,
                None => {
                    at = text.len();
                    break;
                }
            }
            if !text.as_bytes().get(at).is_some_and(u8::is_ascii_digit) {
                break;
            }
        }
        if at > *bounds.last().unwrap_or(&0) && at < text.len() {
            bounds.push(at);
        }
    }
    bounds.push(text.len());
    bounds
}

/// Join the documents of consecutive chunks into one, re-basing every index.
fn merge(parts: Vec<Document>) -> Document {
    // Reserve the whole once: growing by doubling would hold twice the memory at the peak.
    let total = |f: fn(&Document) -> usize| parts.iter().map(f).sum::<usize>();
    let sizes = (
        total(|d| d.blocks.len()),
        total(|d| d.sentences.len()),
        total(|d| d.clauses.len()),
        total(|d| d.markers.len()),
        total(|d| d.conjunctions.len()),
        total(|d| d.claims.len()),
        total(|d| d.figures.len()),
    );
    let mut parts = parts.into_iter();
    let Some(mut doc) = parts.next() else {
        return empty();
    };
    doc.blocks.reserve_exact(sizes.0 - doc.blocks.len());
    doc.sentences.reserve_exact(sizes.1 - doc.sentences.len());
    doc.clauses.reserve_exact(sizes.2 - doc.clauses.len());
    doc.markers.reserve_exact(sizes.3 - doc.markers.len());
    doc.conjunctions
        .reserve_exact(sizes.4 - doc.conjunctions.len());
    doc.claims.reserve_exact(sizes.5 - doc.claims.len());
    doc.figures.reserve_exact(sizes.6 - doc.figures.len());
    for part in parts {
        let (b, s, c, m, j, k) = (
            doc.blocks.len(),
            doc.sentences.len(),
            doc.clauses.len(),
            doc.markers.len(),
            doc.conjunctions.len(),
            doc.claims.len(),
        );
        let shift = |r: &Range<usize>, by: usize| r.start + by..r.end + by;
        doc.blocks.extend(part.blocks.into_iter().map(|mut x| {
            x.set_sentences(shift(&x.sentence_range(), s));
            x
        }));
        doc.sentences
            .extend(part.sentences.into_iter().map(|mut x| {
                x.block += b;
                x.clauses = shift(&x.clauses, c);
                x.claims = shift(&x.claims, k);
                x
            }));
        doc.clauses.extend(part.clauses.into_iter().map(|mut x| {
            x.sentence += s;
            x.claims = shift(&x.claims, k);
            x.markers = shift(&x.markers, m);
            x.conjunctions = shift(&x.conjunctions, j);
            x
        }));
        doc.markers.extend(part.markers.into_iter().map(|mut x| {
            x.clause += c;
            x
        }));
        doc.conjunctions.extend(part.conjunctions);
        doc.empty_items.extend(part.empty_items);
        doc.claims.extend(part.claims.into_iter().map(|mut x| {
            x.clause += c;
            x.sentence += s;
            x
        }));
        doc.figures.extend(part.figures.into_iter().map(|mut x| {
            if let FigureKind::Claim(i) = &mut x.kind {
                *i += k;
            }
            x
        }));
    }
    doc
}

fn empty() -> Document {
    Document {
        text: Text::default(),
        blocks: Vec::new(),
        sentences: Vec::new(),
        clauses: Vec::new(),
        figures: Vec::new(),
        markers: Vec::new(),
        conjunctions: Vec::new(),
        empty_items: Vec::new(),
        relations: Vec::new(),
        members: Vec::new(),
        claims: Vec::new(),
        lines: LineIndex::new(""),
    }
}

/// Parse report text into `doc` (see [`Grammar::parse_into`]).
pub fn parse_into(text: &str, g: &Grammar, doc: &mut Document) {
    parse_segment_into(text, g, doc);
    doc.lines = LineIndex::new(&doc.text);
}

/// [`parse_into`] for a segment of a larger text, whose lines are indexed once in its outline
/// (see [`outline`]): the segment's own line index is left empty.
pub fn parse_segment_into(text: &str, g: &Grammar, doc: &mut Document) {
    let mut owned = doc.text.take_buffer();
    owned.clear();
    owned.push_str(text);
    doc.blocks.clear();
    doc.sentences.clear();
    doc.clauses.clear();
    doc.figures.clear();
    doc.markers.clear();
    doc.conjunctions.clear();
    doc.empty_items.clear();
    doc.relations.clear();
    doc.claims.clear();
    parse_range_into(&owned, Span::new(0, owned.len()), g, doc);
    doc.lines = LineIndex::new("");
    doc.text = owned.into();
    super::relations::relate(g.lexicon, doc);
}

impl Default for Document {
    /// An empty document (to parse into: see [`Grammar::parse_into`]).
    fn default() -> Self {
        empty()
    }
}

/// Parse the lines of `text[range]` into a document without text (spans are absolute).
fn parse_range(text: &str, range: Span, g: &Grammar) -> Document {
    let mut doc = empty();
    // Room for what a dense report of this length holds (the seed has a block per 510 bytes, a
    // sentence per 153, a clause per 36, a figure per 82, a claim per 99, a marker per 294), so
    // that the lists do not grow by copying themselves again and again.
    let len = range.len();
    doc.blocks.reserve(len / 400);
    doc.sentences.reserve(len / 128);
    doc.clauses.reserve(len / 32);
    doc.figures.reserve(len / 64);
    doc.claims.reserve(len / 80);
    doc.markers.reserve(len / 256);
    parse_range_into(text, range, g, &mut doc);
    doc
}

/// Parse the lines of `text[range]` into `doc`, whose lists are empty (spans are absolute).
fn parse_range_into(text: &str, range: Span, g: &Grammar, doc: &mut Document) {
    // `20.2026年…` after `19.`: the next number of a list, though a figure could follow it.
    let mut next_arabic: Option<u32> = None;
    let mut scratch = Scratch::with_room();
    for line in lines(text.get(range.start..range.end).unwrap_or_default()) {
        let line = Span::new(line.start + range.start, line.end + range.start);
        let span = trim_span(text, line);
        if span.is_empty() {
            continue;
        }
        parse_block(g, text, doc, span, next_arabic, &mut scratch);
        if let Some(h) = doc.blocks.last().and_then(|b| b.heading.as_ref()) {
            next_arabic = (h.style == HeadingStyle::ArabicDot).then_some(h.number + 1);
        }
    }
}

/// `N.` followed by a digit, where `N` is the number the list expects next.
fn continued_number(s: &str, expected: Option<u32>) -> Option<(HeadingStyle, u32, usize)> {
    let expected = expected?;
    let digits = s
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let rest = s.get(digits..).unwrap_or_default();
    let after = rest.strip_prefix('.')?;
    let value: u32 = s.get(..digits).unwrap_or_default().parse().ok()?;
    (value == expected && after.starts_with(|c: char| c.is_ascii_digit())).then_some((
        HeadingStyle::ArabicDot,
        value,
        digits + 1,
    ))
}

/// Spans of the lines of `text`, without their line endings (`\n`, `\r\n` or `\r`); a last
/// line break begins no empty line.
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let Some(end) = memchr::memchr2(b'\n', b'\r', bytes.get(start..).unwrap_or_default())
            .map(|i| start + i)
        else {
            let line = Span::new(start, bytes.len());
            start = bytes.len();
            return Some(line);
        };
        let line = Span::new(start, end);
        start = if bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        Some(line)
    })
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}')
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let from_start = s.trim_start_matches(is_blank);
    let lead = s.len() - from_start.len();
    let trimmed = from_start.trim_end_matches(is_blank);
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

/// Whether the rest of a clause after a figure is a short noun and 中 (`12个县中`): the figure
/// is the base that the clause's following figures are counted in.
fn ends_with_among(lx: &Lexicon, text: &str, rest: Span) -> bool {
    let tail = rest.text(text).trim_end();
    match lx.among_end(tail) {
        Some(len) => {
            tail.get(..tail.len() - len)
                .unwrap_or_default()
                .chars()
                .count()
                <= 8
        }
        None => false,
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// In a table row, a figure alone in its cell counts what the row's first cell names
/// (`| 甲镇 | 611户 |`: the subject of 611户 is 甲镇).
fn row_subjects(text: &str, doc: &mut Document, first_clause: usize, first_claim: usize) {
    let Some(name) = doc
        .clauses
        .get(first_clause..)
        .unwrap_or_default()
        .iter()
        .map(|c| trim_span(text, c.span))
        .find(|s| !s.is_empty())
    else {
        return;
    };
    for c in doc.claims.get_mut(first_claim..).unwrap_or_default() {
        if c.subject.is_empty() && c.span.start > name.end {
            c.subject = name;
        }
    }
}

/// A row of a pipe table (`| 第一产业 | 187746 | 2.9 |`): what .docx tables and Markdown tables
/// become. A table copied from a web page often loses the outer bars (`全年粮食 | 113340.5 |
/// 62143.5 |`): two bars or more make a row too (prose has none; `parse_block` counts them).
fn is_table_row(block: &str) -> bool {
    block.starts_with('|') && block.trim_end().ends_with('|')
}

/// A clause end; `|` separates the cells of a table row.
fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '：' | ':' | '|')
}

fn opens_quote(c: char) -> bool {
    matches!(c, '“' | '「' | '『' | '《' | '〈' | '‘' | '〝')
}

fn closes_quote(c: char) -> bool {
    matches!(c, '”' | '」' | '』' | '》' | '〉' | '’' | '〞' | '〟')
}

/// Recognise a heading number at the start of `s`; returns (style, number, byte length).
fn heading_number(s: &str) -> Option<(HeadingStyle, u32, usize)> {
    let first = s.chars().next()?;
    if first == '#' {
        let hashes = s.chars().take_while(|c| *c == '#').count();
        if hashes <= 6 && s.get(hashes..).unwrap_or_default().starts_with(' ') {
            return Some((HeadingStyle::Markdown, hashes as u32, hashes + 1));
        }
        return None;
    }
    if let Some(rest) = s.strip_prefix("附件") {
        // The digits' length in bytes (full-width digits take three), and their value.
        let digits: usize = rest
            .chars()
            .take_while(|c| number::arabic_digit(*c).is_some())
            .map(char::len_utf8)
            .sum();
        let n = rest
            .get(..digits)
            .unwrap_or_default()
            .chars()
            .filter_map(number::arabic_digit)
            .try_fold(0u32, |n, d| n.checked_mul(10)?.checked_add(d))
            .unwrap_or(0);
        let after = rest.get(digits..).unwrap_or_default();
        let ends = after.is_empty() || after.starts_with([':', '：', ' ', '　', '、', '.', '．']);
        return ends.then_some((HeadingStyle::Part, n, "附件".len() + digits));
    }
    if let Some(rest) = s.strip_prefix('第') {
        if let Ok((after, n)) = number::chinese(rest) {
            for word in ["部分", "章", "篇"] {
                if let Some(tail) = after.strip_prefix(word) {
                    let len = s.len() - tail.len();
                    return Some((HeadingStyle::Part, small(n.value)?, len));
                }
            }
        }
        return None;
    }
    if let Some(c) = ('①'..='⑳').position(|c| c == first) {
        return Some((HeadingStyle::Circled, c as u32 + 1, first.len_utf8()));
    }
    if matches!(first, '（' | '(') {
        let inner = s.get(first.len_utf8()..).unwrap_or_default();
        let (rest, n, chinese) = match number::arabic(inner) {
            Ok((r, n)) if !n.has_point => (r, n, false),
            _ => match number::chinese(inner) {
                Ok((r, n)) => (r, n, true),
                Err(_) => return None,
            },
        };
        let close = rest.chars().next().filter(|c| matches!(c, '）' | ')'))?;
        let len = s.len() - rest.len() + close.len_utf8();
        let style = if chinese {
            HeadingStyle::ChineseParen
        } else {
            HeadingStyle::ArabicParen
        };
        return Some((style, small(n.value)?, len));
    }
    if let Ok((rest, n)) = number::chinese(s) {
        if rest.starts_with('、') && !n.has_point {
            return Some((
                HeadingStyle::ChineseComma,
                small(n.value)?,
                s.len() - rest.len() + '、'.len_utf8(),
            ));
        }
        return None;
    }
    // Arabic: `1.`, `1．`, `1、` not followed by a digit (1.04 is a figure).
    let digits: usize = s
        .char_indices()
        .take_while(|(_, c)| number::arabic_digit(*c).is_some())
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    if digits > 9 {
        return None;
    }
    let rest = s.get(digits..).unwrap_or_default();
    let sep = rest.chars().next()?;
    let style = match sep {
        '.' | '．' => HeadingStyle::ArabicDot,
        '、' => HeadingStyle::ArabicComma,
        _ => return None,
    };
    let after = rest.get(sep.len_utf8()..).unwrap_or_default();
    if after
        .chars()
        .next()
        .is_none_or(|c| number::arabic_digit(c).is_some())
    {
        return None;
    }
    let value: u32 = s
        .get(..digits)
        .unwrap_or_default()
        .chars()
        .filter_map(number::arabic_digit)
        .fold(0u32, |acc, d| acc.saturating_mul(10).saturating_add(d));
    Some((style, value, digits + sep.len_utf8()))
}

fn small(v: rust_decimal::Decimal) -> Option<u32> {
    if v.fract().is_zero()
        && v >= rust_decimal::Decimal::ZERO
        && v < rust_decimal::Decimal::from(10_000)
    {
        u32::try_from(v.mantissa() / 10_i128.pow(v.scale())).ok()
    } else {
        None
    }
}

/// The lists one block is walked into, kept from block to block so that their buffers are
/// allocated once per text, not once per block.
struct Scratch {
    /// Figures, each with whether it stands inside quotation marks.
    figures: Vec<(Figure, bool)>,
    markers: Vec<(Span, MarkerKind)>,
    conjunctions: Vec<Span>,
    /// (span, terminator, ends the sentence)
    clause_ends: Vec<(Span, Option<char>, bool)>,
    /// The quotation marks opened in the block, by number: whether each was closed in it.
    quotes_closed: Vec<bool>,
    /// The numbers of the quotation marks open at the walk's position, innermost last.
    open_quotes: Vec<usize>,
    /// For each figure, the innermost quotation mark open around it.
    figure_quotes: Vec<Option<usize>>,
    /// The brackets opened in the block, by number: where each opened and whether it closed.
    parens: Vec<(usize, bool)>,
    /// The numbers of the brackets open at the walk's position, innermost last.
    open_parens: Vec<usize>,
    /// For each figure, the innermost bracket open around it.
    figure_parens: Vec<Option<usize>>,
    /// For each figure, the number (in the block) of its innermost bracket that closes in it.
    brackets: Vec<Option<u32>>,
    /// Doubled list separators (`、、`).
    empty_items: Vec<Span>,
}

impl Scratch {
    /// Lists with room for a long paragraph's (a few dozen clauses and figures).
    fn with_room() -> Self {
        Self {
            figures: Vec::with_capacity(64),
            markers: Vec::with_capacity(32),
            conjunctions: Vec::with_capacity(16),
            clause_ends: Vec::with_capacity(64),
            quotes_closed: Vec::with_capacity(16),
            open_quotes: Vec::with_capacity(8),
            figure_quotes: Vec::with_capacity(64),
            parens: Vec::with_capacity(8),
            open_parens: Vec::with_capacity(4),
            figure_parens: Vec::with_capacity(64),
            brackets: Vec::with_capacity(64),
            empty_items: Vec::new(),
        }
    }

    fn clear(&mut self) {
        self.figures.clear();
        self.quotes_closed.clear();
        self.open_quotes.clear();
        self.figure_quotes.clear();
        self.parens.clear();
        self.open_parens.clear();
        self.figure_parens.clear();
        self.brackets.clear();
        self.empty_items.clear();
        self.markers.clear();
        self.conjunctions.clear();
        self.clause_ends.clear();
    }
}

/// One block into the document: its heading, then one walk over its characters (figures, marker
/// words, conjunctions, quotes, brackets, clause and sentence ends), then its clauses, sentences
/// and claims, then the units its lists share and the readings of its claims.
fn parse_block(
    g: &Grammar,
    text: &str,
    doc: &mut Document,
    span: Span,
    next_arabic: Option<u32>,
    scratch: &mut Scratch,
) {
    let heading = block_heading(text, span, next_arabic);
    let content = Span::new(
        heading.as_ref().map_or(span.start, |h| h.span.end),
        span.end,
    );
    // A heading and nothing else: no body after its title, and not a complete sentence of its own
    // (`10.发放租赁补贴1.6万户。` is a list item, `1.加快基` is a bare heading).
    let heading_only = heading.as_ref().is_some_and(|h| {
        let after_title = text.get(h.title.end..span.end).unwrap_or_default();
        after_title.trim_matches(is_blank).is_empty() && h.title.len() <= 120 * 3
    });
    let sentence_start = doc.sentences.len();
    let first_block_claim = doc.claims.len();
    let first_block_clause = doc.clauses.len();
    scratch.clear();
    walk(g, text, content, scratch);
    // The walk ended a clause at each bar: two bars or more make a row.
    let mut bars = scratch
        .clause_ends
        .iter()
        .filter(|(_, end, _)| *end == Some('|'));
    let table_row = is_table_row(span.text(text)) || bars.nth(1).is_some();
    scratch.resolve_enclosures();
    build_clauses(g.lexicon, text, doc, content, scratch);
    doc.empty_items.append(&mut scratch.empty_items);
    if table_row {
        row_subjects(text, doc, first_block_clause, first_block_claim);
    }
    distribute_units(g.lexicon, text, doc, first_block_claim);
    super::readings::read(g.lexicon, text, doc, first_block_claim);
    doc.blocks.push(Block {
        span,
        table_row,
        heading,
        heading_only,
        sentences: Block::sentence_indices(sentence_start..doc.sentences.len()),
    });
}

/// The heading number a block opens with, and its title.
fn block_heading(text: &str, span: Span, next_arabic: Option<u32>) -> Option<Box<Heading>> {
    let block_text = span.text(text);
    heading_number(block_text)
        .or_else(|| continued_number(block_text, next_arabic))
        .map(|(style, number, len)| {
            let title_start = span.start + len;
            let rest = text.get(title_start..span.end).unwrap_or_default();
            let title_len = rest
                .char_indices()
                .find(|(_, c)| is_sentence_end(*c))
                .map_or(rest.len(), |(i, _)| i);
            let level = if style == HeadingStyle::Markdown {
                number as u8
            } else {
                style.level()
            };
            Box::new(Heading {
                level,
                number: if style == HeadingStyle::Markdown {
                    0
                } else {
                    number
                },
                style,
                span: Span::new(span.start, title_start),
                title: Span::new(title_start, title_start + title_len),
            })
        })
}

/// Walk a block's characters once: figures (the scanner takes over where one may start), quotes
/// and brackets, sentence and clause ends, marker words and conjunctions, into `scratch`.
fn walk(g: &Grammar, text: &str, content: Span, scratch: &mut Scratch) {
    let lx = g.lexicon;
    let mut clause_start = content.start;
    let Scratch {
        figures,
        markers,
        conjunctions,
        clause_ends,
        quotes_closed,
        open_quotes,
        figure_quotes,
        parens,
        open_parens,
        figure_parens,
        empty_items,
        ..
    } = scratch;
    // `resume`: where the walk goes on after a figure, marker or word took several characters.
    let mut resume = content.start;
    for (offset, c) in text
        .get(content.start..content.end)
        .unwrap_or_default()
        .char_indices()
    {
        let i = content.start + offset;
        if i < resume || !lx.scan_stops.contains(c) {
            continue;
        }
        // Figures are found in the same pass: the scanner takes over where one may start.
        let step = figures::step(g, text, i, content.end, c);
        // A numeral inside a word of the dictionary that stands there (二 in 合二为一) is no figure.
        if step.is_some() && segment::is_han(c) {
            if let Some(end) = standing_word_over(lx, text, content, resume, (i, c), false) {
                resume = end;
                continue;
            }
        }
        match step {
            Some(figures::Step::Figure(f)) => {
                resume = f.span.end.max(i + 1);
                figures.push((f, false));
                figure_quotes.push(open_quotes.last().copied());
                figure_parens.push(open_parens.last().copied());
                continue;
            }
            Some(figures::Step::Skip(to)) => {
                resume = to;
                continue;
            }
            None => {}
        }
        if !lx.walk_stops.contains(c) {
            continue;
        }
        if matches!(c, '（' | '(') {
            open_parens.push(parens.len());
            parens.push((i, false));
            continue;
        }
        if matches!(c, '）' | ')') {
            if let Some(closed) = open_parens.pop().and_then(|p| parens.get_mut(p)) {
                closed.1 = true;
            }
            continue;
        }
        let straight_opens = c == '"' && open_quotes.is_empty();
        if opens_quote(c) || straight_opens {
            open_quotes.push(quotes_closed.len());
            quotes_closed.push(false);
        } else if closes_quote(c) || c == '"' {
            if let Some(closed) = open_quotes.pop().and_then(|q| quotes_closed.get_mut(q)) {
                *closed = true;
            }
        }
        // Two 、 with nothing between them: an item of a list was lost (`苗、、汉`).
        if c == '、' && text.get(..i).is_some_and(|t| t.ends_with('、')) {
            empty_items.push(Span::new(i - '、'.len_utf8(), i + c.len_utf8()));
        }
        // Inside quotation marks, 、 joins the words of one name (“省市共建、一室一策”).
        let quoted_comma = !open_quotes.is_empty() && c == '、';
        if is_sentence_end(c) || (is_clause_end(c) && !quoted_comma) {
            clause_ends.push((Span::new(clause_start, i), Some(c), is_sentence_end(c)));
            clause_start = i + c.len_utf8();
        } else {
            let rest = text.get(i..content.end).unwrap_or_default();
            let marker = lx
                .markers
                .may_start(c)
                .then(|| lx.markers.match_start(rest))
                .flatten();
            let conjunction = match marker {
                None if lx.conjunctions.may_start(c) => lx.conjunction_at(rest),
                _ => None,
            };
            if marker.is_none() && conjunction.is_none() {
                continue;
            }
            // A word of the dictionary that holds the marker or conjunction (占地, 和平, 作为) is
            // passed over whole where it stands (占地面积), not where the characters around it
            // split it otherwise (占/地区生产总值).
            if let Some(end) = standing_word_over(lx, text, content, resume, (i, c), true) {
                resume = end;
                continue;
            }
            if let Some((len, kind)) = marker {
                markers.push((Span::new(i, i + len), kind));
                resume = i + len;
            } else if let Some(len) = conjunction {
                conjunctions.push(Span::new(i, i + len));
                resume = i + len;
            }
        }
    }
    if clause_start < content.end || clause_ends.is_empty() {
        clause_ends.push((Span::new(clause_start, content.end), None, true));
    }
}

/// The end of a word of the dictionary that holds a marker, conjunction or numeral
/// ([`Lexicon::not_markers`]) and covers the character `c` at `at` (a marker, conjunction or
/// figure the walk found there), where that word stands in the text
/// ([`segment::Dictionary::stands`]): the walk passes over it whole. Such words are looked for
/// only where the walk finds something, and only where one could start: as many characters before
/// `at` as `c` stands from a word's start in some word ([`Lexicon::not_marker_offsets`]), Chinese
/// characters all, not before `floor` (where the walk's last find ended); the leftmost first.
/// `at` itself is a start only with `from_at` (a figure is read before any word that starts with
/// it).
fn standing_word_over(
    lx: &Lexicon,
    text: &str,
    content: Span,
    floor: usize,
    (at, c): (usize, char),
    from_at: bool,
) -> Option<usize> {
    let offsets = &lx.not_marker_offsets;
    let mut places = offsets.of_char(c);
    // A word that starts before `at` holds the character before it, and then `c`.
    let floor = floor.max(content.start).min(at);
    let before = text.get(floor..at).unwrap_or_default();
    if !before
        .chars()
        .next_back()
        .is_some_and(|b| offsets.may_follow(b, c))
    {
        places &= 1;
    }
    if !from_at {
        places &= !1;
    }
    if places == 0 {
        return None;
    }
    // starts[k]: where the k-th character before `at` starts.
    let reach = (u32::BITS - 1 - places.leading_zeros()) as usize;
    let mut starts = [at; 32];
    let mut known = 0;
    for ((j, _), slot) in before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| segment::is_han(c))
        .zip(starts.iter_mut().skip(1).take(reach))
    {
        *slot = floor + j;
        known += 1;
    }
    for k in (0..=known).rev() {
        if places & (1 << k) == 0 {
            continue;
        }
        let start = starts.get(k).copied().unwrap_or(at);
        let rest = text.get(start..content.end).unwrap_or_default();
        if !rest
            .chars()
            .next()
            .is_some_and(|f| lx.not_markers.may_start(f))
        {
            continue;
        }
        let Some((len, ())) = lx.not_markers.match_start(rest) else {
            continue;
        };
        let word = Span::new(start, start + len);
        if word.end > at && segment::builtin().stands(text, content, word) {
            return Some(word.end);
        }
    }
    None
}

impl Scratch {
    /// A figure is quoted only inside a quotation mark that closes in the block: a stray or
    /// unmatched mark (`“九五〞` in a source that used another closing mark) quotes nothing.
    /// Likewise a figure is inside brackets only when they close in the block (a stray `（`
    /// encloses nothing); each figure gets the number of its innermost closed bracket.
    fn resolve_enclosures(&mut self) {
        for ((_, quoted), open) in self.figures.iter_mut().zip(self.figure_quotes.iter()) {
            *quoted = open.is_some_and(|q| self.quotes_closed.get(q) == Some(&true));
        }
        self.brackets.clear();
        let parens = &self.parens;
        self.brackets.extend(self.figure_parens.iter().map(|open| {
            open.filter(|p| parens.get(*p).is_some_and(|&(_, closed)| closed))
                .and_then(|p| u32::try_from(p).ok())
        }));
    }
}

/// Materialise a block's clauses and sentences from the walk, attaching figures, markers,
/// conjunctions and claims.
fn build_clauses(
    lx: &Lexicon,
    text: &str,
    doc: &mut Document,
    content: Span,
    scratch: &mut Scratch,
) {
    let mut sentence_first_clause = doc.clauses.len();
    let mut sentence_start_byte = content.start;
    let mut sentence_first_claim = doc.claims.len();
    let Scratch {
        figures,
        markers,
        conjunctions,
        clause_ends,
        brackets,
        ..
    } = scratch;
    let mut enclosures = brackets.iter().copied();
    let mut fig_iter = figures.drain(..).peekable();
    let mut marker_iter = markers.drain(..).peekable();
    let mut conj_iter = conjunctions.drain(..).peekable();
    let block_index = doc.blocks.len();
    let mut carried = MarkerSet::default(); // markers a clause passes on to the next
    for (cspan, term, ends_sentence) in clause_ends.drain(..) {
        let clause_index = doc.clauses.len();
        let sentence_index = doc.sentences.len();
        let first_claim = doc.claims.len();
        let first_marker = doc.markers.len();
        while let Some((mspan, kind)) = marker_iter.peek().copied() {
            if mspan.start >= cspan.end {
                break;
            }
            doc.markers.push(Marker {
                span: mspan,
                kind,
                clause: clause_index,
            });
            marker_iter.next();
        }
        let first_conj = doc.conjunctions.len();
        while let Some(cj) = conj_iter.peek().copied() {
            if cj.start >= cspan.end {
                break;
            }
            doc.conjunctions.push(cj);
            conj_iter.next();
        }
        let mut prev_claim_end = cspan.start;
        let mut prev_subject: Option<Span> = None;
        while let Some((f, _)) = fig_iter.peek() {
            if f.span.start >= cspan.end.max(cspan.start + 1) {
                break;
            }
            let Some((mut f, quoted)) = fig_iter.next() else {
                break;
            };
            let bracket = enclosures.next().flatten();
            let claim_index = doc.claims.len();
            let kind = std::mem::replace(&mut f.kind, FigureKind::Claim(claim_index));
            if let FigureKind::Quantity(q) = kind {
                let clause_markers = doc.markers.get(first_marker..).unwrap_or_default();
                let claim = ClaimSite {
                    clause: cspan,
                    clause_index,
                    sentence_index,
                    carried,
                    prev_claim_end,
                    prev_subject,
                }
                .claim(lx, text, clause_markers, f.span, *q, quoted, bracket);
                prev_subject = Some(claim.subject);
                prev_claim_end = f.span.end;
                doc.claims.push(claim);
            } else {
                f.kind = kind;
            }
            doc.figures.push(f);
        }
        let clause_markers = doc.markers.get(first_marker..).unwrap_or_default();
        let only_marker = match clause_markers {
            [only] if only.span == trim_span(text, cspan) => Some(only.kind),
            _ => None,
        };
        let only_markers = only_marker.is_some() && doc.claims.len() == first_claim;
        // A 其中 list runs on through the clauses its enumeration joins with 、.
        let in_subset_list = term == Some('、')
            && (carried.has(MarkerKind::Subset)
                || clause_markers.iter().any(|m| m.kind == MarkerKind::Subset));
        // `种植6675亩（其中：油菜1830亩、…）`: a 其中 that ends its clause, before a colon or comma,
        // opens the list after it (the figures before it are its whole's).
        let subset_ends_clause = matches!(term, Some('：' | ':' | '，' | ','))
            && clause_markers.last().is_some_and(|m| {
                m.kind == MarkerKind::Subset && m.span.end == trim_span(text, cspan).end
            });
        carried = MarkerSet::default();
        if let (true, Some(kind)) = (only_markers, only_marker) {
            carried.insert(kind);
        }
        if subset_ends_clause || in_subset_list {
            carried.insert(MarkerKind::Subset);
        }
        doc.clauses.push(Clause {
            span: cspan,
            sentence: sentence_index,
            terminator: term,
            claims: first_claim..doc.claims.len(),
            markers: first_marker..doc.markers.len(),
            conjunctions: first_conj..doc.conjunctions.len(),
        });
        if ends_sentence {
            let end = match term {
                Some(c) => cspan.end + c.len_utf8(),
                None => cspan.end,
            };
            close_sentence(
                text,
                doc,
                Span::new(sentence_start_byte, end),
                block_index,
                sentence_first_clause,
                sentence_first_claim,
            );
            sentence_first_clause = doc.clauses.len();
            sentence_first_claim = doc.claims.len();
            sentence_start_byte = end;
        }
    }
    // Remaining figures (none expected) still belong to the document.
    for (f, _) in fig_iter {
        doc.figures.push(f);
    }
}

/// Where a claim stands: its clause and what the clause has passed on so far.
struct ClaimSite {
    clause: Span,
    clause_index: usize,
    sentence_index: usize,
    /// Markers the clause before passed on (`其中，` alone in its clause).
    carried: MarkerSet,
    /// Where the clause's previous claim ended (the subject starts there).
    prev_claim_end: usize,
    /// The previous claim's subject, for a figure written right after it (`84户270人`).
    prev_subject: Option<Span>,
}

impl ClaimSite {
    /// The claim of a quantity at `span`: its subject, its markers (those before it in its
    /// clause, and those carried), whether it closes an enumeration (after 等) or is the base of a
    /// share (before 中). Its reading is given later, when the block is complete.
    #[allow(clippy::too_many_arguments)]
    fn claim(
        &self,
        lx: &Lexicon,
        text: &str,
        clause_markers: &[Marker],
        span: Span,
        quantity: Quantity,
        quoted: bool,
        bracket: Option<u32>,
    ) -> Claim {
        let mut set = self.carried;
        for m in clause_markers.iter().filter(|m| m.span.end <= span.start) {
            set.insert(m.kind);
        }
        let subject = trim_span(text, Span::new(self.prev_claim_end, span.start));
        let subject = match (subject.is_empty(), self.prev_subject) {
            (true, Some(p)) => p,
            _ => subject,
        };
        let before = text
            .get(self.clause.start..span.start)
            .unwrap_or_default()
            .trim_end_matches(['“', '"', '「', ' ', '\u{3000}']);
        Claim {
            span,
            quantity,
            clause: self.clause_index,
            sentence: self.sentence_index,
            subject,
            markers: set,
            quoted,
            after_etc: lx.etc.match_end(before).is_some(),
            restates: false,
            among: ends_with_among(lx, text, Span::new(span.end, self.clause.end)),
            bracket,
            reading: Reading::Level,
            rate: None,
        }
    }
}

/// Push a sentence made of the clauses and claims from the given firsts on; it opens with 其中
/// when its first clause's first marker is a subset marker at its very start, and it carries
/// whether it ends with `；`.
fn close_sentence(
    text: &str,
    doc: &mut Document,
    span: Span,
    block: usize,
    first_clause: usize,
    first_claim: usize,
) {
    let opens_subset = doc
        .clauses
        .get(first_clause)
        .and_then(|first| doc.markers.get(first.markers.clone()))
        .and_then(|m| m.first())
        .is_some_and(|m| {
            m.kind == MarkerKind::Subset && m.span.start == trim_span(text, span).start
        });
    let ends_with_semicolon = text
        .get(span.start..span.end)
        .is_some_and(|t| t.trim_end().ends_with(['；', ';']));
    doc.sentences.push(Sentence {
        span,
        block,
        clauses: first_clause..doc.clauses.len(),
        claims: first_claim..doc.claims.len(),
        opens_subset,
        ends_with_semicolon,
    });
}

/// `10.6万、3.8万、3.3万平方公里` and `20.9、36.2、54个百分点`: a list whose unit is written once,
/// after its last figure. Each bare figure takes the unit of the figure right after it when only a
/// separator (、 和 及 与 或) stands between them.
fn distribute_units(lx: &Lexicon, text: &str, doc: &mut Document, first: usize) {
    for i in (first + 1..doc.claims.len()).rev() {
        let (head, tail) = doc.claims.split_at_mut(i);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first()) else {
            continue;
        };
        if a.quantity.unit.is_some() || a.sentence != b.sentence {
            continue;
        }
        let Some(unit) = b.quantity.unit else {
            continue;
        };
        if unit.chinese_only || a.quantity.chinese != b.quantity.chinese {
            continue;
        }
        let between = text.get(a.span.end..b.span.start).unwrap_or("x");
        let separator =
            between == "、" || between == "或" || lx.conjunction_at(between) == Some(between.len());
        if !separator {
            continue;
        }
        let q = &mut a.quantity;
        q.unit = Some(unit);
        q.value *= unit.factor;
        q.interval = q.interval.scale(unit.factor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            heading_number("一、以更高站位").map(|h| (h.0, h.1)),
            Some((HeadingStyle::ChineseComma, 1))
        );
        assert_eq!(
            heading_number("（三）加强").map(|h| (h.0, h.1)),
            Some((HeadingStyle::ChineseParen, 3))
        );
        assert_eq!(
            heading_number("1.加快基").map(|h| (h.0, h.1)),
            Some((HeadingStyle::ArabicDot, 1))
        );
        assert_eq!(heading_number("1.04万元"), None);
        assert_eq!(
            heading_number("第二部分 主要任务").map(|h| (h.0, h.1)),
            Some((HeadingStyle::Part, 2))
        );
        assert_eq!(
            heading_number("附件2").map(|h| (h.0, h.1)),
            Some((HeadingStyle::Part, 2))
        );
        assert_eq!(heading_number("附件中的数据"), None);
        // Full-width digits are three bytes each (found by fuzzing: a slice inside `９`).
        assert_eq!(
            heading_number("附件１２：名单").map(|h| (h.0, h.1, h.2)),
            Some((HeadingStyle::Part, 12, "附件１２".len()))
        );
        assert_eq!(heading_number("附件１９９６年"), None);
        assert_eq!(heading_number("第一责任人"), None);
        assert_eq!(heading_number("2020年2月"), None);
        assert_eq!(
            heading_number("## 概况").map(|h| (h.0, h.1)),
            Some((HeadingStyle::Markdown, 2))
        );
    }

    #[test]
    fn subject_and_clauses() {
        let doc = parse("制定整改措施206条,已完成整改172条。");
        assert_eq!(doc.claims.len(), 2);
        assert_eq!(doc.slice(doc.claims[1].subject), "已完成整改");
        assert_eq!(doc.clauses.len(), 2);
        assert_eq!(doc.sentences.len(), 1);
        assert_eq!(doc.sentences[0].claims, 0..2);
    }

    #[test]
    fn quoted_claims() {
        let doc = parse("落实教育、医疗、住房“四保障”。");
        assert_eq!(doc.claims.len(), 1);
        assert!(doc.claims[0].quoted);
        // 〝〞 quote as “” do.
        assert!(parse("落实〝四保障〞。").claims[0].quoted);
        // A quotation mark that never closes in its paragraph quotes nothing after it, and one
        // closed by another kind of mark (“九五〞) closes.
        for text in [
            "实施“九五计划。反馈问题47个，已整改完成44个，其余4个。",
            "实施“九五〞计划。反馈问题47个，已整改完成44个，其余4个。",
        ] {
            let doc = parse(text);
            assert_eq!(doc.claims.len(), 3, "{text}");
            assert!(doc.claims.iter().all(|c| !c.quoted), "{text}");
        }
    }

    #[test]
    fn units_written_once_for_a_list() {
        let doc =
            parse("面积分别净减少10.6万、3.8万、3.3万平方公里。分别提高20.9、36.2、54个百分点。");
        let units: Vec<&str> = doc.claims.iter().map(|c| c.quantity.base_unit()).collect();
        assert_eq!(
            units,
            [
                "平方米",
                "平方米",
                "平方米",
                "个百分点",
                "个百分点",
                "个百分点"
            ]
        );
        assert_eq!(
            doc.claims[0].quantity.value.normalize().to_string(),
            "106000000000"
        );
    }

    #[test]
    fn carried_subset_marker() {
        let doc = parse("培训8.5万人次，其中，脱贫劳动力9.1万人次。");
        assert!(doc.claims[1].has(MarkerKind::Subset));
        assert!(!doc.claims[0].has(MarkerKind::Subset));
    }
}
