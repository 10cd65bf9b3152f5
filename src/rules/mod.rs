//! The rules engine: a registry of rules, each a logic file in `src/rules/<id>.rs` and a data file
//! `rules/<id>.toml` (id, default severity, summary, explanation, data, examples).
//!
//! Rules read a [`Document`] and emit [`Diagnostic`]s through an [`Emitter`]; they never read
//! characters the grammar has not classified, and never call each other.

mod common;
mod duplicate_paragraph;
mod enumeration_count;
mod heading_sequence;
mod malformed_number;
mod out_of_range;
mod part_exceeds_whole;
mod per_capita_mismatch;
mod placeholder;
mod residue;
mod respectively_arity;
mod share_mismatch;
mod sum_mismatch;
mod truncated;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::document::Document;
use crate::span::Span;
use serde::Deserialize;
use std::sync::LazyLock;

/// A rule's logic.
pub trait Rule: Send + Sync {
    /// Check one document.
    fn check(&self, doc: &Document, out: &mut Emitter<'_>);
}

/// The examples of a rule file: texts that must draw the rule, and texts that must not.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Each must draw the rule.
    #[serde(default)]
    pub bad: Vec<String>,
    /// None may draw the rule.
    #[serde(default)]
    pub good: Vec<String>,
}

/// What `rules/<id>.toml` says about a rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleMeta {
    /// Stable id, kebab-case.
    pub id: String,
    /// Default severity.
    pub severity: Severity,
    /// One line.
    pub summary: String,
    /// What it checks, why it matters, an example (printed by `heshu explain`).
    pub explanation: String,
    /// Data the rule's logic reads (patterns, bounds).
    #[serde(default)]
    pub data: toml::Table,
    /// Examples run by the test suite.
    #[serde(default)]
    pub examples: Examples,
}

/// A rule with its metadata.
pub struct RuleEntry {
    /// From the rule's TOML file.
    pub meta: RuleMeta,
    /// The logic.
    pub rule: Box<dyn Rule>,
}

impl std::fmt::Debug for RuleEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleEntry")
            .field("id", &self.meta.id)
            .finish()
    }
}

/// An error in a rule's data file.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// The TOML did not parse or has unknown keys.
    #[error("rules/{file}.toml: {source}")]
    Toml {
        /// The rule file.
        file: &'static str,
        /// The parse error.
        source: toml::de::Error,
    },
    /// The id inside the file is not the file's name.
    #[error("rules/{file}.toml declares id `{id}`")]
    IdMismatch {
        /// The rule file.
        file: &'static str,
        /// The id it declares.
        id: String,
    },
    /// A pattern does not compile.
    #[error("rules/{file}.toml: pattern `{pattern}`: {message}")]
    Pattern {
        /// The rule file.
        file: &'static str,
        /// The pattern.
        pattern: String,
        /// The regex error.
        message: String,
    },
}

type Builder = fn(&toml::Table) -> Result<Box<dyn Rule>, RuleError>;

/// Every rule: its id, its TOML text and its builder.
const RULE_FILES: &[(&str, &str, Builder)] = &[
    (
        "placeholder",
        include_str!("../../rules/placeholder.toml"),
        placeholder::build,
    ),
    (
        "sum-mismatch",
        include_str!("../../rules/sum-mismatch.toml"),
        sum_mismatch::build,
    ),
    (
        "part-exceeds-whole",
        include_str!("../../rules/part-exceeds-whole.toml"),
        part_exceeds_whole::build,
    ),
    (
        "share-mismatch",
        include_str!("../../rules/share-mismatch.toml"),
        share_mismatch::build,
    ),
    (
        "per-capita-mismatch",
        include_str!("../../rules/per-capita-mismatch.toml"),
        per_capita_mismatch::build,
    ),
    (
        "respectively-arity",
        include_str!("../../rules/respectively-arity.toml"),
        respectively_arity::build,
    ),
    (
        "enumeration-count",
        include_str!("../../rules/enumeration-count.toml"),
        enumeration_count::build,
    ),
    (
        "out-of-range",
        include_str!("../../rules/out-of-range.toml"),
        out_of_range::build,
    ),
    (
        "malformed-number",
        include_str!("../../rules/malformed-number.toml"),
        malformed_number::build,
    ),
    (
        "heading-sequence",
        include_str!("../../rules/heading-sequence.toml"),
        heading_sequence::build,
    ),
    (
        "truncated",
        include_str!("../../rules/truncated.toml"),
        truncated::build,
    ),
    (
        "residue",
        include_str!("../../rules/residue.toml"),
        residue::build,
    ),
    (
        "duplicate-paragraph",
        include_str!("../../rules/duplicate-paragraph.toml"),
        duplicate_paragraph::build,
    ),
];

