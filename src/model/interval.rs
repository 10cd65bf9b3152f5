//! Intervals of exact decimals: the set of true values a written figure stands for.
//!
//! A figure written `1.04万元` means any amount in [10350, 10450) 元. Rules compare such intervals
//! and report only when no choice of true values inside them makes the text consistent.
//!
//! Bounds remember whether they are inclusive (for display and JSON), but consistency checks treat
//! every bound as closed: a value sitting exactly on a rounding boundary is never reported, because a
//! drafter's rounding at the boundary is not a fault worth a reviewer's time.

use rust_decimal::Decimal;
use std::fmt;

/// One end of an interval: a value and whether the value itself belongs to the interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    /// The bound's value.
    pub value: Decimal,
    /// Whether `value` itself is inside the interval.
    pub inclusive: bool,
}

impl Bound {
    /// An inclusive bound.
    pub fn closed(value: Decimal) -> Self {
        Self {
            value,
            inclusive: true,
        }
    }

    /// An exclusive bound.
    pub fn open(value: Decimal) -> Self {
        Self {
            value,
            inclusive: false,
        }
    }
}

/// A set of values between two optional bounds; `None` means unbounded on that side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// Lower bound, or `None` for minus infinity.
    pub lower: Option<Bound>,
    /// Upper bound, or `None` for plus infinity.
    pub upper: Option<Bound>,
}

impl Interval {
    /// The single value `v`.
    pub fn exact(v: Decimal) -> Self {
        Self::closed(v, v)
    }

    /// [lo, hi].
    pub fn closed(lo: Decimal, hi: Decimal) -> Self {
        Self {
            lower: Some(Bound::closed(lo)),
            upper: Some(Bound::closed(hi)),
        }
    }

    /// [lo, hi): what a figure rounded to the nearest unit stands for.
    pub fn half_open(lo: Decimal, hi: Decimal) -> Self {
        Self {
            lower: Some(Bound::closed(lo)),
            upper: Some(Bound::open(hi)),
        }
    }

    /// Lower bound value, treating the interval as closed (`None` when unbounded).
    pub fn lo(&self) -> Option<Decimal> {
        self.lower.map(|b| b.value)
    }

    /// Upper bound value, treating the interval as closed (`None` when unbounded).
    pub fn hi(&self) -> Option<Decimal> {
        self.upper.map(|b| b.value)
    }

    /// Whether both bounds are finite.
    pub fn is_bounded(&self) -> bool {
        self.lower.is_some() && self.upper.is_some()
    }

    /// Whether the closures of the two intervals share no point: the only result a rule reports.
    pub fn disjoint(&self, other: &Interval) -> bool {
        let below = |a: &Interval, b: &Interval| match (a.hi(), b.lo()) {
            (Some(h), Some(l)) => h < l,
            _ => false,
        };
        below(self, other) || below(other, self)
    }

    /// Whether every value of `self` lies strictly above every value of `other` (closures).
    pub fn entirely_above(&self, other: &Interval) -> bool {
        match (self.lo(), other.hi()) {
            (Some(l), Some(h)) => l > h,
            _ => false,
        }
    }

