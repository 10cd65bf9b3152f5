//! `respectively-arity`: 分别 with more or fewer values than items.
//!
//! **What it checks**: the items enumerated before 分别 against the values listed after it, as
//! the grammar relates them ([`Relation::Respectively`], see [`crate::grammar::lists`]).
//!
//! **Why it matters**: a missing or extra value leaves the reader unable to pair items and figures.
//!
//! **Example**: `甲、乙、丙三地分别增长5%、6%` → three items, two values.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::{Document, Relation};

struct RespectivelyArity;

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(RespectivelyArity))
}

impl Rule for RespectivelyArity {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for relation in &doc.relations {
            let Relation::Respectively {
                marker,
                items,
                values,
            } = relation
            else {
                continue;
            };
            let values: Vec<&crate::model::Claim> = doc.members_of(values).collect();
            let n = values.len();
            if n <= 1 || (items.min <= n && n <= items.max) {
                continue;
            }
            let counted = if items.min == items.max {
                format!("{}", items.min)
            } else {
                format!("{} 或 {}", items.min, items.max)
            };
            let mut labels = vec![Label::new(*marker, format!("列举 {counted} 项"))];
            labels.extend(
                values
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Label::new(c.span, format!("数值 {}", i + 1))),
            );
            out.emit(
                *marker,
                format!("“分别”前列举了 {counted} 项，后面却有 {n} 个数值"),
                Some(format!(
                    "项数 {counted} ≠ 数值个数 {n}：补齐或删去多余的数值，使每项对应一个数值"
                )),
                labels,
            );
        }
    }
}
