//! `enumeration-count`: a summary count that disagrees with the items it names.
//!
//! **What it checks**: a count right after an enumeration (`A、B、C三大体系`) against the number
//! of items in it.
//!
//! **Why it matters**: the reader counts the list; a wrong count means an item was dropped.
//!
//! **Example**: `落实教育、医疗、住房“四保障”` → three items, count four.

use super::{data, Emitter, Rule, RuleError};
use crate::diagnostic::Label;
use crate::document::{Claim, Document};
use crate::lexicon::UnitKind;
use crate::span::Span;
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    max_item_chars: usize,
    max_count: u32,
}

struct EnumerationCount {
    max_item_chars: usize,
    max_count: Decimal,
}

pub(super) fn build(table: &toml::Table) -> Result<Box<dyn Rule>, RuleError> {
    let d: Data = data("enumeration-count", table)?;
    Ok(Box::new(EnumerationCount {
        max_item_chars: d.max_item_chars,
        max_count: Decimal::from(d.max_count),
    }))
}

impl Rule for EnumerationCount {
    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        for (k, clause) in doc.clauses.iter().enumerate() {
            let Some(count) = doc.claims.get(clause.claims.clone()).and_then(|c| c.first()) else {
                continue;
            };
            let Some(n) = self.count_value(count) else {
                continue;
            };
            let Some((items, first_item)) = self.items(doc, k, count) else {
                continue;
            };
            let differs = if count.after_etc {
                n < items || (n == items + 1 && items >= 3)
            } else {
                n < items
                    || (n > items
                        && (count.quantity.chinese
                            || count.quoted
                            || count.quantity.kind() == Some(UnitKind::Category)))
            };
            if !differs {
                continue;
            }
            let list = Span::new(first_item, count.span.start);
            out.emit(
                count.span,
                format!(
                    "概括数 {} 与列举的 {items} 项不符",
                    doc.slice(count.span)
                ),
                Some(format!(
                    "列举了 {items} 项（{}），但概括为 {n} 项",
                    doc.slice(list).trim_end_matches(['“', '"', '「'])
                )),
                vec![
                    Label::new(list, format!("列举 {items} 项")),
                    Label::new(count.span, format!("概括数 {n}")),
                ],
            );
        }
    }
}

impl EnumerationCount {
    /// The count, if the claim is an integer count in range.
    fn count_value(&self, c: &Claim) -> Option<usize> {
        let q = &c.quantity;
        let counted = matches!(q.kind(), Some(UnitKind::Count) | Some(UnitKind::Category));
        let v = q.value;
        if !counted || q.qualifier.is_some() || q.range || !v.fract().is_zero() {
            return None;
        }
        if v < Decimal::TWO || v > self.max_count {
            return None;
        }
        usize::try_from(v.mantissa()).ok()
    }

    /// The number of items enumerated before the count, and where the list starts.
    fn items(&self, doc: &Document, k: usize, count: &Claim) -> Option<(usize, usize)> {
        let clause = &doc.clauses[k];
        let last_item = Span::new(clause.span.start, count.span.start);
        let last_text = doc.slice(last_item).trim();
        if last_text.trim_matches(['“', '"', '「', '等']).is_empty()
            || last_text.chars().count() > self.max_item_chars
        {
            return None;
        }
        let mut items = 1 + doc.conjunctions_before(clause, count.span.start);
        let mut run = 0;
        let mut first = clause.span.start;
        let mut j = k;
        while j > 0 {
            let prev = &doc.clauses[j - 1];
            if prev.sentence != clause.sentence || !prev.enumerates() {
                break;
            }
            let simple = prev.claims.is_empty()
                && prev.conjunctions.is_empty()
                && doc.slice(prev.span).chars().count() <= self.max_item_chars;
            if !simple {
                return None;
            }
            run += 1;
            first = prev.span.start;
            j -= 1;
        }
        items += run;
        if items < 2 {
            return None;
        }
        Some((items, first))
    }
}
