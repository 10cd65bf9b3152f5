//! Numerals: nom parsers for Arabic figures (half- and full-width, thousands separators) and
//! Chinese numerals (三, 二十四, 一千三百八十七亿四千万, 三十六点九, 一九五七).
//!
//! A parsed numeral keeps its exact value and the precision it was written with, which is what the
//! intervals of [`crate::model::interval`] are built from.

use nom::{
    branch::alt,
    bytes::complete::{take_while, take_while1},
    character::complete::{char, satisfy},
    combinator::{opt, peek, recognize},
    sequence::{pair, preceded, terminated},
    IResult, Parser,
};
use rust_decimal::Decimal;

/// A numeral as written: its value and the precision of its digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numeral {
    /// The exact value written (magnitude characters inside a Chinese numeral applied).
    pub value: Decimal,
    /// The place value of the last digit written: 1 for `470`, 0.01 for `1.04`, 10⁷ for `四千万`.
    pub last_place: Decimal,
    /// The place value of the last non-zero digit: 10 for `470`, 1000 for `5000`.
    pub last_nonzero_place: Decimal,
    /// Whether a decimal point was written.
    pub has_point: bool,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// Chinese digits read one by one (`一九五七`), as years are written.
    pub digit_sequence: bool,
    /// Number of digits before the point (for years and codes).
    pub integer_digits: usize,
    /// More digits than an exact decimal holds (over 28 significant digits or 28 decimal
    /// places): the value is not exact, so the numeral is never a quantity.
    pub too_long: bool,
}

/// The value of an Arabic digit, half- or full-width.
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_arabic_digit(c: char) -> bool {
    arabic_digit(c).is_some()
}

fn is_point(c: char) -> bool {
    c == '.' || c == '．'
}

fn is_thousands_sep(c: char) -> bool {
    c == ',' || c == '，'
}

/// A thousands group: a separator followed by exactly three digits and no fourth.
fn thousands_group(i: &str) -> IResult<&str, &str> {
    preceded(
        satisfy(is_thousands_sep),
        terminated(
            recognize((
                satisfy(is_arabic_digit),
                satisfy(is_arabic_digit),
                satisfy(is_arabic_digit),
            )),
            peek(nom::combinator::not(satisfy(is_arabic_digit))),
        ),
    )
    .parse(i)
}

/// An Arabic figure: `123`, `1,234`, `1，234`, `5.64`, `１９９０`, `３．５`.
///
/// A comma is a thousands separator only when exactly three digits follow it and the first group
/// has at most three digits, so `44个,其余3个` stays two figures.
pub fn arabic(i: &str) -> IResult<&str, Numeral> {
    match plain_ascii(i) {
        Some(done) => Ok(done),
        None => arabic_parsed(i),
    }
}

/// [`arabic`] by the parser, for every form.
fn arabic_parsed(i: &str) -> IResult<&str, Numeral> {
    let (mut rest, int_part) = take_while1(is_arabic_digit).parse(i)?;
    let mut grouped = false;
    while let Ok((after, _)) = thousands_group(rest) {
        rest = after;
        grouped = true;
    }
    if grouped && int_part.chars().count() > 3 {
        // `2020,2021` is no thousands group: take the first digits alone.
        rest = i.get(int_part.len()..).unwrap_or_default();
    }
    let integer = i.get(..i.len() - rest.len()).unwrap_or_default();
    let (rest, frac) =
        opt(preceded(satisfy(is_point), take_while1(is_arabic_digit))).parse(rest)?;
    Ok((rest, build_arabic(integer, frac)))
}

