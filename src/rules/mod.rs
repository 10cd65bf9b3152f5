//! The rules engine: a registry of rules, each a logic file in `src/rules/<id>.rs` and a data file
//! `rules/<id>.toml` (id, default severity, summary, explanation, data, examples).
//!
//! Rules read a [`Document`] and emit [`Diagnostic`]s through an [`Emitter`]; they never read
//! characters the grammar has not classified, and never call each other.

mod common;
mod conflicting_figure;
mod date_mismatch;
mod duplicate_paragraph;
mod enumeration_count;
mod growth_mismatch;
mod heading_sequence;
mod malformed_number;
mod missing_number;
mod out_of_range;
mod part_exceeds_whole;
mod per_capita_mismatch;
mod percentage_point;
mod placeholder;
mod residue;
mod respectively_arity;
mod share_mismatch;
mod sum_mismatch;
mod suppression;
mod truncated;
mod unit_mismatch;

use crate::locale::Catalog;
use crate::model::diagnostic::{Diagnostic, Label, Severity};
use crate::model::span::Span;
use crate::model::Document;
use crate::model::Lang;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

/// A rule's logic.
pub trait Rule: Send + Sync {
    /// Check one document.
    fn check(&self, doc: &Document, out: &mut Emitter<'_>);

    /// What the rule reads of a document (a large text is checked in segments: see [`Scope`]).
    fn scope(&self) -> Scope;

    /// For a [`Scope::Lines`] rule: one finding made of two that a segment boundary split (the
    /// last of a segment, on its last block, and the first of the next, on its first block), or
    /// `None` to keep both. The default keeps both.
    fn join(&self, t: &Catalog, earlier: &Diagnostic, later: &Diagnostic) -> Option<Diagnostic> {
        let _ = (t, earlier, later);
        None
    }

    /// Whether the rule is the long pole of its scope on a large text: the rules of a large
    /// document run side by side, and those that are start first, so that no core is left to
    /// run one alone at the end (`duplicate-paragraph` hashes and compares the text of every
    /// block of the whole text, where the other document-scoped rules read its headings and the
    /// ends of its sections). The default: no.
    fn long_running(&self) -> bool {
        false
    }
}

/// What part of a document a rule reads, which decides how a large text is checked: its
/// sentence- and line-scoped rules run on segments of whole lines, one segment's document at a
/// time, and its document-scoped rules run once on an outline of the whole text (text, blocks and
/// sentences, without clauses, figures, markers or claims). Memory then stays bounded by the
/// segments. A text under 4 MiB is one document, and every rule runs on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Reads one sentence at a time, with its clauses, figures, markers and claims, and nothing
    /// across a line end.
    Sentence,
    /// Reads whole blocks, and groups what it finds on consecutive blocks into one finding: runs
    /// on segments like a sentence-scoped rule, and [`Rule::join`] joins the two parts of a group
    /// that a segment boundary split.
    Lines,
    /// Reads the whole text, its blocks and its sentences' spans, nothing finer.
    Document,
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
    /// One line, in Chinese.
    pub summary: String,
    /// One line, in English.
    #[serde(rename = "summary-en")]
    pub summary_en: String,
    /// What it checks, why it matters, an example (printed by `heshu explain`), in English.
    pub explanation: String,
    /// The same in Chinese.
    #[serde(rename = "explanation-zh")]
    pub explanation_zh: String,
    /// Data the rule's logic reads (patterns, bounds).
    #[serde(default)]
    pub data: toml::Table,
    /// Examples run by the test suite.
    #[serde(default)]
    pub examples: Examples,
}

impl RuleMeta {
    /// The one-line summary in `lang`.
    pub fn summary(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.summary,
            Lang::En => &self.summary_en,
        }
    }

    /// The explanation in `lang`.
    pub fn explanation(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.explanation_zh,
            Lang::En => &self.explanation,
        }
    }
}

/// A rule with its metadata.
pub struct RuleEntry {
    /// From the rule's TOML file.
    pub meta: RuleMeta,
    /// The logic.
    pub rule: Arc<dyn Rule>,
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

/// What a rule's builder reads: its own `[data]` and, for rules that share data, the others'.
pub struct RuleData<'a> {
    /// The rule's id (from the registry: rules do not write their own).
    pub id: &'static str,
    /// This rule's data, with any configured additions.
    pub own: &'a toml::Table,
    all: &'a HashMap<&'static str, toml::Table>,
}

