//! `malformed-number`: figures broken as written.
//!
//! **What it checks**: `1,.5万元` (separator with no digits), `.75` (no integer digit), `12..5`
//! (doubled point), `3.4.5亿元` (two points, with a unit). The grammar classifies them; this rule
//! reports them.
//!
//! **Why it matters**: nobody can tell which figure was meant.
//!
//! **Example**: `拨付资金1,.5万元`.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::Document;
use crate::model::FigureKind;
use crate::tr;

struct MalformedNumber;

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(MalformedNumber))
}

impl Rule for MalformedNumber {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for f in &doc.figures {
            if let FigureKind::Malformed(kind) = f.kind {
                let t = out.tr();
                let help = match kind.meant() {
                    Some(meant) => tr!(t, "malformed-number-help-meant", meant = meant),
                    None => t.text("malformed-number-help"),
                };
                let what = t.text(kind.key());
                out.emit(
                    f.span,
                    tr!(
                        t,
                        "malformed-number-message",
                        figure = doc.slice(f.span),
                        what = &what
                    ),
                    Some(help),
                    vec![Label::new(f.span, what)],
                );
            }
        }
    }
}
