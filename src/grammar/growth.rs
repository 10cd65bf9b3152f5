//! Changes between two stated figures: `由120亿元增加到135亿元，增长12.5%`,
//! `森林覆盖率由60.5%提高到62.3%，提高1.8个百分点`, `由上年的3.2万人减少到2.9万人，减少3000人`.
//!
//! Three claims in a row of one sentence: the figure the change starts from (its subject ends
//! with 由 or 从 and at most a few characters: `由2020年的`, `从上年的`), the level it reached (a
//! `reached` reading: 提高到, 增至), and right after it (at most `[changes] max-gap` characters,
//! with a word of direction: `，增长`) the change. What the change measures follows from the
//! units: % of figures that are not percentages is relative growth, 个百分点 of percentages a
//! difference of points, the figures' own unit a difference. A % change of percentages (`由60%
//! 提高到66%，提高10%`) is left alone: it may be either.
//!
//! The level may also come first and the figure it is compared with after it: `5.2亿元，比上年的
//! 4.8亿元增长8.3%` (the earlier figure's subject a word of `[changes] than`, a period and 的).
//! The change may be a multiple (`是2015年的1.3倍`: the level over the figure it started from) or
//! compound growth per year (`年均增长8.7%`, `[changes] per-year`) over the years the two figures'
//! subjects name (`由2015年的…增加到2020年的…`: five).
//!
//! Across the document: a level with a change against last year after it (`2022年全县一般公共
//! 预算收入5.2亿元，同比增长8.3%`, `[changes] year-on-year`) and the same subject's level stated
//! for the year before (`2021年全县一般公共预算收入4.8亿元`), each dated by the year that opens
//! its sentence, the subjects equal once their verbs are dropped (`[changes] level-verbs`); only
//! where exactly one such earlier level is stated ([`year_over_year`]).
//!
//! A level may also carry its change twice, in its own unit and then in %: `常住人口3465.99万人，
//! 比上年减少15.36万人，下降0.44%` ([`Relation::LevelChange`]): the change against an earlier
//! period (a word of `[changes] than` before its direction) and right after it, with only a word
//! of the same direction between, the same change in % of the earlier level.
//!
//! No relation where statistics state growth at comparable prices while the levels are at
//! current prices (`[changes] real-terms`: 生产总值, 增加值), nor where a word between the level
//! and the change makes it another change (`[changes] not-between`: 平均每年, 年均, 倍) that is
//! not compound growth over two known years.

use super::lexicon::Lexicon;
use crate::model::span::Span;
use crate::model::{
    Claim, Document, FigureKind, GrowthKind, Reading, Relation, StatedChange, UnitKind,
};

/// The most characters after 由/从 in the subject of the figure a change starts from.
const FROM_TAIL: usize = 10;
/// The most characters between the figure a change starts from and the level it reached.
const TO_GAP: usize = 16;
/// The most characters between a level and the earlier figure it is compared with (`，比上年的`).
const THAN_GAP: usize = 10;

/// Relate the changes of sentence `s`.
pub(super) fn growth(lx: &Lexicon, doc: &Document, s: usize, relations: &mut Vec<Relation>) {
    let Some(first) = doc.sentences.get(s).map(|x| x.claims.start) else {
        return;
    };
    let claims = doc.sentence_claims(s);
    level_changes(lx, doc, first, claims, relations);
    for (i, pair) in claims.windows(2).enumerate() {
        let [a, b] = pair else {
            continue;
        };
        // `由A增加到B`: from the first to the second; `B，比上年的A`: from the second to the first.
        let (from, to, from_index, to_index) = if between(lx, doc, a, b) {
            (a, b, first + i, first + i + 1)
        } else if compared(lx, doc, a, b) {
            (b, a, first + i + 1, first + i)
        } else {
            continue;
        };
        let change = claims
            .get(i + 2)
            .and_then(|c| stated(lx, doc, from, to, b, c))
            .map(|(kind, falls)| StatedChange {
                claim: first + i + 2,
                kind,
                falls,
            });
        relations.push(Relation::Growth {
            from: from_index,
            to: to_index,
            change,
        });
    }
}

/// A figure a change may be stated in: written once (no restatement), not quoted, not a range,
/// bounded ([`Claim::is_amount`] but for its reading).
fn stated_once(c: &Claim) -> bool {
    !c.quoted && !c.restates && !c.quantity.range && c.quantity.interval.is_bounded()
}

