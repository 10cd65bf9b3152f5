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
fn each_rule_on_its_bad_examples() {
    for rule in heshu::rules::registry() {
        let input = rule.meta.examples.bad.join("\n") + "\n";
        let human = heshu(&["check", "-", "--color", "never"], Some(&input));
        assert_eq!(
            human.status.code(),
            Some(1),
            "{} draws findings",
            rule.meta.id
        );
        snap!(format!("rule_{}_human", rule.meta.id), stdout(&human));
        let json = heshu(&["check", "-", "--format", "json"], Some(&input));
        snap!(format!("rule_{}_json", rule.meta.id), stdout(&json));
    }
}
