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
use crate::tr;

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
            let t = out.tr();
            let counted = if items.min == items.max {
                format!("{}", items.min)
            } else {
                tr!(
                    t,
                    "either-or",
                    a = items.min.to_string(),
                    b = items.max.to_string()
                )
            };
            let mut labels = vec![Label::new(
                *marker,
                tr!(t, "label-listed", counted = &counted, max = items.max),
            )];
            labels.extend(values.iter().enumerate().map(|(i, c)| {
                Label::new(
                    c.span,
                    tr!(
                        t,
                        "respectively-arity-label-value",
                        number = (i + 1).to_string()
                    ),
                )
            }));
            out.emit(
                *marker,
                tr!(
                    t,
                    "respectively-arity-message",
                    counted = &counted,
                    max = items.max,
                    n = n
                ),
                Some(tr!(t, "respectively-arity-help", counted = &counted, n = n)),
                labels,
            );
        }
    }
}
