//! `unit-mismatch`: a figure whose unit or magnitude (万, 亿) slipped.
//!
//! **What it checks**, where a slip is the only reading that fits:
//! - a sum (a total and its parts, an explicit sum, the parts statistics define a total by) that
//!   does not add up as written, and adds up when one figure, and only one, is read in the
//!   magnitude another figure of the sum is written in (`林业产值6.31元` among parts in 亿元);
//! - a crop's yield, its output (`糖料产量3200公斤`) over its sown area in the same or a
//!   neighbouring paragraph (`糖料种植面积0.50万亩`), below or above what any crop yields;
//! - households or businesses counted for an area (`全区实有各类市场主体52423万户`) more than a
//!   few times its population, stated (`全区常住人口41.3万人`) or given by its output and output
//!   per head in one paragraph (`地区生产总值548.4亿元 … 人均地区生产总值132878元`).
//!
//! **Why it matters**: a dropped or doubled 万 makes a figure ten thousand times wrong, and a sum
//! or a ratio it takes part in wrong with it; the figure itself reads as plausible.
//!
//! **Example**: `糖料种植面积0.50万亩 … 糖料产量3200公斤` → 3200公斤 ÷ 5000亩 = 0.64公斤/亩.

use super::common::{slipped_magnitude, Shown};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::grammar::lexicon::CharSet;
use crate::locale::Catalog;
use crate::model::diagnostic::Label;
use crate::model::interval::Interval;
use crate::model::{Claim, Document, Reading, UnitKind};
use crate::tr;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    /// Words that end the subject of a crop's output (`粮食总产量`).
    output_words: Vec<String>,
    /// Words that end the subject of a crop's sown area (`糖料种植面积`).
    area_words: Vec<String>,
    /// Words that may open a subject before what it names (`全年`, `全县`).
    scope_words: Vec<String>,
    /// The lowest and highest yield of any crop, in 公斤 per 亩.
    yield_min: String,
    yield_max: String,
    /// Words that name the whole area a figure is of (`全区`, `全县`).
    area_names: Vec<String>,
    /// Words that end the subject of an area's population (`常住人口`).
    population_words: Vec<String>,
    /// Words of an area's output (`地区生产总值`), and of its output per head.
    output_value_words: Vec<String>,
    per_head_output_words: Vec<String>,
    /// Units whose counts cannot pass the population many times over (`户`, `家`).
    counted_units: Vec<String>,
    /// How many of those an area may count per resident at most.
    counts_per_resident: String,
}

struct UnitMismatch {
    data: Data,
    /// Searchers for the words of an area's output, and of its output per head.
    output_finders: Vec<memchr::memmem::Finder<'static>>,
    per_head_finders: Vec<memchr::memmem::Finder<'static>>,
    /// The first characters of the area names.
    area_starts: CharSet,
    yield_min: Decimal,
    yield_max: Decimal,
    counts_per_resident: Decimal,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let data: Data = d.data()?;
    let number = |s: &str| Decimal::from_str(s).map_err(|e| d.bad_pattern(s, e));
    let area_starts = CharSet::of(data.area_names.iter().filter_map(|a| a.chars().next()));
    let finders = |words: &[String]| {
        words
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
            .collect()
    };
    Ok(Box::new(UnitMismatch {
        output_finders: finders(&data.output_value_words),
        per_head_finders: finders(&data.per_head_output_words),
        area_starts,
        yield_min: number(&data.yield_min)?,
        yield_max: number(&data.yield_max)?,
        counts_per_resident: number(&data.counts_per_resident)?,
        data,
    }))
}

impl Rule for UnitMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        sums(doc, out);
        self.yields(doc, out);
        self.counts_above_population(doc, out);
    }
}

