//! insta snapshots (kept in `snapshots/`) of what heshu says: the seed's claims, and the human and
//! JSON output of the real binary on the seed and on each rule's `bad` examples.

mod common;

use common::{heshu, stdout};

macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

#[test]
fn seed_claims() {
    let out = heshu(&["claims", "tests/fixtures/seed.txt"], None);
    assert!(out.status.success());
    snap!("seed_claims", stdout(&out));
}

#[test]
fn seed_check_human() {
    let out = heshu(
        &["check", "tests/fixtures/seed.txt", "--color", "never"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    snap!("seed_check_human", stdout(&out));
}

#[test]
fn seed_check_json() {
    let out = heshu(
        &["check", "tests/fixtures/seed.txt", "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    snap!("seed_check_json", stdout(&out));
}

#[test]
fn seed_check_other_formats() {
    for (name, args) in [
        ("seed_check_sarif", &["--format", "sarif"][..]),
        ("seed_check_github", &["--format", "github"][..]),
        ("seed_check_concise", &["--format", "concise"][..]),
        ("seed_check_statistics", &["--statistics"][..]),
    ] {
        let mut all = vec!["check", "tests/fixtures/seed.txt"];
        all.extend_from_slice(args);
        let out = heshu(&all, None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        snap!(name, stdout(&out));
    }
}

/// Each `bad` example of `rule`, checked with `args` before `check -`: a header, then the output.
fn bad_examples(rule: &heshu::rules::RuleEntry, args: &[&str]) -> String {
    let id = &rule.meta.id;
    let mut out = String::new();
    for (i, example) in rule.meta.examples.bad.iter().enumerate() {
        let input = format!("{example}\n");
        out.push_str(&format!(
            "## bad example {}: {}\n",
            i + 1,
            example.replace('\n', "⏎")
        ));
        let mut all = vec!["check", "-"];
        all.extend_from_slice(args);
        let run = heshu(&all, Some(&input));
        assert_ne!(run.status.code(), Some(2), "{id} checks {example}");
        out.push_str(&stdout(&run));
    }
    out
}

#[test]
fn each_rule_on_its_bad_examples() {
    for rule in heshu::rules::registry() {
        let id = &rule.meta.id;
        // Each draws its rule, at whatever severity.
        for example in &rule.meta.examples.bad {
            let out = heshu(
                &["check", "-", "--fail-on", "info"],
                Some(&format!("{example}\n")),
            );
            assert_eq!(
                out.status.code(),
                Some(1),
                "{id} draws a finding on {example}"
            );
        }
        snap!(
            format!("rule_{id}_human"),
            bad_examples(rule, &["--color", "never", "--fail-on", "info"])
        );
        snap!(
            format!("rule_{id}_json"),
            bad_examples(rule, &["--format", "json"])
        );
    }
}

/// Issue 17: what heshu says in English, beside the Chinese above.
#[test]
fn seed_check_human_in_english() {
    let out = heshu(
        &[
            "--lang",
            "en",
            "check",
            "tests/fixtures/seed.txt",
            "--color",
            "never",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    snap!("seed_check_human_en", stdout(&out));
}

#[test]
fn rules_and_explain_in_both_languages() {
    for lang in ["zh", "en"] {
        let out = heshu(&["--lang", lang, "rules"], None);
        assert!(out.status.success());
        snap!(format!("rules_{lang}"), stdout(&out));
        let out = heshu(&["--lang", lang, "explain", "sum-mismatch"], None);
        assert!(out.status.success());
        snap!(format!("explain_sum-mismatch_{lang}"), stdout(&out));
    }
}

#[test]
fn each_rule_on_its_bad_examples_in_english() {
    for rule in heshu::rules::registry() {
        let id = &rule.meta.id;
        let args = ["--color", "never", "--fail-on", "info", "--lang", "en"];
        snap!(format!("rule_{id}_human_en"), bad_examples(rule, &args));
    }
}