impl RuleData<'_> {
    /// This rule's `[data]`, read into its own type.
    pub fn data<T: serde::de::DeserializeOwned>(&self) -> Result<T, RuleError> {
        data(self.id, self.own)
    }

    /// An error about a pattern or value of this rule's data.
    pub fn bad_pattern(&self, pattern: &str, message: impl ToString) -> RuleError {
        RuleError::Pattern {
            file: self.id,
            pattern: pattern.to_owned(),
            message: message.to_string(),
        }
    }

    /// Another rule's data (`truncated` skips what `residue` matches).
    pub fn table(&self, id: &'static str) -> Result<&toml::Table, RuleError> {
        self.all.get(id).ok_or(RuleError::IdMismatch {
            file: id,
            id: id.to_owned(),
        })
    }
}

/// What a rule's builder gives.
type Built = Result<Box<dyn Rule>, RuleError>;

type Builder = fn(&RuleData<'_>) -> Built;

/// The registry, each rule named once: its module and its id, whose file `rules/<id>.toml` holds
/// the rest (the id inside the file must match).
macro_rules! rule_files {
    ($($module:ident => $id:literal),* $(,)?) => {
        &[$(($id, include_str!(concat!("../../rules/", $id, ".toml")), $module::build)),*]
    };
}

/// Every rule: its id, its TOML text and its builder.
const RULE_FILES: &[(&str, &str, Builder)] = rule_files![
    placeholder => "placeholder",
    sum_mismatch => "sum-mismatch",
    part_exceeds_whole => "part-exceeds-whole",
    share_mismatch => "share-mismatch",
    per_capita_mismatch => "per-capita-mismatch",
    respectively_arity => "respectively-arity",
    enumeration_count => "enumeration-count",
    out_of_range => "out-of-range",
    malformed_number => "malformed-number",
    missing_number => "missing-number",
    heading_sequence => "heading-sequence",
    truncated => "truncated",
    residue => "residue",
    duplicate_paragraph => "duplicate-paragraph",
    suppression => "unused-suppression",
    // Added in 0.x after the rules above: appended, so that the SARIF rule indices of the others
    // stay as they were.
    growth_mismatch => "growth-mismatch",
    date_mismatch => "date-mismatch",
    percentage_point => "percentage-point",
    unit_mismatch => "unit-mismatch",
    conflicting_figure => "conflicting-figure",
];

/// Parse every rule file.
fn metas() -> Result<Vec<(RuleMeta, Builder)>, RuleError> {
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
            Ok((meta, *build))
        })
        .collect()
}

/// Build every rule from its file's data, with `extra` arrays appended to the named rules' data
/// (a configuration's extra placeholder or residue patterns).
pub fn load_with(extra: &[(&str, toml::Table)]) -> Result<Vec<RuleEntry>, RuleError> {
    let metas = metas()?;
    let mut all: HashMap<&'static str, toml::Table> = HashMap::new();
    for ((meta, _), (file, _, _)) in metas.iter().zip(RULE_FILES) {
        let mut table = meta.data.clone();
        for (id, more) in extra {
            if id == file {
                append_arrays(&mut table, more);
            }
        }
        all.insert(file, table);
    }
    // Building the rules (compiling their patterns) is most of heshu's start-up: they are built
    // side by side, and kept in their order.
    let built = crate::threads::take_turns(metas.len().min(RULE_FILES.len()), |i| {
        let ((meta, build), (file, _, _)) = metas.get(i).zip(RULE_FILES.get(i))?;
        let own = all.get(file).unwrap_or(&meta.data);
        Some(build(&RuleData {
            id: file,
            own,
            all: &all,
        }))
    });
    metas
        .into_iter()
        .zip(built.into_iter().flatten())
        .map(|((meta, _), rule)| {
            Ok(RuleEntry {
                meta,
                rule: Arc::from(rule?),
            })
        })
        .collect()
}

fn append_arrays(table: &mut toml::Table, more: &toml::Table) {
    for (key, value) in more {
        match (table.get_mut(key), value) {
            (Some(toml::Value::Array(have)), toml::Value::Array(add)) => have.extend(add.clone()),
            _ => {
                table.insert(key.clone(), value.clone());
            }
        }
    }
}

/// Load every rule from its embedded TOML.
pub fn load_all() -> Result<Vec<RuleEntry>, RuleError> {
    load_with(&[])
}

/// The built-in rules, loaded once.
pub fn registry() -> &'static [RuleEntry] {
    // A justified `expect`: the rule files are compiled into heshu, not read from a user, and
    // every test loads them.
    #[allow(clippy::expect_used)]
    static RULES: LazyLock<Vec<RuleEntry>> =
        LazyLock::new(|| load_all().expect("the embedded rule files are valid (checked by tests)"));
    &RULES
}

