//! `per-capita-mismatch`: 人均/户均 that is not total ÷ count.
//!
//! **What it checks**: a per-person or per-household figure with a total of the same unit and a
//! count of people or households before it in the same sentence (the grammar relates them; the
//! count units are the lexicon's `[per-head]`); and households written with fewer people than
//! households (`182户159人`: a household has at least one person).
//!
//! **Why it matters**: the reader divides; a mismatch means one of three figures is wrong.
//!
//! **Example**: `发放补贴360万元，惠及1200人，人均2500元` → 360万元 ÷ 1200人 = 3000元.

use super::common::{Quotient, Shown};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::{Claim, Document, Relation};
use crate::tr;
use rust_decimal::Decimal;

struct PerCapitaMismatch;

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(PerCapitaMismatch))
}

impl Rule for PerCapitaMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    /// The grammar relates each 人均/户均 to its total and count (`Document::relations`); the rule
    /// does the arithmetic.
    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for relation in &doc.relations {
            if let Relation::Household {
                households,
                persons,
            } = *relation
            {
                if let (Some(h), Some(p)) = (doc.claims.get(households), doc.claims.get(persons)) {
                    fewer_people(doc, h, p, out);
                }
                continue;
            }
            let Relation::PerHead {
                average,
                total,
                count,
            } = *relation
            else {
                continue;
            };
            if let (Some(avg), Some(total), Some(count)) = (
                doc.claims.get(average),
                doc.claims.get(total),
                doc.claims.get(count),
            ) {
                check(doc, total, count, avg, out);
            }
        }
    }
}

/// Households with fewer people than households: fewer than one person each.
fn fewer_people(doc: &Document, households: &Claim, persons: &Claim, out: &mut Emitter<'_>) {
    if !households
        .quantity
        .interval
        .entirely_above(&persons.quantity.interval)
    {
        return;
    }
    let (h, p) = (doc.slice(households.span), doc.slice(persons.span));
    let t = out.tr();
    out.emit(
        persons.span,
        tr!(t, "per-capita-fewer-message", persons = p, households = h),
        Some(tr!(
            t,
            "per-capita-fewer-help",
            households = h,
            least = households.quantity.value.to_string(),
            persons = p
        )),
        vec![
            Label::new(
                households.span,
                tr!(t, "per-capita-label-households", figure = h),
            ),
            Label::new(persons.span, tr!(t, "per-capita-label-persons", figure = p)),
        ],
    );
}

fn check(doc: &Document, total: &Claim, count: &Claim, avg: &Claim, out: &mut Emitter<'_>) {
    Quotient {
        numerator: total,
        denominator: count,
        stated: avg,
        factor: Decimal::ONE,
        names: ["name-total", "name-count", "name-average"],
        shown: Shown::like(&avg.quantity),
    }
    .check(doc, out);
}
