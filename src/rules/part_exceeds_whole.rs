//! `part-exceeds-whole`: a part larger than its whole.
//!
//! **What it checks**: a 其中/包括 part, or a completed part (已完成…), larger than the whole stated
//! just before it; and 其中 parts whose sum is larger than the whole.
//!
//! **Why it matters**: `全年培训8.5万人次，其中脱贫劳动力9.1万人次` cannot be true.
//!
//! **Example**: `制定整改措施206条，已完成整改212条` → the part 212条 exceeds the whole 206条.

use super::common::{encloses, interval_sum, usable, written_sum, Shown};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::span::Span;
use crate::model::FigureKind;
use crate::model::MarkerKind;
use crate::model::{Claim, Document};

struct PartExceedsWhole;

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(PartExceedsWhole))
}

fn comparable(c: &Claim) -> bool {
    usable(c)
        && !c.quantity.is_percent()
        && !c.has(MarkerKind::PerCapita)
        && !c.has(MarkerKind::PerHousehold)
}

impl Rule for PartExceedsWhole {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for s in 0..doc.sentences.len() {
            let (scope, own) = doc.scope_claims(s);
            subsets(doc, scope, own, out);
            progress(doc, doc.sentence_claims(s), out);
        }
    }
}

/// 其中 parts, from index `own` on (the claims before it are of the sentence before, when this
/// one opens with 其中), against the nearest whole before them.
fn subsets(doc: &Document, claims: &[Claim], own: usize, out: &mut Emitter<'_>) {
    let mut i = own;
    while let Some(part) = claims.get(i) {
        if !part.has(MarkerKind::Subset) || !comparable(part) {
            i += 1;
            continue;
        }
        // The whole: the nearest comparable claim before, not itself a part, nor inside brackets
        // the part is outside of.
        let mut wholes = claims
            .get(..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .filter(|w| {
                comparable(w)
                    && !w.has(MarkerKind::Subset)
                    && w.quantity.commensurable(&part.quantity)
                    && encloses(w, part)
            });
        let whole = wholes.next();
        // An earlier whole of the sentence that holds every part makes the 其中 ambiguous
        // (`财政总收入222827万元，一般公共预算收入97092万元，其中税收收入190268万元`): no relation.
        let earlier_holds = |parts: &[&Claim]| {
            wholes.clone().any(|w| {
                parts
                    .iter()
                    .all(|p| !p.quantity.interval.entirely_above(&w.quantity.interval))
                    && (parts.len() < 2
                        || !interval_sum(parts).entirely_above(&w.quantity.interval))
            })
        };
        // The parts: this one and the following subset claims of the same unit.
        let parts: Vec<&Claim> = claims
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.has(MarkerKind::Subset))
            .filter(|c| comparable(c) && c.quantity.commensurable(&part.quantity))
            .collect();
        let consumed = claims
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.has(MarkerKind::Subset))
            .count()
            .max(1);
        i += consumed;
        let Some(whole) = whole else {
            continue;
        };
        if earlier_holds(&parts) {
            continue;
        }
        let w = &whole.quantity.interval;
        let mut single = false;
        for p in &parts {
            if p.quantity.interval.entirely_above(w) {
                single = true;
                emit(doc, whole, &[p], out);
            }
        }
        if !single && parts.len() >= 2 && interval_sum(&parts).entirely_above(w) {
            emit(doc, whole, &parts, out);
        }
    }
}

/// A completed part (已完成…) in the clause right after its whole.
fn progress(doc: &Document, claims: &[Claim], out: &mut Emitter<'_>) {
    for (i, part) in claims.iter().enumerate() {
        if !part.has(MarkerKind::Progress) || part.has(MarkerKind::Subset) || !comparable(part) {
            continue;
        }
        let Some(whole) = i.checked_sub(1).and_then(|j| claims.get(j)) else {
            continue;
        };
        // Adjacent clauses, and no year or date between: `一九五二年有十九万人，到了一九五七年
        // 已经有四十四万人` compares two moments, not a part and its whole.
        let adjacent = whole.clause + 1 == part.clause
            && !doc
                .figures_in(Span::new(whole.span.end, part.span.start))
                .iter()
                .any(|f| matches!(f.kind, FigureKind::Year | FigureKind::Date { .. }));
        if adjacent
            && comparable(whole)
            && !whole.has(MarkerKind::Progress)
            && whole.quantity.commensurable(&part.quantity)
            && part
                .quantity
                .interval
                .entirely_above(&whole.quantity.interval)
        {
            emit(doc, whole, &[part], out);
        }
    }
}

fn emit(doc: &Document, whole: &Claim, parts: &[&Claim], out: &mut Emitter<'_>) {
    let shown = Shown::like(&whole.quantity);
    let mut labels = vec![Label::new(
        whole.span,
        format!("整体 {}", doc.slice(whole.span)),
    )];
    labels.extend(
        parts
            .iter()
            .map(|p| Label::new(p.span, format!("部分 {}", doc.slice(p.span)))),
    );
    let Some(first) = parts.first() else {
        return;
    };
    let (message, help) = if parts.len() == 1 {
        (
            format!(
                "部分 {} 大于整体 {}",
                doc.slice(first.span),
                doc.slice(whole.span)
            ),
            format!(
                "部分{}，但整体{}",
                shown.stated(&first.quantity.interval),
                shown.stated(&whole.quantity.interval)
            ),
        )
    } else {
        let sum = interval_sum(parts);
        (
            format!("“其中”各部分之和大于整体 {}", doc.slice(whole.span)),
            format!(
                "{} {}，但整体{}",
                written_sum(doc, parts),
                shown.computed(&sum),
                shown.stated(&whole.quantity.interval)
            ),
        )
    };
    out.emit(first.span, message, Some(help), labels);
}