/// The common case of [`arabic`] without the parser: ASCII digits, perhaps a point and ASCII
/// digits, followed by nothing that could continue the figure (another digit, a separator, a
/// point, a full-width form). `None` sends the text to the parser.
fn plain_ascii(i: &str) -> Option<(&str, Numeral)> {
    let bytes = i.as_bytes();
    let digits = |from: usize| {
        bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let int_len = digits(0);
    if int_len == 0 {
        return None;
    }
    let (end, frac) = match bytes.get(int_len) {
        Some(b'.') => {
            let frac_len = digits(int_len + 1);
            if frac_len == 0 {
                return None;
            }
            let end = int_len + 1 + frac_len;
            (end, i.get(int_len + 1..end))
        }
        _ => (int_len, None),
    };
    // What may continue a figure: a thousands separator, a point, or a full-width form (the
    // full-width digits, comma and point all begin with the byte 0xEF).
    if matches!(bytes.get(end), Some(b',' | b'.' | 0xEF)) {
        return None;
    }
    let integer = i.get(..int_len)?;
    Some((i.get(end..)?, build_arabic(integer, frac)))
}

/// The numeral of the digits of `integer` (separators passed over) and of `frac`, in one pass
/// and without allocating (a report has a figure every few characters).
fn build_arabic(integer: &str, frac: Option<&str>) -> Numeral {
    let whole = integer.chars().filter_map(arabic_digit);
    let fraction = frac.unwrap_or("").chars().filter_map(arabic_digit);
    let mut count: usize = 0;
    let mut scale: u32 = 0;
    let mut trailing_zeros: u32 = 0;
    // Keep at most 28 significant digits: the Decimal mantissa holds 96 bits.
    let mut mantissa: i128 = 0;
    let mut dropped: u32 = 0;
    let digits = whole.map(|d| (d, false)).chain(fraction.map(|d| (d, true)));
    for (d, fractional) in digits {
        count += 1;
        scale += u32::from(fractional);
        trailing_zeros = if d == 0 { trailing_zeros + 1 } else { 0 };
        if mantissa < 10_i128.pow(27) {
            mantissa = mantissa * 10 + i128::from(d);
        } else {
            dropped += 1;
        }
    }
    let integer_digits = count - scale as usize;
    let value = scaled(mantissa, scale, dropped);
    let last_place = scaled(1, scale, 0);
    let last_nonzero_place = if trailing_zeros as usize == count {
        last_place
    } else {
        let zeros = trailing_zeros;
        if zeros >= scale {
            pow10(zeros - scale)
        } else {
            scaled(1, scale - zeros, 0)
        }
    };
    Numeral {
        value,
        last_place,
        last_nonzero_place,
        has_point: frac.is_some(),
        chinese: false,
        digit_sequence: false,
        integer_digits,
        too_long: dropped > 0 || scale > 28,
    }
}

/// `10ⁿ` (n at most 28, the most a Decimal holds), without multiplying.
fn pow10(n: u32) -> Decimal {
    Decimal::from_i128_with_scale(10_i128.pow(n.min(28)), 0)
}

/// `mantissa × 10^(dropped − scale)` as an exact decimal.
fn scaled(mantissa: i128, scale: u32, dropped: u32) -> Decimal {
    match dropped.cmp(&scale) {
        std::cmp::Ordering::Equal => Decimal::from_i128_with_scale(mantissa, 0),
        std::cmp::Ordering::Greater => {
            Decimal::from_i128_with_scale(mantissa, 0).saturating_mul(pow10(dropped - scale))
        }
        std::cmp::Ordering::Less => {
            Decimal::from_i128_with_scale(mantissa, (scale - dropped).min(28))
        }
    }
}

/// The value of a Chinese digit character. The financial capitals (壹 贰 陆 伍 …) are left out:
/// reports do not write figures with them, and 队伍, 大陆, 内陆 use them as ordinary words.
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The tens written as one character: 廿 (20), 卅 (30), 卌 (40), as in old dates and names.
fn tens_char(c: char) -> Option<u32> {
    match c {
        '廿' => Some(2),
        '卅' => Some(3),
        '卌' => Some(4),
        _ => None,
    }
}

/// The value of a Chinese place character below 万.
fn small_unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// The value of 万 or 亿.
fn big_unit(c: char) -> Option<Decimal> {
    match c {
        '万' | '萬' => Some(Decimal::from(10_000)),
        '亿' | '億' => Some(Decimal::from(100_000_000)),
        _ => None,
    }
}

/// What follows a year written in four Arabic digits at the start of `s` (`2022年全县…` →
/// `全县…`), if `s` starts with one: subjects are compared without the year that dates them.
pub fn after_year(s: &str) -> Option<&str> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    s.get(4..).and_then(|rest| rest.strip_prefix('年'))
}

/// The year a year figure names (`2020年`, `二〇二〇年`), if it is one of 1000–2999.
pub fn year_value(written: &str) -> Option<u32> {
    let (_, n) = numeral(written).ok()?;
    u32::try_from(n.value.trunc().mantissa())
        .ok()
        .filter(|y| (1000..3000).contains(y))
}

