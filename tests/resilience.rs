//! A rule that panics must not take the others down with it: the editor session uses
//! `Linter::check_resilient`, which reports the panic and keeps every other rule's findings.

use heshu::document::Document;
use heshu::rules::{registry, Emitter, Linter, Rule, RuleEntry, Scope};
use std::sync::Arc;

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
    let entries: Vec<RuleEntry> = registry()
        .iter()
        .map(|e| RuleEntry {
            meta: e.meta.clone(),
            rule: if e.meta.id == "placeholder" {
                Arc::new(Panics)
            } else {
                Arc::clone(&e.rule)
            },
        })
        .collect();
    let linter = Linter::from_entries(&entries, |_| true);
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
