//! A county statistical bulletin of our own (`tests/fixtures/bulletin.txt`), with the figures a
//! bulletin states and rounds as bulletins do (三次产业结构 9.3:41.0:49.6 makes 99.9): heshu must
//! be silent on it as written, and find each fault planted into it by one edit — a fault of every
//! kind issue 15 asks for (identities, growth in its forms, rates from counts, unit slips, lost
//! digits, dates, conflicting figures, % for points) — at the place edited, under the rule named.

use heshu::config::Settings;
use heshu::model::diagnostic::Diagnostic;
use std::path::Path;

const BULLETIN: &str = include_str!("fixtures/bulletin.txt");

fn check(text: &str) -> Vec<Diagnostic> {
    let (_, found) = heshu::check::check_text(
        text.to_owned(),
        Path::new("bulletin.txt"),
        &Settings::default(),
    );
    found
}

/// (what is written, what it becomes, the rule that must find it).
const FAULTS: &[(&str, &str, &str)] = &[
    (
        "第三产业增加值117.5亿元",
        "第三产业增加值127.5亿元",
        "sum-mismatch",
    ),
    ("非税收入4.6亿元", "非税收入5.6亿元", "sum-mismatch"),
    ("谷物产量19.4万吨", "谷物产量18.4万吨", "sum-mismatch"),
    ("女性人口23.7万人", "女性人口22.7万人", "sum-mismatch"),
    ("进口额4.3亿元", "进口额5.3亿元", "sum-mismatch"),
    ("林业产值2.1亿元", "林业产值2.1万元", "unit-mismatch"),
    ("全年油料产量1.6万吨", "全年油料产量1.6吨", "unit-mismatch"),
    (
        "全县共有农户13.5万户",
        "全县共有农户13500万户",
        "unit-mismatch",
    ),
    (
        "比上年的14.1亿元增长7.8%",
        "比上年的14.1亿元增长9.8%",
        "growth-mismatch",
    ),
    ("年均增长7.2%", "年均增长8.2%", "growth-mismatch"),
    (
        "住房安全达标率97.1%",
        "住房安全达标率96.1%",
        "share-mismatch",
    ),
    ("提高1.1个百分点", "提高1.1%", "percentage-point"),
    ("改革开放45周年", "改革开放46周年", "date-mismatch"),
    ("2023年，全县上下", "2022年，全县上下", "date-mismatch"),
    (
        "截至2023年12月31日，全县累计识别监测对象1411户，其中",
        "截至2023年12月31日，全县累计识别监测对象1511户，其中",
        "conflicting-figure",
    ),
    (
        "截至2023年12月31日，全县累计识别监测对象1411户，均",
        "截至20231231日，全县累计识别监测对象1411户，均",
        "malformed-number",
    ),
    (
        "全年发放小额信贷2.6亿元",
        "全年发放小额信贷亿元",
        "missing-number",
    ),
];

#[test]
fn the_bulletin_as_written_draws_no_finding() {
    let found = check(BULLETIN);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_planted_fault_is_found_where_it_was_planted() {
    let mut missed = Vec::new();
    for (written, edited, rule) in FAULTS {
        let at = BULLETIN
            .find(written)
            .unwrap_or_else(|| panic!("the bulletin holds {written}"));
        let text = BULLETIN.replacen(written, edited, 1);
        let end = at + edited.len();
        let found = check(&text);
        let hit = found.iter().any(|d| {
            d.rule == *rule
                && std::iter::once(d.span)
                    .chain(d.labels.iter().map(|l| l.span))
                    .any(|s| s.start < end && s.end > at)
        });
        if !hit {
            let got: Vec<String> = found
                .iter()
                .map(|d| format!("{}: {}", d.rule, d.message))
                .collect();
            missed.push(format!("{edited} (want {rule}), found: {got:?}"));
        }
    }
    assert!(missed.is_empty(), "\n{}", missed.join("\n"));
}
