//! `duplicate-paragraph`: the same paragraph, or the same long sentence, twice in one document.
//!
//! **What it checks**: paragraphs (and long sentences) whose text, white space ignored, appeared
//! before in the same document.
//!
//! **Why it matters**: a pasted paragraph left in twice makes a report look unread.
//!
//! **Example**: a paragraph pasted again further down: the second copy is reported, the first
//! labelled.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::span::Span;
use crate::model::Document;
use crate::tr;
use serde::Deserialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    min_paragraph_chars: usize,
    min_sentence_chars: usize,
}

struct DuplicateParagraph {
    data: Data,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(DuplicateParagraph { data: d.data()? }))
}

/// The characters compared: white space does not count.
fn squeezed(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_whitespace())
}

/// A text's key: its length without white space and a hash of those characters. Equal texts have
/// equal keys; equal keys are confirmed by comparing the texts (no copy is ever made).
fn key(text: &str) -> (usize, u64) {
    // The hash mixes the bytes other than ASCII white space eight at a time (multiply-rotate:
    // cheap, and only a pre-filter, since equal keys are compared), word k into lane k mod 4 so
    // that four multiplications run side by side. Texts that differ only in other white space get
    // different keys and are missed, rarely.
    let bytes = text.as_bytes();
    let mut lanes = Lanes::default();
    if memchr::memchr3(b' ', b'\t', b'\x0c', bytes).is_none() {
        // The common case, a paragraph without spaces: whole words at a time.
        let word = |chunk: &[u8]| {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            u64::from_be_bytes(w)
        };
        let mut quads = bytes.chunks_exact(32);
        for quad in quads.by_ref() {
            for (lane, chunk) in lanes.h.iter_mut().zip(quad.chunks_exact(8)) {
                *lane = mix(*lane, word(chunk));
            }
            lanes.words += 4;
        }
        let mut words = quads.remainder().chunks_exact(8);
        for chunk in words.by_ref() {
            lanes.push(word(chunk));
        }
        let tail = words
            .remainder()
            .iter()
            .fold(0u64, |w, b| (w << 8) | u64::from(*b));
        return (text.chars().count(), lanes.finish(tail));
    }
    let mut n = 0;
    let mut word: u64 = 0;
    let mut filled = 0;
    for &b in bytes {
        if b.is_ascii_whitespace() {
            continue;
        }
        n += usize::from(b & 0xC0 != 0x80);
        word = (word << 8) | u64::from(b);
        filled += 1;
        if filled == 8 {
            lanes.push(word);
            word = 0;
            filled = 0;
        }
    }
    (n, lanes.finish(word))
}

/// The four running hashes of a key, and how many words went into them.
#[derive(Default)]
struct Lanes {
    h: [u64; 4],
    words: usize,
}

impl Lanes {
    /// Mix the next word into its lane.
    fn push(&mut self, word: u64) {
        if let Some(lane) = self.h.get_mut(self.words % 4) {
            *lane = mix(*lane, word);
        }
        self.words += 1;
    }

    /// The lanes and the last, partial word as one hash.
    fn finish(&self, tail: u64) -> u64 {
        let h = self.h.iter().fold(0, |acc, lane| mix(acc, *lane));
        mix(h, tail)
    }
}

/// One step of the key's hash.
fn mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Texts seen, by key: the first text of each key, and (rarely) others that share a key.
#[derive(Default)]
struct Seen {
    by_key: HashMap<(usize, u64), Span, BuildHasherDefault<KeyHasher>>,
    collisions: Vec<((usize, u64), Span)>,
}

fn same_text(doc: &Document, a: Span, b: Span) -> bool {
    let (x, y) = (doc.slice(a), doc.slice(b));
    x == y || squeezed(x).eq(squeezed(y))
}

impl Seen {
    /// The earlier span with the same text, or `None` after recording this one.
    fn first_or_insert(&mut self, doc: &Document, key: (usize, u64), span: Span) -> Option<Span> {
        match self.by_key.entry(key) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(span);
                None
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let first = *o.get();
                if same_text(doc, first, span) {
                    return Some(first);
                }
                let found = self
                    .collisions
                    .iter()
                    .find(|(k, s)| *k == key && same_text(doc, *s, span))
                    .map(|(_, s)| *s);
                if found.is_none() {
                    self.collisions.push((key, span));
                }
                found
            }
        }
    }
}

