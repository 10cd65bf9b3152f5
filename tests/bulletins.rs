//! The labelled real bulletins of `tests/corpus/bulletins/` (copied unedited from the shared
//! corpus, with `FAULTS.tsv`, real faults read by hand, and `TRAPS.tsv`, consistent passages a naive
//! checker flags): every fault whose rule heshu has is caught, except the few listed below with the
//! reason each is still missed; no finding of an arithmetic rule lands on a trap. A finding is on a
//! quote when its span or one of its labels' spans overlaps the quoted text (as
//! `shared/tools/score-bulletins` scores it). The files are part of the repository: a missing one
//! fails, never skips.

mod common;

use common::ARITHMETIC;
use heshu::config::Settings;
use heshu::model::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/bulletins");

/// Faults (file, start of the quote) that heshu still misses, each for a reason of its own. The
/// list may only shrink: a fault caught that is listed here fails the test too, so that the list
/// stays true.
const KNOWN_MISSES: &[(&str, &str, &str)] = &[];

/// Proposed ids the labeller named in a parenthesis that heshu gives a rule of its own (the issue
/// allows renaming a proposed id): `unit-mismatch (proposed: percent-vs-point)` is heshu's
/// `percentage-point`.
const RENAMED: &[(&str, &str)] = &[("percent-vs-point", "percentage-point")];

struct Row {
    file: String,
    quote: String,
    rules: Vec<String>,
}

fn rows(name: &str) -> Vec<Row> {
    let path = Path::new(DIR).join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is part of the repository: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            let file = cols.next().unwrap_or_default().to_owned();
            let quote = cols.next().unwrap_or_default().to_owned();
            // `missing-number (proposed)`, `malformed-number / out-of-range (impossible date)`:
            // the ids, without what the labeller said about them.
            let rules = cols
                .next()
                .unwrap_or_default()
                .split([',', '/'])
                .map(|r| {
                    let renamed = RENAMED
                        .iter()
                        .find(|(proposed, _)| r.contains(&format!("(proposed: {proposed}")));
                    match renamed {
                        Some((_, id)) => (*id).to_owned(),
                        None => r.split(" (").next().unwrap_or_default().trim().to_owned(),
                    }
                })
                .filter(|r| !r.is_empty())
                .collect();
            Row { file, quote, rules }
        })
        .collect()
}

struct Checked {
    text: String,
    diagnostics: Vec<Diagnostic>,
}

fn check(cache: &mut HashMap<String, Checked>, file: &str) -> (String, Vec<Diagnostic>) {
    let entry = cache.entry(file.to_owned()).or_insert_with(|| {
        let path = PathBuf::from(DIR).join(file);
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{} is part of the repository: {e}", path.display()));
        let text = String::from_utf8(bytes).expect("the bulletins are UTF-8");
        let (doc, diagnostics) = heshu::check::check_text(text, &path, &Settings::default());
        Checked {
            text: doc.text.into_string(),
            diagnostics,
        }
    });
    (entry.text.clone(), entry.diagnostics.clone())
}

fn over(d: &Diagnostic, lo: usize, hi: usize) -> bool {
    std::iter::once(d.span)
        .chain(d.labels.iter().map(|l| l.span))
        .any(|s| s.start < hi && s.end > lo)
}

#[test]
fn faults_caught_and_traps_left_alone() {
    let known: Vec<&str> = heshu::rules::registry()
        .iter()
        .map(|r| r.meta.id.as_str())
        .collect();
    let mut cache = HashMap::new();
    let (mut caught, mut missed, mut known_missed) = (0, Vec::new(), 0);
    for f in rows("FAULTS.tsv") {
        if !f.rules.iter().any(|r| known.contains(&r.as_str())) {
            continue;
        }
        let (text, diags) = check(&mut cache, &f.file);
        let start = text
            .find(&f.quote)
            .unwrap_or_else(|| panic!("{}: quote not found: {}", f.file, f.quote));
        let end = start + f.quote.len();
        let hit = diags
            .iter()
            .any(|d| f.rules.iter().any(|r| r == d.rule) && over(d, start, end));
        let listed = KNOWN_MISSES
            .iter()
            .any(|(file, quote, _)| *file == f.file && f.quote.starts_with(quote));
        match (hit, listed) {
            (true, false) => caught += 1,
            (false, true) => known_missed += 1,
            (true, true) => missed.push(format!("caught but listed as missed: {}", f.quote)),
            (false, false) => missed.push(format!(
                "missed {}: {} (want {})",
                f.file,
                f.quote,
                f.rules.join(", ")
            )),
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
    assert_eq!(known_missed, KNOWN_MISSES.len());
    assert!(caught >= 38, "faults caught: {caught}");

    let mut on_traps = Vec::new();
    for t in rows("TRAPS.tsv") {
        let (text, diags) = check(&mut cache, &t.file);
        let start = text
            .find(&t.quote)
            .unwrap_or_else(|| panic!("{}: quote not found: {}", t.file, t.quote));
        let end = start + t.quote.len();
        for d in diags
            .iter()
            .filter(|d| ARITHMETIC.contains(&d.rule) && over(d, start, end))
        {
            on_traps.push(format!("{}: {}: {}", t.file, d.rule, d.message));
        }
    }
    assert!(
        on_traps.is_empty(),
        "findings on traps:\n{}",
        on_traps.join("\n")
    );
}
