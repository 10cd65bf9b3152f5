//! Chinese numerals read back to the value they were written from, by property: random integers
//! and decimals written in full (with 零 where the places require it), integers abbreviated
//! (`两万三`) and in financial capitals (`贰拾叁万伍仟`), parsed by heshu's numeral grammar.

mod common;

use common::chinese::{capitals, full, DIGITS};
use heshu::grammar::numerals::{capital, numeral};
use proptest::prelude::*;
use rust_decimal::Decimal;

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
