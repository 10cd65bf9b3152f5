//! `sum-mismatch`: parts that do not add up to their stated total.
//!
//! **What it checks**: a total with its parts and a remainder (`47个，已整改44个，其余4个`),
//! figures followed by an explicit sum (`合计`), compositions that must make 100%
//! (`三次产业结构为7.2:38.5:54.4`), and a rate defined as the difference of two others
//! (`出生率8.56‰，死亡率5.91‰，自然增长率2.65‰`: 8.56 − 5.91).
//!
//! **Why it matters**: a total its own parts contradict puts every figure around it in doubt.
//!
//! **Example**: `反馈问题47个，已整改完成44个，其余4个` → `44个 + 4个 = 48个，但总数为 47个`.

use super::common::{interval_sum, written_sum, Shown};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::interval::Interval;
use crate::model::{Claim, Document, FigureKind, MarkerKind, PartitionKind, PartsKind, Relation};
use crate::tr;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    composition_window: String,
}

struct SumMismatch {
    composition_window: Decimal,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let rule = d;
    let d: Data = rule.data()?;
    let composition_window = Decimal::from_str(&d.composition_window)
        .map_err(|e| rule.bad_pattern(&d.composition_window, e))?;
    Ok(Box::new(SumMismatch { composition_window }))
}

impl Rule for SumMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    /// The grammar relates totals to their parts closed by a remainder, and items to their
    /// explicit sum (`Document::relations`); the rule does the arithmetic.
    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for (total, parts, kind) in super::common::sums(doc) {
            // A stated part above the total is part-exceeds-whole's finding, not a sum's (the
            // remainder, last, may be the figure that is off).
            let stated = parts.split_last().map_or(&[][..], |(_, before)| before);
            if kind == PartsKind::Remainder
                && stated
                    .iter()
                    .any(|p| p.quantity.interval.entirely_above(&total.quantity.interval))
            {
                continue;
            }
            // A sum that one figure's slipped magnitude explains is unit-mismatch's finding.
            if super::common::slipped_magnitude(total, &parts).is_some() {
                continue;
            }
            report(doc, total, &parts, kind, out);
        }
        self.compositions(doc, out);
        partitions(doc, out);
        differences(doc, out);
    }
}

/// A rate that is not the difference of the two it is defined by (`rules/lexicon/identities.toml`,
/// kind `difference`): `自然增长率2.65‰` beside `出生率8.56‰` and `死亡率5.91‰` must lie within
/// rounding of 8.56 − 5.91.
fn differences(doc: &Document, out: &mut Emitter<'_>) {
    for relation in &doc.relations {
        let Relation::Parts {
            wholes,
            parts,
            kind: PartsKind::Difference,
        } = relation
        else {
            continue;
        };
        let mut parts = doc.members_of(parts);
        let (Some(whole), Some(minuend), Some(subtrahend)) =
            (doc.members_of(wholes).next(), parts.next(), parts.next())
        else {
            continue;
        };
        let stated = &whole.quantity.interval;
        let difference = minuend
            .quantity
            .interval
            .add(&subtrahend.quantity.interval.neg());
        if !difference.disjoint(stated) {
            continue;
        }
        let t = out.tr();
        let shown = Shown::like(&whole.quantity);
        let figure = |c: &Claim| doc.slice(c.span);
        out.emit(
            whole.span,
            tr!(
                t,
                "sum-mismatch-difference-message",
                total = figure(whole),
                minuend = figure(minuend),
                subtrahend = figure(subtrahend)
            ),
            Some(tr!(
                t,
                "sum-mismatch-difference-help",
                minuend = figure(minuend),
                subtrahend = figure(subtrahend),
                computed = shown.computed_beside(t, &difference, stated),
                total = shown.stated(t, stated)
            )),
            vec![
                Label::new(
                    whole.span,
                    tr!(t, "sum-mismatch-label-difference", figure = figure(whole)),
                ),
                Label::new(
                    minuend.span,
                    tr!(t, "sum-mismatch-label-minuend", figure = figure(minuend)),
                ),
                Label::new(
                    subtrahend.span,
                    tr!(
                        t,
                        "sum-mismatch-label-subtrahend",
                        figure = figure(subtrahend)
                    ),
                ),
            ],
        );
    }
}

