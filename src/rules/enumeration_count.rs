//! `enumeration-count`: a summary count that disagrees with the items it names.
//!
//! **What it checks**: a count right after an enumeration (`A、B、C三大体系`, `A、B等四大体系`)
//! against the number of items in it, where the grammar reads the count as the list's summary
//! ([`Relation::Enumeration`], see [`crate::grammar::lists`]); and an empty item in a list
//! (`司空山、、名木古树`), where a word was lost.
//!
//! **Why it matters**: the reader counts the list; a wrong count means an item was dropped.
//!
//! **Example**: `落实教育、医疗、住房“四保障”` → three items, count four.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::{Document, ItemCount, Relation, SummaryKind};
use crate::tr;

struct EnumerationCount;

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(EnumerationCount))
}

const OPENING_QUOTES: [char; 4] = ['“', '"', '「', '『'];

impl Rule for EnumerationCount {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        empty_items(doc, out);
        for relation in &doc.relations {
            let Relation::Enumeration {
                list,
                items,
                count,
                kind,
            } = relation
            else {
                continue;
            };
            let Some(count) = doc.claims.get(*count) else {
                continue;
            };
            let Ok(n) = usize::try_from(count.quantity.value.mantissa()) else {
                continue;
            };
            if !contradicts(*kind, n, items) {
                continue;
            }
            let t = out.tr();
            let counted = if items.min == items.max {
                items.min.to_string()
            } else {
                tr!(
                    t,
                    "either-or",
                    a = items.min.to_string(),
                    b = items.max.to_string()
                )
            };
            out.emit(
                count.span,
                tr!(
                    t,
                    "enumeration-count-message",
                    figure = doc.slice(count.span),
                    counted = &counted,
                    max = items.max
                ),
                Some(tr!(
                    t,
                    "enumeration-count-help",
                    counted = &counted,
                    max = items.max,
                    list = doc.slice(*list).trim_end_matches(OPENING_QUOTES),
                    n = n
                )),
                vec![
                    Label::new(
                        *list,
                        tr!(t, "label-listed", counted = &counted, max = items.max),
                    ),
                    Label::new(count.span, tr!(t, "enumeration-count-label-count", n = n)),
                ],
            );
        }
    }
}

/// Whether count `n` cannot sum up the items: fewer than named is always wrong; more than named
/// is wrong for a list's own number when at least three items are named (two may be a sample),
/// and, after 等, one more than named is wrong for kinds.
fn contradicts(kind: SummaryKind, n: usize, items: &ItemCount) -> bool {
    match kind {
        SummaryKind::AfterEtc { exact } => {
            n < items.min || (exact && items.min >= 3 && n == items.max + 1)
        }
        SummaryKind::Summary => n < items.min || (n > items.max && items.min >= 3),
    }
}

/// An empty item in a list (`司空山、、名木古树`, `苗、、汉`): a word was lost between two 、, and
/// any count of the list is off by it.
fn empty_items(doc: &Document, out: &mut Emitter<'_>) {
    let t = out.tr();
    for &span in &doc.empty_items {
        out.emit(
            span,
            t.text("enumeration-count-empty-message"),
            Some(t.text("enumeration-count-empty-help")),
            vec![Label::new(span, t.text("enumeration-count-empty-label"))],
        );
    }
}
