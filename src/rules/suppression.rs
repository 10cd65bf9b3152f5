//! Inline suppressions: `<!-- heshu-ignore rule-id -->` for the next line and
//! `<!-- heshu-ignore-file rule-id -->` for the whole file. The engine applies them after the
//! rules ran, and reports the ones that suppressed nothing as `unused-suppression`.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::locale::Catalog;
use crate::model::diagnostic::{Diagnostic, Label, Severity};
use crate::model::span::Span;
use crate::model::Document;
use crate::tr;
use regex::Regex;
use std::sync::LazyLock;

/// The id of the rule that reports unused suppressions.
pub(super) const UNUSED_SUPPRESSION: &str = "unused-suppression";

/// The rule itself does nothing: the engine reports unused suppressions.
struct UnusedSuppression;

impl Rule for UnusedSuppression {
    fn scope(&self) -> super::Scope {
        super::Scope::Document
    }

    fn check(&self, _: &Document, _: &mut Emitter<'_>) {}
}

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(UnusedSuppression))
}

/// A `heshu-ignore` comment found in a document, before it is applied.
pub(super) struct Suppression {
    /// The comment.
    span: Span,
    /// The rules named; empty for every rule.
    ids: Vec<String>,
    /// The text it covers; `None` for the whole file.
    target: Option<Span>,
    used: bool,
}

impl Suppression {
    fn covers(&self, d: &Diagnostic) -> bool {
        (self.ids.is_empty() || self.ids.iter().any(|id| id == d.rule))
            && self
                .target
                .is_none_or(|t| t.start <= d.span.start && d.span.start < t.end.max(t.start + 1))
    }
}

/// The document's `heshu-ignore` comments, in their order.
pub(super) fn comments(doc: &Document) -> Vec<Suppression> {
    // A justified `expect`: a constant pattern, compiled by every test.
    #[allow(clippy::expect_used)]
    static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"<!--\s*heshu-ignore(-file)?((?:[\s,]+[A-Za-z0-9_-]+)*)[\s,]*-->")
            .expect("the suppression pattern compiles")
    });
    let mut out = Vec::new();
    // One search over the whole text: nearly every document has no suppression at all.
    static MARK: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("heshu-ignore"));
    if MARK.find(doc.text.as_bytes()).is_none() {
        return out;
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        let text = doc.slice(block.span);
        if MARK.find(text.as_bytes()).is_none() {
            continue;
        }
        for caps in COMMENT.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let whole_file = caps.get(1).is_some();
            let ids = caps
                .get(2)
                .map(|g| {
                    g.as_str()
                        .split([' ', ',', '\t'])
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            let alone = m.as_str().len() == text.len();
            let target = if whole_file {
                None
            } else if alone {
                // The next line: a comment on a line of its own covers the block after it.
                Some(doc.blocks.get(i + 1).map_or(Span::new(0, 0), |b| b.span))
            } else {
                Some(block.span)
            };
            out.push(Suppression {
                span: Span::new(block.span.start + m.start(), block.span.start + m.end()),
                ids,
                target,
                used: false,
            });
        }
    }
    out
}

/// Drop the diagnostics a suppression covers; report the suppressions that covered nothing (when
/// `unused` gives the severity to report them with). `enabled` tells which rules ran: a
/// suppression for a rule that did not run cannot be judged. `sups`: the document's comments
/// ([`comments`]).
pub(super) fn apply(
    mut sups: Vec<Suppression>,
    diagnostics: Vec<Diagnostic>,
    enabled: &dyn Fn(&str) -> bool,
    unused: Option<Severity>,
    t: &Catalog,
) -> Vec<Diagnostic> {
    if sups.is_empty() {
        return diagnostics;
    }
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            let mut suppressed = false;
            for s in sups.iter_mut().filter(|s| s.covers(d)) {
                s.used = true;
                suppressed = true;
            }
            !suppressed
        })
        .collect();
    let Some(severity) = unused else {
        return kept;
    };
    let known = |id: &str| super::RULE_FILES.iter().any(|(f, _, _)| *f == id);
    for s in sups.iter().filter(|s| !s.used) {
        let unknown: Vec<&str> = s
            .ids
            .iter()
            .map(String::as_str)
            .filter(|id| !known(id))
            .collect();
        let judged = s.ids.iter().all(|id| !known(id) || enabled(id));
        if !judged {
            continue;
        }
        let (message, help) = if unknown.is_empty() {
            (
                t.text("unused-suppression-message"),
                t.text("unused-suppression-help"),
            )
        } else {
            (
                tr!(
                    t,
                    "unused-suppression-unknown-message",
                    rules = unknown.join(&t.text("list-separator"))
                ),
                t.text("unused-suppression-unknown-help"),
            )
        };
        kept.push(Diagnostic {
            rule: UNUSED_SUPPRESSION,
            severity,
            message,
            help: Some(help),
            span: s.span,
            labels: vec![Label::new(s.span, t.text("unused-suppression-label"))],
        });
    }
    kept
}
