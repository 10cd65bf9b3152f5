//! `truncated`: a document or section that stops mid-sentence.
//!
//! **What it checks**: the last paragraph of the document, or of a section right before the next
//! heading, ending without a sentence terminator; a document ending on a heading with nothing
//! under it. Web residue after the end (`如若转载…`), table rows (a report may end with a table)
//! and lines of figures alone are passed over.
//!
//! **Why it matters**: text lost in copying, or never finished.
//!
//! **Example**: the seed ends on `1.加快基` — a heading cut mid-word, with nothing under it.

use super::residue::{self, ResiduePatterns};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::{Block, Document};
use crate::tr;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    terminators: String,
    intro_endings: Vec<String>,
    min_chars: usize,
}

struct Truncated {
    terminators: Vec<char>,
    intro_endings: Vec<String>,
    min_chars: usize,
    residue: std::sync::Arc<ResiduePatterns>,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let own: Data = d.data()?;
    Ok(Box::new(Truncated {
        terminators: own.terminators.chars().collect(),
        intro_endings: own.intro_endings,
        min_chars: own.min_chars,
        residue: residue::shared(d.table("residue")?)?,
    }))
}

/// Whether a block holds words (a CJK ideograph or a Latin letter): a line of figures alone
/// (`9.81`, a table cell a web copy put on a line of its own) is no sentence that could be cut.
fn has_words(text: &str) -> bool {
    text.chars().any(|c| c.is_alphabetic() && !c.is_numeric())
}

impl Truncated {
    fn ends_complete(&self, text: &str) -> bool {
        // A table's bar after the last sentence (`…略有差异。 |`) closes a cell, not the sentence.
        let text = text.trim_end_matches(|c: char| c == '|' || c.is_whitespace());
        text.chars()
            .next_back()
            .is_none_or(|c| self.terminators.contains(&c))
            || self
                .intro_endings
                .iter()
                .any(|w| text.ends_with(w.as_str()))
    }

    /// Prose, not a label: long enough, with a clause or sentence break inside.
    fn is_prose(&self, text: &str) -> bool {
        text.chars().count() >= self.min_chars
            && text
                .trim_end()
                .chars()
                .rev()
                .skip(1)
                .any(|c| matches!(c, '，' | ',' | '。' | '；' | ';' | '、'))
    }

    fn report_block(&self, doc: &Document, block: &Block, out: &mut Emitter<'_>, section: bool) {
        let text = doc.slice(block.span);
        let tail_start = text.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
        let tail = crate::model::span::Span::new(block.span.start + tail_start, block.span.end);
        let t = out.tr();
        let message = if section {
            t.text("truncated-section-message")
        } else {
            t.text("truncated-message")
        };
        out.emit(
            tail,
            message,
            Some(tr!(t, "truncated-help", tail = doc.slice(tail))),
            vec![Label::new(tail, t.text("truncated-label"))],
        );
    }
}

impl Rule for Truncated {
    fn scope(&self) -> super::Scope {
        super::Scope::Document
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        let blocks = &doc.blocks;
        // The end of the text: the last block that is neither web residue nor a table row (a
        // report may end with a table).
        let last = blocks.iter().rposition(|b| {
            !b.table_row
                && has_words(doc.slice(b.span))
                && !self.residue.is_match(doc.slice(b.span))
        });
        if let Some((i, block)) = last.and_then(|i| Some((i, blocks.get(i)?))) {
            match &block.heading {
                Some(h) if block.heading_only => {
                    let t = out.tr();
                    out.emit(
                        block.span,
                        tr!(
                            t,
                            "truncated-heading-message",
                            heading = doc.slice(block.span)
                        ),
                        Some(t.text("truncated-heading-help")),
                        vec![
                            Label::new(h.span, t.text("truncated-heading-label-number")),
                            Label::new(h.title, t.text("truncated-heading-label-title")),
                        ],
                    );
                }
                _ => {
                    if i > 0 && !self.ends_complete(doc.slice(block.span)) {
                        self.report_block(doc, block, out, false);
                    }
                }
            }
        }
        // Sections: a paragraph cut off right before the next heading.
        let pairs = blocks.iter().zip(blocks.iter().skip(1));
        for (i, (block, next)) in pairs.enumerate() {
            if i == 0
                || Some(i) == last
                || next.heading.is_none()
                || block.heading_only
                || block.table_row
            {
                continue;
            }
            let text = doc.slice(block.span);
            if !self.ends_complete(text) && self.is_prose(text) && !self.residue.is_match(text) {
                self.report_block(doc, block, out, true);
            }
        }
    }
}