/// A value of a partition as an interval with its sign; a change of a share is widened by half
/// its last digit each side, as it is the difference of two shares rounded to that digit.
fn partition_value(c: &Claim, falls: bool, change: bool) -> Option<Interval> {
    let iv = c.quantity.interval;
    let (lo, hi) = (iv.lo()?, iv.hi()?);
    let half = if change {
        (hi - lo) / Decimal::TWO
    } else {
        Decimal::ZERO
    };
    let (lo, hi) = (lo - half, hi + half);
    Some(if falls {
        Interval::closed(-hi, -lo)
    } else {
        Interval::closed(lo, hi)
    })
}

/// The sum of a partition's values, and the values signed as written (`−2.2`), or `None` when
/// a value is unbounded.
fn partition_sum(
    doc: &Document,
    values: &[&Claim],
    kind: PartitionKind,
) -> Option<(Interval, Vec<String>)> {
    let change = matches!(kind, PartitionKind::ShareChanges { .. });
    let mut sum = Interval::exact(Decimal::ZERO);
    let mut written = Vec::with_capacity(values.len());
    for (k, c) in values.iter().enumerate() {
        let falls = match kind {
            PartitionKind::ShareChanges { falling } => k < 32 && falling & (1 << k) != 0,
            PartitionKind::Shares => false,
        };
        sum = sum.add(&partition_value(c, falls, change)?);
        let text = doc.slice(c.span);
        written.push(if falls {
            format!("(−{text})")
        } else {
            text.to_owned()
        });
    }
    Some((sum, written))
}

/// What a partition's values sum to: 100 for shares, 0 for the changes of shares.
fn partition_target(kind: PartitionKind) -> Decimal {
    match kind {
        PartitionKind::Shares => Decimal::ONE_HUNDRED,
        PartitionKind::ShareChanges { .. } => Decimal::ZERO,
    }
}

/// Whether every reading of a partition (`60-64岁及以上` is read two ways) fails to sum to its
/// target.
fn every_reading_fails(doc: &Document, readings_of: usize) -> bool {
    doc.relations.iter().all(|r| match r {
        Relation::Partition {
            values,
            kind,
            readings_of: set,
            ..
        } if *set == readings_of => {
            let claims: Vec<&Claim> = doc.members_of(values).collect();
            matches!(
                partition_sum(doc, &claims, *kind),
                Some((sum, _)) if sum.disjoint(&Interval::exact(partition_target(*kind)))
            )
        }
        _ => true,
    })
}

/// The paragraph of a partition's first value.
fn partition_block(doc: &Document, values: &std::ops::Range<usize>) -> Option<usize> {
    let first = doc.members_of(values).next()?;
    doc.sentences.get(first.sentence).map(|s| s.block)
}

/// Groups that partition a whole (`0-14岁`, `15-59岁`, `60岁及以上`): their shares sum to 100, the
/// changes of their shares to 0. A sentence read more than one way is reported when every
/// reading fails, on the first.
fn partitions(doc: &Document, out: &mut Emitter<'_>) {
    // Paragraphs whose shares fail are reported once, on the shares: the changes of those shares
    // are not reported again (the reader corrects the shares, then the changes).
    let failing_shares: Vec<usize> = doc
        .relations
        .iter()
        .filter_map(|r| match r {
            Relation::Partition {
                values,
                kind: PartitionKind::Shares,
                readings_of,
                ..
            } if every_reading_fails(doc, *readings_of) => partition_block(doc, values),
            _ => None,
        })
        .collect();
    let mut reported = None;
    for relation in &doc.relations {
        let Relation::Partition {
            groups,
            values,
            kind,
            readings_of,
        } = relation
        else {
            continue;
        };
        if reported == Some(*readings_of) {
            continue;
        }
        reported = Some(*readings_of);
        if !every_reading_fails(doc, *readings_of) {
            continue;
        }
        if matches!(kind, PartitionKind::ShareChanges { .. })
            && partition_block(doc, values).is_some_and(|b| failing_shares.contains(&b))
        {
            continue;
        }
        let target = partition_target(*kind);
        let bounds: Vec<&Claim> = doc.members_of(groups).collect();
        let claims: Vec<&Claim> = doc.members_of(values).collect();
        let Some((sum, written)) = partition_sum(doc, &claims, *kind) else {
            continue;
        };
        let (Some(first), Some(last)) = (claims.first(), claims.last()) else {
            continue;
        };
        let span = crate::model::Span::new(
            first
                .span
                .start
                .min(bounds.first().map_or(first.span.start, |b| b.span.start)),
            last.span.end,
        );
        let t = out.tr();
        let names: Vec<&str> = bounds.iter().map(|b| doc.slice(b.span)).collect();
        let (what, unit) = match kind {
            PartitionKind::Shares => ("sum-mismatch-share-sum", "%".to_owned()),
            PartitionKind::ShareChanges { .. } => {
                ("sum-mismatch-share-change-sum", t.text("unit-points"))
            }
        };
        let what = t.text(what);
        let mut labels: Vec<Label> = bounds
            .iter()
            .zip(&claims)
            .flat_map(|(b, c)| {
                [
                    Label::new(
                        b.span,
                        tr!(t, "sum-mismatch-label-group", figure = doc.slice(b.span)),
                    ),
                    Label::new(c.span, doc.slice(c.span).to_owned()),
                ]
            })
            .collect();
        labels.dedup_by(|a, b| a.span == b.span);
        let target = format!("{target}{unit}");
        let dimension = if names.iter().any(|n| n.contains('岁')) {
            "sum-mismatch-dimension-age"
        } else {
            "sum-mismatch-dimension-value"
        };
        out.emit(
            span,
            tr!(
                t,
                "sum-mismatch-partition-message",
                groups = names.join(&t.text("list-separator")),
                what = &what,
                target = &target
            ),
            Some(tr!(
                t,
                "sum-mismatch-partition-help",
                dimension = t.text(dimension),
                what = &what,
                target = &target,
                sum = written.join(" + "),
                computed = Shown::plain(&unit).computed(t, &sum),
            )),
            labels,
        );
    }
}

