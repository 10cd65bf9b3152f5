//! `date-mismatch`: years that contradict each other or the calendar.
//!
//! **What it checks**: a change between two stated figures ([`Relation::Growth`]) whose start and
//! end name the same year (`由2020年的14646元提高到2020年的16403元`); and an anniversary that does
//! not fit its year (`2020年是改革开放41周年`: 1978 + 41 = 2019), for the events of
//! `rules/date-mismatch.toml`; and a report titled as the review of one year whose opening
//! paragraph opens with another (`2020年工作总结` above `2019年，xx镇党委、政府在…领导下`).
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
use crate::tr;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    /// The word after an anniversary's count (`周年`).
    anniversary: String,
    events: Vec<Event>,
    /// Words after a title's year that make it the year the report reviews (`2020年工作总结`).
    summary_words: Vec<String>,
    /// Words after a title's year that make it the year a plan is for (`2021年工作计划`).
    plan_words: Vec<String>,
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

/// The years stated in `span`, with their figures' spans.
fn years_in(doc: &Document, span: Span) -> Vec<(Span, u32)> {
    doc.figures_in(span)
        .iter()
        .filter(|f| f.kind == FigureKind::Year && f.span.end <= span.end)
        .filter_map(|f| numerals::year_value(doc.slice(f.span)).map(|y| (f.span, y)))
        .collect()
}

impl Rule for DateMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        self.same_year_changes(doc, out);
        self.anniversaries(doc, out);
        self.title_year(doc, out);
    }
}

/// Blocks a title is looked for in, from the top (a web page's lines may come first).
const TITLE_BLOCKS: usize = 12;

/// A title is at most this many characters.
const TITLE_CHARS: usize = 60;

/// Characters between a title's year and its summary or plan word, at most.
const YEAR_TO_WORD: usize = 20;

