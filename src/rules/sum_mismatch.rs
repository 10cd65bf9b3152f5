//! `sum-mismatch`: parts that do not add up to their stated total.
//!
//! **What it checks**: a total with its parts and a remainder (`47个，已整改44个，其余4个`),
//! figures followed by an explicit sum (`合计`), and compositions that must make 100%
//! (`三次产业结构为7.2:38.5:54.4`).
//!
//! **Why it matters**: a total its own parts contradict puts every figure around it in doubt.
//!
//! **Example**: `反馈问题47个，已整改完成44个，其余4个` → `44个 + 4个 = 48个，但总数为 47个`.

use super::common::{interval_sum, usable, written_sum, Shown};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::interval::Interval;
use crate::model::FigureKind;
use crate::model::MarkerKind;
use crate::model::{Claim, Document};
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

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for s in 0..doc.sentences.len() {
            let (scope, own) = doc.scope_claims(s);
            remainders(doc, scope, own, out);
            // An explicit sum adds up the items of its own sentence only (`…；中央建设投资总计为
            // 1521亿元` is not the sum of the figures of the sentences before).
            explicit_sums(doc, doc.sentence_claims(s), out);
        }
        self.compositions(doc, out);
    }
}

/// Report parts + total that cannot agree.
fn report(doc: &Document, total: &Claim, parts: &[&Claim], out: &mut Emitter<'_>) {
    let sum = interval_sum(parts);
    if !sum.disjoint(&total.quantity.interval) {
        return;
    }
    let shown = Shown::like(&total.quantity);
    let mut labels = vec![Label::new(
        total.span,
        format!("总数 {}", doc.slice(total.span)),
    )];
    for p in parts {
        let role = if is_remainder(doc, p) {
            "其余"
        } else {
            "部分"
        };
        labels.push(Label::new(p.span, format!("{role} {}", doc.slice(p.span))));
    }
    out.emit(
        total.span,
        format!("各部分之和与总数 {} 不符", doc.slice(total.span)),
        Some(format!(
            "{} {}，但总数{}",
            written_sum(doc, parts),
            shown.computed(&sum),
            shown.stated(&total.quantity.interval)
        )),
        labels,
    );
}

/// A total, its parts and a remainder (其余): the remainder makes the list exhaustive. Remainders
/// are taken from index `own` on; the claims before are of the sentences its relations reach.
fn remainders(doc: &Document, claims: &[Claim], own: usize, out: &mut Emitter<'_>) {
    for (ri, rest) in claims.iter().enumerate().skip(own) {
        if !is_remainder(doc, rest) || !usable(rest) || rest.quantity.is_percent() {
            continue;
        }
        let before: Vec<&Claim> = claims
            .get(..ri)
            .unwrap_or_default()
            .iter()
            .filter(|c| {
                usable(c)
                    && c.quantity.commensurable(&rest.quantity)
                    && !c.has(MarkerKind::PerCapita)
                    && !c.has(MarkerKind::PerHousehold)
            })
            .collect();
        let Some((total, parts)) = split_total(&before) else {
            continue;
        };
        if parts.is_empty()
            || parts
                .iter()
                .any(|p| p.quantity.interval.entirely_above(&total.quantity.interval))
        {
            continue;
        }
        let mut all = parts.to_vec();
        all.push(rest);
        report(doc, total, &all, out);
    }
}

/// A remainder figure: 其余/其他 opens its clause or stands right before it (`其余3个`), not a
/// 其他 somewhere in the clause (`带动其他社会资金形成3.28万亿元`).
fn is_remainder(doc: &Document, c: &Claim) -> bool {
    c.has(MarkerKind::Remainder)
        && doc.clause_markers(c.clause).iter().any(|m| {
            m.kind == MarkerKind::Remainder
                && (m.span.start == c.subject.start || m.span.end == c.span.start)
        })
}

/// Which of the figures before a remainder is the total: one marked as a total (共, 累计), the
/// figure just before a 其中 list, or the first of exactly two figures (`47个，已整改44个，其余3个`).
fn split_total<'a>(before: &[&'a Claim]) -> Option<(&'a Claim, Vec<&'a Claim>)> {
    if let Some(i) = before.iter().rposition(|c| c.has(MarkerKind::Total)) {
        let total = before.get(i)?;
        return Some((total, before.get(i + 1..).unwrap_or_default().to_vec()));
    }
    if let Some(first_subset) = before.iter().position(|c| c.has(MarkerKind::Subset)) {
        let total = before.get(first_subset.checked_sub(1)?)?;
        return Some((
            total,
            before.get(first_subset..).unwrap_or_default().to_vec(),
        ));
    }
    match before {
        [total, part] => Some((total, vec![part])),
        _ => None,
    }
}

/// Figures followed by an explicit sum (合计, 总计): the sum must equal them.
fn explicit_sums(doc: &Document, claims: &[Claim], out: &mut Emitter<'_>) {
    for (si, sum) in claims.iter().enumerate() {
        if !sum.has(MarkerKind::Sum) || !usable(sum) || sum.quantity.is_percent() {
            continue;
        }
        let mut parts: Vec<&Claim> = claims
            .get(..si)
            .unwrap_or_default()
            .iter()
            .filter(|c| usable(c) && c.quantity.commensurable(&sum.quantity))
            .collect();
        // The figures after the last earlier sum or total, and from the first 其中 part on.
        if let Some(i) = parts
            .iter()
            .rposition(|c| c.has(MarkerKind::Sum) || c.has(MarkerKind::Total))
        {
            parts.drain(..=i);
        }
        if let Some(i) = parts.iter().position(|c| c.has(MarkerKind::Subset)) {
            parts.drain(..i);
        }
        if parts.len() < 2 {
            continue;
        }
        report(doc, sum, &parts, out);
    }
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
                    out.emit(
                        f.span,
                        format!("构成比例 {} 各项之和不等于 100", doc.slice(f.span)),
                        Some(format!(
                            "{} {}，但各项之和应为 100",
                            doc.slice(f.span).replace([':', '：'], " + "),
                            Shown::plain("").computed(&sum)
                        )),
                        vec![Label::new(f.span, "构成比例")],
                    );
                }
            }
        }
    }
}