/// A sum that one figure's slipped magnitude explains (sum-mismatch leaves it to this rule).
fn sums(doc: &Document, out: &mut Emitter<'_>) {
    for (total, parts, _) in super::common::sums(doc) {
        let Some(slip) = slipped_magnitude(total, &parts) else {
            continue;
        };
        let Some(meant_value) = slip.figure.quantity.value.checked_mul(slip.factor) else {
            continue;
        };
        let like = Shown::like(&slip.like.quantity);
        let figure = doc.slice(slip.figure.span);
        let meant = like.value(meant_value);
        let shown = Shown::like(&total.quantity);
        let written: Vec<String> = parts
            .iter()
            .map(|p| {
                if std::ptr::eq(*p, slip.figure) {
                    meant.clone()
                } else {
                    doc.slice(p.span).to_owned()
                }
            })
            .collect();
        let sum_as_written = super::common::interval_sum(&parts);
        let t = out.tr();
        let mut labels = vec![Label::new(
            slip.figure.span,
            tr!(
                t,
                "unit-mismatch-label-slip",
                figure = figure,
                meant = &meant
            ),
        )];
        labels.push(Label::new(
            slip.like.span,
            tr!(
                t,
                "unit-mismatch-label-like",
                figure = doc.slice(slip.like.span)
            ),
        ));
        if !slip.is_total {
            labels.push(Label::new(
                total.span,
                tr!(t, "label-total", figure = doc.slice(total.span)),
            ));
        }
        let help = if slip.is_total {
            tr!(
                t,
                "unit-mismatch-total-help",
                computed = shown.computed(t, &sum_as_written),
                figure = figure,
                meant = &meant
            )
        } else {
            tr!(
                t,
                "unit-mismatch-part-help",
                sum = super::common::written_sum(doc, &parts),
                computed = shown.computed(t, &sum_as_written),
                total = shown.stated(t, &total.quantity.interval),
                figure = figure,
                meant = &meant,
                corrected = written.join(" + "),
                corrected_sum = shown.computed(t, &slip.sum)
            )
        };
        out.emit(
            slip.figure.span,
            tr!(t, "unit-mismatch-message", figure = figure, meant = &meant),
            Some(help),
            labels,
        );
    }
}

/// `s` without the pinyin a web page printed after some characters (`全區(qū)`) and the words in
/// `prefixes` it opens with (any number of them, and a year: `2022年全区`).
fn bare<'a>(s: &'a str, prefixes: &[String]) -> std::borrow::Cow<'a, str> {
    let text = crate::grammar::figures::without_ruby(s);
    let mut rest: &str = &text;
    loop {
        if let Some(after) = crate::grammar::numerals::after_year(rest) {
            rest = after;
            continue;
        }
        match prefixes.iter().find(|p| rest.starts_with(p.as_str())) {
            Some(p) => rest = rest.get(p.len()..).unwrap_or_default(),
            None => break,
        }
    }
    if rest.len() == text.len() {
        text
    } else {
        std::borrow::Cow::Owned(rest.to_owned())
    }
}

/// What `subject` names before one of `words` it ends with (`糖料` of `糖料种植面积`).
fn named_before<'a>(subject: &'a str, words: &[String]) -> Option<&'a str> {
    words
        .iter()
        .find_map(|w| subject.strip_suffix(w.as_str()))
        .filter(|name| !name.is_empty())
}

