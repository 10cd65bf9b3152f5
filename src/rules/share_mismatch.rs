//! `share-mismatch`: a percentage that does not match its counts.
//!
//! **What it checks**: `占`/`占比`/`比重` percentages whose part and base are both stated: a base
//! followed by 中 (`12个县中`) or a whole followed by a 其中 part.
//!
//! **Why it matters**: readers compute the share in their heads; a mismatch means one of three
//! figures is wrong.
//!
//! **Example**: `全市12个县中，9个县达标、占80%` → 9 ÷ 12 = 75%, not 80%.

use super::common::{usable, Quotient, Shown};
use super::{data, Emitter, Rule, RuleData, RuleError};
use crate::document::{Claim, Document};
use crate::lexicon::MarkerKind;
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    max_share_gap: usize,
}

struct ShareMismatch {
    max_share_gap: usize,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let table = d.own;
    let d: Data = data("share-mismatch", table)?;
    Ok(Box::new(ShareMismatch {
        max_share_gap: d.max_share_gap,
    }))
}

impl Rule for ShareMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for s in 0..doc.sentences.len() {
            let claims = doc.sentence_claims(s);
            for (si, share) in claims.iter().enumerate() {
                if !share.quantity.is_percent() || !share.has(MarkerKind::Share) || !usable(share) {
                    continue;
                }
                if let Some((part, base)) =
                    self.part_and_base(doc, claims.get(..si).unwrap_or_default(), share)
                {
                    check_share(doc, part, base, share, out);
                }
            }
        }
    }
}

impl ShareMismatch {
    /// The part is the nearest counted figure before the share, in its clause or the one before;
    /// the base is a figure marked by 中 before the part, or the whole of a 其中 part.
    fn part_and_base<'a>(
        &self,
        doc: &Document,
        before: &'a [Claim],
        share: &Claim,
    ) -> Option<(&'a Claim, &'a Claim)> {
        let (pi, part) = before
            .iter()
            .enumerate()
            .rev()
            .find(|(_, c)| usable(c) && !c.quantity.is_percent())?;
        if part.clause + 1 < share.clause {
            return None;
        }
        let earlier = before.get(..pi).unwrap_or_default();
        let commensurable = |c: &&Claim| usable(c) && c.quantity.commensurable(&part.quantity);
        if let Some(base) = earlier.iter().rev().filter(commensurable).find(|c| c.among) {
            return Some((part, base));
        }
        if part.has(MarkerKind::Subset) {
            // Characters between the share marker and the percentage: `占比` 0, `占全国的` 3.
            let marker_end = doc
                .clause_markers(share.clause)
                .iter()
                .rfind(|m| m.kind == MarkerKind::Share && m.span.end <= share.span.start)?
                .span
                .end;
            let gap = doc.text.get(marker_end..share.span.start)?.chars().count();
            if gap > self.max_share_gap {
                return None;
            }
            let whole = earlier
                .iter()
                .rev()
                .filter(commensurable)
                .find(|c| !c.has(MarkerKind::Subset))?;
            return Some((part, whole));
        }
        None
    }
}

fn check_share(doc: &Document, part: &Claim, base: &Claim, share: &Claim, out: &mut Emitter<'_>) {
    Quotient {
        numerator: part,
        denominator: base,
        stated: share,
        factor: Decimal::ONE_HUNDRED,
        names: ["部分", "基数", "占比"],
        shown: Shown::plain("%"),
    }
    .check(doc, out);
}