/// The keys are hashes already: use them as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = self.0.rotate_left(17) ^ n as u64;
    }
}

impl Rule for DuplicateParagraph {
    fn scope(&self) -> super::Scope {
        super::Scope::Document
    }

    /// It reads every block's text, hashed and compared: on a large text, the document-scoped
    /// rule that takes longest.
    fn long_running(&self) -> bool {
        true
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        let mut paragraphs = Seen::default();
        let mut sentences = Seen::default();
        // A run of repeated paragraphs (a pasted passage) is one finding.
        let mut run: Vec<(Span, Span)> = Vec::new();
        for block in &doc.blocks {
            if block.heading_only {
                continue;
            }
            let k = key(doc.slice(block.span));
            if k.0 >= self.data.min_paragraph_chars {
                if let Some(first) = paragraphs.first_or_insert(doc, k, block.span) {
                    run.push((first, block.span));
                    continue;
                }
            }
            report_run(out, &mut run);
            let mut repeated: Vec<(Span, Span)> = Vec::new();
            for s in doc
                .sentences
                .get(block.sentence_range())
                .unwrap_or_default()
            {
                // Cheap length bound first: a sentence of fewer bytes than 3 × the minimum
                // cannot hold the minimum of CJK characters… nor of any characters below it.
                if s.span.len() < self.data.min_sentence_chars {
                    continue;
                }
                let k = key(doc.slice(s.span));
                if k.0 < self.data.min_sentence_chars {
                    continue;
                }
                if let Some(first) = sentences.first_or_insert(doc, k, s.span) {
                    repeated.push((first, s.span));
                }
            }
            report_sentences(out, &repeated);
        }
        report_run(out, &mut run);
    }
}

fn report_run(out: &mut Emitter<'_>, run: &mut Vec<(Span, Span)>) {
    let (Some(first), Some(last)) = (run.first().copied(), run.last().copied()) else {
        return;
    };
    let again = first.1.cover(last.1);
    let original = first.0.cover(last.0);
    let t = out.tr();
    out.emit(
        again,
        tr!(t, "duplicate-paragraph-message", count = run.len()),
        Some(t.text("duplicate-paragraph-help")),
        vec![
            Label::new(original, t.text("duplicate-label-first")),
            Label::new(again, t.text("duplicate-label-again")),
        ],
    );
    run.clear();
}

/// At most this many repeated sentences of one finding are labelled.
const MOST_PAIRS: usize = 32;

fn report_sentences(out: &mut Emitter<'_>, repeated: &[(Span, Span)]) {
    let (Some(first), Some(last)) = (repeated.first(), repeated.last()) else {
        return;
    };
    // A text pasted into itself may repeat thousands of sentences: the first pairs are labelled,
    // the message counts them all.
    let t = out.tr();
    let mut labels = Vec::with_capacity(repeated.len().min(MOST_PAIRS) * 2);
    for (i, (original, again)) in repeated.iter().enumerate().take(MOST_PAIRS) {
        labels.push(Label::new(
            *original,
            tr!(
                t,
                "duplicate-label-first-numbered",
                number = (i + 1).to_string()
            ),
        ));
        labels.push(Label::new(
            *again,
            tr!(
                t,
                "duplicate-label-again-numbered",
                number = (i + 1).to_string()
            ),
        ));
    }
    out.emit(
        first.1.cover(last.1),
        tr!(t, "duplicate-sentence-message", count = repeated.len()),
        Some(t.text("duplicate-sentence-help")),
        labels,
    );
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn keys_ignore_ascii_white_space_on_both_paths() {
        let plain = "全县共有行政村190个其中脱贫村148个占比百分之七十七点九";
        let spaced = "全县共有 行政村190个\t其中脱贫村 148个 占比百分之七十七点九";
        assert_eq!(key(plain), key(spaced));
        assert_eq!(key(plain).0, plain.chars().count());
        for cut in 1..plain.len() {
            if let (Some(a), Some(b)) = (plain.get(..cut), plain.get(cut..)) {
                assert_eq!(key(&format!("{a} {b}")), key(plain), "space at {cut}");
            }
        }
        assert_ne!(key(plain), key("全县共有行政村191个"));
    }
}