impl UnitMismatch {
    /// A crop's output over its sown area, in the same paragraph or the next or last one.
    fn yields(&self, doc: &Document, out: &mut Emitter<'_>) {
        let d = &self.data;
        let named = |c: &Claim, words: &[String], kind: UnitKind| -> Option<String> {
            if c.reading != Reading::Level || !c.is_amount() || c.quantity.kind() != Some(kind) {
                return None;
            }
            let subject = bare(doc.slice(c.subject), &d.scope_words);
            named_before(subject.trim(), words).map(str::to_owned)
        };
        let block_of = |c: &Claim| doc.sentences.get(c.sentence).map(|s| s.block);
        let outputs: Vec<(&Claim, String)> = doc
            .claims
            .iter()
            .filter_map(|c| named(c, &d.output_words, UnitKind::Mass).map(|n| (c, n)))
            .collect();
        if outputs.is_empty() {
            return;
        }
        let areas: Vec<(&Claim, String)> = doc
            .claims
            .iter()
            .filter_map(|c| named(c, &d.area_words, UnitKind::Area).map(|n| (c, n)))
            .collect();
        for (output, crop) in &outputs {
            let Some(block) = block_of(output) else {
                continue;
            };
            // The crop's one area near it: two would leave the pairing in doubt.
            let mut near = areas.iter().filter(|(a, name)| {
                name == crop && block_of(a).is_some_and(|b| b.abs_diff(block) <= 1)
            });
            let (Some((area, _)), None) = (near.next(), near.next()) else {
                continue;
            };
            let mu = if area.quantity.base_unit() == "亩" {
                area.quantity.interval
            } else {
                // From square metres: 1 亩 is 2000/3 m².
                area.quantity.interval.scale(Decimal::new(15, 4))
            };
            let Some(per_mu) = output.quantity.interval.div(&mu) else {
                continue;
            };
            let (Some(lo), Some(hi)) = (per_mu.lo(), per_mu.hi()) else {
                continue;
            };
            let t = out.tr();
            let (what, bound) = if hi < self.yield_min {
                (
                    t.text("unit-mismatch-yield-far-below"),
                    tr!(
                        t,
                        "unit-mismatch-yield-at-least",
                        least = self.yield_min.to_string()
                    ),
                )
            } else if lo > self.yield_max {
                (
                    t.text("unit-mismatch-yield-far-above"),
                    tr!(
                        t,
                        "unit-mismatch-yield-at-most",
                        most = self.yield_max.to_string()
                    ),
                )
            } else {
                continue;
            };
            let about = lo
                .checked_add(hi)
                .map_or(lo, |sum| sum / Decimal::TWO)
                .round_sf(2)
                .unwrap_or(lo)
                .normalize();
            out.emit(
                output.span,
                tr!(
                    t,
                    "unit-mismatch-yield-message",
                    crop = crop,
                    about = about.to_string(),
                    what = &what
                ),
                Some(tr!(
                    t,
                    "unit-mismatch-yield-help",
                    output = doc.slice(output.span),
                    area = doc.slice(area.span),
                    computed = Shown::plain(&t.text("unit-kg-per-mu")).computed(t, &per_mu),
                    crop = crop,
                    bound = &bound
                )),
                vec![
                    Label::new(
                        output.span,
                        tr!(
                            t,
                            "unit-mismatch-label-output",
                            crop = crop,
                            figure = doc.slice(output.span)
                        ),
                    ),
                    Label::new(
                        area.span,
                        tr!(
                            t,
                            "unit-mismatch-label-area",
                            crop = crop,
                            figure = doc.slice(area.span)
                        ),
                    ),
                ],
            );
        }
    }

