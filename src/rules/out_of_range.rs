//! `out-of-range`: values that cannot be.
//!
//! **What it checks**: rates and shares above 100%, dates that do not exist, more than 366 days in a
//! year. The rate words and year words are data in `rules/out-of-range.toml`.
//!
//! **Why it matters**: an impossible value is a typo every reader notices.
//!
//! **Example**: `森林覆盖率达到103%`, `11月31日`.

use super::common::Shown;
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::FigureKind;
use crate::model::{Document, Rate, Reading};
use crate::model::{MarkerKind, UnitKind};
use crate::tr;
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    year_words: Vec<String>,
    max_days: u32,
    day_words: Vec<String>,
    max_hours: u32,
}

struct OutOfRange {
    year_words: Vec<String>,
    max_days: Decimal,
    day_words: Vec<String>,
    max_hours: Decimal,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let d: Data = d.data()?;
    Ok(Box::new(OutOfRange {
        year_words: d.year_words,
        max_days: Decimal::from(d.max_days),
        day_words: d.day_words,
        max_hours: Decimal::from(d.max_hours),
    }))
}

/// Days in a month, February counted with 29 (the year is not always known).
fn days_in_month(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Rule for OutOfRange {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        self.rates_and_days(doc, out);
        dates(doc, out);
    }
}

impl OutOfRange {
    fn rates_and_days(&self, doc: &Document, out: &mut Emitter<'_>) {
        let hundred = Decimal::ONE_HUNDRED;
        for c in &doc.claims {
            if c.quoted || matches!(c.reading, Reading::Change | Reading::CategoryBound) {
                continue;
            }
            let q = &c.quantity;
            let Some(lo) = q.interval.lo() else {
                continue;
            };
            let subject = doc.slice(c.subject);
            if q.kind() == Some(UnitKind::Percent) && lo > hundred {
                if let Some(Rate {
                    name,
                    may_pass_100: false,
                }) = c.rate
                {
                    let word = doc.slice(name);
                    let t = out.tr();
                    out.emit(
                        c.span,
                        tr!(
                            t,
                            "out-of-range-rate-message",
                            rate = word,
                            figure = doc.slice(c.span)
                        ),
                        Some(tr!(
                            t,
                            "out-of-range-rate-help",
                            rate = word,
                            stated = Shown::plain("%").stated(t, &q.interval)
                        )),
                        // One label, on the figure: fingerprints hash the labelled text, and
                        // baselines written before must hold.
                        vec![Label::new(
                            c.span,
                            tr!(t, "label-named", name = word, figure = doc.slice(c.span)),
                        )],
                    );
                }
            }
            if q.base_unit() == "小时" && lo > self.max_hours && !c.has(MarkerKind::Total) {
                if let Some(word) = self.day_words.iter().find(|w| subject.contains(w.as_str())) {
                    over_period(doc, c, word, PeriodKeys::HOURS, self.max_hours, out);
                }
            }
            if q.base_unit() == "天" && lo > self.max_days && !c.has(MarkerKind::Total) {
                if let Some(word) = self
                    .year_words
                    .iter()
                    .find(|w| subject.contains(w.as_str()))
                {
                    over_period(doc, c, word, PeriodKeys::DAYS, self.max_days, out);
                }
            }
        }
    }
}

/// The catalog keys of a finding of more hours than a day has, or days than a year.
struct PeriodKeys {
    message: &'static str,
    help: &'static str,
    label: &'static str,
}

impl PeriodKeys {
    const HOURS: Self = Self {
        message: "out-of-range-hours-message",
        help: "out-of-range-hours-help",
        label: "out-of-range-hours-label",
    };
    const DAYS: Self = Self {
        message: "out-of-range-days-message",
        help: "out-of-range-days-help",
        label: "out-of-range-days-label",
    };
}

/// Report `c`, a count of hours or days (`word` names its period) above `most`.
fn over_period(
    doc: &Document,
    c: &crate::model::Claim,
    word: &str,
    keys: PeriodKeys,
    most: Decimal,
    out: &mut Emitter<'_>,
) {
    let t = out.tr();
    let figure = doc.slice(c.span);
    out.emit(
        c.span,
        tr!(t, keys.message, word = word, figure = figure),
        Some(tr!(t, keys.help, most = most.to_string())),
        vec![Label::new(c.span, tr!(t, keys.label, word = word))],
    );
}

fn dates(doc: &Document, out: &mut Emitter<'_>) {
    for f in &doc.figures {
        let FigureKind::Date { month, day } = f.kind else {
            continue;
        };
        let t = out.tr();
        let problem = match (month, day) {
            (Some(m), _) if m == 0 || m > 12 => {
                Some(tr!(t, "out-of-range-no-month", month = m.to_string()))
            }
            (Some(m), Some(d)) if d == 0 || d > days_in_month(m) => Some(tr!(
                t,
                "out-of-range-no-day",
                month = m.to_string(),
                days = days_in_month(m).to_string(),
                day = d.to_string()
            )),
            (None, Some(d)) if d == 0 || d > 31 => Some(tr!(
                t,
                "out-of-range-no-day-in-any-month",
                day = d.to_string()
            )),
            _ => None,
        };
        if let Some(help) = problem {
            out.emit(
                f.span,
                tr!(t, "out-of-range-date-message", figure = doc.slice(f.span)),
                Some(help),
                vec![Label::new(f.span, t.text("out-of-range-date-label"))],
            );
        }
    }
}
