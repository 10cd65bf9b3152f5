//! `respectively-arity`: 分别 with more or fewer values than items.
//!
//! **What it checks**: the items enumerated right before 分别 against the values listed after it.
//!
//! **Why it matters**: a missing or extra value leaves the reader unable to pair items and figures.
//!
//! **Example**: `甲、乙、丙三地分别增长5%、6%` → three items, two values.

use super::common::definite_joins;
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::span::Span;
use crate::model::{Claim, Clause, Document};
use crate::model::{MarkerKind, UnitKind};
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    max_value_prefix: usize,
}

struct RespectivelyArity {
    max_value_prefix: usize,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let d: Data = d.data()?;
    Ok(Box::new(RespectivelyArity {
        max_value_prefix: d.max_value_prefix,
    }))
}

impl Rule for RespectivelyArity {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for (k, clause) in doc.clauses.iter().enumerate() {
            let Some(marker) = doc
                .clause_markers_of(clause)
                .iter()
                .find(|m| m.kind == MarkerKind::Respectively)
            else {
                continue;
            };
            let Some(items) = items_before(doc, k, marker.span) else {
                continue;
            };
            let Some(values) = self.values_after(doc, k, marker.span) else {
                continue;
            };
            let n = values.len();
            if n <= 1 || (items.min <= n && n <= items.max) {
                continue;
            }
            let counted = if items.min == items.max {
                format!("{}", items.min)
            } else {
                format!("{} 或 {}", items.min, items.max)
            };
            let mut labels = vec![Label::new(marker.span, format!("列举 {counted} 项"))];
            labels.extend(
                values
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Label::new(c.span, format!("数值 {}", i + 1))),
            );
            out.emit(
                marker.span,
                format!("“分别”前列举了 {counted} 项，后面却有 {n} 个数值"),
                Some(format!(
                    "项数 {counted} ≠ 数值个数 {n}：补齐或删去多余的数值，使每项对应一个数值"
                )),
                labels,
            );
        }
    }
}

/// How many items an enumeration names: at least one per 、-joined clause; 和 及 与 may join two
/// items (`城镇和农村`) or stand inside one name (`租赁和商务服务业`), hence a range.
#[derive(Debug, Clone, Copy)]
struct ItemCount {
    min: usize,
    max: usize,
}

/// The claims of a clause.
fn claims_of<'a>(doc: &'a Document, clause: &Clause) -> &'a [Claim] {
    doc.claims.get(clause.claims.clone()).unwrap_or_default()
}

/// How many items the enumeration before 分别 names, if that can be told: the list in its clause
/// (`甲、乙、丙三地分别…`), or, when only a short attribute stands before 分别 (`贮量分别在…`), the
/// list that ends the clause before (`主要有煤矿、铅锌矿、硫铁矿和莹石矿，贮量分别在…`).
fn items_before(doc: &Document, k: usize, marker: Span) -> Option<ItemCount> {
    let clause = doc.clauses.get(k)?;
    let prefix = Span::new(clause.span.start, marker.start);
    let prefix_text = doc.slice(prefix).trim();
    if prefix_text.is_empty() {
        return counted_subjects(doc, k);
    }
    if let Some(items) = listed(doc, k, marker.start) {
        return Some(items);
    }
    // 两市分别…: a written count of the items.
    if let Some(counted) = claims_of(doc, clause).iter().find(|c| {
        c.span.end <= marker.start
            && c.quantity.chinese
            && matches!(
                c.quantity.kind(),
                Some(UnitKind::Count) | Some(UnitKind::Category)
            )
    }) {
        let v = counted.quantity.value;
        if v >= Decimal::TWO && v <= Decimal::TEN && v.fract().is_zero() {
            let n = usize::try_from(v.mantissa()).ok()?;
            return Some(ItemCount { min: n, max: n });
        }
        return None;
    }
    let prev = doc.clauses.get(k.checked_sub(1)?)?;
    let attribute_only = prefix_text.chars().count() <= ATTRIBUTE_CHARS
        && claims_of(doc, clause)
            .iter()
            .all(|c| c.span.start >= marker.end);
    if attribute_only
        && prev.sentence == clause.sentence
        && matches!(prev.terminator, Some('，' | ','))
        && claims_of(doc, prev).is_empty()
    {
        return listed(doc, k - 1, prev.span.end);
    }
    None
}