/// Report parts + total that cannot agree (for a remainder, the last part is the rest, 其余; for an
/// identity, the parts are those statistics define the total by).
fn report(doc: &Document, total: &Claim, parts: &[&Claim], kind: PartsKind, out: &mut Emitter<'_>) {
    let remainder = kind == PartsKind::Remainder;
    let sum = interval_sum(parts);
    if !sum.disjoint(&total.quantity.interval) {
        return;
    }
    let t = out.tr();
    let shown = Shown::like(&total.quantity);
    let mut labels = vec![Label::new(
        total.span,
        tr!(t, "label-total", figure = doc.slice(total.span)),
    )];
    for (i, p) in parts.iter().enumerate() {
        let role = if remainder && i + 1 == parts.len() {
            "sum-mismatch-label-rest"
        } else {
            "label-part"
        };
        labels.push(Label::new(p.span, tr!(t, role, figure = doc.slice(p.span))));
    }
    let help = tr!(
        t,
        "sum-mismatch-help",
        sum = written_sum(doc, parts),
        computed = shown.computed(t, &sum),
        total = shown.stated(t, &total.quantity.interval)
    );
    out.emit(
        total.span,
        tr!(t, "sum-mismatch-message", total = doc.slice(total.span)),
        Some(if kind == PartsKind::Identity {
            tr!(t, "sum-mismatch-identity-help", help = help)
        } else {
            help
        }),
        labels,
    );
}

impl SumMismatch {
    /// A ratio stated as a composition (结构) whose parts must make 100.
    fn compositions(&self, doc: &Document, out: &mut Emitter<'_>) {
        let hundred = Decimal::ONE_HUNDRED;
        for clause in &doc.clauses {
            if !doc
                .clause_markers_of(clause)
                .iter()
                .any(|m| m.kind == MarkerKind::Composition)
            {
                continue;
            }
            for f in doc.figures_in(clause.span) {
                let FigureKind::Ratio(parts) = &f.kind else {
                    continue;
                };
                let (Some(first), true) = (parts.first(), parts.len() >= 3) else {
                    continue;
                };
                let sum = parts.iter().skip(1).fold(*first, |acc, p| acc.add(p));
                let (Some(lo), Some(hi)) = (sum.lo(), sum.hi()) else {
                    continue;
                };
                let near = lo >= hundred - self.composition_window
                    && hi <= hundred + self.composition_window;
                if near && sum.disjoint(&Interval::exact(hundred)) {
                    let t = out.tr();
                    out.emit(
                        f.span,
                        tr!(
                            t,
                            "sum-mismatch-composition-message",
                            figure = doc.slice(f.span)
                        ),
                        Some(tr!(
                            t,
                            "sum-mismatch-composition-help",
                            sum = doc.slice(f.span).replace([':', '：'], " + "),
                            computed = Shown::plain("").computed(t, &sum)
                        )),
                        vec![Label::new(f.span, t.text("sum-mismatch-composition-label"))],
                    );
                }
            }
        }
    }
}
