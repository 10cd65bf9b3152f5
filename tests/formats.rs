//! heshu in CI: every output format, configuration discovery and errors, baselines, inline
//! suppressions and deterministic order — all through the real binary.

mod common;

use common::{heshu, stderr, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    common::scratch("formats", name)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    common::command()
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("heshu runs")
}

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("JSON: {e}\n{}", stdout(out)))
}

fn rules_in(report: &Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect()
}

const FAULTS: &str = "反馈问题47个，已整改完成44个，其余4个。\n消除风险**户。\n";

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let schema: Value = serde_json::from_str(include_str!("sarif/sarif-2.1.0-rtm.5.json")).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("file:///sarif-2.1.0-rtm.5.json", schema)
        .unwrap();
    let index = compiler
        .compile("file:///sarif-2.1.0-rtm.5.json", &mut schemas)
        .unwrap();
    for input in [
        include_str!("fixtures/seed.txt").to_owned(),
        FAULTS.to_owned(),
        "全市12个县中，9个县达标、占80%。\n".to_owned(),
    ] {
        let out = heshu(&["check", "-", "--format", "sarif"], Some(&input));
        let log = json(&out);
        if let Err(e) = schemas.validate(&log, index) {
            panic!("SARIF output is not valid: {e:#}");
        }
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), heshu::rules::registry().len());
        assert!(rules
            .iter()
            .all(|r| r["shortDescription"]["text"].is_string() && r["help"]["text"].is_string()));
        for result in run["results"].as_array().unwrap() {
            assert!(result["partialFingerprints"]["heshu/v1"].is_string());
            assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64());
            let rule = result["ruleId"].as_str().unwrap();
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], rule);
        }
    }
    // Every label becomes a related location.
    let out = heshu(
        &["check", "-", "--format", "sarif"],
        Some("全市12个县中，9个县达标、占80%。\n"),
    );
    let log = json(&out);
    let related = log["runs"][0]["results"][0]["relatedLocations"]
        .as_array()
        .unwrap();
    assert_eq!(related.len(), 3);
    assert_eq!(related[0]["message"]["text"], "部分 9个");
}

#[test]
fn github_annotations() {
    let out = heshu(&["check", "-", "--format", "github"], Some(FAULTS));
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with(
            "::error file=-,line=1,col=5,endLine=1,endColumn=8,title=heshu(sum-mismatch)::"
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("%0A44个 + 4个 = 48个"),
        "help on a second line: {}",
        lines[0]
    );
    assert!(lines[1].contains("title=heshu(placeholder)"));
}

#[test]
fn concise_lines() {
    let out = heshu(&["check", "-", "--format", "concise"], Some(FAULTS));
    assert_eq!(
        stdout(&out),
        "-:1:5: error[sum-mismatch] 各部分之和与总数 47个 不符\n-:2:5: error[placeholder] 未填写的占位符“**”：此处应为实际数字或名称\n"
    );
}

