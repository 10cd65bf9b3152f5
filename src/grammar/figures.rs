//! Figures: every written number in a text, classified.
//!
//! A figure is either a **quantity** (value, magnitude, unit, qualifier → an interval) or one of the
//! things that look like numbers but are not quantities and that no arithmetic rule may count:
//! years, dates, periods, ordinals, codes. Ratios (`12.8:45.4:41.9`) and malformed figures
//! (`12..5`) are kept as their own kinds for the rules that read them.

use super::lexicon::Lexicon;
use super::numerals::{self as number, arabic_digit, is_chinese_numeral_char, Numeral};
use super::settings::{Grammar, Rounding};
use crate::model::interval::{Bound, Interval};
pub use crate::model::quantity::{Figure, FigureKind, Malformation, Quantity};
use crate::model::span::Span;
use crate::model::vocabulary::{QualifierKind, Unit, UnitKind};
use nom::{branch::alt, bytes::complete::tag, combinator::value, IResult, Parser};
use rust_decimal::Decimal;

fn prev_char(text: &str, at: usize) -> Option<char> {
    text.get(..at).unwrap_or_default().chars().next_back()
}

fn is_range_sep(c: char) -> bool {
    matches!(c, '至' | '到' | '—' | '–' | '~' | '～' | '-' | '－' | '〜')
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '"' | '「' | '『' | '‘')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '"' | '」' | '』' | '’')
}

/// `百分之` / `千分之` before a Chinese numeral.
fn fraction_prefix(i: &str) -> IResult<&str, UnitKind> {
    alt((
        value(
            UnitKind::Percent,
            alt((tag("百分之"), tag("百分點"), tag("百分点"))),
        ),
        value(UnitKind::Permille, tag("千分之")),
    ))
    .parse(i)
}

/// What the scanner does at a position.
pub enum Step {
    /// A figure starts here.
    Figure(Figure),
    /// No figure: go on from this offset (past a numeral run that is no figure, `千方百计`).
    Skip(usize),
}

/// The figure starting at `at` (whose character is `c`), a run to pass over, or `None` when no
/// figure can start with `c`. The document walk calls it at every character it looks at.
#[inline]
pub fn step(g: &Grammar, text: &str, at: usize, end: usize, c: char) -> Option<Step> {
    let starts_number = g.lexicon.figure_starts.contains(c)
        && (arabic_digit(c).is_some()
            || is_chinese_numeral_char(c)
            || matches!(c, '几' | '数')
            || number::is_capital_numeral_char(c)
            || matches!(c, '.' | '．' | '-' | '−' | '负'));
    if !starts_number {
        return None;
    }
    Some(match figure_at(g, text, at, end) {
        Step::Skip(to) => Step::Skip(to.max(at + c.len_utf8())),
        found => found,
    })
}

