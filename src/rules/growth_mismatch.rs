//! `growth-mismatch`: a change that does not follow from the two figures it is stated with.
//!
//! **What it checks**: the grammar's changes between two stated figures ([`Relation::Growth`],
//! see [`crate::grammar::growth`]): relative growth in % (`由120亿元增加到135亿元，增长12.5%`),
//! a difference of percentages in points (`由60.5%提高到62.3%，提高1.8个百分点`), a difference
//! in the figures' unit (`由3.2万人减少到2.9万人，减少3000人`).
//!
//! **Why it matters**: the reader subtracts and divides; a growth rate the figures beside it
//! contradict puts all three in doubt.
//!
//! **Example**: `由120亿元增加到135亿元，增长15%` → (135亿元 − 120亿元) ÷ 120亿元 = 12.5%.

use super::common::Shown;
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::interval::Interval;
use crate::model::{Claim, Document, GrowthKind, Relation};
use rust_decimal::Decimal;

struct GrowthMismatch;

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(GrowthMismatch))
}

impl Rule for GrowthMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    /// The grammar relates each change to the two figures; the rule does the arithmetic.
    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for relation in &doc.relations {
            let Relation::Growth {
                from,
                to,
                change: Some(change),
            } = *relation
            else {
                continue;
            };
            if let (Some(from), Some(to), Some(stated)) = (
                doc.claims.get(from),
                doc.claims.get(to),
                doc.claims.get(change.claim),
            ) {
                check(doc, from, to, stated, change.kind, change.falls, out);
            }
        }
    }
}

/// The change the two figures make, in the change's own terms.
fn computed(from: &Claim, to: &Claim, kind: GrowthKind) -> Option<Interval> {
    let (a, b) = (from.quantity.interval, to.quantity.interval);
    let difference = b.add(&a.neg());
    match kind {
        GrowthKind::Points | GrowthKind::Amount => Some(difference),
        // (b − a) ÷ a × 100 = b ÷ a × 100 − 100, for a figure above zero.
        GrowthKind::Percent => {
            let ratio = b.div(&a)?;
            Some(
                ratio
                    .scale(Decimal::ONE_HUNDRED)
                    .add(&Interval::exact(-Decimal::ONE_HUNDRED)),
            )
        }
    }
}

fn check(
    doc: &Document,
    from: &Claim,
    to: &Claim,
    change: &Claim,
    kind: GrowthKind,
    falls: bool,
    out: &mut Emitter<'_>,
) {
    let Some(computed) = computed(from, to, kind) else {
        return;
    };
    let stated = if falls {
        change.quantity.interval.neg()
    } else {
        change.quantity.interval
    };
    if !computed.disjoint(&stated) {
        return;
    }
    let (a, b, c) = (
        doc.slice(from.span),
        doc.slice(to.span),
        doc.slice(change.span),
    );
    // A fall is shown as the figures' fall, beside the fall stated.
    let (formula, shown) = match (kind, falls) {
        (GrowthKind::Percent, false) => (format!("({b} − {a}) ÷ {a} × 100%"), Shown::plain("%")),
        (GrowthKind::Percent, true) => (format!("({a} − {b}) ÷ {a} × 100%"), Shown::plain("%")),
        (GrowthKind::Points, false) => (format!("{b} − {a}"), Shown::plain("个百分点")),
        (GrowthKind::Points, true) => (format!("{a} − {b}"), Shown::plain("个百分点")),
        (GrowthKind::Amount, false) => (format!("{b} − {a}"), Shown::like(&change.quantity)),
        (GrowthKind::Amount, true) => (format!("{a} − {b}"), Shown::like(&change.quantity)),
    };
    let shown_computed = shown.computed(&if falls { computed.neg() } else { computed });
    let shown_stated = shown.stated(&change.quantity.interval);
    let direction = if falls { "下降" } else { "增长" };
    out.emit(
        change.span,
        format!("变化 {c} 与前后两个数字不符"),
        Some(format!(
            "{formula} {shown_computed}，但所写{direction}{shown_stated}"
        )),
        vec![
            Label::new(from.span, format!("起点 {a}")),
            Label::new(to.span, format!("终点 {b}")),
            Label::new(change.span, format!("所写变化 {c}")),
        ],
    );
}
