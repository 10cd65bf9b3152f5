//! Chinese numerals read back to the value they were written from, by property: random integers
//! and decimals written in full (with 零 where the places require it), integers abbreviated
//! (`两万三`) and in financial capitals (`贰拾叁万伍仟`), parsed by heshu's numeral grammar.

use heshu::number::{capital, numeral};
use proptest::prelude::*;
use rust_decimal::Decimal;

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A group below 10 000, as written inside a larger numeral (`leading`: it starts the numeral,
/// so 一十 is written 十).
fn group(n: u64, leading: bool) -> String {
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units = ["千", "百", "十", ""];
    let (mut out, mut started, mut zero) = (String::new(), false, false);
    for (i, d) in digits.into_iter().enumerate() {
        if d == 0 {
            zero = started;
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        if !(i == 2 && d == 1 && !started && leading) {
            out.push_str(DIGITS[d as usize]);
        }
        out.push_str(units[i]);
        started = true;
    }
    out
}

/// An integer below 10¹² written in full: 一千三百八十七亿四千万, 三千零十, 二百亿零五十万.
fn full(n: u64) -> String {
    if n == 0 {
        return "零".into();
    }
    let (yi, wan, ge) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
    let mut out = String::new();
    if yi > 0 {
        out.push_str(&group(yi, true));
        out.push('亿');
    }
    if wan > 0 {
        if yi > 0 && wan < 1000 {
            out.push('零');
        }
        out.push_str(&group(wan, yi == 0));
        out.push('万');
    }
    if ge > 0 {
        if (yi > 0 || wan > 0) && (ge < 1000 || wan == 0) {
            out.push('零');
        }
        out.push_str(&group(ge, yi == 0 && wan == 0));
    }
    out
}

/// The same numeral in financial capitals.
fn capitals(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '一' => '壹',
            '二' => '贰',
            '三' => '叁',
            '四' => '肆',
            '五' => '伍',
            '六' => '陆',
            '七' => '柒',
            '八' => '捌',
            '九' => '玖',
            '十' => '拾',
            '百' => '佰',
            '千' => '仟',
            other => other,
        })
        .collect()
}

fn read(s: &str) -> Option<Decimal> {
    match numeral(s) {
        Ok(("", n)) => Some(n.value),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn written_in_full(n in 0u64..1_000_000_000_000) {
        let written = full(n);
        prop_assert_eq!(read(&written), Some(Decimal::from(n)), "{}", written);
    }

    #[test]
    fn decimals_written_in_full(n in 0u64..100_000_000, frac in 1u32..1000, places in 1usize..=3) {
        // 三十六点九, 一万零五点二五: a point only after a last digit in the ones place.
        prop_assume!(n % 10_000 != 0 || n < 10_000);
        let frac = frac % 10u32.pow(places as u32);
        let digits = format!("{frac:0places$}");
        let written = format!(
            "{}点{}",
            full(n),
            digits.chars().map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize]).collect::<String>()
        );
        let want: Decimal = format!("{n}.{digits}").parse().unwrap_or_default();
        prop_assert_eq!(read(&written), Some(want), "{}", written);
    }

    #[test]
    fn abbreviated(d1 in 1u64..10, d2 in 1u64..10, place in 0usize..4) {
        // 三百五, 一千二, 两万三, 一亿五: the last digit counts in the next place down.
        let (unit, value) = [("百", 100u64), ("千", 1000), ("万", 10_000), ("亿", 100_000_000)][place];
        let lead = if d1 == 2 { "两" } else { DIGITS[d1 as usize] };
        let written = format!("{lead}{unit}{}", DIGITS[d2 as usize]);
        prop_assert_eq!(read(&written), Some(Decimal::from(d1 * value + d2 * value / 10)), "{}", written);
    }

    #[test]
    fn in_financial_capitals(n in 10u64..1_000_000_000_000) {
        let written = capitals(&full(n));
        prop_assume!(written.contains(['拾', '佰', '仟']));
        let read_back = match capital(&written) {
            Ok(("", c)) => Some(c.value),
            _ => None,
        };
        prop_assert_eq!(read_back, Some(Decimal::from(n)), "{}", written);
    }
}

#[test]
fn writers_write_what_reports_write() {
    assert_eq!(full(3010), "三千零一十");
    assert_eq!(full(138_740_000_000), "一千三百八十七亿四千万");
    assert_eq!(full(20_000_500_000), "二百亿零五十万");
    assert_eq!(capitals(&full(235_000)), "贰拾叁万伍仟");
}