/// Whether `c` can stand inside a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some()
        || small_unit(c).is_some()
        || big_unit(c).is_some()
        || tens_char(c).is_some()
}

fn chinese_point(i: &str) -> IResult<&str, &str> {
    preceded(
        alt((char('点'), char('點'))),
        take_while1(|c| chinese_digit(c).is_some()),
    )
    .parse(i)
}

/// A Chinese numeral: must start with a digit or 十; `万一`, `百强`, `千方百计` are not numerals.
pub fn chinese(i: &str) -> IResult<&str, Numeral> {
    let start = satisfy(|c| chinese_digit(c).is_some() || c == '十' || tens_char(c).is_some());
    let (rest, (body, frac)) = pair(
        recognize(pair(start, take_while(is_chinese_numeral_char))),
        opt(chinese_point),
    )
    .parse(i)?;
    match evaluate_chinese(body, frac) {
        Some(n) => Ok((rest, n)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// Evaluate a run of Chinese numeral characters; `None` for runs that are no single numeral
/// (`十四五`, `一两`).
fn evaluate_chinese(body: &str, frac: Option<&str>) -> Option<Numeral> {
    // No allocation: the body is a few characters, read again where needed.
    let len = body.chars().count();
    let has_units = body
        .chars()
        .any(|c| small_unit(c).is_some() || big_unit(c).is_some() || tens_char(c).is_some());
    if !has_units {
        // 三, 一九五七, 二〇二四: digits read one by one.
        let mut value = Decimal::ZERO;
        for c in body.chars() {
            value = value
                .checked_mul(Decimal::TEN)?
                .checked_add(Decimal::from(chinese_digit(c)?))?;
        }
        let mut n = finish_chinese(value, Decimal::ONE, frac)?;
        n.digit_sequence = len > 1;
        n.integer_digits = len;
        if len > 1 && frac.is_some() {
            return None;
        }
        if len > 1 && body.chars().any(|c| matches!(c, '两' | '兩')) {
            return None;
        }
        return Some(n);
    }
    let mut total = Decimal::ZERO; // the part already multiplied by 亿
    let mut wan = Decimal::ZERO; // the part already multiplied by 万
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u32> = None;
    let mut last_small = u32::MAX; // the last small unit seen in this section
                                   // The place of the last digit counting every unit after it (四十 → 10: what 多 rounds by),
                                   // and counting only 万 and 亿 (四十 → 1, 四千万 → 10⁴: the precision, as if written 4000万).
    let mut last_place = Decimal::ONE;
    let mut after_digit_units = Decimal::ONE;
    let mut precision = Decimal::ONE;
    let mut after_digit_big = Decimal::ONE;
    // The place value of the unit character just before the current one, if it was a unit, and
    // of the unit right before the last digit (两万三: 万, for the abbreviated reading).
    let mut unit_just_before: Option<Decimal> = None;
    let mut unit_before_digit: Option<Decimal> = None;
    for c in body.chars() {
        // The place of this character if it is a unit, set by the unit branches below.
        let mut this_unit: Option<Decimal> = None;
        if let Some(d) = chinese_digit(c) {
            if matches!(digit, Some(p) if p != 0) {
                return None; // two digits with no unit between: 十四五, 一两
            }
            unit_before_digit = if d == 0 { None } else { unit_just_before };
            digit = Some(d);
            if d != 0 {
                after_digit_units = Decimal::ONE;
                after_digit_big = Decimal::ONE;
            }
        } else if let Some(u) = small_unit(c) {
            if u >= last_small {
                return None; // 百十, 十十
            }
            last_small = u;
            let d = match digit {
                // 三千零十: the 十 after 零 is one ten.
                Some(0) | None if u == 10 => 1,
                Some(d) => d,
                None => return None,
            };
            section += u64::from(d) * u64::from(u);
            digit = None;
            this_unit = Some(Decimal::from(u));
            after_digit_units = after_digit_units.checked_mul(Decimal::from(u))?;
        } else if let Some(t) = tens_char(c) {
            // 廿二: twenty-two; a digit or a ten before it makes no numeral.
            if matches!(digit, Some(p) if p != 0) || last_small <= 10 {
                return None;
            }
            last_small = 10;
            section += u64::from(t) * 10;
            digit = None;
            this_unit = Some(Decimal::TEN);
            after_digit_units = after_digit_units.checked_mul(Decimal::TEN)?;
        } else if let Some(b) = big_unit(c) {
            let here = Decimal::from(section + u64::from(digit.unwrap_or(0)));
            if b == Decimal::from(100_000_000) {
                total = total.checked_add(wan)?.checked_add(here)?.checked_mul(b)?;
                wan = Decimal::ZERO;
            } else if !wan.is_zero() {
                // 万万: rare but means 亿
                wan = wan.checked_add(here)?.checked_mul(b)?;
            } else {
                wan = here.checked_mul(b)?;
            }
            section = 0;
            digit = None;
            last_small = u32::MAX;
            this_unit = Some(b);
            after_digit_units = after_digit_units.checked_mul(b)?;
            after_digit_big = after_digit_big.checked_mul(b)?;
        }
        last_place = after_digit_units;
        precision = after_digit_big;
        unit_just_before = this_unit;
    }
    // 两万三, 一千二, 三百五: a last digit right after 百, 千, 万 or 亿 counts in the next place
    // down (23000, 1200, 350), and the figure is as precise as that place.
    let trailing = match (digit, unit_before_digit) {
        (Some(d), Some(unit)) if d != 0 && unit >= Decimal::ONE_HUNDRED && frac.is_none() => {
            let place = unit / Decimal::TEN;
            last_place = place;
            if unit >= Decimal::from(10_000) {
                precision = place;
            }
            Decimal::from(d).checked_mul(place)?
        }
        _ => Decimal::from(digit.unwrap_or(0)),
    };
    let value = total
        .checked_add(wan)?
        .checked_add(Decimal::from(section))?
        .checked_add(trailing)?;
    let mut n = finish_chinese(value, precision, frac)?;
    if frac.is_none() {
        n.last_nonzero_place = last_place;
    }
    Some(n)
}

fn finish_chinese(int_value: Decimal, last_place: Decimal, frac: Option<&str>) -> Option<Numeral> {
    let mut value = int_value;
    let mut place = last_place;
    if let Some(f) = frac {
        if last_place != Decimal::ONE {
            return None; // 十万点五 is not written
        }
        let mut scale = Decimal::ONE;
        for c in f.chars() {
            // Past 28 decimal places a Decimal holds no more digits: such a numeral is not a figure.
            scale = scale.checked_div(Decimal::TEN).filter(|s| !s.is_zero())?;
            value = value.checked_add(Decimal::from(chinese_digit(c)?).checked_mul(scale)?)?;
        }
        place = scale;
    }
    Some(Numeral {
        value,
        last_place: place,
        last_nonzero_place: place,
        has_point: frac.is_some(),
        chinese: true,
        digit_sequence: false,
        integer_digits: 0,
        too_long: false,
    })
}

/// The ordinary numeral character a financial capital (大写) stands for: 壹 → 一, 拾 → 十.
fn from_capital(c: char) -> Option<char> {
    Some(match c {
        '壹' => '一',
        '贰' | '貳' => '二',
        '叁' | '參' => '三',
        '肆' => '四',
        '伍' => '五',
        '陆' | '陸' => '六',
        '柒' => '七',
        '捌' => '八',
        '玖' => '九',
        '拾' => '十',
        '佰' => '百',
        '仟' => '千',
        _ => return None,
    })
}

/// Whether `c` is a financial capital digit or unit (壹 … 玖, 拾, 佰, 仟).
pub fn is_capital_numeral_char(c: char) -> bool {
    from_capital(c).is_some()
}

/// A numeral in financial capitals, as finance and audit documents write sums:
/// `贰拾叁万伍仟`, `叁仟`, `壹佰零伍` (零, 万 and 亿 as usual). It must hold a capital unit
/// (拾, 佰, 仟): a lone 伍 or 陆 is a word (队伍, 大陆), not a figure.
pub fn capital(i: &str) -> IResult<&str, Numeral> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let run = i
        .char_indices()
        .take_while(|(_, c)| {
            is_capital_numeral_char(*c) || matches!(c, '零' | '〇' | '万' | '萬' | '亿' | '億')
        })
        .last()
        .map_or(0, |(at, c)| at + c.len_utf8());
    let body = i.get(..run).ok_or_else(fail)?;
    let has_capital_unit = body.chars().any(|c| matches!(c, '拾' | '佰' | '仟'));
    let starts_with_capital = body.chars().next().is_some_and(is_capital_numeral_char);
    if !has_capital_unit || !starts_with_capital {
        return Err(fail());
    }
    let plain: String = body.chars().map(|c| from_capital(c).unwrap_or(c)).collect();
    let n = evaluate_chinese(&plain, None).ok_or_else(fail)?;
    Ok((i.get(run..).unwrap_or_default(), n))
}

/// A vague numeral: the range of values its words allow, as written before a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vague {
    /// The lower end.
    pub lower: Decimal,
    /// Whether the lower end itself is meant (`二三十`: yes; `十几`: no).
    pub lower_inclusive: bool,
    /// The upper end.
    pub upper: Decimal,
    /// Whether the upper end itself is meant.
    pub upper_inclusive: bool,
    /// The magnitude written (万 or 亿), else 1.
    pub magnitude: Decimal,
}

/// A vague numeral (概数): two neighbouring digits before a place (`二三十` [20, 30], `七八百`
/// [700, 800], `五六千`, `三四万`), `十几` (10, 20) and `二十几` (20, 30), `几十` (10, 100) and `数百`
/// [100, 1000) — each perhaps followed by 万 or 亿 (`几十万`, `数百亿`).
pub fn vague(i: &str) -> IResult<&str, Vague> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let mut chars = i.char_indices();
    let (_, first) = chars.next().ok_or_else(fail)?;
    let place_of = |c: char| small_unit(c).map(Decimal::from).or_else(|| big_unit(c));
    let (lower, upper, lower_inclusive, upper_inclusive, used) = match first {
        '几' | '数' => {
            let (at, c) = chars.next().ok_or_else(fail)?;
            let place = place_of(c).ok_or_else(fail)?;
            let upper = place.checked_mul(Decimal::TEN).ok_or_else(fail)?;
            (place, upper, first == '数', false, at + c.len_utf8())
        }
        _ => {
            let d1 = chinese_digit(first).filter(|d| *d != 0);
            let (at, second) = chars.next().ok_or_else(fail)?;
            match (d1, second) {
                // 十几, and 二十几 below.
                (None, '几') if first == '十' => (
                    Decimal::TEN,
                    Decimal::from(20),
                    false,
                    false,
                    at + '几'.len_utf8(),
                ),
                (Some(d1), _) if chinese_digit(second) == Some(d1 + 1) => {
                    let (at3, c) = chars.next().ok_or_else(fail)?;
                    let place = place_of(c).ok_or_else(fail)?;
                    let lower = place.checked_mul(Decimal::from(d1)).ok_or_else(fail)?;
                    let upper = place.checked_mul(Decimal::from(d1 + 1)).ok_or_else(fail)?;
                    (lower, upper, true, true, at3 + c.len_utf8())
                }
                (Some(d1), '十')
                    if i.get(at + '十'.len_utf8()..)
                        .is_some_and(|r| r.starts_with('几')) =>
                {
                    let lower = Decimal::from(d1 * 10);
                    let used = at + '十'.len_utf8() + '几'.len_utf8();
                    (lower, lower + Decimal::TEN, false, false, used)
                }
                _ => return Err(fail()),
            }
        }
    };
    let mut rest = i.get(used..).ok_or_else(fail)?;
    let mut magnitude = Decimal::ONE;
    if let Some((c, b)) = rest.chars().next().and_then(|c| Some((c, big_unit(c)?))) {
        if b > lower {
            magnitude = b;
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
        }
    }
    let scale = |v: Decimal| v.checked_mul(magnitude).ok_or_else(fail);
    Ok((
        rest,
        Vague {
            lower: scale(lower)?,
            lower_inclusive,
            upper: scale(upper)?,
            upper_inclusive,
            magnitude,
        },
    ))
}