#[test]
fn statistics_count_per_rule() {
    let out = heshu(
        &["check", "-", "--statistics"],
        Some(&format!("{FAULTS}共有XX户。\n")),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let first: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
    assert_eq!((first[0].trim(), first[1].trim()), ("2", "placeholder"));
    assert_eq!(text.lines().count(), 2);
}

#[test]
fn configuration_is_discovered_upward_and_applied() {
    let dir = scratch("discover");
    write(
        &dir,
        "heshu.toml",
        "ignore = [\"placeholder\"]\n[severity]\nsum-mismatch = \"warning\"\n",
    );
    let report = write(&dir, "reports/2024/a.txt", FAULTS);
    let out = run_in(
        &dir.join("reports"),
        &["check", "2024/a.txt", "--format", "json"],
    );
    let r = json(&out);
    assert_eq!(rules_in(&r), ["sum-mismatch"]);
    assert_eq!(r["files"][0]["diagnostics"][0]["severity"], "warning");
    // --isolated ignores it; --config names another.
    let out = run_in(
        &dir,
        &[
            "check",
            report.to_str().unwrap(),
            "--isolated",
            "--format",
            "json",
        ],
    );
    assert_eq!(rules_in(&json(&out)), ["sum-mismatch", "placeholder"]);
    let other = write(&dir, "other.toml", "select = [\"placeholder\"]\n");
    let out = run_in(
        &dir,
        &[
            "check",
            "reports",
            "--config",
            other.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(rules_in(&json(&out)), ["placeholder"]);
}

#[test]
fn configuration_errors_point_at_the_key() {
    let dir = scratch("config-error");
    write(
        &dir,
        "heshu.toml",
        "select = [\"sum-mismatch\"]\nfail_on = \"error\"\n",
    );
    write(&dir, "a.txt", FAULTS);
    let out = run_in(&dir, &["check", "--lang", "en", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("heshu.toml") && err.contains("unknown field `fail_on`"),
        "{err}"
    );
    assert!(
        err.contains("2 │ fail_on = \"error\""),
        "the line is shown: {err}"
    );
    write(&dir, "heshu.toml", "ignore = [\"sum-mismatchh\"]\n");
    let out = run_in(&dir, &["check", "--lang", "en", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown rule `sum-mismatchh`"));
}

#[test]
fn configuration_extends_patterns_units_rounding_and_per_file_ignores() {
    let dir = scratch("extend");
    write(
        &dir,
        "heshu.toml",
        concat!(
            "fail-on = \"error\"\n",
            "rounding = \"truncate\"\n",
            "extra-units = [{ text = \"箱\", base = \"箱\", kind = \"count\" }]\n",
            "[per-file-ignores]\n\"archive/**\" = [\"placeholder\"]\n",
            "[placeholder]\npatterns = [{ regex = \"＃＃\", what = \"“＃＃”\" }]\n",
            "[residue]\npatterns = [{ regex = \"内部资料\", what = \"内部标记\" }]\n",
        ),
    );
    write(&dir, "a.txt", "共收到＃＃份材料。内部资料。\n");
    write(&dir, "archive/b.txt", "消除风险**户。\n");
    // 箱 is a count, so 47箱 - 44箱 - 4箱 does not add up; truncation changes 1.04 into [1.04, 1.05).
    write(&dir, "c.txt", "共有物资47箱，已发放44箱，其余4箱。\n");
    write(
        &dir,
        "d.txt",
        "发放补贴1.035万元，惠及1人，人均1.04万元。\n",
    );
    let out = run_in(&dir, &["check", "--format", "json"]);
    let r = json(&out);
    let by_file: Vec<(String, Vec<String>)> = r["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let name = f["path"].as_str().unwrap().replace('\\', "/");
            let rules = f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["rule"].as_str().unwrap().to_owned())
                .collect();
            (name, rules)
        })
        .collect();
    let get = |suffix: &str| {
        by_file
            .iter()
            .find(|(n, _)| n.ends_with(suffix))
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{suffix} in {by_file:?}"))
    };
    assert_eq!(get("a.txt"), ["placeholder", "residue"]);
    assert!(get("archive/b.txt").is_empty());
    assert_eq!(get("c.txt"), ["sum-mismatch"]);
    assert_eq!(get("d.txt"), ["per-capita-mismatch"]);
}

#[test]
fn baseline_round_trip() {
    let dir = scratch("baseline");
    let report = write(&dir, "a.txt", FAULTS);
    let out = run_in(
        &dir,
        &[
            "check",
            "--lang",
            "en",
            "a.txt",
            "--write-baseline",
            "base.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("recorded 2 findings"));
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("base.json")).unwrap()).unwrap();
    assert_eq!(base["version"], 1);
    assert_eq!(base["findings"].as_array().unwrap().len(), 2);

    let check = || {
        run_in(
            &dir,
            &[
                "check",
                "--lang",
                "en",
                "a.txt",
                "--baseline",
                "base.json",
                "--format",
                "json",
            ],
        )
    };
    let out = check();
    assert_eq!(out.status.code(), Some(0));
    assert!(rules_in(&json(&out)).is_empty());

    // A line inserted above the baselined findings moves them, and they stay baselined.
    std::fs::write(
        &report,
        format!("一、总体情况\n全年工作有序推进。\n{FAULTS}"),
    )
    .unwrap();
    let out = check();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // A new fault is reported; the old ones are not.
    std::fs::write(
        &report,
        format!("{FAULTS}全市12个县中，9个县达标、占80%。\n"),
    )
    .unwrap();
    let out = check();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(rules_in(&json(&out)), ["share-mismatch"]);

    // A baselined finding that is fixed disappears quietly.
    std::fs::write(
        &report,
        "反馈问题47个，已整改完成44个，其余3个。\n消除风险**户。\n",
    )
    .unwrap();
    let out = check();
    assert_eq!(out.status.code(), Some(0));
    assert!(rules_in(&json(&out)).is_empty());
    assert!(stderr(&out).is_empty());

    // The same fault written again elsewhere is new: the baseline held it once.
    std::fs::write(&report, format!("{FAULTS}共有**户。\n")).unwrap();
    let out = check();
    assert_eq!(rules_in(&json(&out)), ["placeholder"]);
}

#[test]
fn inline_suppressions() {
    let dir = scratch("suppress");
    write(
        &dir,
        "a.md",
        "<!-- heshu-ignore placeholder -->\n消除风险**户。\n共有XX户。\n<!-- heshu-ignore sum-mismatch -->\n全县共有10个村。\n",
    );
    write(
        &dir,
        "b.md",
        "<!-- heshu-ignore-file placeholder -->\n共有XX户。\n消除风险**户。\n",
    );
    let out = run_in(&dir, &["check", "--format", "json", "--fail-on", "info"]);
    let r = json(&out);
    let a = &r["files"][0]["diagnostics"];
    let rules: Vec<&str> = a
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["placeholder", "unused-suppression"]);
    assert_eq!(
        a[0]["span"]["line"], 3,
        "only the line after the comment is silenced"
    );
    assert_eq!(a[1]["severity"], "info");
    assert!(r["files"][1]["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn order_is_deterministic_under_parallelism() {
    let dir = scratch("parallel");
    for i in (0..60).rev() {
        let body = if i % 3 == 0 {
            FAULTS
        } else {
            "全年完成投资3.2亿元。\n"
        };
        write(&dir, &format!("d{}/r{i:02}.txt", i % 4), body);
    }
    write(&dir, "ignored/.gitignore", "*.txt\n");
    write(&dir, "ignored/x.txt", FAULTS);
    write(&dir, ".git/HEAD", "ref: refs/heads/main\n");
    let first = run_in(&dir, &["check", "--format", "json"]);
    assert!(
        first.stderr.is_empty(),
        "no progress bar when standard error is not a terminal: {}",
        stderr(&first)
    );
    let r = json(&first);
    let paths: Vec<String> = r["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(paths.len(), 60, "the .gitignore'd file is skipped");
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    for _ in 0..3 {
        assert_eq!(
            run_in(&dir, &["check", "--format", "json"]).stdout,
            first.stdout
        );
    }
    let globbed = run_in(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--glob",
            "d1/*.txt",
            "--glob",
            "!**/r13.txt",
        ],
    );
    assert_eq!(json(&globbed)["summary"]["files"], 14);
}

#[test]
fn configuration_adds_identities_and_refuses_broken_ones() {
    let dir = scratch("identities");
    let text = "全年旅游总收入52.3亿元，国内旅游收入48.1亿元，入境旅游收入5.2亿元。\n";
    write(&dir, "a.txt", text);
    // Without the identity the three figures are not related.
    let out = run_in(
        &dir,
        &["check", "--lang", "en", "--format", "concise", "a.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    write(
        &dir,
        "heshu.toml",
        concat!(
            "[[identity]]\n",
            "id = \"tourism-revenue\"\n",
            "whole = [\"旅游总收入\"]\n",
            "parts = [[\"国内旅游收入\"], [\"入境旅游收入\"]]\n",
        ),
    );
    let out = run_in(
        &dir,
        &["check", "--lang", "en", "--format", "concise", "a.txt"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("a.txt:1:8: error[sum-mismatch]"),
        "{}",
        stdout(&out)
    );
    write(
        &dir,
        "heshu.toml",
        "[[identity]]\nid = \"one-part\"\nwhole = [\"旅游总收入\"]\nparts = [[\"国内旅游收入\"]]\n",
    );
    let out = run_in(&dir, &["check", "--lang", "en", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("identity one-part: at least two parts are needed"));
    // A difference: the whole is the first part less the second, and takes two parts exactly.
    let rates = "全市企业总增长率8.2%，退出率3.1%，净增长率4.6%。\n";
    write(&dir, "b.txt", rates);
    write(
        &dir,
        "heshu.toml",
        "[[identity]]\nid = \"net\"\nkind = \"difference\"\nwhole = [\"净增长率\"]\nparts = [[\"总增长率\"], [\"退出率\"]]\n",
    );
    let out = run_in(
        &dir,
        &["check", "--lang", "en", "--format", "concise", "b.txt"],
    );
    assert!(
        stdout(&out).contains("b.txt:1:26: error[sum-mismatch] 4.6% is not 8.2% less 3.1%"),
        "{}",
        stdout(&out)
    );
    write(
        &dir,
        "heshu.toml",
        "[[identity]]\nid = \"net\"\nkind = \"difference\"\nwhole = [\"净增长率\"]\nparts = [[\"甲率\"], [\"乙率\"], [\"丙率\"]]\n",
    );
    let out = run_in(&dir, &["check", "--lang", "en", "b.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("identity net: a difference needs exactly two parts"),
        "{}",
        stderr(&out)
    );
}
