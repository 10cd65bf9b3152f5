//! `duplicate-paragraph`: the same paragraph, or the same long sentence, twice in one document.
//!
//! **What it checks**: paragraphs (and long sentences) whose text, white space ignored, appeared
//! before in the same document.
//!
//! **Why it matters**: a pasted paragraph left in twice makes a report look unread.
//!
//! **Example**: a paragraph pasted again further down: the second copy is reported, the first
//! labelled.

use super::{data, Emitter, Rule, RuleData, RuleError};
use crate::diagnostic::Label;
use crate::document::Document;
use crate::span::Span;
use serde::Deserialize;
use std::collections::HashMap;

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
    let table = d.own;
    Ok(Box::new(DuplicateParagraph {
        data: data("duplicate-paragraph", table)?,
    }))
}

/// The text without white space, for comparing.
fn normal(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

impl Rule for DuplicateParagraph {
    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        let mut paragraphs: HashMap<String, Span> = HashMap::new();
        let mut sentences: HashMap<String, Span> = HashMap::new();
        // A run of repeated paragraphs (a pasted passage) is one finding.
        let mut run: Vec<(Span, Span)> = Vec::new();
        for block in &doc.blocks {
            if block.heading_only {
                continue;
            }
            let text = normal(doc.slice(block.span));
            if text.chars().count() >= self.data.min_paragraph_chars {
                if let Some(first) = paragraphs.get(&text) {
                    run.push((*first, block.span));
                    continue;
                }
                paragraphs.insert(text, block.span);
            }
            report_run(out, &mut run);
            let mut repeated: Vec<(Span, Span)> = Vec::new();
            for s in &doc.sentences[block.sentences.clone()] {
                let text = normal(doc.slice(s.span));
                if text.chars().count() < self.data.min_sentence_chars {
                    continue;
                }
                match sentences.get(&text) {
                    Some(first) => repeated.push((*first, s.span)),
                    None => {
                        sentences.insert(text, s.span);
                    }
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
    let message = if run.len() == 1 {
        "段落重复：与前文完全相同".to_owned()
    } else {
        format!("连续 {} 个段落重复：与前文完全相同", run.len())
    };
    out.emit(
        again,
        message,
        Some("删去重复的段落，或改写其中一处".to_owned()),
        vec![
            Label::new(original, "第一次出现"),
            Label::new(again, "再次出现"),
        ],
    );
    run.clear();
}

fn report_sentences(out: &mut Emitter<'_>, repeated: &[(Span, Span)]) {
    let (Some(first), Some(last)) = (repeated.first(), repeated.last()) else {
        return;
    };
    let mut labels = Vec::with_capacity(repeated.len() * 2);
    for (i, (original, again)) in repeated.iter().enumerate() {
        labels.push(Label::new(*original, format!("第一次出现（{}）", i + 1)));
        labels.push(Label::new(*again, format!("再次出现（{}）", i + 1)));
    }
    let message = if repeated.len() == 1 {
        "长句重复：与前文完全相同".to_owned()
    } else {
        format!("{} 个长句重复：与前文完全相同", repeated.len())
    };
    out.emit(
        first.1.cover(last.1),
        message,
        Some("删去重复的句子，或改写其中一处".to_owned()),
        labels,
    );
}
