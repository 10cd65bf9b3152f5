//! Helpers the arithmetic rules share: which claims take part, and how amounts are shown.

use super::Emitter;
use crate::locale::Catalog;
use crate::model::diagnostic::Label;
use crate::model::interval::Interval;
use crate::model::Quantity;
use crate::model::{Claim, Document, PartsKind, Relation};
use crate::tr;
use rust_decimal::{Decimal, RoundingStrategy};

/// The sums the grammar relates that must add up: a total with its parts closed by a remainder,
/// items with their explicit sum, a whole with the parts statistics define it by; each with its
/// total, its parts in order and its kind.
pub(super) fn sums(doc: &Document) -> impl Iterator<Item = (&Claim, Vec<&Claim>, PartsKind)> {
    doc.relations.iter().filter_map(move |relation| {
        let Relation::Parts {
            wholes,
            parts,
            kind: kind @ (PartsKind::Remainder | PartsKind::Sum | PartsKind::Identity),
        } = relation
        else {
            return None;
        };
        let total = doc.members_of(wholes).next()?;
        Some((total, doc.members_of(parts).collect(), *kind))
    })
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
    let first = parts
        .first()
        .map_or(Interval::exact(Decimal::ZERO), |c| c.quantity.interval);
    parts
        .iter()
        .skip(1)
        .fold(first, |acc, c| acc.add(&c.quantity.interval))
}

/// A figure of a sum whose written magnitude slipped: see [`slipped_magnitude`].
pub(super) struct Slip<'a> {
    /// The figure whose magnitude slipped.
    pub figure: &'a Claim,
    /// A figure of the sum written in the magnitude it was meant in.
    pub like: &'a Claim,
    /// What the figure's value is multiplied by when read like `like`.
    pub factor: Decimal,
    /// The figure is the total.
    pub is_total: bool,
    /// The parts' sum with the figure read like `like`.
    pub sum: Interval,
}

/// The factor from base units to a figure as written: 10⁴ × 1000 for `万吨` (in 公斤).
fn written_scale(q: &Quantity) -> Option<Decimal> {
    q.magnitude
        .checked_mul(q.unit.map_or(Decimal::ONE, |u| u.factor))
}

/// Whether `f` is 10ᵏ with |k| ≥ 3: a magnitude (千, 万, 亿) or a unit a thousand times another.
fn is_slip_factor(f: Decimal) -> bool {
    let power_of_ten = |v: Decimal| {
        let v = v.normalize();
        v.scale() == 0 && v.mantissa() > 0 && {
            let mut m = v.mantissa();
            while m % 10 == 0 {
                m /= 10;
            }
            m == 1
        }
    };
    let thousand = Decimal::from(1000);
    (f >= thousand && power_of_ten(f))
        || (f > Decimal::ZERO
            && f <= Decimal::ONE / thousand
            && Decimal::ONE.checked_div(f).is_some_and(power_of_ten))
}

