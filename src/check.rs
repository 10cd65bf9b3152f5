//! Checking one input end to end: read, parse with the configured grammar, run the configured
//! rules (less the file's per-file ignores).
//!
//! A large text is checked in segments of whole lines (see [`crate::rules::Scope`]): each segment
//! is parsed and its sentence-scoped rules run, on every core, and only the segment's blocks,
//! sentences and findings are kept; the document-scoped rules then run once over the outline of
//! the whole text. Memory stays at the text plus its outline plus a few segments' documents,
//! whatever the text's size, and the segments keep the cores busy.

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::document::{self, Block, Document, Sentence};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Texts at least this long are checked in segments.
pub const SEGMENTED_MIN: usize = document::PARALLEL_MIN;

/// The length of a segment: its document (about five times the text) stays in the caches.
const SEGMENT_LEN: usize = 1 << 20;

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

/// What a segment leaves behind: its place, its outline and its sentence-scoped findings, every
/// span in the whole text.
struct Segment {
    index: usize,
    blocks: Vec<Block>,
    sentences: Vec<Sentence>,
    found: Vec<Diagnostic>,
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
    let mut segments: Vec<Segment> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (next, check_segment) = (&next, &check_segment);
                scope.spawn(move || {
                    // One document per thread, its buffers reused from segment to segment.
                    let mut doc = Document::default();
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= count {
                            break done;
                        }
                        done.push(check_segment(index, &mut doc));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    segments.sort_by_key(|s| s.index);
    let mut blocks = Vec::with_capacity(segments.iter().map(|s| s.blocks.len()).sum());
    let mut sentences = Vec::with_capacity(segments.iter().map(|s| s.sentences.len()).sum());
    let mut found = Vec::with_capacity(segments.iter().map(|s| s.found.len()).sum());
    for segment in segments {
        let (b, s) = (blocks.len(), sentences.len());
        blocks.extend(segment.blocks.into_iter().map(|mut block| {
            block.sentences = block.sentences.start + s..block.sentences.end + s;
            block
        }));
        sentences.extend(segment.sentences.into_iter().map(|mut sentence| {
            sentence.block += b;
            sentence
        }));
        found.extend(segment.found);
    }
    let outline = document::outline(text, blocks, sentences);
    let diagnostics = settings.linter.check_outline(&outline, skip, found);
    (outline, diagnostics)
}
