//! Checking one input end to end: read, parse with the configured grammar, run the configured
//! rules (less the file's per-file ignores).
//!
//! A large text is checked in segments of whole lines (see [`crate::rules::Scope`]): each segment
//! is parsed and its sentence- and line-scoped rules run, on every core, and only the segment's
//! blocks, sentences and findings are kept (a group of findings that a boundary cut is joined);
//! the document-scoped rules then run once over the outline of the whole text. Memory stays at the text plus its outline plus a few segments' documents,
//! whatever the text's size, and the segments keep the cores busy.

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::document::{self, Block, Document, Sentence};
use crate::rules::Linter;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Texts at least this long are checked in segments.
pub const SEGMENTED_MIN: usize = document::PARALLEL_MIN;

/// The length of a segment: its document (about five times the text) stays in the caches, and
/// segments small enough that no core waits long for the last one (no more instructions than
/// with 1 MiB segments, measured).
const SEGMENT_LEN: usize = 256 * 1024;

/// Parse and check a text as the file `path` (for per-file ignores). The document returned is
/// the parsed text; for a text of [`SEGMENTED_MIN`] bytes or more it is its outline (text,
/// blocks and sentences: see [`document::outline`]), its claims dropped segment by segment.
pub fn check_text(text: String, path: &Path, settings: &Settings) -> (Document, Vec<Diagnostic>) {
    let ignored = settings.ignored_for(path);
    let skip = |id: &str| ignored.contains(&id);
    if text.len() >= SEGMENTED_MIN {
        return check_segmented(text, settings, &skip, SEGMENT_LEN);
    }
    let doc = settings.grammar.parse_owned(text);
    let diagnostics = settings.linter.check_skipping(&doc, &skip);
    (doc, diagnostics)
}

/// What a segment leaves behind: its place, its outline and its findings, every span in the whole
/// text.
struct Segment {
    index: usize,
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
            let (b, s) = (self.blocks.len(), self.sentences.len());
            self.blocks
                .extend(segment.blocks.into_iter().map(|mut block| {
                    block.sentences = block.sentences.start + s..block.sentences.end + s;
                    block
                }));
            self.sentences
                .extend(segment.sentences.into_iter().map(|mut sentence| {
                    sentence.block += b;
                    sentence
                }));
            self.found.extend(segment.found);
            self.next += 1;
        }
    }
}

/// Check a text in segments of about `segment_len` bytes (public for tests, which check that the
/// findings are those of the whole document).
pub fn check_segmented(
    text: String,
    settings: &Settings,
    skip: &(dyn Fn(&str) -> bool + Sync),
    segment_len: usize,
) -> (Document, Vec<Diagnostic>) {
    let bounds = document::segment_bounds(&text, segment_len);
    let count = bounds.len().saturating_sub(1);
    let next = AtomicUsize::new(0);
    let check_segment = |index: usize, doc: &mut Document| {
        let (from, to) = (bounds[index], bounds[index + 1]);
        settings.grammar.parse_into(&text[from..to], doc);
        let found = settings
            .linter
            .check_segment(doc, skip)
            .into_iter()
            .map(|d| d.shifted(from))
            .collect();
        Segment {
            index,
            blocks: doc
                .blocks
                .drain(..)
                .map(|mut b| {
                    b.span = b.span.shifted(from);
                    if let Some(h) = &mut b.heading {
                        h.span = h.span.shifted(from);
                        h.title = h.title.shifted(from);
                    }
                    b
                })
                .collect(),
            sentences: doc
                .sentences
                .drain(..)
                .map(|mut s| {
                    s.span = s.span.shifted(from);
                    s.clauses = 0..0;
                    s.claims = 0..0;
                    s
                })
                .collect(),
            found,
        }
    };
    // Each thread takes the next segment not yet taken.
    let threads = document::threads().min(count).max(1);
    // Segments are joined into the outline in order as they are done, by the thread that
    // finished one, while the other threads go on parsing (not all at the end, on one thread).
    let outline_parts = std::sync::Mutex::new(Assembly {
        linter: &settings.linter,
        next: 0,
        last_found: 0,
        waiting: Vec::new(),
        blocks: Vec::with_capacity(text.len() / 400),
        sentences: Vec::with_capacity(text.len() / 128),
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
    let outline = document::outline(text, blocks, sentences);
    let diagnostics = settings.linter.check_outline(&outline, skip, found);
    (outline, diagnostics)
}
