//! Every `bad` example in `rules/<id>.toml` must draw that rule, and no `good` example may: the
//! documentation of each rule is tested, so it cannot lie. Examples run through every rule, as a
//! user's check does; only the example's own rule is looked at.

use heshu::rules::{registry, Linter};

#[test]
fn every_rule_file_is_registered() {
    let mut files: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"))
        .expect("rules/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    files.sort();
    let mut ids: Vec<String> = registry().iter().map(|r| r.meta.id.clone()).collect();
    ids.sort();
    assert_eq!(
        files, ids,
        "every rules/*.toml is a registered rule, and back"
    );
}

#[test]
fn examples_draw_exactly_their_rule() {
    let mut failures = Vec::new();
    let linter = Linter::default();
    for entry in registry() {
        let id = entry.meta.id.as_str();
        assert!(
            !entry.meta.examples.bad.is_empty() && !entry.meta.examples.good.is_empty(),
            "{id} has bad and good examples"
        );
        for text in &entry.meta.examples.bad {
            let found = linter.check(&heshu::parse(text));
            if !found.iter().any(|d| d.rule == id) {
                failures.push(format!("{id}: bad example did not draw it: {text}"));
            }
        }
        for text in &entry.meta.examples.good {
            let found: Vec<_> = linter
                .check(&heshu::parse(text))
                .into_iter()
                .filter(|d| d.rule == id)
                .collect();
            if !found.is_empty() {
                failures.push(format!(
                    "{id}: good example drew {:?}: {text}",
                    found.iter().map(|d| &d.message).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