/// The `[data]` table of a rule file, for a rule that reads another's data (`truncated` skips
/// what `residue` matches).
fn rule_data(id: &'static str) -> Result<toml::Table, RuleError> {
    let (file, text, _) =
        RULE_FILES
            .iter()
            .find(|(file, _, _)| *file == id)
            .ok_or(RuleError::IdMismatch {
                file: id,
                id: id.to_owned(),
            })?;
    let meta: RuleMeta = toml::from_str(text).map_err(|source| RuleError::Toml { file, source })?;
    Ok(meta.data)
}

/// Load every rule from its embedded TOML.
pub fn load_all() -> Result<Vec<RuleEntry>, RuleError> {
    RULE_FILES
        .iter()
        .map(|(file, text, build)| {
            let meta: RuleMeta =
                toml::from_str(text).map_err(|source| RuleError::Toml { file, source })?;
            if meta.id != *file {
                return Err(RuleError::IdMismatch {
                    file,
                    id: meta.id.clone(),
                });
            }
            let rule = build(&meta.data)?;
            Ok(RuleEntry { meta, rule })
        })
        .collect()
}

/// The built-in rules, loaded once.
pub fn registry() -> &'static [RuleEntry] {
    static RULES: LazyLock<Vec<RuleEntry>> =
        LazyLock::new(|| load_all().expect("the embedded rule files are valid (checked by tests)"));
    &RULES
}

/// Find a rule by id.
pub fn find(id: &str) -> Option<&'static RuleEntry> {
    registry().iter().find(|r| r.meta.id == id)
}

/// Collects the diagnostics of one rule.
pub struct Emitter<'a> {
    rule: &'static str,
    severity: Severity,
    out: &'a mut Vec<Diagnostic>,
}

impl Emitter<'_> {
    /// Report a finding at `span`, with labels on every figure involved.
    pub fn emit(
        &mut self,
        span: Span,
        message: impl Into<String>,
        help: Option<String>,
        labels: Vec<Label>,
    ) {
        self.out.push(Diagnostic {
            rule: self.rule,
            severity: self.severity,
            message: message.into(),
            help,
            span,
            labels,
        });
    }
}

/// A set of rules to run, each with its severity.
#[derive(Debug, Clone)]
pub struct Linter {
    rules: Vec<(&'static RuleEntry, Severity)>,
}

impl Default for Linter {
    fn default() -> Self {
        Self {
            rules: registry().iter().map(|r| (r, r.meta.severity)).collect(),
        }
    }
}

impl Linter {
    /// Only the rules whose ids `keep` accepts.
    pub fn filtered(keep: impl Fn(&str) -> bool) -> Self {
        Self {
            rules: registry()
                .iter()
                .filter(|r| keep(&r.meta.id))
                .map(|r| (r, r.meta.severity))
                .collect(),
        }
    }

    /// Run every rule over a document; diagnostics sorted by position, then rule id.
    pub fn check(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (entry, severity) in &self.rules {
            let id: &'static str = entry.meta.id.as_str();
            let mut emitter = Emitter {
                rule: id,
                severity: *severity,
                out: &mut out,
            };
            entry.rule.check(doc, &mut emitter);
        }
        out.sort_by(|a, b| {
            (a.span.start, a.rule, a.span.end).cmp(&(b.span.start, b.rule, b.span.end))
        });
        out
    }
}

/// Deserialize a rule's `[data]` table into its typed form.
fn data<T: serde::de::DeserializeOwned>(
    file: &'static str,
    table: &toml::Table,
) -> Result<T, RuleError> {
    toml::Value::Table(table.clone())
        .try_into()
        .map_err(|source| RuleError::Toml { file, source })
}
