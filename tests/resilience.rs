//! A rule that panics must not take the others down with it: the editor session uses
//! `Linter::check_resilient`, which reports the panic and keeps every other rule's findings.

use heshu::model::Document;
use heshu::rules::{registry, Emitter, Linter, Rule, RuleEntry, Scope};
use std::sync::Arc;

/// Every built-in rule, with `placeholder` replaced by a broken one.
fn with_placeholder_replaced(broken: Arc<dyn Rule>) -> Linter {
    let entries: Vec<RuleEntry> = registry()
        .iter()
        .map(|e| RuleEntry {
            meta: e.meta.clone(),
            rule: if e.meta.id == "placeholder" {
                Arc::clone(&broken)
            } else {
                Arc::clone(&e.rule)
            },
        })
        .collect();
    Linter::from_entries(&entries, |_| true)
}

struct Panics;

impl Rule for Panics {
    fn check(&self, _: &Document, _: &mut Emitter<'_>) {
        panic!("deliberately broken rule");
    }

    fn scope(&self) -> Scope {
        Scope::Sentence
    }
}

#[test]
fn a_panicking_rule_is_reported_and_the_others_still_run() {
    let linter = with_placeholder_replaced(Arc::new(Panics));
    let doc = heshu::parse("共有XX户。问题47个，已整改44个，其余4个。");
    let mut panics = Vec::new();
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {})); // keep the test output quiet
    let found = linter.check_resilient(&doc, &|_| false, &mut |rule, message| {
        panics.push((rule.to_owned(), message))
    });
    std::panic::set_hook(prev);
    assert_eq!(
        panics,
        [(
            "placeholder".to_owned(),
            "deliberately broken rule".to_owned()
        )]
    );
    let rules: Vec<&str> = found.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["sum-mismatch"]);
}

/// A rule that panics on one text only (a defect met on one file).
struct PanicsOnBrokenFile;

impl Rule for PanicsOnBrokenFile {
    fn check(&self, doc: &Document, _: &mut Emitter<'_>) {
        if doc.text.contains("触发缺陷") {
            panic!("deliberately broken on this file");
        }
    }

    fn scope(&self) -> Scope {
        Scope::Sentence
    }
}

/// Many files checked in parallel: the one whose check panics becomes that file's error (naming
/// it), and every other file is still checked and reported, in order.
#[test]
fn a_panic_on_one_file_is_that_files_error_and_the_others_are_reported() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("resilience-runner");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let mut inputs = Vec::new();
    for i in 0..20 {
        let path = dir.join(format!("{i:02}.txt"));
        let text = if i == 7 {
            "触发缺陷。问题47个，已整改44个，其余4个。\n"
        } else {
            "问题47个，已整改44个，其余4个。\n"
        };
        std::fs::write(&path, text).expect("write");
        inputs.push(Ok(path));
    }
    let mut settings = heshu::config::Settings::default();
    settings.linter = with_placeholder_replaced(Arc::new(PanicsOnBrokenFile));
    let opts = heshu::runner::RunOptions {
        human: None,
        baseline: None,
        progress: false,
        encoding: None,
        json: false,
        prefetched: Default::default(),
    };
    let prev = std::panic::take_hook();
    heshu::guard::install_quiet_hook();
    let mut reports = Vec::new();
    heshu::runner::run(inputs, &settings, &opts, |r| reports.push(r));
    std::panic::set_hook(prev);
    assert_eq!(reports.len(), 20);
    for (i, r) in reports.iter().enumerate() {
        assert!(r.path.ends_with(&format!("{i:02}.txt")), "in order");
        match (&r.outcome, i) {
            (Err(e), 7) => {
                assert!(e.contains("07.txt"), "{e}");
                assert!(e.contains("内部错误"), "{e}");
                assert!(e.contains("deliberately broken on this file"), "{e}");
            }
            (Ok(found), _) if i != 7 => {
                let rules: Vec<&str> = found.iter().map(|d| d.rule).collect();
                assert_eq!(rules, ["sum-mismatch"], "{}", r.path);
            }
            (other, _) => panic!("{}: {other:?}", r.path),
        }
    }
}