fn skip_numeral_run(text: &str, at: usize, end: usize) -> usize {
    let mut j = at;
    for c in text.get(at..end).unwrap_or_default().chars() {
        if is_chinese_numeral_char(c) {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

fn skip_code_run(text: &str, at: usize, end: usize) -> usize {
    let mut j = at;
    for c in text.get(at..end).unwrap_or_default().chars() {
        if c.is_ascii_alphanumeric()
            || arabic_digit(c).is_some()
            || matches!(c, '.' | '+' | '/' | '-' | '_')
        {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    // A trailing point is sentence punctuation, not part of the code.
    while j > at && text.get(..j).unwrap_or_default().ends_with('.') {
        j -= 1;
    }
    j
}

fn figure(span_start: usize, span_end: usize, kind: FigureKind) -> Step {
    Step::Figure(Figure {
        span: Span::new(span_start, span_end),
        kind,
    })
}

fn figure_at(g: &Grammar, text: &str, at: usize, end: usize) -> Step {
    let lx = g.lexicon;
    let here = text.get(at..end).unwrap_or_default();
    let Some(c) = here.chars().next() else {
        return Step::Skip(end);
    };
    // Signs: `-3.2`, `−3.2`, `负3.2`.
    if matches!(c, '-' | '−' | '负') {
        let after = at + c.len_utf8();
        let prev = prev_char(text, at);
        let next = text.get(after..end).unwrap_or_default().chars().next();
        // A sign stands after a space, punctuation or a verb of level (`为-3.2%`), not inside a
        // name (`歼-35`).
        let sign_ok = c == '负'
            || prev.is_none_or(|p| {
                !p.is_alphanumeric()
                    || lx
                        .sign_words
                        .match_end(text.get(..at).unwrap_or_default())
                        .is_some()
            });
        if next.is_some_and(|n| arabic_digit(n).is_some()) {
            let found = figure_at(g, text, after, end);
            // A temperature takes its sign anywhere (`最低气温-12℃`); elsewhere a dash glued to a
            // word is part of a name (`歼-35`).
            let temperature = matches!(&found, Step::Figure(Figure { kind: FigureKind::Quantity(q), .. })
                if q.kind() == Some(UnitKind::Temperature));
            if !sign_ok && !temperature {
                return figure(at, skip_code_run(text, after, end), FigureKind::Code);
            }
            if let Step::Figure(mut f) = found {
                if let FigureKind::Quantity(q) = &mut f.kind {
                    negate(q.as_mut());
                    f.span.start = at;
                }
                return Step::Figure(f);
            }
        }
        return Step::Skip(after);
    }
    // A leading point: `比例为.75`.
    if matches!(c, '.' | '．') {
        let after = at + c.len_utf8();
        let prev = prev_char(text, at);
        let cjk_before = prev.is_some_and(|p| p as u32 >= 0x2E80 && !is_close_quote(p));
        if cjk_before {
            if let Ok((rest, _)) = number::arabic(text.get(after..end).unwrap_or_default()) {
                let stop = end - rest.len();
                return figure(at, stop, FigureKind::Malformed(Malformation::LeadingPoint));
            }
        }
        return Step::Skip(after);
    }
    // 百分之二十九点六, 千分之三.
    if let Ok((rest, kind)) = fraction_prefix(here) {
        // 百分之百: all of it.
        let whole = (kind == UnitKind::Percent && rest.starts_with('百'))
            .then(|| number::chinese("一百").ok())
            .flatten()
            .map(|(_, n)| (rest.get('百'.len_utf8()..).unwrap_or_default(), n));
        if let Some((rest, n)) = whole.or_else(|| number::chinese(rest).ok()) {
            // 百分之二十至二十五: a range of percentages.
            let far = rest
                .chars()
                .next()
                .filter(|c| is_range_sep(*c))
                .and_then(|sep| number::chinese(rest.get(sep.len_utf8()..)?).ok())
                .filter(|(_, m)| m.value > n.value);
            let (rest, range_end) = match far {
                Some((r, m)) => (r, Some((m, Decimal::ONE))),
                None => (rest, None),
            };
            let stop = end - rest.len();
            let unit = lx.units.iter().find(|u| u.kind == kind);
            return match build_quantity(g.rounding, n, Decimal::ONE, unit, None, range_end) {
                Some(q) => figure(at, stop, FigureKind::Quantity(Box::new(q))),
                None => figure(at, stop, FigureKind::Code),
            };
        }
        return Step::Skip(at + "百分之".len());
    }
    let prev = prev_char(text, at);
    if let Some(step) = vague_figure(g, text, at, end, prev) {
        return step;
    }
    let mut step = if arabic_digit(c).is_some() {
        arabic_figure(g, text, at, end, prev)
    } else if number::is_capital_numeral_char(c) {
        capital_figure(g, text, at, end, prev)
    } else {
        chinese_figure(g, text, at, end, prev)
    };
    // 零下5℃, 零下十二摄氏度: below zero.
    if let Step::Figure(f) = &mut step {
        if let FigureKind::Quantity(q) = &mut f.kind {
            if text.get(..at).is_some_and(|b| b.ends_with("零下")) {
                negate(q.as_mut());
                f.span.start = at - "零下".len();
            }
        }
    }
    step
}

fn negate(q: &mut Quantity) {
    q.value = -q.value;
    let lo = q.interval.upper.map(|b| Bound {
        value: -b.value,
        inclusive: b.inclusive,
    });
    let hi = q.interval.lower.map(|b| Bound {
        value: -b.value,
        inclusive: b.inclusive,
    });
    q.interval = Interval {
        lower: lo,
        upper: hi,
    };
}

/// What follows a numeral that makes it a date, year or period rather than a quantity.
fn calendar_after(
    g: &Grammar,
    text: &str,
    n: &Numeral,
    start: usize,
    after: usize,
    end: usize,
) -> Option<Step> {
    let lx = g.lexicon;
    // `2024 年`: spaces (Markdown emphasis blanked out, or typed) do not break a date.
    let after = spaces_end(text, after, end);
    let rest = text.get(after..end).unwrap_or_default();
    // Numerals written without a point are whole numbers.
    let integer = !n.has_point;
    let v = n.value;
    let is_year_value = integer
        && (n.integer_digits == 4 || n.digit_sequence)
        && v >= Decimal::from(1000)
        && v <= Decimal::from(2999);
    if is_year_value && (rest.starts_with('年') || rest.starts_with("年度")) {
        let mut stop = after + '年'.len_utf8();
        if text.get(stop..end).unwrap_or_default().starts_with('度') {
            stop += '度'.len_utf8();
            return Some(figure(start, stop, FigureKind::Year));
        }
        // 2020年2月, 2024年11月13日
        if let Ok((r, m)) = number::numeral(text.get(stop..end).unwrap_or_default()) {
            if r.starts_with('月') && m.value.fract().is_zero() {
                let mstop = end - r.len() + '月'.len_utf8();
                let (dstop, day) = day_after(text, mstop, end);
                return Some(figure(
                    start,
                    dstop,
                    FigureKind::Date {
                        month: to_u32(m.value),
                        day,
                    },
                ));
            }
        }
        return Some(figure(start, stop, FigureKind::Year));
    }
    if integer && rest.starts_with('月') && !n.digit_sequence {
        let mstop = after + '月'.len_utf8();
        let (dstop, day) = day_after(text, mstop, end);
        return Some(figure(
            start,
            dstop,
            FigureKind::Date {
                month: to_u32(v),
                day,
            },
        ));
    }
    if integer && rest.starts_with('日') && !n.chinese {
        if let Some(kind) = run_together_date(text, start, after, prev_char(text, start)) {
            return Some(figure(start, after + '日'.len_utf8(), kind));
        }
    }
    if integer && (rest.starts_with('日') || rest.starts_with('号')) {
        let prev = prev_char(text, start);
        if prev == Some('月') || rest.starts_with('号') {
            let kind = if rest.starts_with('日') {
                FigureKind::Date {
                    month: None,
                    day: to_u32(v),
                }
            } else {
                FigureKind::Code
            };
            return Some(figure(start, after + '日'.len_utf8(), kind));
        }
    }
    if rest.starts_with("季度") || rest.starts_with("年代") {
        return Some(figure(start, after + "季度".len(), FigureKind::Period));
    }
    let _ = lx;
    None
}

/// Digits before 日 that can only be a date whose 年 or 月 was lost: a year (1900–2099) and a
/// month and day run together (`20211228日`, `2021915日`), or, right after a year's 年, a month
/// and day (`2020年1231日`). One split that gives a real date is named; a run that no split makes
/// a date is left alone (it is no date at all), as is one after 月 (a day, for out-of-range).
fn run_together_date(
    text: &str,
    start: usize,
    after: usize,
    prev: Option<char>,
) -> Option<FigureKind> {
    let digits = text.get(start..after)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, month_day) = match (prev, digits.len()) {
        (Some('月'), _) => return None,
        (Some('年'), 3..=4) => (None, digits),
        (_, 6..=8) if digits.starts_with("19") || digits.starts_with("20") => {
            let (y, md) = digits.split_at(4);
            (Some(y.parse::<u16>().ok()?), md)
        }
        _ => return None,
    };
    let days_in = |month: u8| match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let splits: Vec<(u8, u8)> = (1..month_day.len())
        .filter_map(|cut| {
            let (m, d) = month_day.split_at(cut);
            if m.len() > 2 || d.len() > 2 {
                return None;
            }
            let (m, d) = (m.parse::<u8>().ok()?, d.parse::<u8>().ok()?);
            ((1..=12).contains(&m) && (1..=days_in(m)).contains(&d)).then_some((m, d))
        })
        .collect();
    let month_day = match splits.as_slice() {
        [] => return None,
        [one] => Some(*one),
        _ => None,
    };
    Some(FigureKind::Malformed(Malformation::RunTogetherDate {
        year,
        month_day,
    }))
}

fn to_u32(v: Decimal) -> Option<u32> {
    u32::try_from(v.trunc().mantissa()).ok()
}

fn day_after(text: &str, at: usize, end: usize) -> (usize, Option<u32>) {
    if let Ok((r, d)) = number::numeral(text.get(at..end).unwrap_or_default()) {
        if (r.starts_with('日') || r.starts_with('号')) && d.value.fract().is_zero() {
            return (end - r.len() + '日'.len_utf8(), to_u32(d.value));
        }
    }
    (at, None)
}

fn arabic_figure(g: &Grammar, text: &str, at: usize, end: usize, prev: Option<char>) -> Step {
    let lx = g.lexicon;
    // G69, 4A, 5G, GB/T 15835: codes.
    let prev_non_space = text
        .get(..at)
        .unwrap_or_default()
        .trim_end_matches([' ', '\u{3000}'])
        .chars()
        .next_back();
    if prev.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, '/' | '_' | '#'))
        || prev_non_space.is_some_and(|p| p.is_ascii_alphabetic() || p == '/')
    {
        return figure(at, skip_code_run(text, at, end), FigureKind::Code);
    }
    // No.123: a number after an abbreviation's point.
    let before = text.get(..at).unwrap_or_default();
    if prev == Some('.')
        && before
            .trim_end_matches('.')
            .ends_with(|c: char| c.is_ascii_alphabetic())
    {
        return figure(at, skip_code_run(text, at, end), FigureKind::Code);
    }
    let Ok((rest, n)) = number::arabic(text.get(at..end).unwrap_or_default()) else {
        return Step::Skip(at + 1);
    };
    let after = end - rest.len();
    // Telephone, identity-card and account numbers: eleven digits or more in a row, or digits
    // with a leading zero (0851-12345678): codes, never quantities.
    let digits_written = || {
        text.get(at..after)
            .unwrap_or_default()
            .chars()
            .take_while(|c| arabic_digit(*c).is_some())
            .count()
    };
    let leading_zero = text
        .get(at..end)
        .is_some_and(|h| h.starts_with(['0', '０']));
    let bare = || lx.match_unit(rest).is_none() && lx.magnitudes.match_start(rest).is_none();
    let long_run = n.integer_digits >= 11 && digits_written() >= 11 && bare();
    if !n.has_point && (long_run || (leading_zero && n.integer_digits >= 2)) {
        // A clock time (09:02:33) is one code.
        let mut stop = skip_code_run(text, at, end);
        while let Some(next) = text
            .get(stop..end)
            .and_then(|r| r.strip_prefix([':', '：']))
            .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            let from = end - next.len();
            stop = skip_code_run(text, from, end);
        }
        return figure(at, stop, FigureKind::Code);
    }
    if prev == Some('第') {
        return figure(at, skip_code_run(text, at, end), FigureKind::Ordinal);
    }
    // Malformed forms right after the digits.
    let mut chars = rest.chars();
    let c1 = chars.next();
    let c2 = chars.next();
    let c3 = chars.next();
    let point = |c: Option<char>| matches!(c, Some('.') | Some('．'));
    let digit = |c: Option<char>| c.and_then(arabic_digit).is_some();
    if point(c1) && point(c2) && digit(c3) {
        let stop = digits_end(text, after + 2 * c1.map_or(1, char::len_utf8), end);
        return figure(at, stop, FigureKind::Malformed(Malformation::DoubledPoint));
    }
    if matches!(c1, Some(',') | Some('，')) && point(c2) && digit(c3) {
        let first = c1.map_or(1, char::len_utf8);
        let second = c2.map_or(1, char::len_utf8);
        let stop = digits_end(text, after + first + second, end);
        return figure(at, stop, FigureKind::Malformed(Malformation::EmptyGroup));
    }
    if n.has_point && point(c1) && digit(c2) {
        // 3.4.5: a section number, or a malformed figure when a unit follows.
        let stop = skip_code_run(text, after, end);
        let tail = text.get(stop..end).unwrap_or_default();
        let unit_follows =
            lx.magnitudes.match_start(tail).is_some() || lx.match_unit(tail).is_some();
        let kind = if unit_follows {
            FigureKind::Malformed(Malformation::TwoPoints)
        } else {
            FigureKind::Code
        };
        return figure(at, stop, kind);
    }
    // 2026-02-09, 2024/11/13, 2024.11.13: dates.
    if let Some(stop) = numeric_date(text, &n, after, end) {
        return figure(
            at,
            stop,
            FigureKind::Date {
                month: None,
                day: None,
            },
        );
    }
    // Letters, plus signs, slashes right after: codes (4A级, 1+1+4+4+23, 1/3), unless the letters
    // are a unit the lexicon knows and end there (`2万TEU`, `120TEU。`).
    let letter_unit = || {
        lx.match_unit(text.get(after..end).unwrap_or_default())
            .filter(|(len, _)| {
                let next = text.get(after + len..end).and_then(|r| r.chars().next());
                !next.is_some_and(|c| c.is_ascii_alphanumeric())
            })
            .is_some()
    };
    if c1.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '+' | '/' | '_'))
        && !point(c1)
        && !letter_unit()
    {
        return figure(at, skip_code_run(text, at, end), FigureKind::Code);
    }
    // Ratios: 12.8:45.4:41.9
    if c1.is_some_and(is_ratio_colon) && digit(c2) {
        return ratio(text, at, end, n, after, g.rounding);
    }
    // 〔2018〕59号 and “33618”: codes.
    if matches!(prev, Some('〔') | Some('[') | Some('【')) {
        return figure(at, after, FigureKind::Code);
    }
    if let Some(step) = calendar_after(g, text, &n, at, after, end) {
        return step;
    }
    quantity_figure(g, text, at, after, end, n, prev)
}

