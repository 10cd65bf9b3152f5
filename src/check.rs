//! Checking one input end to end: read, parse with the configured grammar, run the configured
//! rules (less the file's per-file ignores).
//!
//! A large text is checked in segments of whole lines (see [`crate::rules::Scope`]): each segment
//! is parsed and its sentence- and line-scoped rules run, on every core, and only the segment's
//! blocks, sentences and findings are kept (a group of findings that a boundary cut is joined);
//! the document-scoped rules then run once over the outline of the whole text. Memory stays at the text plus its outline plus a few segments' documents,
//! whatever the text's size, and the segments keep the cores busy.

use crate::config::Settings;
use crate::model::diagnostic::Diagnostic;
use crate::model::span::LineIndex;
use crate::model::{Block, Document, Sentence, Text};
use crate::rules::Linter;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Texts at least this long are checked in segments.
pub const SEGMENTED_MIN: usize = crate::grammar::document::PARALLEL_MIN;

/// The length of a segment: its document (about five times the text, more for short lines)
/// stays in the caches, each thread's document stays small (a text of a million short lines
/// keeps its peak memory under 3 × its size + 30 MB), and no core waits long for the last one.
const SEGMENT_LEN: usize = 64 * 1024;

/// Bytes of white space that may stand between the two pieces of a sentence cut by a segment
/// boundary (the outline's sentences are trimmed).
const CUT_SLACK: usize = 8;

/// The shortest sentence, in bytes, that the outline of a text checked in segments keeps: the
/// document-scoped rules read no shorter one (duplicate-paragraph compares sentences of 60
/// characters or more; a test holds its data to this).
pub const OUTLINE_SENTENCE_MIN: usize = 60;

/// Parse and check a text as the file `path` (for per-file ignores). The document returned is
/// the parsed text; for a text of [`SEGMENTED_MIN`] bytes or more it is its outline (text,
/// blocks and sentences: see [`crate::grammar::document::outline`]), its claims dropped segment by segment.
pub fn check_text(
    text: impl Into<Text>,
    path: &Path,
    settings: &Settings,
) -> (Document, Vec<Diagnostic>) {
    let text = text.into();
    let ignored = settings.ignored_for(path);
    let skip = |id: &str| ignored.contains(&id);
    if text.len() >= SEGMENTED_MIN {
        return check_segmented(text, settings, &skip, SEGMENT_LEN);
    }
    let doc = settings.grammar.parse_owned(text.into_string());
    let diagnostics = settings.linter.check_skipping(&doc, &skip);
    (doc, diagnostics)
}

/// The number of line feeds in `text`, counted in parts side by side (on one core, counting the
/// seed × 2000 took 4–5 ms before any segment could start).
fn line_count(text: &str) -> usize {
    const PART: usize = 4 * 1024 * 1024;
    let bytes = text.as_bytes();
    let parts = bytes.len().div_ceil(PART);
    crate::threads::take_turns(parts, |i| {
        let from = i.saturating_mul(PART);
        let part = bytes.get(from..from.saturating_add(PART).min(bytes.len()));
        memchr::memchr_iter(b'\n', part.unwrap_or_default()).count()
    })
    .into_iter()
    .sum()
}

/// What a segment leaves behind: its place, its outline and its findings, every span in the whole
/// text.
struct Segment {
    index: usize,
    /// The segment starts inside a line: its first block continues the last block before it.
    mid_line: bool,
    /// … and inside a sentence (no sentence end before the cut): its first sentence continues
    /// the last one before it.
    mid_sentence: bool,
    blocks: Vec<Block>,
    sentences: Vec<Sentence>,
    found: Vec<Diagnostic>,
}

/// The outline being joined from segments in their order: those done ahead of their turn wait.
struct Assembly<'a> {
    linter: &'a Linter,
    next: usize,
    waiting: Vec<Segment>,
    blocks: Vec<Block>,
    sentences: Vec<Sentence>,
    found: Vec<Diagnostic>,
    /// Where the findings of the segment joined last begin.
    last_found: usize,
}

impl Assembly<'_> {
    /// Take a segment done, and join every segment whose turn has come.
    fn add(&mut self, segment: Segment) {
        self.waiting.push(segment);
        while let Some(at) = self.waiting.iter().position(|s| s.index == self.next) {
            let mut segment = self.waiting.swap_remove(at);
            // A group of findings on consecutive blocks that the boundary split is one finding.
            if let (Some(last), Some(first)) = (self.blocks.last(), segment.blocks.first()) {
                let mut before = self.found.split_off(self.last_found);
                self.linter
                    .join_across(&mut before, &mut segment.found, last.span, first.span);
                self.found.append(&mut before);
            }
            if !segment.blocks.is_empty() {
                // (A segment of blank lines only is no boundary for a group of blocks.)
                self.last_found = self.found.len();
            }
            let b = self.blocks.len();
            // A segment cut inside a line: its first block is the rest of the last one, and cut
            // inside a sentence, its first sentence the rest of the last one (when the outline
            // kept both pieces: they meet at the cut).
            let continued = segment.mid_line && b > 0;
            let joined = continued
                && segment.mid_sentence
                && match (self.sentences.last_mut(), segment.sentences.first()) {
                    (Some(last), Some(first))
                        if last.block + 1 == b
                            && first.block == 0
                            && first.span.start.saturating_sub(last.span.end) <= CUT_SLACK =>
                    {
                        last.span.end = first.span.end;
                        true
                    }
                    _ => false,
                };
            // The segment's sentence indices, in the outline.
            let s = self.sentences.len() - usize::from(joined);
            let mut blocks = segment.blocks.into_iter();
            if continued {
                if let (Some(last), Some(first)) = (self.blocks.last_mut(), blocks.next()) {
                    last.span.end = first.span.end;
                    last.set_sentences(last.sentence_range().start..first.sentence_range().end + s);
                    last.heading_only = false;
                }
            }
            // Block indices of the segment, in the outline.
            let first_block = if continued { b - 1 } else { b };
            self.blocks.extend(blocks.map(|mut block| {
                let own = block.sentence_range();
                block.set_sentences(own.start + s..own.end + s);
                block
            }));
            self.sentences
                .extend(segment.sentences.into_iter().skip(usize::from(joined)).map(
                    |mut sentence| {
                        sentence.block += first_block;
                        sentence
                    },
                ));
            self.found.extend(segment.found);
            self.next += 1;
        }
    }
}