/// Find a rule by id.
pub fn find(id: &str) -> Option<&'static RuleEntry> {
    registry().iter().find(|r| r.meta.id == id)
}

/// A document at least this long has its rules run side by side.
const PARALLEL_RULES_MIN: usize = 4 * 1024 * 1024;

/// Collects the diagnostics of one rule.
pub struct Emitter<'a> {
    rule: &'static str,
    severity: Severity,
    lang: Lang,
    out: &'a mut Vec<Diagnostic>,
}

impl Emitter<'_> {
    /// The catalog of the language findings are written in (see [`crate::tr!`]).
    pub fn tr(&self) -> &'static Catalog {
        crate::locale::catalog(self.lang)
    }

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

/// A rule as a linter runs it: its id, logic and severity.
#[derive(Clone)]
struct ActiveRule {
    id: &'static str,
    rule: Arc<dyn Rule>,
    severity: Severity,
}

/// Told the id and message of a rule that panicked.
pub type PanicReport<'a> = dyn FnMut(&str, String) + 'a;

/// A set of rules to run, each with its severity.
#[derive(Clone)]
pub struct Linter {
    rules: Vec<ActiveRule>,
    /// The language findings are written in.
    lang: Lang,
}

impl std::fmt::Debug for Linter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.rules.iter().map(|r| (r.id, r.severity)))
            .finish()
    }
}

impl Default for Linter {
    fn default() -> Self {
        Self::from_entries(registry(), |_| true)
    }
}

impl Linter {
    /// Only the built-in rules whose ids `keep` accepts.
    pub fn filtered(keep: impl Fn(&str) -> bool) -> Self {
        Self::from_entries(registry(), keep)
    }

    /// The given rules (built with configured data), those `keep` accepts.
    pub fn from_entries(entries: &[RuleEntry], keep: impl Fn(&str) -> bool) -> Self {
        let rules = entries
            .iter()
            .filter(|r| keep(&r.meta.id))
            .filter_map(|r| {
                // Ids are the static names of RULE_FILES.
                let id = RULE_FILES.iter().find(|(f, _, _)| *f == r.meta.id)?.0;
                Some(ActiveRule {
                    id,
                    rule: Arc::clone(&r.rule),
                    severity: r.meta.severity,
                })
            })
            .collect();
        Self {
            rules,
            lang: Lang::default(),
        }
    }

    /// Write findings in `lang` (Chinese unless told).
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// The language findings are written in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Change the severity of one rule.
    pub fn set_severity(&mut self, id: &str, severity: Severity) {
        for r in self.rules.iter_mut().filter(|r| r.id == id) {
            r.severity = severity;
        }
    }

    /// Whether the rule runs.
    pub fn runs(&self, id: &str) -> bool {
        self.rules.iter().any(|r| r.id == id)
    }

    /// Run every rule over a document; inline suppressions apply; diagnostics sorted by position,
    /// then rule id.
    pub fn check(&self, doc: &Document) -> Vec<Diagnostic> {
        self.check_skipping(doc, &|_| false)
    }

    /// As [`Linter::check`], without the rules `skip` names (per-file ignores).
    pub fn check_skipping(&self, doc: &Document, skip: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
        self.run(doc, skip, None)
    }

    /// As [`Linter::check_skipping`], but a rule that panics is reported to `on_panic` and the
    /// other rules still run (what an editor session needs: it must never crash).
    pub fn check_resilient(
        &self,
        doc: &Document,
        skip: &dyn Fn(&str) -> bool,
        on_panic: &mut PanicReport<'_>,
    ) -> Vec<Diagnostic> {
        self.run(doc, skip, Some(on_panic))
    }

    /// The first half of checking a large text in segments: the sentence- and line-scoped rules
    /// over one segment's document. The findings are raw: no suppression applied, not sorted.
    pub fn check_segment(&self, doc: &Document, skip: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
        self.run_rules(doc, skip, &[Scope::Sentence, Scope::Lines], None)
    }

