//! `growth-mismatch`: a change that does not follow from the two figures it is stated with.
//!
//! **What it checks**: the grammar's changes between two stated figures ([`Relation::Growth`],
//! see [`crate::grammar::growth`]): relative growth in % (`由120亿元增加到135亿元，增长12.5%`),
//! a difference of percentages in points (`由60.5%提高到62.3%，提高1.8个百分点`), a difference
//! in the figures' unit (`由3.2万人减少到2.9万人，减少3000人`), the level compared with an
//! earlier figure after it (`5.2亿元，比上年的4.8亿元增长8.3%`), a multiple (`是2015年的1.3倍`),
//! compound growth per year between two years (`由2015年的9600元增加到2020年的14600元，年均增长
//! 8.7%`); and a level's change in % against its change in its own unit
//! ([`Relation::LevelChange`]: `3465.99万人，比上年减少15.36万人，下降0.44%`).
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
use crate::tr;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
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
        let claim = |i: usize| doc.claims.get(i);
        for relation in &doc.relations {
            match *relation {
                Relation::Growth {
                    from,
                    to,
                    change: Some(change),
                } => {
                    if let (Some(from), Some(to), Some(stated)) =
                        (claim(from), claim(to), claim(change.claim))
                    {
                        check(doc, from, to, stated, change.kind, change.falls, out);
                    }
                }
                Relation::LevelChange {
                    level,
                    amount,
                    percent,
                    falls,
                } => {
                    if let (Some(level), Some(amount), Some(percent)) =
                        (claim(level), claim(amount), claim(percent))
                    {
                        check_level_change(doc, [level, amount, percent], falls, out);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A level's change in % against the change in its unit (`3465.99万人，比上年减少15.36万人，下降
/// 0.44%`): the earlier level is the level less the change (more, for a fall), and the % must lie
/// within rounding of the change over it.
fn check_level_change(
    doc: &Document,
    [level, amount, percent]: [&Claim; 3],
    falls: bool,
    out: &mut Emitter<'_>,
) {
    let (now, change) = (spoken_interval(level), spoken_interval(amount));
    let earlier = if falls {
        now.add(&change)
    } else {
        now.add(&change.neg())
    };
    let Some(computed) = change
        .div(&earlier)
        .map(|ratio| ratio.scale(Decimal::ONE_HUNDRED))
    else {
        return;
    };
    let stated = &percent.quantity.interval;
    if !computed.disjoint(stated) {
        return;
    }
    let (l, a, p) = (
        doc.slice(level.span),
        doc.slice(amount.span),
        doc.slice(percent.span),
    );
    let t = out.tr();
    let formula = if falls {
        format!("{a} ÷ ({l} + {a}) × 100%")
    } else {
        format!("{a} ÷ ({l} − {a}) × 100%")
    };
    let shown = Shown::plain("%");
    let direction = if falls {
        "growth-mismatch-fall"
    } else {
        "growth-mismatch-growth"
    };
    out.emit(
        percent.span,
        tr!(
            t,
            "growth-mismatch-level-message",
            change = p,
            level = l,
            amount = a
        ),
        Some(tr!(
            t,
            "growth-mismatch-help",
            formula = formula,
            computed = shown.computed_beside(t, &computed, stated),
            direction = t.text(direction),
            stated = shown.stated(t, stated)
        )),
        vec![
            Label::new(
                level.span,
                tr!(t, "growth-mismatch-label-level", figure = l),
            ),
            Label::new(
                amount.span,
                tr!(t, "growth-mismatch-label-amount", figure = a),
            ),
            Label::new(
                percent.span,
                tr!(t, "growth-mismatch-label-change", figure = p),
            ),
        ],
    );
}

/// A figure's interval, for a Chinese numeral widened to half its last written place: the zeros
/// after it are not written (`五亿二千万吨` says nothing of the places below 千万), so a plan's
/// round figure may stand for anything that rounds to it.
fn spoken_interval(c: &Claim) -> Interval {
    let q = &c.quantity;
    if !q.chinese || q.qualifier.is_some() || q.range {
        return q.interval;
    }
    let factor = q.unit.map_or(Decimal::ONE, |u| u.factor);
    let Some(mut written) = q.value.checked_div(factor).map(|v| v.normalize()) else {
        return q.interval;
    };
    if written.scale() > 0 || written.is_zero() {
        return q.interval;
    }
    let mut place = Decimal::ONE;
    while (written % Decimal::TEN).is_zero() {
        written /= Decimal::TEN;
        place *= Decimal::TEN;
    }
    let Some(half) = (place / Decimal::TWO).checked_mul(factor) else {
        return q.interval;
    };
    let (Some(lo), Some(hi)) = (q.interval.lo(), q.interval.hi()) else {
        return q.interval;
    };
    Interval::closed(lo.min(q.value - half), hi.max(q.value + half))
}

/// The change the two figures make, in the change's own terms.
fn computed(from: &Claim, to: &Claim, kind: GrowthKind) -> Option<Interval> {
    let (a, b) = (spoken_interval(from), spoken_interval(to));
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
        GrowthKind::Times => b.div(&a),
        // ((b ÷ a)^(1/n) − 1) × 100, each bound rounded outward.
        GrowthKind::Compound { years } => {
            let ratio = b.div(&a)?;
            let root = |v: Decimal, outward: f64| -> Option<Decimal> {
                let r = v.to_f64()?.powf(1.0 / f64::from(years));
                Decimal::from_f64((r - 1.0) * 100.0 + outward).filter(|_| r.is_finite())
            };
            // A millionth of a point covers the error of a root in floating point many times.
            let (lo, hi) = (root(ratio.lo()?, -1e-6)?, root(ratio.hi()?, 1e-6)?);
            Some(Interval::closed(lo, hi))
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
    let t = out.tr();
    // A fall is shown as the figures' fall, beside the fall stated.
    let (formula, shown) = match (kind, falls) {
        (GrowthKind::Percent, false) => (format!("({b} − {a}) ÷ {a} × 100%"), Shown::plain("%")),
        (GrowthKind::Percent, true) => (format!("({a} − {b}) ÷ {a} × 100%"), Shown::plain("%")),
        (GrowthKind::Points, false) => (format!("{b} − {a}"), Shown::plain(&t.text("unit-points"))),
        (GrowthKind::Points, true) => (format!("{a} − {b}"), Shown::plain(&t.text("unit-points"))),
        (GrowthKind::Amount, false) => (format!("{b} − {a}"), Shown::like(&change.quantity)),
        (GrowthKind::Amount, true) => (format!("{a} − {b}"), Shown::like(&change.quantity)),
        (GrowthKind::Times, _) => (format!("{b} ÷ {a}"), Shown::plain(&t.text("unit-times"))),
        (GrowthKind::Compound { years }, _) => (
            tr!(
                t,
                "growth-mismatch-compound-formula",
                from = a,
                to = b,
                years = years
            ),
            Shown::plain("%"),
        ),
    };
    let shown_computed = shown.computed(t, &if falls { computed.neg() } else { computed });
    let shown_stated = shown.stated(t, &change.quantity.interval);
    let direction = match (kind, falls) {
        (GrowthKind::Times, _) => "growth-mismatch-times",
        (GrowthKind::Compound { .. }, true) => "growth-mismatch-yearly-fall",
        (GrowthKind::Compound { .. }, false) => "growth-mismatch-yearly-growth",
        (_, true) => "growth-mismatch-fall",
        (_, false) => "growth-mismatch-growth",
    };
    out.emit(
        change.span,
        tr!(t, "growth-mismatch-message", change = c),
        Some(tr!(
            t,
            "growth-mismatch-help",
            formula = formula,
            computed = shown_computed,
            direction = t.text(direction),
            stated = shown_stated
        )),
        vec![
            Label::new(from.span, tr!(t, "label-from", figure = a)),
            Label::new(to.span, tr!(t, "label-to", figure = b)),
            Label::new(
                change.span,
                tr!(t, "growth-mismatch-label-change", figure = c),
            ),
        ],
    );
}