/// The four-digit years (1900–2099) written in `s` with 年 after them (`2020 年`), with their
/// byte ranges (the year's digits) and where the text after 年 begins.
fn written_years(s: &str) -> Vec<(std::ops::Range<usize>, u32, usize)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let digits = bytes.get(i..i + 4).unwrap_or_default();
        let before_digit = i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit);
        let after_digit = bytes.get(i + 4).is_some_and(u8::is_ascii_digit);
        if !before_digit && !after_digit && digits.iter().all(u8::is_ascii_digit) {
            let year = digits
                .iter()
                .fold(0u32, |y, d| y * 10 + u32::from(d - b'0'));
            let rest = s.get(i + 4..).unwrap_or_default();
            let spaced = rest.trim_start_matches([' ', '\u{3000}']);
            if (1900..2100).contains(&year) {
                if let Some(after) = spaced.strip_prefix('年') {
                    out.push((i..i + 4, year, s.len() - after.len()));
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

impl DateMismatch {
    /// The years a title reviews and plans for (`乡镇 2020 年工作总结和 2021 年工作计划`): each
    /// year whose following words, within a few characters and no digit, are a summary or plan
    /// word. `None` when the block names no year under review.
    fn title_years(&self, title: &str) -> Option<(u32, Vec<u32>, std::ops::Range<usize>)> {
        if title.chars().count() > TITLE_CHARS || title.contains(['。', '；']) {
            return None;
        }
        let mut reviewed = None;
        let mut planned = Vec::new();
        for (digits, year, after) in written_years(title) {
            let rest: String = title
                .get(after..)
                .unwrap_or_default()
                .chars()
                .take_while(|c| !c.is_ascii_digit())
                .take(YEAR_TO_WORD)
                .collect();
            let first = |words: &[String]| words.iter().filter_map(|w| rest.find(w.as_str())).min();
            match (
                first(&self.data.summary_words),
                first(&self.data.plan_words),
            ) {
                (Some(s), p) if p.is_none_or(|p| s < p) => {
                    reviewed.get_or_insert((year, digits));
                }
                (_, Some(_)) => planned.push(year),
                _ => {}
            }
        }
        reviewed.map(|(year, digits)| (year, planned, digits))
    }

    /// A report titled as the review of one year (`2020年工作总结`, `2022年…统计公报`) whose opening
    /// paragraph reviews another (`2019 年，xx 镇党委、政府在…领导下`): a year left from another
    /// year's draft. Only the title among the first blocks, and only the opening paragraph after
    /// it, and only a year that is neither the one reviewed nor one planned for.
    fn title_year(&self, doc: &Document, out: &mut Emitter<'_>) {
        let blocks = doc
            .blocks
            .get(..TITLE_BLOCKS.min(doc.blocks.len()))
            .unwrap_or_default();
        let Some((index, (reviewed, planned, digits))) = blocks
            .iter()
            .enumerate()
            .find_map(|(i, b)| self.title_years(doc.slice(b.span)).map(|t| (i, t)))
        else {
            return;
        };
        let Some(title) = blocks.get(index) else {
            return;
        };
        // The opening paragraph: the first block after the title that is not the title again
        // (a web page may repeat it) and is more than a line of its own. Under a heading (`一、
        // “十一五”回顾`) the text is a section, which may look back over several years.
        let Some(opening) = doc.blocks.iter().skip(index + 1).find(|b| {
            let text = doc.slice(b.span);
            b.heading.is_some() || (text.chars().count() > 20 && self.title_years(text).is_none())
        }) else {
            return;
        };
        if opening.heading.is_some() {
            return;
        }
        let text = doc.slice(opening.span);
        let Some((opening_digits, year, after)) = written_years(text)
            .into_iter()
            .next()
            .filter(|(d, _, _)| text.get(..d.start).is_some_and(|t| t.trim().is_empty()))
        else {
            return;
        };
        // `2019年，`, `2019年是`, `2019年全镇`: the year the paragraph is about (`2006年以来`
        // looks back from it).
        let next = text.get(after..).unwrap_or_default();
        if !next.starts_with([',', '，', '、', '是', '全']) {
            return;
        }
        if year == reviewed || planned.contains(&year) {
            return;
        }
        let title_span = Span::new(
            title.span.start + digits.start,
            title.span.start + digits.end,
        );
        let opening_span = Span::new(
            opening.span.start + opening_digits.start,
            opening.span.start + opening_digits.end,
        );
        let t = out.tr();
        let opening_text = if text.chars().count() > 24 {
            format!("{}…", text.chars().take(24).collect::<String>())
        } else {
            text.to_owned()
        };
        out.emit(
            opening_span,
            tr!(
                t,
                "date-mismatch-review-message",
                reviewed = reviewed.to_string(),
                year = year.to_string()
            ),
            Some(tr!(
                t,
                "date-mismatch-review-help",
                title = doc.slice(title.span).trim(),
                reviewed = reviewed.to_string(),
                opening = opening_text,
                year = year.to_string()
            )),
            vec![
                Label::new(
                    title_span,
                    tr!(
                        t,
                        "date-mismatch-review-label-title",
                        year = reviewed.to_string()
                    ),
                ),
                Label::new(
                    opening_span,
                    tr!(
                        t,
                        "date-mismatch-review-label-opening",
                        year = year.to_string()
                    ),
                ),
            ],
        );
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
            // Only a change written within one sentence, start first.
            if from.sentence != to.sentence || from.span.start > to.span.start {
                continue;
            }
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
            let t = out.tr();
            out.emit(
                end_span,
                tr!(
                    t,
                    "date-mismatch-same-year-message",
                    start = start.to_string(),
                    from = a,
                    end = end.to_string(),
                    to = b
                ),
                Some(tr!(
                    t,
                    "date-mismatch-same-year-help",
                    before = start.saturating_sub(1).to_string(),
                    after = start.saturating_add(1).to_string()
                )),
                vec![
                    Label::new(start_span, t.text("date-mismatch-label-start-year")),
                    Label::new(from.span, tr!(t, "label-from", figure = a)),
                    Label::new(end_span, t.text("date-mismatch-label-end-year")),
                    Label::new(to.span, tr!(t, "label-to", figure = b)),
                ],
            );
        }
    }

    /// `2020年是改革开放41周年`: the year, the event's year and the count do not agree.
    fn anniversaries(&self, doc: &Document, out: &mut Emitter<'_>) {
        let word = self.data.anniversary.as_str();
        // The word is searched for once in the whole text (it is rare), and only the sentences
        // that hold it are read: sentences and places both run in the text's order.
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let mut places = finder.find_iter(doc.text.as_bytes()).peekable();
        for sentence in &doc.sentences {
            while places.next_if(|&at| at < sentence.span.start).is_some() {}
            if places.peek().is_none_or(|&at| at >= sentence.span.end) {
                continue;
            }
            let text = doc.slice(sentence.span);
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
                let t = out.tr();
                let (year_text, count_text) = (year.to_string(), count.to_string());
                out.emit(
                    count_span,
                    tr!(
                        t,
                        "date-mismatch-anniversary-message",
                        year = &year_text,
                        name = name,
                        count = &count_text,
                        word = word
                    ),
                    Some(tr!(
                        t,
                        "date-mismatch-anniversary-help",
                        name = name,
                        event_year = event.year.to_string(),
                        count = &count_text,
                        expected = expected.to_string(),
                        year = &year_text,
                        actual = year.saturating_sub(event.year).to_string(),
                        word = word
                    )),
                    vec![
                        Label::new(
                            year_span,
                            tr!(t, "date-mismatch-anniversary-label-year", year = &year_text),
                        ),
                        Label::new(
                            count_span,
                            tr!(
                                t,
                                "date-mismatch-anniversary-label-count",
                                count = &count_text,
                                word = word
                            ),
                        ),
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
