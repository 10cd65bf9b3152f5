//! The seed report end to end through the library: the expected findings, no arithmetic false
//! alarm, and each consistency rule firing when one figure of the real text is changed.

mod common;

use common::SEED_FINDINGS;
use heshu::rules::Linter;

const SEED: &str = include_str!("fixtures/seed.txt");

fn rules_drawn(text: &str) -> Vec<&'static str> {
    let doc = heshu::parse(text);
    Linter::default()
        .check(&doc)
        .iter()
        .map(|d| d.rule)
        .collect()
}

#[test]
fn seed_draws_its_real_faults_and_no_arithmetic_finding() {
    assert_eq!(rules_drawn(SEED), SEED_FINDINGS);
}

/// Change one figure of the seed and expect exactly one new finding, of the given rule.
fn mutation(from: &str, to: &str, rule: &str) {
    assert!(SEED.contains(from), "the seed contains {from}");
    let text = SEED.replacen(from, to, 1);
    let mut new = rules_drawn(&text);
    for known in SEED_FINDINGS {
        if let Some(i) = new.iter().position(|r| *r == known) {
            new.remove(i);
        }
    }
    assert_eq!(new, vec![rule], "{from} → {to}");
}

#[test]
fn remainder_that_does_not_add_up() {
    mutation("其余3个问题", "其余4个问题", "sum-mismatch");
}

#[test]
fn share_with_a_stated_base() {
    mutation(
        "全县集体经济组织经营收入10万元以上的村148个、占比77.9%",
        "全县190个村中，集体经济组织经营收入10万元以上的村148个、占比87.9%",
        "share-mismatch",
    );
}

#[test]
fn per_capita_that_is_not_total_over_count() {
    mutation(
        "人均增收1.04万元",
        "人均增收1.24万元",
        "per-capita-mismatch",
    );
}

#[test]
fn respectively_with_a_value_missing() {
    mutation(
        "分别达到12家、46家、6家",
        "分别达到12家、46家",
        "respectively-arity",
    );
}

#[test]
fn summary_counts() {
    mutation("五大体系", "四大体系", "enumeration-count");
    mutation("等6种增收模式", "等7种增收模式", "enumeration-count");
}

#[test]
fn part_larger_than_whole() {
    mutation("已完成整改172条", "已完成整改212条", "part-exceeds-whole");
    mutation(
        "其中脱贫劳动力务工就业2.48万人",
        "其中脱贫劳动力务工就业9.48万人",
        "part-exceeds-whole",
    );
}

#[test]
fn impossible_values() {
    mutation("森林覆盖率达72.8%", "森林覆盖率达172.8%", "out-of-range");
    mutation("截至11月13日", "截至11月31日", "out-of-range");
}

#[test]
fn broken_figure() {
    mutation("3.47亿元", "3..47亿元", "malformed-number");
}