/// Check a text in segments of about `segment_len` bytes (public for tests, which check that the
/// findings are those of the whole document).
pub fn check_segmented(
    text: impl Into<Text>,
    settings: &Settings,
    skip: &(dyn Fn(&str) -> bool + Sync),
    segment_len: usize,
) -> (Document, Vec<Diagnostic>) {
    let text: Text = text.into();
    let bounds = crate::grammar::document::segment_bounds(&text, segment_len);
    let count = bounds.len().saturating_sub(1);
    let next = AtomicUsize::new(0);
    let check_segment = |index: usize, doc: &mut Document| {
        let from = bounds.get(index).copied().unwrap_or(text.len());
        let to = bounds.get(index + 1).copied().unwrap_or(text.len());
        crate::grammar::document::parse_segment_into(
            text.get(from..to).unwrap_or_default(),
            &settings.grammar,
            doc,
        );
        let mid_line = crate::grammar::document::starts_mid_line(&text, from);
        let mid_sentence = crate::grammar::document::starts_mid_sentence(&text, from);
        if mid_line {
            // What starts a segment cut inside a line starts no heading.
            if let Some(first) = doc.blocks.first_mut() {
                first.heading = None;
                first.heading_only = false;
            }
        }
        let found = settings
            .linter
            .check_segment(doc, skip)
            .into_iter()
            .map(|d| d.shifted(from))
            .collect();
        // The outline keeps the blocks, and of the sentences only those a document-scoped rule
        // reads (see [`OUTLINE_SENTENCE_MIN`]): a text of a million short lines stays small.
        let mut sentences = Vec::new();
        let blocks = doc
            .blocks
            .drain(..)
            .map(|mut b| {
                b.span = b.span.shifted(from);
                if let Some(h) = &mut b.heading {
                    h.span = h.span.shifted(from);
                    h.title = h.title.shifted(from);
                }
                let first = sentences.len();
                let own = doc.sentences.get(b.sentence_range()).unwrap_or_default();
                for s in own.iter().filter(|s| s.span.len() >= OUTLINE_SENTENCE_MIN) {
                    sentences.push(Sentence {
                        span: s.span.shifted(from),
                        block: s.block,
                        clauses: 0..0,
                        claims: 0..0,
                        opens_subset: s.opens_subset,
                        ends_with_semicolon: s.ends_with_semicolon,
                    });
                }
                b.set_sentences(first..sentences.len());
                b
            })
            .collect();
        doc.sentences.clear();
        Segment {
            index,
            mid_line,
            mid_sentence,
            blocks,
            sentences,
            found,
        }
    };
    // Each thread takes the next segment not yet taken.
    let threads = crate::threads::threads().min(count).max(1);
    // Segments are joined into the outline in order as they are done, by the thread that
    // finished one, while the other threads go on parsing (not all at the end, on one thread).
    let outline_parts = std::sync::Mutex::new(Assembly {
        linter: &settings.linter,
        next: 0,
        last_found: 0,
        waiting: Vec::new(),
        // Reserved once (growing by doubling would hold twice the memory at the peak, and copy
        // it): a block at most a line, an outline sentence at least OUTLINE_SENTENCE_MIN bytes
        // (the pages of what no sentence fills are never touched). Growing, the sentences of the
        // seed × 2000 cost a third of the run's page faults and a fifth of its copying.
        blocks: Vec::with_capacity(line_count(&text) + 1),
        sentences: Vec::with_capacity(text.len() / OUTLINE_SENTENCE_MIN + 1),
        found: Vec::new(),
    });
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (next, check_segment, parts) = (&next, &check_segment, &outline_parts);
                scope.spawn(move || {
                    // One document per thread, its buffers reused from segment to segment.
                    let mut doc = Document::default();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= count {
                            break;
                        }
                        let segment = check_segment(index, &mut doc);
                        parts.lock().unwrap_or_else(|e| e.into_inner()).add(segment);
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
    });
    let Assembly {
        blocks,
        sentences,
        found,
        ..
    } = outline_parts
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    // The line index is built after the segments, when their documents are gone (built beside
    // them, a text of a million short lines passed its memory bound: 3 × its size + 30 MB), and
    // beside the outline's rules, which read no lines (their findings are located afterwards).
    let mut outline = crate::grammar::document::outline(text, blocks, sentences);
    let (lines, diagnostics) = if threads > 1 {
        std::thread::scope(|scope| {
            let lines = scope.spawn(|| LineIndex::new(&outline.text));
            let diagnostics = settings.linter.check_outline(&outline, skip, found);
            let lines = lines
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (lines, diagnostics)
        })
    } else {
        let lines = LineIndex::new(&outline.text);
        (lines, settings.linter.check_outline(&outline, skip, found))
    };
    outline.lines = lines;
    (outline, diagnostics)
}
