//! `per-capita-mismatch`: 人均/户均 that is not total ÷ count.
//!
//! **What it checks**: a per-person or per-household figure with a total of the same unit and a
//! count of people or households before it in the same sentence.
//!
//! **Why it matters**: the reader divides; a mismatch means one of three figures is wrong.
//!
//! **Example**: `发放补贴360万元，惠及1200人，人均2500元` → 360万元 ÷ 1200人 = 3000元.

use super::common::{usable, Quotient, Shown};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::MarkerKind;
use crate::model::{Claim, Document};
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    person_units: Vec<String>,
    household_units: Vec<String>,
}

struct PerCapitaMismatch {
    person_units: Vec<String>,
    household_units: Vec<String>,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let d: Data = d.data()?;
    Ok(Box::new(PerCapitaMismatch {
        person_units: d.person_units,
        household_units: d.household_units,
    }))
}

impl Rule for PerCapitaMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for s in 0..doc.sentences.len() {
            let claims = doc.sentence_claims(s);
            for (i, avg) in claims.iter().enumerate() {
                let per_person = avg.has(MarkerKind::PerCapita);
                let per_household = avg.has(MarkerKind::PerHousehold);
                if !(per_person || per_household)
                    || !usable(avg)
                    || avg.quantity.is_percent()
                    || avg.quantity.unit.is_none()
                {
                    continue;
                }
                let units = if per_household {
                    &self.household_units
                } else {
                    &self.person_units
                };
                let before = claims.get(..i).unwrap_or_default();
                let count = before
                    .iter()
                    .rev()
                    .find(|c| usable(c) && units.iter().any(|u| u == c.quantity.base_unit()));
                let total = before.iter().rev().find(|c| {
                    usable(c)
                        && c.quantity.commensurable(&avg.quantity)
                        && !c.has(MarkerKind::PerCapita)
                        && !c.has(MarkerKind::PerHousehold)
                });
                if let (Some(count), Some(total)) = (count, total) {
                    if !total.has(MarkerKind::Total) {
                        check(doc, total, count, avg, out);
                    }
                }
            }
        }
    }
}

fn check(doc: &Document, total: &Claim, count: &Claim, avg: &Claim, out: &mut Emitter<'_>) {
    Quotient {
        numerator: total,
        denominator: count,
        stated: avg,
        factor: Decimal::ONE,
        names: ["总量", "计数", "平均数"],
        shown: Shown::like(&avg.quantity),
    }
    .check(doc, out);
}
