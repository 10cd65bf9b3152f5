//! The 56 real reports of `../shared/corpus/real/`: every one parses without a panic, and none
//! draws an arithmetic finding (official full texts are consistent; a finding there is our bug).
//! Skipped, with a message, where the shared corpus is not beside the repository.

use heshu::rules::Linter;
use std::path::PathBuf;

fn corpus() -> Option<Vec<(PathBuf, String)>> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/real"
    ));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return None;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(
        files
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("corpus files are UTF-8");
                (p, text)
            })
            .collect(),
    )
}

#[test]
fn all_real_reports_parse() {
    let Some(files) = corpus() else { return };
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

#[test]
fn no_arithmetic_finding_on_real_reports() {
    let Some(files) = corpus() else { return };
    let linter = Linter::default();
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
