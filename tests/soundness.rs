//! Soundness of the arithmetic rules, by property: true values are drawn, rounded the way reports
//! round them (to the written precision, 四舍五入, with 万/亿 scaling), and written into sentences of
//! every arithmetic rule's shape. Written as they are, heshu must find nothing (no false alarm);
//! with one figure moved beyond what its rounding can explain, heshu must find it (no miss).
//!
//! Each shape runs `CASES` consistent texts and `CASES` faulty ones; the counts of false alarms and
//! misses are asserted to be zero (a failure prints the text that broke it, shrunk by proptest).
//! A last property checks that every finding's span lies on character boundaries of the text and
//! that its line and column agree with its byte offset.

use heshu::config::Settings;
use proptest::prelude::*;
use rust_decimal::prelude::*;
use std::sync::OnceLock;

/// Cases per shape and per kind (consistent, faulty).
const CASES: u32 = 1000;

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(Settings::default)
}

/// The rules that fire on a text.
fn rules_on(text: &str) -> Vec<&'static str> {
    let doc = heshu::parse(text);
    settings()
        .linter
        .check(&doc)
        .into_iter()
        .map(|d| d.rule)
        .collect()
}

/// Round half away from zero to `dp` decimal places (四舍五入), as written in reports.
fn round(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// A decimal as a report writes it: `dp` places, trailing zeros kept (`3.10`).
fn written(v: Decimal, dp: u32) -> String {
    format!("{:.*}", dp as usize, round(v, dp))
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const COUNTED: [(&str, &str); 4] = [
    ("反馈问题", "个"),
    ("监测户", "户"),
    ("整改措施", "条"),
    ("帮扶项目", "个"),
];

const PLACES: [&str; 8] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"];

proptest! {
    #![proptest_config(config())]

    /// `共N个，其中已完成a个，其余b个`: exact counts.
    #[test]
    fn remainder_counts(kind in 0..COUNTED.len(), a in 0u32..5000, b in 0u32..5000, shift in prop_oneof![-50i64..0, 1i64..50]) {
        let (noun, unit) = COUNTED[kind];
        let total = a + b;
        let good = format!("共有{noun}{total}{unit}，其中已完成{a}{unit}，其余{b}{unit}。");
        prop_assert_eq!(rules_on(&good), Vec::<&str>::new(), "{}", good);
        let moved = i64::from(b) + shift;
        prop_assume!(moved >= 0);
        let bad = format!("共有{noun}{total}{unit}，其中已完成{a}{unit}，其余{moved}{unit}。");
        let found = rules_on(&bad);
        prop_assert!(found.iter().any(|r| matches!(*r, "sum-mismatch" | "part-exceeds-whole")), "{} {:?}", bad, found);
    }

    /// `甲项目投资x亿元、乙项目投资y亿元，合计z亿元`: parts and total each rounded to one place.
    #[test]
    fn explicit_total_of_rounded_parts(x in 1i64..100_000, y in 1i64..100_000, k in prop_oneof![-20i64..=-3, 3i64..=20]) {
        // True values to three places; written to one, in 亿元.
        let (x, y) = (Decimal::new(x, 3), Decimal::new(y, 3));
        // Reports do not write a part as `0.0亿元`.
        prop_assume!(round(x, 1) > Decimal::ZERO && round(y, 1) > Decimal::ZERO);
        let z = x + y;
        let good = format!("甲项目投资{}亿元、乙项目投资{}亿元，合计{}亿元。", written(x, 1), written(y, 1), written(z, 1));
        prop_assert_eq!(rules_on(&good), Vec::<&str>::new(), "{}", good);
        // The written parts sum within 0.1 of the written total; three tenths off is a fault.
        let moved = round(z, 1) + Decimal::new(k, 1);
        prop_assume!(moved > Decimal::ZERO);
        let bad = format!("甲项目投资{}亿元、乙项目投资{}亿元，合计{}亿元。", written(x, 1), written(y, 1), written(moved, 1));
        let found = rules_on(&bad);
        prop_assert!(found.contains(&"sum-mismatch"), "{} {:?}", bad, found);
    }

    /// `全县企业T家，其中规上企业p家，占s%`: exact counts, the share to one place.
    #[test]
    fn share_of_counts(total in 2u32..100_000, part_permille in 1u32..1000, k in prop_oneof![-30i64..=-2, 2i64..=30]) {
        let part = (u64::from(total) * u64::from(part_permille) / 1000).max(1) as u32;
        prop_assume!(part < total);
        let share = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(total);
        let good = format!("全县企业{total}家，其中规上企业{part}家，占{}%。", written(share, 1));
        prop_assert_eq!(rules_on(&good), Vec::<&str>::new(), "{}", good);
        // The true share lies within 0.05 of the written one; 0.2 away is beyond rounding.
        let moved = round(share, 1) + Decimal::new(k, 1);
        prop_assume!(moved > Decimal::ZERO && moved < Decimal::ONE_HUNDRED);
        let bad = format!("全县企业{total}家，其中规上企业{part}家，占{}%。", written(moved, 1));
        let found = rules_on(&bad);
        prop_assert!(found.contains(&"share-mismatch"), "{} {:?}", bad, found);
    }

    /// `总量T万吨，其中粮食p万吨，占s%`: every figure rounded, the total and part in 万.
    #[test]
    fn share_of_rounded_amounts(total in 1_000i64..10_000_000, part_permille in 10i64..990, k in prop_oneof![-40i64..=-1, 1i64..=40]) {
        let total = Decimal::new(total, 3); // 万吨, true to three places
        let part = total * Decimal::new(part_permille, 3);
        let share = part * Decimal::ONE_HUNDRED / total;
        let (t, p) = (round(total, 1), round(part, 1));
        prop_assume!(p > Decimal::ZERO);
        let good = format!("总量{}万吨，其中粮食{}万吨，占{}%。", written(total, 1), written(part, 1), written(share, 1));
        prop_assert_eq!(rules_on(&good), Vec::<&str>::new(), "{}", good);
        // What the written figures allow: [(p − 0.05) / (t + 0.05), (p + 0.05) / (t − 0.05)].
        let half = Decimal::new(5, 2);
        let lo = (p - half) / (t + half) * Decimal::ONE_HUNDRED;
        let hi = (p + half) / (t - half) * Decimal::ONE_HUNDRED;
        let moved = round(share, 1) + Decimal::new(k, 1);
        // A fault only where the moved share's own interval misses that range by a clear margin.
        let margin = Decimal::new(1, 2);
        prop_assume!(moved + half + margin < lo || moved - half - margin > hi);
        prop_assume!(moved > Decimal::ZERO && moved < Decimal::ONE_HUNDRED);
        let bad = format!("总量{}万吨，其中粮食{}万吨，占{}%。", written(total, 1), written(part, 1), written(moved, 1));
        let found = rules_on(&bad);
        prop_assert!(found.contains(&"share-mismatch"), "{} {:?}", bad, found);
    }

    /// `发放补贴A万元，惠及B人，人均C元`: the total rounded to one place in 万元.
    #[test]
    fn per_capita(people in 100u32..20_000, each in 100u32..20_000, k in prop_oneof![-5000i64..=-1, 1i64..=5000]) {
        let total = Decimal::from(u64::from(people) * u64::from(each)) / Decimal::from(10_000);
        let good = format!("发放补贴{}万元，惠及{people}人，人均{each}元。", written(total, 1));
        prop_assert_eq!(rules_on(&good), Vec::<&str>::new(), "{}", good);
        // The written total stands for ±500 元: ±500 / B 元 a person, and the written average ±0.5.
        let slack = Decimal::from(500) / Decimal::from(people) + Decimal::new(5, 1) + Decimal::ONE;
        let moved = i64::from(each) + k;
        prop_assume!(moved > 0 && Decimal::from(k.abs()) > slack);
        let bad = format!("发放补贴{}万元，惠及{people}人，人均{moved}元。", written(total, 1));
        let found = rules_on(&bad);
        prop_assert!(found.contains(&"per-capita-mismatch"), "{} {:?}", bad, found);
    }

    /// `甲、乙、丙三地分别增长5%、6%、7%`: as many values as items.
    #[test]
    fn respectively_lists(n in 2usize..=6, values in proptest::collection::vec(1u32..300, 7), extra in any::<bool>()) {
        let items = PLACES[..n].join("、");
        let list = |m: usize| values[..m].iter().map(|v| format!("{}.{}%", v / 10, v % 10)).collect::<Vec<_>>().join("、");
        let good = format!("{items}等地分别增长{}。", list(n));
        prop_assert_eq!(rules_on(&good), Vec::<&str>::new(), "{}", good);
        let m = if extra { n + 1 } else { n - 1 };
        prop_assume!(m >= 2);
        let bad = format!("{items}等地分别增长{}。", list(m));
        let found = rules_on(&bad);
        prop_assert!(found.contains(&"respectively-arity"), "{} {:?}", bad, found);
    }

    /// `森林覆盖率达到r%`: a coverage cannot pass 100 %.
    #[test]
    fn bounded_rates(r in 0u32..=1000, over in 1u32..5000) {
        let good = format!("森林覆盖率达到{}.{}%。", r / 10, r % 10);
        prop_assert_eq!(rules_on(&good), Vec::<&str>::new(), "{}", good);
        let bad = format!("森林覆盖率达到{}.{}%。", 100 + over / 10, over % 10);
        let found = rules_on(&bad);
        prop_assert!(found.contains(&"out-of-range"), "{} {:?}", bad, found);
    }

    /// Every finding's span, and every label's, lies on character boundaries of the text, and its
    /// line and column agree with its byte offset.
    #[test]
    fn spans_are_on_the_text(text in "[共有其中其余个户人万亿元0-9.,，、。%占分别合计\n（）“”*X ]{0,160}") {
        let doc = heshu::parse(&text);
        for d in settings().linter.check(&doc) {
            for span in std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)) {
                prop_assert!(text.get(span.start..span.end).is_some(), "{:?} in {:?}", span, text);
            }
            let located = heshu::report::Located::new("t.txt", &doc, &d);
            let before = &text[..d.span.start];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            prop_assert_eq!((located.span.line, located.span.column), (line, column), "{:?}", text);
        }
    }

    /// Figures at the edges of what a report can write (a digit run of any length, 万亿 on every
    /// figure, zeros) in the shapes of the rules that divide, take roots and rescale: heshu reads
    /// them, and no arithmetic overflows or panics.
    #[test]
    fn extreme_figures_never_panic(
        figures in proptest::collection::vec(prop_oneof![
            Just("0".to_owned()),
            "[1-9][0-9]{0,30}",
            "[1-9][0-9]{0,12}\\.[0-9]{1,12}",
        ], 12),
        units in proptest::collection::vec(prop_oneof![
            Just(""), Just("万"), Just("亿"), Just("万亿"),
        ], 12),
    ) {
        let f = |i: usize| format!("{}{}", figures[i], units[i]);
        let text = format!(
            "某县{}年工作总结\n{}年，全县地区生产总值{}元，其中第一产业增加值{}元，第二产业增加值{}元，第三产业增加值{}元。\n糖料种植面积{}亩。全年糖料产量{}吨。全区常住人口{}人。全区共有农户{}户。\n全县一般公共预算收入{}元，比上年的{}元增长{}%。由2015年的{}元增加到2020年的{}元，年均增长{}%，是2015年的{}倍。截至年末，全县累计识别监测对象{}户。截至年末，全县累计识别监测对象{}户。",
            figures[0], figures[1], f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7),
            f(8), f(9), figures[10], f(10), f(11), figures[11], figures[2], f(4), f(5),
        );
        let doc = heshu::parse(&text);
        let _ = settings().linter.check(&doc);
    }
}