    /// The second half: the document-scoped rules over the outline of the whole text, joined to
    /// the findings of its segments (`found`, spans in the whole text); then as
    /// [`Linter::check_skipping`].
    pub fn check_outline(
        &self,
        outline: &Document,
        skip: &dyn Fn(&str) -> bool,
        found: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let mut out = found;
        let run = || self.run_rules(outline, skip, &[Scope::Document], None);
        // The text's one search for suppressions runs beside the rules (its 30 MB are read from
        // memory, not cache), not after them on one core.
        let comments = if crate::threads::threads() > 1 {
            std::thread::scope(|scope| {
                let comments = scope.spawn(|| suppression::comments(outline));
                out.extend(run());
                comments
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
        } else {
            out.extend(run());
            suppression::comments(outline)
        };
        self.finish_with(skip, out, comments)
    }

    fn run(
        &self,
        doc: &Document,
        skip: &dyn Fn(&str) -> bool,
        on_panic: Option<&mut PanicReport<'_>>,
    ) -> Vec<Diagnostic> {
        let all = [Scope::Sentence, Scope::Lines, Scope::Document];
        let out = self.run_rules(doc, skip, &all, on_panic);
        self.finish(doc, skip, out)
    }

    /// Run one rule over `doc`, its findings appended to `out`.
    fn check_with(&self, active: &ActiveRule, doc: &Document, out: &mut Vec<Diagnostic>) {
        let mut emitter = Emitter {
            rule: active.id,
            severity: active.severity,
            lang: self.lang,
            out,
        };
        active.rule.check(doc, &mut emitter);
    }

    /// Run the rules of the given scopes and return their raw findings.
    fn run_rules(
        &self,
        doc: &Document,
        skip: &dyn Fn(&str) -> bool,
        scopes: &[Scope],
        mut on_panic: Option<&mut PanicReport<'_>>,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let active: Vec<&ActiveRule> = self
            .rules
            .iter()
            .filter(|r| !skip(r.id) && scopes.contains(&r.rule.scope()))
            .collect();
        let parallel = on_panic.is_none()
            && doc.text.len() >= PARALLEL_RULES_MIN
            && crate::threads::threads() > 1;
        if parallel {
            // A large document: its rules run side by side, the long-running ones taken first
            // (every caller sorts the findings by place and rule afterwards, so the order the
            // rules ran in leaves no trace).
            let mut active = active;
            active.sort_by_key(|r| !r.rule.long_running());
            return crate::threads::take_turns(active.len(), |i| {
                let mut found = Vec::new();
                if let Some(r) = active.get(i) {
                    self.check_with(r, doc, &mut found);
                }
                found
            })
            .into_iter()
            .flatten()
            .collect();
        }
        for active in active {
            match on_panic.as_mut() {
                None => self.check_with(active, doc, &mut out),
                Some(report) => {
                    let mut found = Vec::new();
                    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        self.check_with(active, doc, &mut found);
                    }));
                    match caught {
                        Ok(()) => out.extend(found),
                        Err(payload) => {
                            report(active.id, crate::guard::payload_message(payload.as_ref()));
                        }
                    }
                }
            }
        }
        out
    }

    /// Join, for each [`Scope::Lines`] rule that runs, its last finding before a segment
    /// boundary and its first after it, when the first lies on the last block before the boundary
    /// (`last_block`) and the second on the first block after it (`first_block`) and the rule
    /// joins them (see [`Rule::join`]).
    pub fn join_across(
        &self,
        before: &mut [Diagnostic],
        after: &mut Vec<Diagnostic>,
        last_block: Span,
        first_block: Span,
    ) {
        for r in self.rules.iter().filter(|r| r.rule.scope() == Scope::Lines) {
            let Some(a) = before
                .iter()
                .rposition(|d| d.rule == r.id && d.span.end <= last_block.end)
            else {
                continue;
            };
            let Some(b) = after.iter().position(|d| d.rule == r.id) else {
                continue;
            };
            let (Some(earlier), Some(later)) = (before.get(a), after.get(b)) else {
                continue;
            };
            // The earlier ends on the last block, the later starts on the first.
            if earlier.span.end <= last_block.start || later.span.start >= first_block.end {
                continue;
            }
            if let Some(joined) = r
                .rule
                .join(crate::locale::catalog(self.lang), earlier, later)
            {
                if let Some(slot) = before.get_mut(a) {
                    *slot = joined;
                }
                after.remove(b);
            }
        }
    }

    /// Apply inline suppressions and sort by position, then rule id.
    fn finish(
        &self,
        doc: &Document,
        skip: &dyn Fn(&str) -> bool,
        found: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        self.finish_with(skip, found, suppression::comments(doc))
    }

    /// [`Linter::finish`] with the document's suppression comments found already.
    fn finish_with(
        &self,
        skip: &dyn Fn(&str) -> bool,
        found: Vec<Diagnostic>,
        comments: Vec<suppression::Suppression>,
    ) -> Vec<Diagnostic> {
        let unused = self
            .rules
            .iter()
            .find(|r| r.id == suppression::UNUSED_SUPPRESSION && !skip(r.id))
            .map(|r| r.severity);
        let mut out = suppression::apply(
            comments,
            found,
            &|id| self.runs(id) && !skip(id),
            unused,
            crate::locale::catalog(self.lang),
        );
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
