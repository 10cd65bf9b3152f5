//! Changes between two stated figures: `由120亿元增加到135亿元，增长12.5%`,
//! `森林覆盖率由60.5%提高到62.3%，提高1.8个百分点`, `由上年的3.2万人减少到2.9万人，减少3000人`.
//!
//! Three claims in a row of one sentence: the figure the change starts from (its subject ends
//! with 由 or 从 and at most a few characters: `由2020年的`, `从上年的`), the level it reached (a
//! `reached` reading: 提高到, 增至), and right after it (at most `[changes] max-gap` characters,
//! with a word of direction: `，增长`) the change. What the change measures follows from the
//! units: % of figures that are not percentages is relative growth, 个百分点 of percentages a
//! difference of points, the figures' own unit a difference. A % change of percentages (`由60%
//! 提高到66%，提高10%`) is left alone: it may be either.
//!
//! No relation where statistics state growth at comparable prices while the levels are at
//! current prices (`[changes] real-terms`: 生产总值, 增加值), nor where a word between the level
//! and the change makes it another change (`[changes] not-between`: 平均每年, 年均, 倍).

use super::lexicon::Lexicon;
use crate::model::{Claim, Document, GrowthKind, Reading, Relation, StatedChange, UnitKind};

/// The most characters after 由/从 in the subject of the figure a change starts from.
const FROM_TAIL: usize = 10;
/// The most characters between the figure a change starts from and the level it reached.
const TO_GAP: usize = 16;

/// Relate the changes of sentence `s`.
pub(super) fn growth(lx: &Lexicon, doc: &Document, s: usize, relations: &mut Vec<Relation>) {
    let Some(first) = doc.sentences.get(s).map(|x| x.claims.start) else {
        return;
    };
    let claims = doc.sentence_claims(s);
    for (i, pair) in claims.windows(2).enumerate() {
        let [from, to] = pair else {
            continue;
        };
        if !between(lx, doc, from, to) {
            continue;
        }
        let change = claims
            .get(i + 2)
            .and_then(|c| stated(lx, doc, from, to, c))
            .map(|(kind, falls)| StatedChange {
                claim: first + i + 2,
                kind,
                falls,
            });
        relations.push(Relation::Growth {
            from: first + i,
            to: first + i + 1,
            change,
        });
    }
}

/// The number of characters of `text`.
fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Whether `to` is the level a change from `from` reached: `from` after 由/从 (a few characters
/// before it), `to` a `reached` reading a few characters after it, of the same unit.
fn between(lx: &Lexicon, doc: &Document, from: &Claim, to: &Claim) -> bool {
    if !from.is_amount()
        || to.reading != Reading::Reached
        || to.quoted
        || to.quantity.range
        || !to.quantity.interval.is_bounded()
        || !from.quantity.commensurable(&to.quantity)
    {
        return false;
    }
    let subject = doc.slice(from.subject);
    let opened = lx
        .changes
        .from
        .iter()
        .filter_map(|w| subject.rfind(w.as_str()).map(|at| at + w.len()))
        .max()
        .and_then(|end| subject.get(end..))
        .is_some_and(|tail| chars(tail) <= FROM_TAIL);
    let between = doc
        .text
        .get(from.span.end..to.span.start)
        .unwrap_or_default();
    opened && chars(between) <= TO_GAP
}

/// What `change`, right after the change from `from` to `to`, measures, and whether it is a fall.
fn stated(
    lx: &Lexicon,
    doc: &Document,
    from: &Claim,
    to: &Claim,
    change: &Claim,
) -> Option<(GrowthKind, bool)> {
    let changes = &lx.changes;
    if change.reading != Reading::Change
        || change.quoted
        || change.quantity.range
        || !change.quantity.interval.is_bounded()
    {
        return None;
    }
    let subject = doc.slice(from.subject);
    if changes
        .real_terms
        .iter()
        .any(|w| subject.contains(w.as_str()))
    {
        return None;
    }
    let gap = doc.text.get(to.span.end..change.span.start)?;
    if chars(gap) > changes.max_gap
        || gap.contains(['。', '；', ';'])
        || changes.not_between.iter().any(|w| gap.contains(w.as_str()))
    {
        return None;
    }
    let falls = changes.falls_in(gap)?;
    let kind = match (from.quantity.is_percent(), change.quantity.kind()) {
        (true, Some(UnitKind::Points)) => GrowthKind::Points,
        (false, Some(UnitKind::Percent)) => GrowthKind::Percent,
        (false, _) if change.quantity.commensurable(&from.quantity) => GrowthKind::Amount,
        _ => return None,
    };
    Some((kind, falls))
}
