//! Helpers the arithmetic rules share: which claims take part, and how numbers are shown.

use crate::document::{Claim, Document};
use crate::interval::Interval;
use crate::lexicon::MarkerKind;
use rust_decimal::{Decimal, RoundingStrategy};

/// A claim an arithmetic rule may use: stated in the text (not inside a name in quotes), bounded,
/// and a level rather than a change.
pub(super) fn usable(c: &Claim) -> bool {
    !c.quoted && c.quantity.interval.is_bounded() && !c.has(MarkerKind::Change) && !c.quantity.range
}

/// A number for a message: at most six decimals, no trailing zeros.
pub(super) fn num(d: Decimal) -> String {
    d.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// An interval for a message, or its single value when exact.
pub(super) fn show(iv: &Interval) -> String {
    match (iv.lo(), iv.hi()) {
        (Some(l), Some(h)) if num(l) == num(h) => num(l),
        _ => {
            let lo = iv.lower.map_or("-∞".to_owned(), |b| {
                format!("{}{}", if b.inclusive { '[' } else { '(' }, num(b.value))
            });
            let hi = iv.upper.map_or("∞)".to_owned(), |b| {
                format!("{}{}", num(b.value), if b.inclusive { ']' } else { ')' })
            });
            format!("{lo}, {hi}")
        }
    }
}

/// Whether an interval is a single value.
pub(super) fn is_exact(iv: &Interval) -> bool {
    matches!((iv.lo(), iv.hi()), (Some(l), Some(h)) if num(l) == num(h))
}

/// The written figures joined by ` + `.
pub(super) fn written_sum(doc: &Document, parts: &[&Claim]) -> String {
    parts
        .iter()
        .map(|c| doc.slice(c.span))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The sum of the claims' intervals.
pub(super) fn interval_sum(parts: &[&Claim]) -> Interval {
    parts
        .iter()
        .skip(1)
        .fold(parts.first().map_or(Interval::exact(Decimal::ZERO), |c| c.quantity.interval), |acc, c| {
            acc.add(&c.quantity.interval)
        })
}

/// `= 48 个` or `∈ [47.5, 48.5) 元`: a computed result in the base unit.
pub(super) fn result(iv: &Interval, unit: &str) -> String {
    if is_exact(iv) {
        format!("= {}{}", show(iv), unit)
    } else {
        format!("∈ {} {}", show(iv), unit)
    }
}

/// `为 47` or `在 [47.75, 47.85) 之间`: a stated figure's interval.
pub(super) fn stated(iv: &Interval, unit: &str) -> String {
    if is_exact(iv) {
        format!("为 {}{}", show(iv), unit)
    } else {
        format!("在 {} {}之间", show(iv), unit)
    }
}