/// The end of a numeric date starting with a four-digit year: `2026-02-09`, `2024/11/13`,
/// `2024.11.13` (two separators of the same kind, each followed by one or two digits).
fn numeric_date(text: &str, year: &Numeral, after: usize, end: usize) -> Option<usize> {
    if year.has_point
        || year.integer_digits != 4
        || year.value < Decimal::from(1900)
        || year.value > Decimal::from(2100)
    {
        return None;
    }
    let rest = text.get(after..end).unwrap_or_default();
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    let mut pos = after;
    for _ in 0..2 {
        if !text.get(pos..end).unwrap_or_default().starts_with(sep) {
            return None;
        }
        let digits = digits_end(text, pos + 1, end) - (pos + 1);
        if digits == 0 || digits > 2 {
            return None;
        }
        pos += 1 + digits;
    }
    Some(pos)
}

/// The end of a run of ASCII spaces starting at `from`.
fn spaces_end(text: &str, from: usize, end: usize) -> usize {
    from + text
        .get(from..end)
        .unwrap_or_default()
        .bytes()
        .take_while(|b| *b == b' ')
        .count()
}

fn digits_end(text: &str, from: usize, end: usize) -> usize {
    let mut j = from;
    for c in text.get(from..end).unwrap_or_default().chars() {
        if arabic_digit(c).is_some() {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// The colons a ratio is written with: ASCII, full-width, the ratio sign `∶` and the vertical
/// two-dot leader `︰` that some editors put in its place (`11.8︰48.3︰39.9`).
fn is_ratio_colon(c: char) -> bool {
    matches!(c, ':' | '：' | '∶' | '︰')
}

fn ratio(
    text: &str,
    at: usize,
    end: usize,
    first: Numeral,
    after: usize,
    rounding: Rounding,
) -> Step {
    if !within_limit(&first, Decimal::ONE) {
        return figure(at, after, FigureKind::Code);
    }
    let mut parts = vec![rounded_interval(&first, Decimal::ONE, rounding)];
    let mut stop = after;
    loop {
        let rest = text.get(stop..end).unwrap_or_default();
        let Some(sep) = rest.chars().next().filter(|&c| is_ratio_colon(c)) else {
            break;
        };
        match number::arabic(rest.get(sep.len_utf8()..).unwrap_or_default()) {
            Ok((r, n)) if within_limit(&n, Decimal::ONE) => {
                parts.push(rounded_interval(&n, Decimal::ONE, rounding));
                stop = end - r.len();
            }
            _ => break,
        }
    }
    figure(at, stop, FigureKind::Ratio(parts))
}

fn chinese_figure(g: &Grammar, text: &str, at: usize, end: usize, prev: Option<char>) -> Step {
    let lx = g.lexicon;
    // 万一, 百强, 千方百计: a run that does not start a numeral is skipped whole.
    let here = text.get(at..end).unwrap_or_default();
    let Some((rest, n)) = number::chinese(here)
        .ok()
        .or_else(|| chinese_before_unit(lx, here))
    else {
        return Step::Skip(skip_numeral_run(text, at, end));
    };
    let after = end - rest.len();
    // A numeral glued to another (十四五 after a failed parse) or inside a word (统一, 唯一).
    if prev.is_some_and(is_chinese_numeral_char) {
        return Step::Skip(skip_numeral_run(text, at, end));
    }
    if prev == Some('第') {
        return figure(at, after, FigureKind::Ordinal);
    }
    if let Some(step) = calendar_after(g, text, &n, at, after, end) {
        return step;
    }
    if prev == Some('前') && (rest.starts_with("个月") || rest.starts_with('年')) {
        let stop = after + if rest.starts_with('年') { 3 } else { 6 };
        return figure(at, stop, FigureKind::Period);
    }
    if n.value == Decimal::ONE
        && !n.has_point
        && lx
            .numeral_word_prefixes
            .match_end(text.get(..at).unwrap_or_default())
            .is_some()
    {
        return Step::Skip(after);
    }
    if n.digit_sequence {
        return Step::Skip(after);
    }
    // 一批, 一些: "a batch of", "some" — no figure.
    if n.value == Decimal::ONE && (rest.starts_with('批') || rest.starts_with('些')) {
        return Step::Skip(after + '批'.len_utf8());
    }
    quantity_figure(g, text, at, after, end, n, prev)
}

/// A vague figure (`二三十个村`, `七八百人`, `十几个`, `几十万元`, `数百亿元`): one claim, a range
/// whose interval is what the words allow, its value the lower end. `None` when no vague numeral
/// with a unit starts here.
fn vague_figure(
    g: &Grammar,
    text: &str,
    at: usize,
    end: usize,
    prev: Option<char>,
) -> Option<Step> {
    let here = text.get(at..end)?;
    let first = here.chars().next()?;
    let may_start = matches!(first, '几' | '数' | '十') || number::chinese_digit(first).is_some();
    if !may_start {
        return None;
    }
    // Inside a longer numeral (一二三四) or a word (无数, 多数: the lexicon's list), no vague
    // figure starts.
    if prev.is_some_and(|p| is_chinese_numeral_char(p) || g.lexicon.vague_not_after.contains(p)) {
        return None;
    }
    let (rest, v) = number::vague(here).ok()?;
    let stop = end - rest.len();
    let (len, unit) = g.lexicon.match_unit(rest)?;
    if unit.arabic_only || unit.max.is_some() || unit.kind == UnitKind::Category {
        return None;
    }
    let factor = unit.factor;
    let bound = |v: Decimal, inclusive: bool| {
        Some(Bound {
            value: v.checked_mul(factor)?,
            inclusive,
        })
    };
    let q = Quantity {
        value: v.lower.checked_mul(factor)?,
        unit: Some(unit),
        qualifier: None,
        range: true,
        interval: Interval {
            lower: bound(v.lower, v.lower_inclusive),
            upper: bound(v.upper, v.upper_inclusive),
        },
        chinese: true,
        magnitude: v.magnitude,
    };
    Some(figure(at, stop + len, FigureKind::Quantity(Box::new(q))))
}

/// A numeral times a power of ten (四 → 四万 in `四到六万元`), `None` past an exact decimal.
fn scale_numeral(n: &Numeral, by: Decimal) -> Option<Numeral> {
    Some(Numeral {
        value: n.value.checked_mul(by)?,
        last_place: n.last_place.checked_mul(by)?,
        last_nonzero_place: n.last_nonzero_place.checked_mul(by)?,
        ..*n
    })
}

/// The far end of a range written with its magnitude and unit on both ends (`2万元-4万元`,
/// `3个至5个`): the second numeral and where its unit ends, when it repeats the first's
/// magnitude and unit and is larger.
fn repeated_range_end(
    lx: &Lexicon,
    text: &str,
    pos: usize,
    end: usize,
    n: &Numeral,
    magnitude: Decimal,
    unit: &Unit,
) -> Option<(Numeral, usize)> {
    let rest = text.get(pos..end)?;
    let sep = rest.chars().next().filter(|c| is_range_sep(*c))?;
    let second = rest.get(sep.len_utf8()..)?;
    let (r, m) = if n.chinese {
        number::chinese(second).ok()?
    } else {
        number::arabic(second).ok()?
    };
    let mut stop = end - r.len();
    if magnitude != Decimal::ONE {
        let (len, mag2) = lx.magnitudes.match_start(text.get(stop..end)?)?;
        if mag2 != magnitude {
            return None;
        }
        stop += len;
    }
    let (len, u2) = lx.match_unit(text.get(stop..end)?)?;
    (u2.text == unit.text && m.value > n.value).then_some((m, stop + len))
}

/// `三十千克`, `五十千米`: a numeral run that reads as no numeral because a unit starting with
/// a numeral character (千克, 千米, 千瓦, 万元 is not one) follows: the numeral before the unit.
fn chinese_before_unit<'a>(lx: &Lexicon, here: &'a str) -> Option<(&'a str, Numeral)> {
    let run = skip_numeral_run(here, 0, here.len());
    let cuts = here.get(..run)?.char_indices().rev().map(|(i, _)| i);
    for cut in cuts.filter(|i| *i > 0) {
        let (numeral, rest) = (here.get(..cut)?, here.get(cut..)?);
        if lx.match_unit(rest).is_none() {
            continue;
        }
        if let Ok(("", n)) = number::chinese(numeral) {
            return Some((rest, n));
        }
    }
    None
}

/// A sum in financial capitals (`人民币贰拾叁万伍仟元整`); anything else starting with a capital
/// character (队伍, 大陆, 陆续) is a word, passed over one character at a time.
fn capital_figure(g: &Grammar, text: &str, at: usize, end: usize, prev: Option<char>) -> Step {
    let here = text.get(at..end).unwrap_or_default();
    let Ok((rest, n)) = number::capital(here) else {
        return Step::Skip(at + here.chars().next().map_or(1, char::len_utf8));
    };
    let after = end - rest.len();
    if prev.is_some_and(|p| number::is_capital_numeral_char(p) || is_chinese_numeral_char(p)) {
        return Step::Skip(after);
    }
    quantity_figure(g, text, at, after, end, n, prev)
}

/// Parse what follows a numeral: 多/余, magnitude, a range, unit, suffix qualifiers; then the
/// prefix qualifiers before it. Each step is a function of its own, in the order a figure is
/// written.
fn quantity_figure(
    g: &Grammar,
    text: &str,
    at: usize,
    after: usize,
    end: usize,
    mut n: Numeral,
    prev: Option<char>,
) -> Step {
    let lx = g.lexicon;
    // 九年制学校, 五年一贯制: the numeral is part of a name; not where the name word's last
    // character begins a word of its own (`近5年制造业`, `3年制定`).
    if let Some((len, ())) = lx
        .numeral_name_words
        .match_start(text.get(after..end).unwrap_or_default())
    {
        let stop = after + len;
        let last = text.get(..stop).and_then(|t| t.chars().next_back());
        let next = text.get(stop..end).and_then(|t| t.chars().next());
        let word_goes_on = match (last, next) {
            (Some(l), Some(n)) => super::segment::builtin()
                .cost_of(&format!("{l}{n}"))
                .is_some(),
            _ => false,
        };
        if !word_goes_on {
            return Step::Skip(after);
        }
    }
    let Scaled {
        mut pos,
        more,
        mut magnitude,
        unit_at,
    } = scale_after(lx, text, after, end, &n);
    let mut range_end: Option<(Numeral, Decimal)> = None;
    match range_after(lx, text, at, pos, end, &mut n, magnitude) {
        RangeEnd::Period(step) => return step,
        RangeEnd::To {
            numeral,
            magnitude: mag2,
            stop,
        } => {
            if magnitude == Decimal::ONE {
                magnitude = mag2;
            }
            range_end = Some((numeral, mag2));
            pos = stop;
        }
        RangeEnd::None => {}
    }
    let mut unit = unit_after(lx, text, pos, end, &n, unit_at).map(|(u, len)| {
        pos += len;
        u
    });
    // 三千二百元五角八分, 3块5: the 角 and 分 (or the digit after 块) belong to the sum.
    if let Some((with_cents, yuan, stop)) = money_tail(lx, text, pos, end, &n, unit, magnitude) {
        n = with_cents;
        unit = Some(yuan);
        pos = stop;
    }
    // 2万元-4万元, 3个至5个: a range whose ends each carry the magnitude and unit.
    if let (None, Some(u)) = (range_end, unit) {
        if let Some((m, stop)) = repeated_range_end(lx, text, pos, end, &n, magnitude, u) {
            range_end = Some((m, magnitude));
            pos = stop;
        }
    }
    let bare = unit.is_none() && magnitude == Decimal::ONE;
    if let Some(step) = no_quantity(text, at, after, pos, end, &n, unit.is_none(), bare, prev) {
        return step;
    }
    let (qualifier, stop) = qualifiers_around(lx, text, at, pos, end, more);
    pos = stop;
    let unit_factor = unit.map_or(Decimal::ONE, |u| u.factor);
    let factors = magnitude.checked_mul(unit_factor).zip(match range_end {
        Some((m, mag2)) => mag2.checked_mul(unit_factor).map(|f| Some((m, f))),
        None => Some(None),
    });
    // A figure beyond what any report states (or than an exact decimal holds) is no quantity.
    let Some(mut q) = factors.and_then(|(factor, range_end)| {
        build_quantity(g.rounding, n, factor, unit, qualifier, range_end)
    }) else {
        return figure(at, pos, FigureKind::Code);
    };
    q.chinese = n.chinese;
    q.magnitude = if n.chinese {
        // 三亿吨, 一千三百八十七亿四千万元: the largest of 万, 亿 that the last digit carries.
        [Decimal::from(100_000_000), Decimal::from(10_000)]
            .into_iter()
            .find(|m| n.last_place >= *m)
            .unwrap_or(Decimal::ONE)
    } else {
        magnitude
    };
    figure(at, pos, FigureKind::Quantity(Box::new(q)))
}

/// Where a numeral's 多/余 and magnitude end, and what they were.
struct Scaled {
    pos: usize,
    /// 多 or 余 was written (`四十多万人`, `470余人`).
    more: bool,
    magnitude: Decimal,
    /// Where a unit was looked up (before the magnitude), and the unit found there, if any.
    unit_at: (usize, Option<(usize, &'static Unit)>),
}

/// 多/余 and the magnitude after a numeral (`5000多人`, `2万余户`, `1.04万元`), spaces passed over
/// (`47 个`).
fn scale_after(lx: &'static Lexicon, text: &str, after: usize, end: usize, n: &Numeral) -> Scaled {
    let mut pos = after;
    let more_len = |s: &str| -> Option<usize> {
        match lx.suffix_qualifiers.match_start(s) {
            Some((len, QualifierKind::More)) => Some(len),
            _ => None,
        }
    };
    let spaced = spaces_end(text, pos, end);
    if spaced > pos {
        let tail = text.get(spaced..end).unwrap_or_default();
        if lx.match_unit(tail).is_some()
            || lx.magnitudes.match_start(tail).is_some()
            || more_len(tail).is_some()
        {
            pos = spaced;
        }
    }
    let mut more = false;
    if let Some(len) = more_len(text.get(pos..end).unwrap_or_default()) {
        more = true;
        pos += len;
    }
    let mut magnitude = Decimal::ONE;
    // A unit that starts like a magnitude (千克, 千米, 千瓦) is the unit, not 千 + 克.
    let unit_here = lx.match_unit(text.get(pos..end).unwrap_or_default());
    let unit_at = (pos, unit_here);
    let unit_first = unit_here.is_some();
    // Chinese numerals carry 万 and 亿 inside, except after 多/余 (四十多万人) and after a point
    // (三点七五万人, 十二点八亿元).
    if (!n.chinese || more || n.has_point) && !unit_first {
        if let Some((len, m)) = lx
            .magnitudes
            .match_start(text.get(pos..end).unwrap_or_default())
        {
            magnitude = m;
            pos += len;
        }
    }
    if !more {
        if let Some(len) = more_len(text.get(pos..end).unwrap_or_default()) {
            more = true;
            pos += len;
        }
    }
    Scaled {
        pos,
        more,
        magnitude,
        unit_at,
    }
}

/// What a range separator after a numeral leads to.
enum RangeEnd {
    /// No range.
    None,
    /// `1—9月`, `2021—2025年`: a period, not a quantity.
    Period(Step),
    /// The range's upper end, its magnitude, and where it stops.
    To {
        numeral: Numeral,
        magnitude: Decimal,
        stop: usize,
    },
}

/// A range written after the numeral: `3至5万元`, `3—5`, `3-5万元`, `四到六万元` (the second
/// figure's magnitude and unit serve both ends; `n` takes a 万 or 亿 written once at the end).
fn range_after(
    lx: &Lexicon,
    text: &str,
    at: usize,
    pos: usize,
    end: usize,
    n: &mut Numeral,
    magnitude: Decimal,
) -> RangeEnd {
    let Some(sep) = text
        .get(pos..end)
        .unwrap_or_default()
        .chars()
        .next()
        .filter(|c| is_range_sep(*c))
    else {
        return RangeEnd::None;
    };
    let second_at = pos + sep.len_utf8();
    let second = if n.chinese {
        number::chinese(text.get(second_at..end).unwrap_or_default())
    } else {
        number::arabic(text.get(second_at..end).unwrap_or_default())
    };
    let Ok((r, m)) = second else {
        return RangeEnd::None;
    };
    let mut p2 = end - r.len();
    let mut mag2 = magnitude;
    // 3—5万元, and 1.5万—2万元 (the magnitude written on both ends).
    if !m.chinese {
        if let Some((len, mm)) = lx
            .magnitudes
            .match_start(text.get(p2..end).unwrap_or_default())
            .filter(|(_, mm)| magnitude == Decimal::ONE || *mm == magnitude)
        {
            mag2 = mm;
            p2 += len;
        }
    }
    // 1—9月, 2021—2025年: periods, not quantities.
    let tail = text.get(p2..end).unwrap_or_default();
    if tail.starts_with('月') || tail.starts_with("季度") {
        return RangeEnd::Period(figure(
            at,
            p2 + tail.chars().next().map_or(0, char::len_utf8),
            FigureKind::Period,
        ));
    }
    if tail.starts_with('年') && n.integer_digits == 4 && m.value >= Decimal::from(1000) {
        return RangeEnd::Period(figure(at, p2 + '年'.len_utf8(), FigureKind::Period));
    }
    // 四到六万元: the 万 or 亿 written once, at the end, serves both ends.
    if n.chinese && m.chinese {
        let big = [Decimal::from(100_000_000), Decimal::from(10_000)]
            .into_iter()
            .find(|b| m.last_place >= *b && n.last_place < *b && n.value < *b);
        if let Some(scaled) = big.and_then(|b| scale_numeral(n, b)) {
            *n = scaled;
        }
    }
    if m.value > n.value || mag2 > magnitude {
        RangeEnd::To {
            numeral: m,
            magnitude: mag2,
            stop: p2,
        }
    } else {
        RangeEnd::None
    }
}

/// The unit after a numeral (and its length), when it fits the numeral: `四大` but not `4大` or
/// `二十大`, `10万头` but not the idiom `两头紧`. `looked_up`: where a unit was looked up
/// already (before the magnitude) and what was found there, used again when that is `pos`.
fn unit_after(
    lx: &'static Lexicon,
    text: &str,
    pos: usize,
    end: usize,
    n: &Numeral,
    looked_up: (usize, Option<(usize, &'static Unit)>),
) -> Option<(&'static Unit, usize)> {
    let rest = text.get(pos..end).unwrap_or_default();
    // `11760萬(wàn)戶`: a web page's pinyin after the magnitude stands between it and the unit.
    let ruby = text
        .get(..pos)
        .and_then(|t| t.chars().next_back())
        .filter(|c| super::segment::is_han(*c))
        .and_then(|_| ruby_len(rest))
        .unwrap_or(0);
    let (len, u) = match looked_up {
        (at, unit) if at == pos && ruby == 0 => unit,
        _ => lx.match_unit(rest.get(ruby..).unwrap_or_default()),
    }?;
    let len = ruby + len;
    let value = n.value;
    let fits = (!u.chinese_only || n.chinese)
        && (!u.arabic_only || !n.chinese)
        && u.max.is_none_or(|m| value <= m)
        && (u.kind != UnitKind::Category || value >= Decimal::TWO);
    fits.then_some((u, len))
}

/// The length of the pinyin a web page printed after a character (`(wàn)`, `（qū）`) that `s`
/// opens with: lower-case Latin letters, with tone marks, in brackets.
pub fn ruby_len(s: &str) -> Option<usize> {
    let open = s.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let inner = s.get(open.len_utf8()..)?;
    let letters = inner
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let close = inner
        .get(letters..)
        .and_then(|r| r.chars().next())
        .filter(|c| matches!(c, ')' | '）'))?;
    let syllable = inner.get(..letters).unwrap_or_default();
    (syllable.chars().count() <= 7
        && syllable.contains(|c: char| "aeiouvü".contains(c) || !c.is_ascii()))
    .then(|| open.len_utf8() + letters + close.len_utf8())
}

/// `s` without the pinyin a web page printed after its characters (`全區(qū)` → `全區`).
pub fn without_ruby(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['(', '（']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last_han = false;
    let mut i = 0;
    while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
        if last_han {
            if let Some(len) = s.get(i..).and_then(ruby_len) {
                i += len;
                last_han = false;
                continue;
            }
        }
        out.push(c);
        last_han = super::segment::is_han(c);
        i += c.len_utf8();
    }
    std::borrow::Cow::Owned(out)
}

/// What a numeral with its magnitude and unit is when it is no quantity: a Chinese numeral with no
/// unit (`三中全会`), a slogan (`一户一策`), a bare year (`2023世界旅游联盟`), a code (`“33618”`,
/// `59号`). `no_unit`: no unit was read; `bare`: neither unit nor magnitude.
#[allow(clippy::too_many_arguments)]
fn no_quantity(
    text: &str,
    at: usize,
    after: usize,
    pos: usize,
    end: usize,
    n: &Numeral,
    no_unit: bool,
    bare: bool,
    prev: Option<char>,
) -> Option<Step> {
    // A Chinese numeral is a quantity only with a unit or magnitude inside it: 三中全会 is not.
    if n.chinese && no_unit {
        return Some(Step::Skip(after));
    }
    // 一户一策, 一村一品: slogans, not figures.
    if n.chinese {
        if let (Some(first), Some(next)) = (
            text.get(at..).unwrap_or_default().chars().next(),
            text.get(pos..end).unwrap_or_default().chars().next(),
        ) {
            if first == next {
                return Some(Step::Skip(pos));
            }
        }
    }
    // A bare four-digit integer in the range of years is a year (`2023世界旅游联盟`).
    if bare
        && !n.has_point
        && n.integer_digits == 4
        && n.value >= Decimal::from(1900)
        && n.value <= Decimal::from(2100)
    {
        return Some(figure(at, after, FigureKind::Year));
    }
    // A bare figure alone inside quotes is a code: “33618”.
    if bare {
        let next = text.get(pos..end).unwrap_or_default().chars().next();
        if prev.is_some_and(is_open_quote) && next.is_some_and(is_close_quote) {
            return Some(figure(at, pos, FigureKind::Code));
        }
        if next == Some('号') {
            return Some(figure(at, pos + '号'.len_utf8(), FigureKind::Code));
        }
    }
    None
}

/// The qualifier of a figure, and where the figure ends: a suffix after the unit (以上, 左右, 多)
/// or a prefix right before the figure (约, 超, 不足); `more`: 多/余 was written after the numeral.
fn qualifiers_around(
    lx: &Lexicon,
    text: &str,
    at: usize,
    pos: usize,
    end: usize,
    more: bool,
) -> (Option<QualifierKind>, usize) {
    let mut qualifier = more.then_some(QualifierKind::More);
    let mut pos = pos;
    if let Some((len, q)) = lx
        .suffix_qualifiers
        .match_start(text.get(pos..end).unwrap_or_default())
    {
        if qualifier.is_none() || q != QualifierKind::More {
            qualifier = Some(q);
            pos += len;
        }
    }
    let prefix = lx
        .prefix_qualifiers
        .match_end(text.get(..at).unwrap_or_default())
        .map(|(_, q)| q);
    let qualifier = match (qualifier, prefix) {
        (Some(QualifierKind::More), _) | (Some(_), None) => qualifier,
        (None, p) => p,
        (Some(s), Some(_)) => Some(s),
    };
    (qualifier, pos)
}

/// The 角 and 分 after a sum in 元 (`三千二百元五角八分`, `12元5角`), or the digit after a
/// colloquial 块 (`3块5` = 3.5 元): the numeral with them added, the unit 元, and where they end.
/// Only for a figure without a magnitude.
fn money_tail(
    lx: &'static Lexicon,
    text: &str,
    pos: usize,
    end: usize,
    n: &Numeral,
    unit: Option<&'static Unit>,
    magnitude: Decimal,
) -> Option<(Numeral, &'static Unit, usize)> {
    let unit = unit?;
    if (unit.base != "元" && unit.text != "块") || magnitude != Decimal::ONE || n.has_point {
        return None;
    }
    let rest = text.get(pos..end)?;
    let digit_at = |s: &str| -> Option<(Decimal, usize)> {
        let c = s.chars().next()?;
        let d = arabic_digit(c).or_else(|| number::chinese_digit(c).filter(|_| c != '两'))?;
        Some((Decimal::from(d), c.len_utf8()))
    };
    let yuan = || lx.match_unit("元").map(|(_, u)| u);
    let (mut added, mut place, mut used) = (Decimal::ZERO, Decimal::ONE, 0);
    if unit.text == "块" {
        // 3块5: one digit, and nothing that makes it a figure of its own after it.
        let (d, len) = digit_at(rest)?;
        let after = rest.get(len..).unwrap_or_default();
        let next = after.chars().next();
        if next.is_some_and(|c| arabic_digit(c).is_some() || is_chinese_numeral_char(c))
            || lx.match_unit(after).is_some()
        {
            return None;
        }
        added = d / Decimal::TEN;
        place = Decimal::new(1, 1);
        used = len;
    } else {
        let mut tail = rest;
        for (mark, scale) in [('角', Decimal::new(1, 1)), ('分', Decimal::new(1, 2))] {
            let Some((d, len)) = digit_at(tail) else {
                break;
            };
            let Some(after) = tail.get(len..).and_then(|t| t.strip_prefix(mark)) else {
                continue;
            };
            added += d * scale;
            place = scale;
            used = rest.len() - after.len();
            tail = after;
        }
        if used == 0 {
            return None;
        }
    }
    let value = n.value.checked_add(added)?;
    let with_cents = Numeral {
        value,
        last_place: place,
        last_nonzero_place: place,
        has_point: true,
        ..*n
    };
    Some((with_cents, yuan()?, pos + used))
}

/// The largest size of a quantity in its base unit, 10²⁰: far above any figure a report states (a
/// country's GDP in 元 is about 10¹⁴), and far enough below what an exact decimal holds (about
/// 7.9 × 10²⁸) that the intervals built from it, sums of a million of them, shares and quotients
/// never overflow.
fn quantity_limit() -> Decimal {
    Decimal::from_i128_with_scale(100_000_000_000_000_000_000, 0)
}

/// Whether a numeral scaled by `factor` is a size a quantity may have: its digits exact, its value
/// and the place of its last digit within [`quantity_limit`].
fn within_limit(n: &Numeral, factor: Decimal) -> bool {
    let limit = quantity_limit();
    // The places of a numeral's digits are at most its value, or 1 for a value below 1 (`0.05`):
    // that bound times the factor within the limit keeps every product of the three within it.
    if n.too_long {
        return false;
    }
    // Nearly always decided on the mantissas: value × factor is at most the product of theirs
    // (their scales only divide), so a product within the limit is within it.
    let mantissa = n.value.mantissa().unsigned_abs().max(1);
    let within = mantissa
        .checked_mul(factor.mantissa().unsigned_abs())
        .is_some_and(|p| p <= LIMIT_MANTISSA);
    if within && !factor.is_sign_negative() {
        return true;
    }
    let largest = n.value.abs().max(Decimal::ONE);
    largest.checked_mul(factor).is_some_and(|x| x <= limit)
}

/// [`quantity_limit`] as a whole number.
const LIMIT_MANTISSA: u128 = 100_000_000_000_000_000_000;

/// `v ∓ unit / 2`, for `v` = value × factor and `unit` = last place × factor, computed on the
/// decimals' mantissas at one scale (what the decimal operations give, without their cost); `None`
/// when a mantissa or the scale would not fit, for the decimal operations to do it.
fn nearest_bounds(n: &Numeral, factor: Decimal) -> Option<(Decimal, Decimal)> {
    let (mv, sv) = (n.value.mantissa(), n.value.scale());
    let (mu, su) = (n.last_place.mantissa(), n.last_place.scale());
    let (mf, sf) = (factor.mantissa(), factor.scale());
    // v = mv·mf / 10^(sv+sf); unit / 2 = mu·mf·5 / 10^(su+sf+1).
    let scale = (sv + sf).max(su + sf + 1);
    if scale > 28 {
        return None;
    }
    let pow = |k: u32| 10_i128.checked_pow(k);
    let a = mv.checked_mul(mf)?.checked_mul(pow(scale - sv - sf)?)?;
    let b = mu
        .checked_mul(mf)?
        .checked_mul(5)?
        .checked_mul(pow(scale - su - sf - 1)?)?;
    let lo = Decimal::try_from_i128_with_scale(a.checked_sub(b)?, scale).ok()?;
    let hi = Decimal::try_from_i128_with_scale(a.checked_add(b)?, scale).ok()?;
    Some((lo, hi))
}

/// The interval of a figure written to the precision of its last digit.
fn rounded_interval(n: &Numeral, factor: Decimal, rounding: Rounding) -> Interval {
    if rounding == Rounding::Nearest {
        if let Some((lo, hi)) = nearest_bounds(n, factor) {
            return Interval::half_open(lo, hi);
        }
    }
    let (v, unit) = if factor == Decimal::ONE {
        (n.value, n.last_place)
    } else {
        (n.value * factor, n.last_place * factor)
    };
    match rounding {
        Rounding::Nearest => {
            let half = unit / Decimal::TWO;
            Interval::half_open(v - half, v + half)
        }
        // Away from zero: a cut-off negative figure stands for values further below it.
        Rounding::Truncate if v < Decimal::ZERO => Interval {
            lower: Some(Bound::open(v - unit)),
            upper: Some(Bound::closed(v)),
        },
        Rounding::Truncate => Interval::half_open(v, v + unit),
    }
}

/// The interval of a figure as written: exact for an integer count with no magnitude (`148个`),
/// half a unit of the last digit either side otherwise (`1.04万元`, `23℃`).
fn written_interval(
    n: &Numeral,
    factor: Decimal,
    unit: Option<&Unit>,
    rounding: Rounding,
) -> Interval {
    let exact_count = !n.has_point
        && factor == Decimal::ONE
        && n.last_place == Decimal::ONE
        && unit.is_some_and(|u| matches!(u.kind, UnitKind::Count | UnitKind::Category));
    if exact_count {
        Interval::exact(n.value)
    } else {
        rounded_interval(n, factor, rounding)
    }
}

fn build_quantity(
    rounding: Rounding,
    n: Numeral,
    factor: Decimal,
    unit: Option<&'static Unit>,
    qualifier: Option<QualifierKind>,
    range_end: Option<(Numeral, Decimal)>,
) -> Option<Quantity> {
    let in_range = range_end.is_none_or(|(m, f2)| within_limit(&m, f2));
    if !within_limit(&n, factor) || !in_range {
        return None;
    }
    // Within the limit, no operation below can overflow.
    let value = if factor == Decimal::ONE {
        n.value
    } else {
        n.value * factor
    };
    let written = written_interval(&n, factor, unit, rounding);
    let interval = if let Some((m, f2)) = range_end {
        Interval {
            lower: written.lower,
            upper: written_interval(&m, f2, unit, rounding).upper,
        }
    } else {
        qualified(&n, factor, value, written, qualifier)
    };
    Some(Quantity {
        value,
        unit,
        qualifier,
        range: range_end.is_some(),
        interval,
        chinese: n.chinese,
        magnitude: Decimal::ONE,
    })
}

fn qualified(
    n: &Numeral,
    factor: Decimal,
    value: Decimal,
    written: Interval,
    qualifier: Option<QualifierKind>,
) -> Interval {
    match qualifier {
        None => written,
        Some(QualifierKind::More) => {
            let step = n.last_nonzero_place * factor;
            Interval {
                lower: Some(Bound::open(value)),
                upper: Some(Bound::open(value + step)),
            }
        }
        Some(QualifierKind::Approximate) => {
            let five_percent = value.abs() * Decimal::new(5, 2);
            let one_unit = n.last_place * factor;
            let w = five_percent.max(one_unit);
            Interval::closed(value - w, value + w)
        }
        Some(QualifierKind::MoreThan) => Interval {
            lower: Some(Bound::open(value)),
            upper: None,
        },
        Some(QualifierKind::AtLeast) => Interval {
            lower: Some(Bound::closed(value)),
            upper: None,
        },
        Some(QualifierKind::LessThan) => Interval {
            lower: Some(Bound::closed(Decimal::ZERO)),
            upper: Some(Bound::open(value)),
        },
        Some(QualifierKind::AtMost) => Interval {
            lower: Some(Bound::closed(Decimal::ZERO)),
            upper: Some(Bound::closed(value)),
        },
    }
}
