//! `part-exceeds-whole`: a part larger than its whole.
//!
//! **What it checks**: a 其中/包括 part, or a completed part (已完成…), larger than the whole stated
//! just before it; 其中 parts whose sum is larger than the whole; and the values of a 分别 list
//! whose sum is larger than the total stated before it (`全县共有学校10所，小学、初中、高中分别为
//! 6所、3所、2所`); and parts that statistics count among a whole (`rules/lexicon/identities.toml`:
//! 治愈 of 救治) larger than it, alone or together.
//!
//! **Why it matters**: `全年培训8.5万人次，其中脱贫劳动力9.1万人次` cannot be true.
//!
//! **Example**: `制定整改措施206条，已完成整改212条` → the part 212条 exceeds the whole 206条.

use super::common::{interval_sum, written_sum, Shown};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::{Claim, Document, PartsKind, Relation};
use crate::tr;

struct PartExceedsWhole;

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(PartExceedsWhole))
}

impl Rule for PartExceedsWhole {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    /// The grammar relates 其中 parts and completed parts to their wholes
    /// (`Document::relations`); the rule does the arithmetic.
    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for relation in &doc.relations {
            let Relation::Parts {
                wholes,
                parts,
                kind:
                    kind @ (PartsKind::Subset
                    | PartsKind::Breakdown
                    | PartsKind::Completed
                    | PartsKind::Listed
                    | PartsKind::DefinedSubset),
            } = relation
            else {
                continue;
            };
            let parts: Vec<&Claim> = doc.members_of(parts).collect();
            let mut wholes = doc.members_of(wholes);
            let Some(whole) = wholes.next() else {
                continue;
            };
            let holds = |w: &Claim| {
                let w = &w.quantity.interval;
                parts.iter().all(|p| !p.quantity.interval.entirely_above(w))
                    && (parts.len() < 2 || !interval_sum(&parts).entirely_above(w))
            };
            // Another whole the 其中 may belong to holds every part: no fault is certain.
            if *kind == PartsKind::Subset && wholes.any(holds) {
                continue;
            }
            let w = &whole.quantity.interval;
            let mut single = false;
            for p in &parts {
                if p.quantity.interval.entirely_above(w) {
                    single = true;
                    emit(doc, whole, &[p], *kind, out);
                }
            }
            if !single && parts.len() >= 2 && interval_sum(&parts).entirely_above(w) {
                emit(doc, whole, &parts, *kind, out);
            }
        }
    }
}

fn emit(doc: &Document, whole: &Claim, parts: &[&Claim], kind: PartsKind, out: &mut Emitter<'_>) {
    let t = out.tr();
    let shown = Shown::like(&whole.quantity);
    let mut labels = vec![Label::new(
        whole.span,
        tr!(t, "label-whole", figure = doc.slice(whole.span)),
    )];
    labels.extend(
        parts
            .iter()
            .map(|p| Label::new(p.span, tr!(t, "label-part", figure = doc.slice(p.span)))),
    );
    let Some(first) = parts.first() else {
        return;
    };
    let whole_text = doc.slice(whole.span);
    let (message, help) = if parts.len() == 1 {
        (
            tr!(
                t,
                "part-exceeds-whole-message",
                part = doc.slice(first.span),
                whole = whole_text
            ),
            tr!(
                t,
                "part-exceeds-whole-help",
                part = shown.stated(t, &first.quantity.interval),
                whole = shown.stated(t, &whole.quantity.interval)
            ),
        )
    } else {
        let sum = interval_sum(parts);
        let key = match kind {
            PartsKind::Listed => "part-exceeds-whole-listed-message",
            PartsKind::DefinedSubset => "part-exceeds-whole-defined-message",
            PartsKind::Breakdown => "part-exceeds-whole-breakdown-message",
            _ => "part-exceeds-whole-parts-message",
        };
        (
            tr!(t, key, whole = whole_text),
            tr!(
                t,
                "part-exceeds-whole-parts-help",
                sum = written_sum(doc, parts),
                computed = shown.computed(t, &sum),
                whole = shown.stated(t, &whole.quantity.interval)
            ),
        )
    };
    out.emit(first.span, message, Some(help), labels);
}
