//! The 56 real reports of `tests/corpus/real/` (copied unedited from the shared corpus): every one
//! parses without a panic, none draws a consistency finding (official full texts are consistent; a
//! finding there is our bug), and the structure findings are the ones judged real (a snapshot).
//! The reports are part of the repository: a missing one fails, never skips.

use heshu::rules::Linter;
use std::path::PathBuf;

fn corpus() -> Vec<(PathBuf, String)> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/real"));
    let entries = std::fs::read_dir(&dir).expect("tests/corpus/real is part of the repository");
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("corpus files are UTF-8");
            (p, text)
        })
        .collect()
}

#[test]
fn all_real_reports_parse() {
    let files = corpus();
    assert_eq!(files.len(), 56, "the corpus holds 56 reports");
    let mut claims = 0;
    for (path, text) in &files {
        let doc = std::panic::catch_unwind(|| heshu::parse(text))
            .unwrap_or_else(|_| panic!("{} panics the parser", path.display()));
        assert!(!doc.blocks.is_empty(), "{} has blocks", path.display());
        claims += doc.claims.len();
    }
    assert!(claims > 10_000, "the corpus yields its figures ({claims})");
}

/// The rules that check figures; the structure rules (headings, truncation, residue, repeats)
/// find real faults in these web copies and are pinned by a snapshot instead.
const CONSISTENCY_RULES: &[&str] = &[
    "placeholder",
    "sum-mismatch",
    "part-exceeds-whole",
    "share-mismatch",
    "per-capita-mismatch",
    "respectively-arity",
    "enumeration-count",
    "out-of-range",
    "malformed-number",
];

#[test]
fn no_consistency_finding_on_real_reports() {
    let files = corpus();
    let linter = Linter::filtered(|id| CONSISTENCY_RULES.contains(&id));
    let mut findings = Vec::new();
    for (path, text) in &files {
        let doc = heshu::parse(text);
        for d in linter.check(&doc) {
            let (line, col) = doc.line_col(d.span.start);
            findings.push(format!(
                "{}:{line}:{col} [{}] {}",
                path.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                d.rule,
                d.message
            ));
        }
    }
    assert!(findings.is_empty(), "\n{}", findings.join("\n"));
}

#[test]
fn structure_findings_on_real_reports() {
    let files = corpus();
    let linter = Linter::filtered(|id| !CONSISTENCY_RULES.contains(&id));
    let mut lines = Vec::new();
    for (path, text) in &files {
        let doc = heshu::parse(text);
        for d in linter.check(&doc) {
            let (line, _) = doc.line_col(d.span.start);
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            lines.push(format!("{name}:{line} [{}] {}", d.rule, d.message));
        }
    }
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("corpus_structure_findings", lines.join("\n"));
    });
}
