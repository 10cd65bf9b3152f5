//! `enumeration-count`: a summary count that disagrees with the items it names.
//!
//! **What it checks**: a count right after an enumeration (`A、B、C三大体系`, `A、B等四大体系`)
//! against the number of items in it, where the count can only be read as a summary of the list;
//! and an empty item in a list (`司空山、、名木古树`), where a word was lost.
//!
//! **Why it matters**: the reader counts the list; a wrong count means an item was dropped.
//!
//! **Example**: `落实教育、医疗、住房“四保障”` → three items, count four.

use super::common::definite_joins;
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::span::Span;
use crate::model::{Claim, Document};
use crate::model::{MarkerKind, UnitKind};
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    count_units: Vec<String>,
    etc_exact_units: Vec<String>,
    max_item_chars: usize,
    max_first_item_chars: usize,
    max_count: u32,
}

struct EnumerationCount {
    data: Data,
    max_count: Decimal,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let data: Data = d.data()?;
    let max_count = Decimal::from(data.max_count);
    Ok(Box::new(EnumerationCount { data, max_count }))
}

/// The items of an enumeration: at least `min`, at most `max` (和 may join two items or stand
/// inside one name), starting at byte `start`.
struct Items {
    min: usize,
    max: usize,
    start: usize,
}

const CLOSING_QUOTES: [char; 4] = ['”', '"', '」', '』'];
const OPENING_QUOTES: [char; 4] = ['“', '"', '「', '『'];

impl Rule for EnumerationCount {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        empty_items(doc, out);
        for (k, clause) in doc.clauses.iter().enumerate() {
            let Some(count) = doc
                .claims
                .get(clause.claims.clone())
                .and_then(|c| c.first())
            else {
                continue;
            };
            let Some(n) = self.count_value(doc, count) else {
                continue;
            };
            let Some(items) = self.items(doc, k, count) else {
                continue;
            };
            if !self.contradicts(count, n, &items) {
                continue;
            }
            let counted = if items.min == items.max {
                items.min.to_string()
            } else {
                format!("{} 或 {}", items.min, items.max)
            };
            let list = Span::new(items.start, count.span.start);
            out.emit(
                count.span,
                format!("概括数 {} 与列举的 {counted} 项不符", doc.slice(count.span)),
                Some(format!(
                    "列举了 {counted} 项（{}），但概括为 {n} 项",
                    doc.slice(list).trim_end_matches(OPENING_QUOTES)
                )),
                vec![
                    Label::new(list, format!("列举 {counted} 项")),
                    Label::new(count.span, format!("概括数 {n}")),
                ],
            );
        }
    }
}

/// An empty item in a list (`司空山、、名木古树`, `苗、、汉`): a word was lost between two 、, and
/// any count of the list is off by it.
fn empty_items(doc: &Document, out: &mut Emitter<'_>) {
    for &span in &doc.empty_items {
        out.emit(
            span,
            "列举中有空项：两个顿号之间缺少一项",
            Some("补上缺少的一项，或删去多余的顿号；若列举后有概括数，一并核对".to_owned()),
            vec![Label::new(span, "空项")],
        );
    }
}

impl EnumerationCount {
    /// The count, if the claim is an integer count of a summary unit.
    fn count_value(&self, doc: &Document, c: &Claim) -> Option<usize> {
        let q = &c.quantity;
        let unit = q.unit?;
        let v = q.value;
        if !self.data.count_units.contains(&unit.text)
            || q.qualifier.is_some()
            || q.range
            || !v.fract().is_zero()
            || v < Decimal::TWO
            || v > self.max_count
        {
            return None;
        }
        // A quoted count must fill its quotation (“四保障”, not “四人帮” or “五个一工程”).
        if c.quoted {
            let next = doc.text.get(c.span.end..)?.chars().next();
            if !next.is_some_and(|ch| CLOSING_QUOTES.contains(&ch)) {
                return None;
            }
        }
        usize::try_from(v.mantissa()).ok()
    }

    fn contradicts(&self, count: &Claim, n: usize, items: &Items) -> bool {
        let unit = count.quantity.unit.map_or("", |u| u.text.as_str());
        if count.after_etc {
            let exact = self.data.etc_exact_units.iter().any(|u| u == unit);
            n < items.min || (exact && items.min >= 3 && n == items.max + 1)
        } else {
            let summary = count.quoted || count.quantity.kind() == Some(UnitKind::Category);
            summary && (n < items.min || (n > items.max && items.min >= 3))
        }
    }

    /// The items enumerated before the count, if they form a simple list.
    fn items(&self, doc: &Document, k: usize, count: &Claim) -> Option<Items> {
        let clause = doc.clauses.get(k)?;
        if doc.clause_markers_of(clause).iter().any(|m| {
            m.span.end <= count.span.start
                && matches!(m.kind, MarkerKind::Respectively | MarkerKind::Change)
        }) {
            return None;
        }
        let last = doc
            .slice(Span::new(clause.span.start, count.span.start))
            .trim();
        let last = last.trim_end_matches(OPENING_QUOTES);
        let last = last
            .strip_suffix("等等")
            .or_else(|| last.strip_suffix('等'))
            .unwrap_or(last);
        if last.is_empty()
            || last.ends_with('的')
            || last.ends_with(CLOSING_QUOTES)
            || last.chars().count() > self.data.max_item_chars
        {
            return None;
        }
        let conj = doc.conjunctions_before(clause, count.span.start);
        // A conjunction right before the count makes it an item of its own (`欢乐节及十大赛事`).
        if doc
            .conjunctions
            .get(clause.conjunctions.clone())
            .unwrap_or(&[])
            .iter()
            .any(|s| {
                doc.text
                    .get(s.end..count.span.start)
                    .is_some_and(|t| t.trim().is_empty())
            })
        {
            return None;
        }
        let mut run = 1;
        let mut definite = definite_joins(doc, clause, count.span.start);
        let mut start = clause.span.start;
        let mut j = k;
        while j > 0 {
            let Some(prev) = doc.clauses.get(j - 1) else {
                break;
            };
            if prev.sentence != clause.sentence || !prev.enumerates() {
                break;
            }
            j -= 1;
            let first_of_list = j == 0
                || doc.clauses.get(j - 1).is_none_or(|before| {
                    before.sentence != clause.sentence || !before.enumerates()
                });
            let limit = if first_of_list {
                self.data.max_first_item_chars
            } else {
                self.data.max_item_chars
            };
            if !prev.claims.is_empty()
                || !prev.conjunctions.is_empty()
                || doc.slice(prev.span).chars().count() > limit
            {
                return None;
            }
            run += 1;
            definite += definite_joins(doc, prev, prev.span.end);
            start = prev.span.start;
        }
        if run < 2 {
            return None;
        }
        Some(Items {
            min: run + definite,
            max: run + conj,
            start,
        })
    }
}