/// The one figure of a sum whose magnitude slipped (`林业产值6.31元` among parts in 亿元): as
/// written the parts do not add up to the total, and they do when one figure (a part, or the
/// total) is read in the magnitude and unit another figure of the sum is written in. `None` when
/// the sum adds up, when no figure read so makes it add up, or when more than one would: only a
/// single explanation is certain.
pub(super) fn slipped_magnitude<'a>(total: &'a Claim, parts: &[&'a Claim]) -> Option<Slip<'a>> {
    let as_written = interval_sum(parts);
    if parts.len() < 2 || !as_written.is_bounded() || !as_written.disjoint(&total.quantity.interval)
    {
        return None;
    }
    let figures: Vec<&Claim> = parts.iter().copied().chain([total]).collect();
    let mut found: Option<Slip<'a>> = None;
    for (i, figure) in figures.iter().enumerate() {
        let is_total = i == parts.len();
        let Some(own) = written_scale(&figure.quantity).filter(|s| !s.is_zero()) else {
            continue;
        };
        let mut tried: Vec<Decimal> = Vec::new();
        for like in figures.iter().filter(|o| !std::ptr::eq(**o, *figure)) {
            let Some(factor) = written_scale(&like.quantity).and_then(|s| s.checked_div(own))
            else {
                continue;
            };
            if !is_slip_factor(factor) || tried.contains(&factor) {
                continue;
            }
            tried.push(factor);
            let scaled = figure.quantity.interval.scale(factor);
            if !scaled.is_bounded() {
                continue;
            }
            let (sum, whole) = if is_total {
                (as_written, scaled)
            } else {
                let sum = parts.iter().fold(Interval::exact(Decimal::ZERO), |acc, p| {
                    acc.add(if std::ptr::eq(*p, *figure) {
                        &scaled
                    } else {
                        &p.quantity.interval
                    })
                });
                (sum, total.quantity.interval)
            };
            if !sum.is_bounded() || sum.disjoint(&whole) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(Slip {
                figure,
                like,
                factor,
                is_total,
                sum,
            });
        }
    }
    found
}

/// How amounts are shown in messages: in the magnitude and unit the text wrote them in
/// (`8.2亿元`, `1.04万元`, `75%`), not in base units.
pub(super) struct Shown {
    factor: Decimal,
    suffix: String,
}

impl Shown {
    /// Show amounts the way `q` is written.
    pub(super) fn like(q: &Quantity) -> Self {
        let unit_factor = q.unit.map_or(Decimal::ONE, |u| u.factor);
        let unit_text = q.unit.map_or("", |u| u.text.as_str());
        let word = [
            (1_000_000_000_000_i64, "万亿"),
            (100_000_000, "亿"),
            (10_000_000, "千万"),
            (1_000_000, "百万"),
            (10_000, "万"),
            (1_000, "千"),
        ]
        .into_iter()
        .find(|(f, _)| q.magnitude == Decimal::from(*f))
        .map_or("", |(_, w)| w);
        Self {
            factor: q.magnitude * unit_factor,
            suffix: format!("{word}{unit_text}"),
        }
    }

    /// Plain numbers with a unit of our choosing (`%`).
    pub(super) fn plain(suffix: &str) -> Self {
        Self {
            factor: Decimal::ONE,
            suffix: suffix.to_owned(),
        }
    }

    /// Amounts in a unit `factor` base units large (`万人`: 10⁴).
    pub(super) fn in_units(factor: Decimal, suffix: &str) -> Self {
        Self {
            factor,
            suffix: suffix.to_owned(),
        }
    }

    /// One exact amount: `6.31亿元`.
    pub(super) fn value(&self, v: Decimal) -> String {
        self.amount(v, 6, RoundingStrategy::MidpointAwayFromZero)
    }

    /// A base-unit amount in the unit and magnitude shown.
    fn scaled(&self, v: Decimal) -> Decimal {
        v.checked_div(self.factor).unwrap_or(v)
    }

    fn amount(&self, v: Decimal, dp: u32, strategy: RoundingStrategy) -> String {
        let shown = self
            .scaled(v)
            .round_dp_with_strategy(dp, strategy)
            .normalize();
        format!("{shown}{}", self.suffix)
    }

    /// A stated figure's interval: `为 47个`, `在 79.5% 至 80.5% 之间`, `大于 2200家`.
    pub(super) fn stated(&self, t: &Catalog, iv: &Interval) -> String {
        let exact = RoundingStrategy::MidpointAwayFromZero;
        let at = |v: Decimal| self.amount(v, 6, exact);
        match (iv.lower, iv.upper) {
            (Some(l), Some(h)) if l.value == h.value => tr!(t, "amount-is", a = at(l.value)),
            (Some(l), Some(h)) => tr!(t, "amount-between", a = at(l.value), b = at(h.value)),
            (Some(l), None) if l.inclusive => tr!(t, "amount-at-least", a = at(l.value)),
            (Some(l), None) => tr!(t, "amount-above", a = at(l.value)),
            (None, Some(h)) if h.inclusive => tr!(t, "amount-at-most", a = at(h.value)),
            (None, Some(h)) => tr!(t, "amount-below", a = at(h.value)),
            (None, None) => t.text("amount-unbounded"),
        }
    }

    /// A computed interval, shown to two decimals: `= 48个`, `≈ 77.89%`,
    /// `在 8.2亿元 至 8.4亿元 之间`. (Display only: the decision was made on exact bounds.)
    pub(super) fn computed(&self, t: &Catalog, iv: &Interval) -> String {
        self.computed_to(t, iv, 2)
    }

    /// A computed interval shown beside the stated one it contradicts, with as many decimals (two
    /// to four) as it takes for the two not to look alike: 37952 ÷ 914326 is `≈ 4.151%`, not
    /// `≈ 4.15%`, beside a stated `4.1%` = [4.05%, 4.15%).
    pub(super) fn computed_beside(&self, t: &Catalog, iv: &Interval, stated: &Interval) -> String {
        let near = RoundingStrategy::MidpointAwayFromZero;
        let dp = (2..=4)
            .find(|&dp| {
                let shown =
                    |v: Option<Decimal>| v.map(|v| self.scaled(v).round_dp_with_strategy(dp, near));
                let (lo, hi) = (shown(iv.lo()), shown(iv.hi()));
                let (slo, shi) = (
                    stated.lo().map(|v| self.scaled(v)),
                    stated.hi().map(|v| self.scaled(v)),
                );
                let below = matches!((hi, slo), (Some(h), Some(l)) if h < l);
                let above = matches!((lo, shi), (Some(l), Some(h)) if l > h);
                below || above
            })
            .unwrap_or(4);
        self.computed_to(t, iv, dp)
    }

    fn computed_to(&self, t: &Catalog, iv: &Interval, dp: u32) -> String {
        let (Some(lo), Some(hi)) = (iv.lo(), iv.hi()) else {
            return self.stated(t, iv);
        };
        let near = RoundingStrategy::MidpointAwayFromZero;
        let (lo6, hi6) = (self.amount(lo, 6, near), self.amount(hi, 6, near));
        let (lo2, hi2) = (self.amount(lo, dp, near), self.amount(hi, dp, near));
        if lo6 == hi6 {
            if lo6 == lo2 {
                format!("= {lo2}")
            } else {
                format!("≈ {lo2}")
            }
        } else if lo2 == hi2 {
            format!("≈ {lo2}")
        } else {
            tr!(t, "amount-between", a = lo2, b = hi2)
        }
    }
}

/// A stated figure that should be numerator ÷ denominator (× `factor`): a share or a per-capita
/// value. What each figure is called in the message comes from `names`.
pub(super) struct Quotient<'a> {
    /// The figure divided.
    pub numerator: &'a Claim,
    /// The figure divided by.
    pub denominator: &'a Claim,
    /// The figure that states the result.
    pub stated: &'a Claim,
    /// 100 for a percentage, 1 otherwise.
    pub factor: Decimal,
    /// The catalog keys of the names of the numerator, denominator and result (`name-part`,
    /// `name-base`, `name-share`: 部分, 基数, 占比).
    pub names: [&'static str; 3],
    /// How results are shown.
    pub shown: Shown,
}

impl Quotient<'_> {
    /// Report the quotient if no rounding of the three figures makes it agree.
    pub(super) fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        let Some(q) = self
            .numerator
            .quantity
            .interval
            .div(&self.denominator.quantity.interval)
        else {
            return;
        };
        let computed = q.scale(self.factor);
        if !computed.disjoint(&self.stated.quantity.interval) {
            return;
        }
        let t = out.tr();
        let [num_name, den_name, res_name] = self.names.map(|key| t.text(key));
        let (num, den, res) = (
            doc.slice(self.numerator.span),
            doc.slice(self.denominator.span),
            doc.slice(self.stated.span),
        );
        let formula = if self.factor == Decimal::ONE_HUNDRED {
            format!("{num} ÷ {den} × 100%")
        } else {
            format!("{num} ÷ {den}")
        };
        out.emit(
            self.stated.span,
            tr!(
                t,
                "quotient-message",
                name = &res_name,
                figure = res,
                numerator = num,
                denominator = den
            ),
            Some(tr!(
                t,
                "quotient-help",
                formula = formula,
                computed = self
                    .shown
                    .computed_beside(t, &computed, &self.stated.quantity.interval),
                name = &res_name,
                stated = self.shown.stated(t, &self.stated.quantity.interval)
            )),
            vec![
                Label::new(
                    self.numerator.span,
                    tr!(t, "label-named", name = num_name, figure = num),
                ),
                Label::new(
                    self.denominator.span,
                    tr!(t, "label-named", name = den_name, figure = den),
                ),
                Label::new(
                    self.stated.span,
                    tr!(t, "label-named", name = &res_name, figure = res),
                ),
            ],
        );
    }
}