/// Any numeral, Arabic first.
pub fn numeral(i: &str) -> IResult<&str, Numeral> {
    alt((arabic, chinese)).parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_year_before_a_subject_is_passed_over() {
        assert_eq!(after_year("2022年全县"), Some("全县"));
        assert_eq!(after_year("20222年全县"), None);
        assert_eq!(after_year("全县2022年"), None);
        assert_eq!(after_year("2022"), None);
    }

    fn val(s: &str) -> (Decimal, &str) {
        let (rest, n) = numeral(s).unwrap();
        (n.value, rest)
    }

    #[test]
    fn arabic_forms() {
        assert_eq!(val("123个"), (d("123"), "个"));
        assert_eq!(val("5.64万户"), (d("5.64"), "万户"));
        assert_eq!(val("1,234元"), (d("1234"), "元"));
        assert_eq!(val("1，234元"), (d("1234"), "元"));
        assert_eq!(val("44个"), (d("44"), "个"));
        assert_eq!(val("47个,其余"), (d("47"), "个,其余"));
        assert_eq!(val("１９９０年"), (d("1990"), "年"));
        assert_eq!(val("３．５％"), (d("3.5"), "％"));
        assert_eq!(val("2020,2021"), (d("2020"), ",2021"));
        assert_eq!(val("1,2345"), (d("1"), ",2345"));
    }

    #[test]
    fn places() {
        let (_, n) = arabic("470").unwrap();
        assert_eq!((n.last_place, n.last_nonzero_place), (d("1"), d("10")));
        let (_, n) = arabic("5000").unwrap();
        assert_eq!(n.last_nonzero_place, d("1000"));
        let (_, n) = arabic("1.04").unwrap();
        assert_eq!((n.last_place, n.last_nonzero_place), (d("0.01"), d("0.01")));
        let (_, n) = arabic("1.50").unwrap();
        assert_eq!((n.last_place, n.last_nonzero_place), (d("0.01"), d("0.1")));
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(val("三个").0, d("3"));
        assert_eq!(val("二十四节").0, d("24"));
        assert_eq!(val("十三").0, d("13"));
        assert_eq!(val("两万").0, d("20000"));
        assert_eq!(val("一千三百八十七亿四千万").0, d("138740000000"));
        assert_eq!(val("一千零五").0, d("1005"));
        assert_eq!(val("三十六点九").0, d("36.9"));
        assert_eq!(val("一九五七年"), (d("1957"), "年"));
        assert!(chinese("十四五").is_err());
        // Abbreviated: the last digit counts in the next place down.
        assert_eq!(val("两万三").0, d("23000"));
        assert_eq!(val("一千二").0, d("1200"));
        assert_eq!(val("三百五").0, d("350"));
        assert_eq!(val("一亿五").0, d("150000000"));
        assert_eq!(val("一千零二").0, d("1002"));
        assert_eq!(val("三千零十").0, d("3010"));
        assert_eq!(val("廿二").0, d("22"));
        assert_eq!(val("卅").0, d("30"));
        let (_, n) = capital("贰拾叁万伍仟元整").unwrap();
        assert_eq!(n.value, d("235000"));
        assert_eq!(capital("壹佰零伍元").unwrap().1.value, d("105"));
        assert!(capital("伍").is_err());
        assert!(capital("陆续").is_err());
        assert!(chinese("万一").is_err());
        let (_, n) = chinese("四千万").unwrap();
        assert_eq!(
            (n.last_place, n.last_nonzero_place),
            (d("10000"), d("10000000"))
        );
        let (_, n) = chinese("四十").unwrap();
        assert_eq!((n.last_place, n.last_nonzero_place), (d("1"), d("10")));
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    /// The fast path reads every text it takes exactly as the parser does.
    #[test]
    fn plain_ascii_agrees_with_the_parser() {
        let pieces = [
            "0",
            "1",
            "9",
            "12",
            "007",
            ".",
            ".5",
            ",",
            ",234",
            "，",
            "．",
            "５",
            "个",
            "%",
            " ",
            "万",
            "e",
            "1234567890123456789012345678901",
            "0.000",
            "..",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut taken = 0;
        for _ in 0..20_000 {
            let n = 1 + (next() % 5) as usize;
            let text: String = (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            if let Some((rest, fast)) = plain_ascii(&text) {
                let parsed = arabic_parsed(&text);
                assert_eq!(parsed, Ok((rest, fast)), "{text:?}");
                taken += 1;
            }
        }
        assert!(taken > 2_000, "the fast path took {taken} texts");
    }
}
