//! Baselines: today's findings, recorded so that CI reports only new ones.
//!
//! `heshu check --write-baseline heshu-baseline.json` records every finding by its fingerprint;
//! `heshu check --baseline heshu-baseline.json` then drops the findings the baseline holds (as many
//! of each fingerprint as it recorded). A baselined finding that was fixed simply disappears.

use super::{FileReport, Located};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Version of the baseline format.
pub const BASELINE_VERSION: u32 = 1;

/// One recorded finding.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// The file, as checked.
    pub path: String,
    /// The rule.
    pub rule: String,
    /// The fingerprint.
    pub fingerprint: String,
    /// The message when recorded (for people reading the file; not compared).
    pub message: String,
}

/// A baseline file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version.
    pub version: u32,
    /// The recorded findings.
    pub findings: Vec<Entry>,
}

impl Baseline {
    /// Record every finding of the reports.
    pub fn record(files: &[FileReport]) -> Self {
        let findings = files
            .iter()
            .filter_map(|f| f.outcome.as_ref().ok().map(|ds| (f, ds)))
            .flat_map(|(f, ds)| {
                ds.iter().map(move |d| Entry {
                    path: super::fingerprint::normal_path(&f.path),
                    rule: d.rule.to_owned(),
                    fingerprint: d.fingerprint.clone(),
                    message: d.message.clone(),
                })
            })
            .collect();
        Self {
            version: BASELINE_VERSION,
            findings,
        }
    }

    /// A filter that drops the findings this baseline holds.
    pub fn filter(&self) -> BaselineFilter {
        let mut remaining: HashMap<String, usize> = HashMap::new();
        for e in &self.findings {
            *remaining.entry(e.fingerprint.clone()).or_default() += 1;
        }
        BaselineFilter { remaining }
    }
}

/// Drops baselined findings, each fingerprint as often as it was recorded. Fingerprints include
/// the file's path, so files are filtered independently (and in parallel).
#[derive(Debug, Clone, Default)]
pub struct BaselineFilter {
    remaining: HashMap<String, usize>,
}

impl BaselineFilter {
    /// Whether the baseline holds a fingerprint at all.
    pub fn holds(&self, fingerprint: &str) -> bool {
        self.remaining.get(fingerprint).is_some_and(|n| *n > 0)
    }

    /// Which of one file's findings are new (`true`) and which the baseline holds (`false`).
    pub fn new_findings(&self, diagnostics: &[Located]) -> Vec<bool> {
        let mut used: HashMap<&str, usize> = HashMap::new();
        diagnostics
            .iter()
            .map(|d| {
                let recorded = self.remaining.get(&d.fingerprint).copied().unwrap_or(0);
                let n = used.entry(d.fingerprint.as_str()).or_default();
                *n += 1;
                *n > recorded
            })
            .collect()
    }
}