    /// The values both intervals hold (their closures'), or `None` when they are disjoint.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        if self.disjoint(other) {
            return None;
        }
        let lower = match (self.lower, other.lower) {
            (Some(a), Some(b)) => Some(if a.value >= b.value { a } else { b }),
            (a, b) => a.or(b),
        };
        let upper = match (self.upper, other.upper) {
            (Some(a), Some(b)) => Some(if a.value <= b.value { a } else { b }),
            (a, b) => a.or(b),
        };
        Some(Interval { lower, upper })
    }

    /// Interval sum: [Σ lower, Σ upper]. Unbounded on a side where any operand is.
    pub fn add(&self, other: &Interval) -> Interval {
        let join = |a: Option<Bound>, b: Option<Bound>| -> Option<Bound> {
            let (a, b) = (a?, b?);
            Some(Bound {
                value: a.value.checked_add(b.value)?,
                inclusive: a.inclusive && b.inclusive,
            })
        };
        Interval {
            lower: join(self.lower, other.lower),
            upper: join(self.upper, other.upper),
        }
    }

    /// The interval of the values' negatives: [−hi, −lo].
    pub fn neg(&self) -> Interval {
        let flip = |b: Option<Bound>| {
            b.map(|b| Bound {
                value: -b.value,
                inclusive: b.inclusive,
            })
        };
        Interval {
            lower: flip(self.upper),
            upper: flip(self.lower),
        }
    }

    /// Multiply by a positive exact factor.
    pub fn scale(&self, factor: Decimal) -> Interval {
        let mul = |b: Option<Bound>| -> Option<Bound> {
            let b = b?;
            Some(Bound {
                value: b.value.checked_mul(factor)?,
                inclusive: b.inclusive,
            })
        };
        Interval {
            lower: mul(self.lower),
            upper: mul(self.upper),
        }
    }

    /// Quotient of two non-negative intervals, rounded outward: [a.lo / b.hi, a.hi / b.lo].
    /// `None` when the divisor may be zero or either side is unbounded in a way that loses meaning.
    pub fn div(&self, divisor: &Interval) -> Option<Interval> {
        let (alo, ahi) = (self.lo()?, self.hi()?);
        let (blo, bhi) = (divisor.lo()?, divisor.hi()?);
        if blo <= Decimal::ZERO || alo < Decimal::ZERO {
            return None;
        }
        let lo = round_down(alo.checked_div(bhi)?);
        let hi = round_up(ahi.checked_div(blo)?);
        Some(Interval::closed(lo, hi))
    }
}

/// A relative nudge that makes a rounded quotient safe to compare: the division in `Decimal` keeps
/// 28 significant digits, so widening by 10⁻²⁰ of the value always covers its rounding error.
fn nudge(v: Decimal) -> Decimal {
    (v.abs() * Decimal::new(1, 20)).max(Decimal::new(1, 27))
}

fn round_down(v: Decimal) -> Decimal {
    v - nudge(v)
}

fn round_up(v: Decimal) -> Decimal {
    v + nudge(v)
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lower {
            Some(b) => write!(
                f,
                "{}{}",
                if b.inclusive { '[' } else { '(' },
                b.value.normalize()
            )?,
            None => f.write_str("(-∞")?,
        }
        f.write_str(", ")?;
        match self.upper {
            Some(b) => write!(
                f,
                "{}{}",
                b.value.normalize(),
                if b.inclusive { ']' } else { ')' }
            ),
            None => f.write_str("∞)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn sums_and_disjointness() {
        let parts = Interval::exact(d("44")).add(&Interval::exact(d("4")));
        assert!(parts.disjoint(&Interval::exact(d("47"))));
        let parts = Interval::exact(d("44")).add(&Interval::exact(d("3")));
        assert!(!parts.disjoint(&Interval::exact(d("47"))));
    }

    #[test]
    fn quotient_rounds_outward() {
        let q = Interval::exact(d("6151"))
            .div(&Interval::exact(d("5910")))
            .unwrap();
        assert!(!q.disjoint(&Interval::half_open(d("1.035"), d("1.045"))));
        assert!(Interval::exact(d("1"))
            .div(&Interval::closed(d("0"), d("1")))
            .is_none());
    }

    #[test]
    fn boundary_touch_is_not_disjoint() {
        let a = Interval::half_open(d("72.75"), d("72.85"));
        assert!(!a.disjoint(&Interval::exact(d("72.85"))));
    }

    #[test]
    fn intersection() {
        let a = Interval::closed(d("1"), d("5"));
        let b = Interval::half_open(d("4"), d("9"));
        assert_eq!(a.intersect(&b), Some(Interval::closed(d("4"), d("5"))));
        assert_eq!(a.intersect(&Interval::exact(d("6"))), None);
    }

    #[test]
    fn display() {
        assert_eq!(
            Interval::half_open(d("10350"), d("10450")).to_string(),
            "[10350, 10450)"
        );
    }
}