    /// The area a subject names (`全区`), if it names one of the whole areas: the first place
    /// where one of their names starts.
    fn area_of<'a>(&'a self, subject: &str) -> Option<&'a str> {
        let subject = crate::grammar::figures::without_ruby(subject);
        subject.char_indices().find_map(|(i, c)| {
            if !self.area_starts.contains(c) {
                return None;
            }
            let rest = subject.get(i..)?;
            self.data
                .area_names
                .iter()
                .find(|a| rest.starts_with(a.as_str()))
                .map(String::as_str)
        })
    }

    /// Households or businesses of an area counted many times its population.
    fn counts_above_population(&self, doc: &Document, out: &mut Emitter<'_>) {
        let d = &self.data;
        let counts: Vec<(&Claim, &str)> = doc
            .claims
            .iter()
            .filter(|c| {
                c.quantity.kind() == Some(UnitKind::Count)
                    && d.counted_units
                        .iter()
                        .any(|u| c.quantity.base_unit() == u.as_str())
                    && c.reading == Reading::Level
                    && c.is_amount()
            })
            .filter_map(|c| self.area_of(doc.slice(c.subject)).map(|a| (c, a)))
            .collect();
        // Each area's population, found once.
        let mut populations: Vec<(&str, Option<Population<'_>>)> = Vec::new();
        for (count, area) in counts {
            if !populations.iter().any(|(a, _)| *a == area) {
                populations.push((area, self.population(out.tr(), doc, area)));
            }
            let Some(population) = populations
                .iter()
                .find(|(a, _)| *a == area)
                .and_then(|(_, p)| p.as_ref())
            else {
                continue;
            };
            let (Some(lo), Some(most)) = (
                count.quantity.interval.lo(),
                population
                    .interval
                    .hi()
                    .and_then(|h| h.checked_mul(self.counts_per_resident)),
            ) else {
                continue;
            };
            if lo <= most {
                continue;
            }
            let times = population
                .interval
                .hi()
                .and_then(|h| lo.checked_div(h))
                .map_or(Decimal::ZERO, |t| t.floor());
            let t = out.tr();
            let mut labels = vec![Label::new(
                count.span,
                tr!(
                    t,
                    "label-named",
                    name = area,
                    figure = doc.slice(count.span)
                ),
            )];
            labels.extend(
                population
                    .from
                    .iter()
                    .map(|c| Label::new(c.span, doc.slice(c.span).to_owned())),
            );
            out.emit(
                count.span,
                tr!(
                    t,
                    "unit-mismatch-population-message",
                    figure = doc.slice(count.span),
                    area = area,
                    times = times.to_string()
                ),
                Some(tr!(
                    t,
                    "unit-mismatch-population-help",
                    population = &population.described,
                    unit = count.quantity.unit.map_or("", |u| u.text.as_str()),
                    most = self.counts_per_resident.to_string()
                )),
                labels,
            );
        }
    }

    /// An area's population: stated (`全区常住人口41.3万人`), else its output over its output per
    /// head, stated in one paragraph. One pass over the claims of 人 and 元.
    fn population<'d>(&self, t: &Catalog, doc: &'d Document, area: &str) -> Option<Population<'d>> {
        let d = &self.data;
        let mut outputs: Vec<&Claim> = Vec::new();
        let mut heads: Vec<&Claim> = Vec::new();
        for c in &doc.claims {
            let unit = c.quantity.base_unit();
            if !(unit == "人" || unit == "元") || !c.is_amount() {
                continue;
            }
            let subject = crate::grammar::figures::without_ruby(doc.slice(c.subject));
            let has = |finders: &[memchr::memmem::Finder<'static>]| {
                finders.iter().any(|f| f.find(subject.as_bytes()).is_some())
            };
            if unit == "人" {
                let named = subject.trim_end_matches(['为', '是']);
                if c.reading == Reading::Level
                    && d.population_words
                        .iter()
                        .any(|w| named.ends_with(w.as_str()))
                    && self.area_of(&subject) == Some(area)
                {
                    return Some(Population {
                        interval: c.quantity.interval,
                        from: vec![c],
                        described: tr!(
                            t,
                            "unit-mismatch-population-stated",
                            area = area,
                            figure = doc.slice(c.span)
                        ),
                    });
                }
            } else if has(&self.per_head_finders) {
                heads.push(c);
            } else if c.reading == Reading::Level
                && has(&self.output_finders)
                && self.area_of(&subject) == Some(area)
            {
                outputs.push(c);
            }
        }
        let block_of = |c: &Claim| doc.sentences.get(c.sentence).map(|s| s.block);
        outputs.into_iter().find_map(|output| {
            let head = heads.iter().find(|h| block_of(h) == block_of(output))?;
            let interval = output.quantity.interval.div(&head.quantity.interval)?;
            Some(Population {
                interval,
                from: vec![output, head],
                described: tr!(
                    t,
                    "unit-mismatch-population-computed",
                    area = area,
                    output = doc.slice(output.span),
                    head = doc.slice(head.span),
                    computed =
                        Shown::in_units(Decimal::from(10_000), &t.text("unit-ten-thousand-people"))
                            .computed(t, &interval)
                ),
            })
        })
    }
}

/// An area's population and the figures it comes from.
struct Population<'d> {
    interval: Interval,
    from: Vec<&'d Claim>,
    /// How it was found, for the help.
    described: String,
}
