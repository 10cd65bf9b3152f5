//! Property test: a decimal written in any of the forms the grammar reads parses back to itself.

mod common;

use common::chinese::full as chinese;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            '.' => '．',
            other => other,
        })
        .collect()
}

fn grouped(int: &str, sep: char) -> String {
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

fn value_of(text: &str) -> Option<Decimal> {
    let doc = heshu::parse(text);
    let first = doc.claims.first()?;
    (doc.claims.len() == 1).then_some(first.quantity.value)
}

proptest! {
    #[test]
    fn arabic_forms_round_trip(int in 0u64..10_000_000_000, frac in proptest::option::of(0u32..10_000), form in 0..5usize) {
        let int_s = int.to_string();
        let frac_s = frac.map(|f| format!("{f:04}"));
        let plain = match &frac_s { Some(f) => format!("{int_s}.{f}"), None => int_s.clone() };
        let expected = Decimal::from_str(&plain).unwrap();
        let written = match form {
            0 => plain.clone(),
            1 => fullwidth(&plain),
            2 => match &frac_s { Some(f) => format!("{}.{f}", grouped(&int_s, ',')), None => grouped(&int_s, ',') },
            3 => match &frac_s { Some(f) => format!("{}.{f}", grouped(&int_s, '，')), None => grouped(&int_s, '，') },
            _ => format!("负{plain}"),
        };
        let expected = if form == 4 { -expected } else { expected };
        prop_assert_eq!(value_of(&format!("投入{written}元。")), Some(expected), "{}", written);
    }

    #[test]
    fn magnitudes_scale(int in 1u64..100_000, frac in 0u32..100) {
        let plain = format!("{int}.{frac:02}");
        let expected = Decimal::from_str(&plain).unwrap() * Decimal::from(10_000);
        prop_assert_eq!(value_of(&format!("投入{plain}万元。")), Some(expected));
    }

    #[test]
    fn chinese_integers_round_trip(n in 2u64..100_000_000) {
        let written = chinese(n);
        prop_assert_eq!(value_of(&format!("共有{written}人。")), Some(Decimal::from(n)), "{}", written);
    }
}

#[test]
fn chinese_formatter_writes_what_reports_write() {
    assert_eq!(chinese(13), "十三");
    assert_eq!(chinese(1005), "一千零五");
    assert_eq!(chinese(20_000), "二万");
    assert_eq!(chinese(13_052_001), "一千三百零五万二千零一");
}
