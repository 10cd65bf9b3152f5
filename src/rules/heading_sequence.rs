//! `heading-sequence`: heading numbers that skip, repeat, go backwards, do not restart, or mix
//! styles at one level.
//!
//! **What it checks**: `一、二、四、`; `1. 2. 2.`; `3. 2.`; `3.` as the first sub-heading under a new
//! parent; `（二）` followed by `3、` at the same level.
//!
//! **Why it matters**: a skipped number usually means a section was deleted or moved and the rest
//! not renumbered.
//!
//! **Example**: `一、…二、…四、…` → both `二、` and `四、` are labelled. A number that starts again
//! at 1 begins a new list (`…有以下几点` then `一、`) and is not reported.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::{Document, Heading, HeadingStyle};
use crate::tr;

struct HeadingSequence;

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(HeadingSequence))
}

/// Deepest level tracked (①).
const LEVELS: usize = 6;

impl Rule for HeadingSequence {
    fn scope(&self) -> super::Scope {
        super::Scope::Document
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        // The last heading at each level under the current parent, and the last one under the
        // previous parent (to tell a sub-level that forgot to restart).
        let mut last: [Option<&Heading>; LEVELS] = [None; LEVELS];
        let mut before_parent: [Option<&Heading>; LEVELS] = [None; LEVELS];
        let mut recent: Option<&Heading> = None;
        for h in doc.blocks.iter().filter_map(|b| b.heading.as_ref()) {
            if h.style == HeadingStyle::Markdown {
                continue;
            }
            if h.style == HeadingStyle::Part {
                last = [None; LEVELS];
                before_parent = [None; LEVELS];
                recent = None;
                continue;
            }
            let level = usize::from(h.level).min(LEVELS - 1);
            let deeper = last
                .iter_mut()
                .zip(before_parent.iter_mut())
                .skip(level + 1);
            for (last_deeper, before_deeper) in deeper {
                if let Some(prev) = last_deeper.take() {
                    *before_deeper = Some(prev);
                }
            }
            match last.get(level).copied().flatten() {
                Some(prev) => compare(doc, prev, h, out),
                None if h.number != 1 => {
                    let has_parent = last
                        .get(..level)
                        .unwrap_or_default()
                        .iter()
                        .any(Option::is_some);
                    if let Some(prev) =
                        before_parent.get(level).copied().flatten().filter(|p| {
                            has_parent && p.style == h.style && h.number == p.number + 1
                        })
                    {
                        let t = out.tr();
                        emit(
                            doc,
                            out,
                            prev,
                            h,
                            tr!(
                                t,
                                "heading-sequence-carried-message",
                                heading = number(doc, h)
                            ),
                            t.text("heading-sequence-carried-help"),
                        );
                    } else if let Some(prev) = recent
                        .filter(|r| r.level < h.level && r.number + 1 == h.number && r.number > 1)
                    {
                        let t = out.tr();
                        emit(
                            doc,
                            out,
                            prev,
                            h,
                            tr!(
                                t,
                                "heading-sequence-style-message",
                                previous = number(doc, prev),
                                heading = number(doc, h)
                            ),
                            tr!(
                                t,
                                "heading-sequence-style-help",
                                previous = number(doc, prev)
                            ),
                        );
                    }
                }
                None => {}
            }
            if let (Some(l), Some(b)) = (last.get_mut(level), before_parent.get_mut(level)) {
                *l = Some(h);
                *b = None;
            }
            recent = Some(h);
        }
    }
}

fn number<'a>(doc: &'a Document, h: &Heading) -> &'a str {
    doc.slice(h.span).trim_end()
}

fn compare(doc: &Document, prev: &Heading, h: &Heading, out: &mut Emitter<'_>) {
    let (p, n) = (number(doc, prev), number(doc, h));
    let t = out.tr();
    let (message, help) = if prev.style != h.style {
        (
            tr!(
                t,
                "heading-sequence-style-message",
                previous = p,
                heading = n
            ),
            tr!(t, "heading-sequence-style-help", previous = p),
        )
    } else if h.number == prev.number {
        (
            tr!(t, "heading-sequence-repeated-message", previous = p),
            t.text("heading-sequence-consecutive-help"),
        )
    } else if h.number == 1 {
        // A new list that starts again at 1 (`…有以下几点` followed by `一、`) is no fault.
        return;
    } else if h.number < prev.number {
        (
            tr!(
                t,
                "heading-sequence-backwards-message",
                previous = p,
                heading = n
            ),
            t.text("heading-sequence-consecutive-help"),
        )
    } else if h.number > prev.number + 1 {
        (
            tr!(
                t,
                "heading-sequence-skipped-message",
                previous = p,
                heading = n
            ),
            tr!(
                t,
                "heading-sequence-skipped-help",
                previous = p,
                missing = h.number - prev.number - 1
            ),
        )
    } else {
        return;
    };
    emit(doc, out, prev, h, message, help);
}

fn emit(
    doc: &Document,
    out: &mut Emitter<'_>,
    prev: &Heading,
    h: &Heading,
    message: String,
    help: String,
) {
    let t = out.tr();
    out.emit(
        h.span,
        message,
        Some(help),
        vec![
            Label::new(
                prev.span,
                tr!(
                    t,
                    "heading-sequence-label-previous",
                    heading = number(doc, prev)
                ),
            ),
            Label::new(
                h.span,
                tr!(t, "heading-sequence-label-this", heading = number(doc, h)),
            ),
        ],
    );
}
