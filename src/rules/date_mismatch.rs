//! `date-mismatch`: years that contradict each other or the calendar.
//!
//! **What it checks**: a change between two stated figures ([`Relation::Growth`]) whose start and
//! end name the same year (`由2020年的14646元提高到2020年的16403元`); and an anniversary that does
//! not fit its year (`2020年是改革开放41周年`: 1978 + 41 = 2019), for the events of
//! `rules/date-mismatch.toml`.
//!
//! **Why it matters**: a year copied over another (a report rewritten from last year's) is the
//! fault a reader sees at once, and every figure dated by it is in doubt.
//!
//! **Example**: `2021年是建党101周年` → 1921 + 101 = 2022.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::grammar::numerals;
use crate::model::diagnostic::Label;
use crate::model::span::Span;
use crate::model::{Document, FigureKind, Relation};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    /// The word after an anniversary's count (`周年`).
    anniversary: String,
    events: Vec<Event>,
}

/// An event whose anniversaries reports count: its names and the year it happened.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Event {
    names: Vec<String>,
    year: u32,
}

struct DateMismatch {
    data: Data,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(DateMismatch { data: d.data()? }))
}

/// The year a year figure names (`2020年`, `二〇二〇年`).
fn year_of(doc: &Document, span: Span) -> Option<u32> {
    let (_, n) = numerals::numeral(doc.slice(span)).ok()?;
    u32::try_from(n.value.trunc().mantissa())
        .ok()
        .filter(|y| (1000..3000).contains(y))
}

/// The years stated in `span`, with their figures' spans.
fn years_in(doc: &Document, span: Span) -> Vec<(Span, u32)> {
    doc.figures_in(span)
        .iter()
        .filter(|f| f.kind == FigureKind::Year && f.span.end <= span.end)
        .filter_map(|f| year_of(doc, f.span).map(|y| (f.span, y)))
        .collect()
}

impl Rule for DateMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        self.same_year_changes(doc, out);
        self.anniversaries(doc, out);
    }
}

impl DateMismatch {
    /// `由2020年的A提高到2020年的B`: a change from a year to itself.
    fn same_year_changes(&self, doc: &Document, out: &mut Emitter<'_>) {
        for relation in &doc.relations {
            let Relation::Growth { from, to, .. } = *relation else {
                continue;
            };
            let (Some(from), Some(to)) = (doc.claims.get(from), doc.claims.get(to)) else {
                continue;
            };
            let start_years = years_in(doc, from.subject);
            let end_years = years_in(doc, Span::new(from.span.end, to.span.start));
            let (Some(&(start_span, start)), Some(&(end_span, end))) =
                (start_years.last(), end_years.last())
            else {
                continue;
            };
            if start != end {
                continue;
            }
            let (a, b) = (doc.slice(from.span), doc.slice(to.span));
            out.emit(
                end_span,
                format!("变化的起止年份相同：由{start}年的 {a} 到{end}年的 {b}"),
                Some(format!(
                    "一个年份到它自己不是变化：核对两个年份，其中一个多半应为 {} 年或 {} 年",
                    start.saturating_sub(1),
                    start.saturating_add(1)
                )),
                vec![
                    Label::new(start_span, "起始年份"),
                    Label::new(from.span, format!("起点 {a}")),
                    Label::new(end_span, "终止年份，与起始年份相同"),
                    Label::new(to.span, format!("终点 {b}")),
                ],
            );
        }
    }

    /// `2020年是改革开放41周年`: the year, the event's year and the count do not agree.
    fn anniversaries(&self, doc: &Document, out: &mut Emitter<'_>) {
        let word = self.data.anniversary.as_str();
        for sentence in &doc.sentences {
            let text = doc.slice(sentence.span);
            if !text.contains(word) {
                continue;
            }
            let years = years_in(doc, sentence.span);
            for (at, _) in text.match_indices(word) {
                let before = text.get(..at).unwrap_or_default();
                // The count right before 周年, Arabic or Chinese.
                let Some((count_start, count)) = count_before(before) else {
                    continue;
                };
                let count_span = Span::new(
                    sentence.span.start + count_start,
                    sentence.span.start + at + word.len(),
                );
                // The event named between the year and the count, and the year before it.
                let Some(&(year_span, year)) =
                    years.iter().rev().find(|(s, _)| s.end <= count_span.start)
                else {
                    continue;
                };
                let named = doc
                    .text
                    .get(year_span.end..count_span.start)
                    .unwrap_or_default();
                let Some((event, name)) = self.data.events.iter().find_map(|e| {
                    e.names
                        .iter()
                        .find(|n| named.contains(n.as_str()))
                        .map(|n| (e, n))
                }) else {
                    continue;
                };
                let expected = event.year.saturating_add(count);
                if expected == year {
                    continue;
                }
                out.emit(
                    count_span,
                    format!("{year}年不是{name}{count}{word}"),
                    Some(format!(
                        "{name}在 {} 年：{} + {count} = {expected}，{year} 年是{name}{}{word}",
                        event.year,
                        event.year,
                        year.saturating_sub(event.year)
                    )),
                    vec![
                        Label::new(year_span, format!("{year}年")),
                        Label::new(count_span, format!("{count}{word}")),
                    ],
                );
            }
        }
    }
}

/// The count written right before `…周年` at the end of `before`, and where it starts.
fn count_before(before: &str) -> Option<(usize, u32)> {
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || numerals::is_chinese_numeral_char(*c))
        .last()
        .map(|(i, _)| i)?;
    let (rest, n) = numerals::numeral(before.get(start..)?).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let count = u32::try_from(n.value.trunc().mantissa()).ok()?;
    (count > 0).then_some((start, count))
}