/// The levels of a sentence's `claims` (the first numbered `first`) with their change written in
/// their unit and then in %: `3465.99万人，比上年减少15.36万人，下降0.44%`. The change in the unit
/// follows the level after `，比上年` (a word of `[changes] than` or `year-on-year` first, a
/// direction last, at most [`THAN_GAP`] characters); the change in % follows it with nothing but
/// punctuation and a word of the same direction between (`，实际增长5.1%` is another change). Not
/// where statistics state growth at comparable prices (`[changes] real-terms`).
fn level_changes(
    lx: &Lexicon,
    doc: &Document,
    first: usize,
    claims: &[Claim],
    relations: &mut Vec<Relation>,
) {
    let changes = &lx.changes;
    let gap = |a: &Claim, b: &Claim| {
        doc.text
            .get(a.span.end..b.span.start)
            .unwrap_or_default()
            .trim_start_matches([',', '，', ' '])
    };
    for (i, triple) in claims.windows(3).enumerate() {
        let [level, amount, percent] = triple else {
            continue;
        };
        let positive = |c: &Claim| c.quantity.value > rust_decimal::Decimal::ZERO;
        if level.reading != Reading::Level
            || !level.is_amount()
            || level.quantity.is_percent()
            || amount.reading != Reading::Change
            || !stated_once(amount)
            || !positive(amount)
            || !amount.quantity.commensurable(&level.quantity)
            || percent.reading != Reading::Change
            || !stated_once(percent)
            || !positive(percent)
            || percent.quantity.kind() != Some(UnitKind::Percent)
        {
            continue;
        }
        let subject = doc.slice(level.subject);
        if changes
            .real_terms
            .iter()
            .any(|w| subject.contains(w.as_str()))
        {
            continue;
        }
        let (before, after) = (gap(level, amount), gap(amount, percent));
        // `比上年减少`: the direction ends the gap; `下降`: the gap is the direction alone.
        let Some(falls) = changes
            .last_direction(before)
            .and_then(|(at, _)| changes.direction_of(before.get(at..)?))
        else {
            continue;
        };
        let compared = chars(before) <= THAN_GAP
            && changes
                .than
                .iter()
                .chain(&changes.year_on_year)
                .any(|w| before.starts_with(w.as_str()))
            && !changes
                .not_between
                .iter()
                .any(|w| before.contains(w.as_str()));
        if compared && changes.direction_of(after) == Some(falls) {
            relations.push(Relation::LevelChange {
                level: first + i,
                amount: first + i + 1,
                percent: first + i + 2,
                falls,
            });
        }
    }
}

/// Whether `earlier`, right after the level `level`, is the figure it is compared with:
/// `5.2亿元，比上年的4.8亿元` (a word of `[changes] than`, a period, 的).
fn compared(lx: &Lexicon, doc: &Document, level: &Claim, earlier: &Claim) -> bool {
    if level.reading != Reading::Level
        || !level.is_amount()
        || !earlier.is_amount()
        || !level.quantity.commensurable(&earlier.quantity)
    {
        return false;
    }
    let gap = doc
        .text
        .get(level.span.end..earlier.span.start)
        .unwrap_or_default()
        .trim_start_matches([',', '，', ' ']);
    chars(gap) <= THAN_GAP
        && gap.ends_with('的')
        && lx.changes.than.iter().any(|w| gap.starts_with(w.as_str()))
}

/// The last year (`2015年`) written in `span`.
fn year_in(doc: &Document, span: Span) -> Option<u32> {
    doc.figures_in(span)
        .iter()
        .rev()
        .filter(|f| f.kind == FigureKind::Year && f.span.end <= span.end)
        .find_map(|f| super::numerals::year_value(doc.slice(f.span)))
}

