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
                let help = match kind.meant() {
                    Some(meant) => format!("应为“{meant}”？核对原文，补上缺失的字"),
                    None => "核对原始数据，写出完整的数字".to_owned(),
                };
                out.emit(
                    f.span,
                    format!("数字 {} 写法错误：{}", doc.slice(f.span), kind.describe()),
                    Some(help),
                    vec![Label::new(f.span, kind.describe())],
                );
            }
        }
    }
}