/// The subjects of the clauses right before a clause that opens with 分别, each stated with a
/// figure (`新建学校3所、卫生院2个，分别投入1200万元、800万元`): the clause before, ended by `，`,
/// and the clauses joined to it by `、`, each with one figure.
fn counted_subjects(doc: &Document, k: usize) -> Option<ItemCount> {
    let clause = doc.clauses.get(k)?;
    let last = doc.clauses.get(k.checked_sub(1)?)?;
    let one_figure = |c: &Clause| claims_of(doc, c).len() == 1;
    if last.sentence != clause.sentence
        || !matches!(last.terminator, Some('，' | ','))
        || !one_figure(last)
    {
        return None;
    }
    let mut n = 1;
    let mut j = k - 1;
    while let Some(prev) = j.checked_sub(1).and_then(|p| doc.clauses.get(p)) {
        if prev.sentence != clause.sentence || !prev.enumerates() || !one_figure(prev) {
            break;
        }
        n += 1;
        j -= 1;
    }
    (n >= 2).then_some(ItemCount { min: n, max: n })
}

/// The longest attribute of the items (`贮量`, `产量`, `播种面积`) written alone before 分别.
const ATTRIBUTE_CHARS: usize = 4;

/// The items of the 、-list that ends in clause `k` at `end`, when there is a list: at least one
/// per clause and one more for each 和 及 与 that joins two items of one kind (`硫铁矿和莹石矿`:
/// both end in 矿), up to one more for each other conjunction.
fn listed(doc: &Document, k: usize, end: usize) -> Option<ItemCount> {
    let clause = doc.clauses.get(k)?;
    let mut run = 1;
    let mut conj = doc.conjunctions_before(clause, end);
    let mut definite = definite_joins(doc, clause, end);
    let mut j = k;
    while j > 0 {
        let Some(prev) = doc.clauses.get(j - 1) else {
            break;
        };
        if prev.sentence != clause.sentence || !prev.enumerates() {
            break;
        }
        run += 1;
        conj += doc.conjunctions_before(prev, prev.span.end);
        definite += definite_joins(doc, prev, prev.span.end);
        j -= 1;
    }
    if run == 1 && conj == 0 {
        return None;
    }
    Some(ItemCount {
        min: run + definite,
        max: run + conj,
    })
}

impl RespectivelyArity {
    /// The values after 分别: one per enumerated clause, and more for 和 inside a clause.
    /// `None` when the list is not a plain list of values (`分别从209元、280元提高到217元、290元`).
    fn values_after<'a>(
        &self,
        doc: &'a Document,
        k: usize,
        marker: Span,
    ) -> Option<Vec<&'a Claim>> {
        let mut values: Vec<&Claim> = Vec::new();
        let clause_k = doc.clauses.get(k)?;
        let first: Vec<&Claim> = claims_of(doc, clause_k)
            .iter()
            .filter(|c| c.span.start >= marker.end)
            .collect();
        if first.is_empty() {
            return Some(values);
        }
        push_groups(doc, clause_k, &first, &mut values)?;
        let mut j = k;
        while doc.clauses.get(j).is_some_and(Clause::enumerates) {
            j += 1;
            let Some(clause) = doc.clauses.get(j) else {
                break;
            };
            let claims: Vec<&Claim> = claims_of(doc, clause).iter().collect();
            let Some(lead) = claims.first() else {
                break;
            };
            let prefix = doc
                .text
                .get(clause.span.start..lead.span.start)
                .map_or(usize::MAX, |t| t.trim().chars().count());
            if prefix > self.max_value_prefix {
                break;
            }
            push_groups(doc, clause, &claims, &mut values)?;
        }
        Some(values)
    }
}

/// Add one value for the clause, and one more for each conjunction between its figures
/// (`5.1%和6.2%`); figures written together (`1411户4867人`) make one value. Figures with other
/// words between them (`280元提高到217元`) make the list no plain list: `None`.
fn push_groups<'a>(
    doc: &Document,
    clause: &crate::model::Clause,
    claims: &[&'a Claim],
    values: &mut Vec<&'a Claim>,
) -> Option<()> {
    let first = claims.first()?;
    values.push(first);
    let conj = doc
        .conjunctions
        .get(clause.conjunctions.clone())
        .unwrap_or(&[]);
    let mut prev_end = first.span.end;
    for c in claims.iter().skip(1) {
        let between = Span::new(prev_end, c.span.start);
        if conj
            .iter()
            .any(|s| s.start >= between.start && s.end <= between.end)
        {
            values.push(c);
        } else if !doc.slice(between).trim().is_empty() {
            return None;
        }
        prev_end = c.span.end;
    }
    Some(())
}