/// The number of characters of `text`.
fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Whether `to` is the level a change from `from` reached: `from` after 由/从 (a few characters
/// before it), `to` a `reached` reading a few characters after it, of the same unit.
fn between(lx: &Lexicon, doc: &Document, from: &Claim, to: &Claim) -> bool {
    if !from.is_amount()
        || to.reading != Reading::Reached
        || to.quoted
        || to.quantity.range
        || !to.quantity.interval.is_bounded()
        || !from.quantity.commensurable(&to.quantity)
    {
        return false;
    }
    let subject = doc.slice(from.subject);
    let opened = lx
        .changes
        .from
        .iter()
        .filter_map(|w| subject.rfind(w.as_str()).map(|at| at + w.len()))
        .max()
        .and_then(|end| subject.get(end..))
        .is_some_and(|tail| chars(tail) <= FROM_TAIL);
    let between = doc
        .text
        .get(from.span.end..to.span.start)
        .unwrap_or_default();
    opened && chars(between) <= TO_GAP
}

/// What `change`, right after the change from `from` to `to` (`last` the one of the two written
/// last), measures, and whether it is a fall.
fn stated(
    lx: &Lexicon,
    doc: &Document,
    from: &Claim,
    to: &Claim,
    last: &Claim,
    change: &Claim,
) -> Option<(GrowthKind, bool)> {
    let changes = &lx.changes;
    // A multiple (`是2015年的1.3倍`) reads as a level of its own.
    let multiple = change.quantity.kind() == Some(UnitKind::Multiple);
    if !(change.reading == Reading::Change || (multiple && change.reading == Reading::Level))
        || change.quoted
        || change.quantity.range
        || !change.quantity.interval.is_bounded()
    {
        return None;
    }
    let subjects = [doc.slice(from.subject), doc.slice(to.subject)];
    if changes
        .real_terms
        .iter()
        .any(|w| subjects.iter().any(|s| s.contains(w.as_str())))
    {
        return None;
    }
    let gap = doc.text.get(last.span.end..change.span.start)?;
    if chars(gap) > changes.max_gap || gap.contains(['。', '；', ';']) {
        return None;
    }
    // `是2015年的1.3倍`: the level over the figure it started from.
    if multiple
        && changes.falls_in(gap).is_none()
        && changes.multiple_of.iter().any(|w| gap.contains(w.as_str()))
    {
        return Some((GrowthKind::Times, false));
    }
    // `由2015年的…增加到2020年的…，年均增长8.7%`: compound growth over the years between.
    if changes.per_year.iter().any(|w| gap.contains(w.as_str())) {
        let years = year_in(doc, from.subject)
            .zip(year_in(doc, Span::new(from.span.end, to.span.start)))
            .and_then(|(start, end)| end.checked_sub(start))
            .filter(|n| *n >= 1)?;
        let falls = changes.falls_in(gap)?;
        let percent_of_amounts =
            !from.quantity.is_percent() && change.quantity.kind() == Some(UnitKind::Percent);
        return percent_of_amounts.then_some((GrowthKind::Compound { years }, falls));
    }
    if multiple || changes.not_between.iter().any(|w| gap.contains(w.as_str())) {
        return None;
    }
    let falls = changes.falls_in(gap)?;
    let kind = match (from.quantity.is_percent(), change.quantity.kind()) {
        (true, Some(UnitKind::Points)) => GrowthKind::Points,
        (false, Some(UnitKind::Percent)) => GrowthKind::Percent,
        (false, _) if change.quantity.commensurable(&from.quantity) => GrowthKind::Amount,
        _ => return None,
    };
    Some((kind, falls))
}

/// The year a claim's sentence states before it (`2022年，…`, `2022年全县…`): the last one.
fn sentence_year(doc: &Document, c: &Claim) -> Option<u32> {
    let start = doc.sentences.get(c.sentence)?.span.start;
    year_in(doc, Span::new(start, c.span.start))
}

/// A subject without the verbs before a level (`全县农村居民人均可支配收入达到` → `…收入`) and the
/// punctuation around it.
fn bare_subject<'d>(lx: &Lexicon, doc: &'d Document, c: &Claim) -> &'d str {
    let mut subject = doc.slice(c.subject).trim_matches([' ', '，', ',']);
    while let Some(verb) = lx
        .changes
        .level_verbs
        .iter()
        .find(|v| subject.ends_with(v.as_str()))
    {
        subject = subject
            .get(..subject.len() - verb.len())
            .unwrap_or_default();
    }
    subject
}

/// Changes against last year (`同比增长8.3%`) after a level dated by its sentence, related to the
/// level of the same subject stated for the year before elsewhere in the document.
pub(super) fn year_over_year(lx: &Lexicon, doc: &Document, relations: &mut Vec<Relation>) {
    let changes = &lx.changes;
    // The levels followed by a change against last year, with their subjects.
    let mut candidates: Vec<(usize, &str)> = Vec::new();
    for (i, pair) in doc.claims.windows(2).enumerate() {
        let [level, change] = pair else {
            continue;
        };
        if level.sentence != change.sentence
            || level.reading != Reading::Level
            || change.reading != Reading::Change
            || !level.is_amount()
            || level.quantity.is_percent()
        {
            continue;
        }
        let gap = doc
            .text
            .get(level.span.end..change.span.start)
            .unwrap_or_default();
        if !changes
            .year_on_year
            .iter()
            .any(|w| gap.contains(w.as_str()))
        {
            continue;
        }
        let subject = bare_subject(lx, doc, level);
        if chars(subject) >= 4 {
            candidates.push((i, subject));
        }
    }
    if candidates.is_empty() {
        return;
    }
    // Every level whose subject is one of theirs, by subject.
    let mut by_subject: std::collections::HashMap<&str, Vec<usize>> =
        candidates.iter().map(|(_, s)| (*s, Vec::new())).collect();
    for (j, a) in doc.claims.iter().enumerate() {
        if a.reading != Reading::Level || !a.is_amount() {
            continue;
        }
        if let Some(list) = by_subject.get_mut(bare_subject(lx, doc, a)) {
            list.push(j);
        }
    }
    for (i, subject) in candidates {
        let (Some(level), Some(change)) = (doc.claims.get(i), doc.claims.get(i + 1)) else {
            continue;
        };
        let Some(year) = sentence_year(doc, level) else {
            continue;
        };
        // The same subject's level stated for the year before: exactly one.
        let mut earlier = by_subject
            .get(subject)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|&j| doc.claims.get(j).map(|a| (j, a)))
            .filter(|(_, a)| {
                a.sentence != level.sentence
                    && a.quantity.commensurable(&level.quantity)
                    && sentence_year(doc, a).is_some_and(|y| y + 1 == year)
            });
        let (Some((from, from_claim)), None) = (earlier.next(), earlier.next()) else {
            continue;
        };
        let Some((kind, falls)) = stated(lx, doc, from_claim, level, level, change) else {
            continue;
        };
        if kind != GrowthKind::Percent {
            continue;
        }
        relations.push(Relation::Growth {
            from,
            to: i,
            change: Some(StatedChange {
                claim: i + 1,
                kind,
                falls,
            }),
        });
    }
}
