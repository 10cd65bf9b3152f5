//! `residue`: web footers, reposting notes, stray URLs and editing marks.
//!
//! **What it checks**: `如若转载，请注明出处`, `本文来源`, `原标题：`, URLs, `【此处插入图表】`,
//! `[图片]` — patterns that are data in `rules/residue.toml`.
//!
//! **Why it matters**: a footer copied along with the text shows the report was never read through.
//!
//! **Example**: the seed's last line, `如若转载,请注明出处:https://…`, is one finding.
//!
//! The compiled patterns are shared with `truncated`, which must not mistake a footer for the end
//! of the text.

use super::{data, Emitter, Rule, RuleData, RuleError};
use crate::diagnostic::Label;
use crate::document::Document;
use crate::span::Span;
use regex::Regex;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PatternData {
    regex: String,
    what: String,
    /// Only white space may stand before the match on its line.
    #[serde(default)]
    line_start: bool,
    /// Only white space may stand after the match on its line.
    #[serde(default)]
    line_end: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    patterns: Vec<PatternData>,
}

/// One residue pattern, compiled.
struct Pattern {
    regex: Regex,
    what: String,
    line_start: bool,
    line_end: bool,
}

/// The residue patterns, compiled.
pub(super) struct ResiduePatterns {
    patterns: Vec<Pattern>,
    /// All patterns as one alternation: one pass over the text, skipped along by the regex
    /// engine's prefilter on the patterns' literals (a RegexSet has none and was 8× slower).
    any: Regex,
    /// All patterns as a set: which of them match inside a match of `any` (one search of the
    /// match's few bytes, not one per pattern).
    set: regex::RegexSet,
}

fn pattern_error(pattern: &str, e: regex::Error) -> RuleError {
    RuleError::Pattern {
        file: "residue",
        pattern: pattern.to_owned(),
        message: e.to_string(),
    }
}

/// Whether only white space stands between a line's start and `at`.
fn at_line_start(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let line = before
        .rfind(['\n', '\r'])
        .map_or(before, |i| &before[i + 1..]);
    line.trim().is_empty()
}

/// Whether only white space stands between `at` and its line's end.
fn at_line_end(text: &str, at: usize) -> bool {
    let after = &text[at..];
    let line = after.find(['\n', '\r']).map_or(after, |i| &after[..i]);
    line.trim().is_empty()
}

impl ResiduePatterns {
    pub(super) fn from_table(table: &toml::Table) -> Result<Self, RuleError> {
        let d: Data = data("residue", table)?;
        let patterns = d
            .patterns
            .into_iter()
            .map(|p| {
                Ok(Pattern {
                    regex: Regex::new(&p.regex).map_err(|e| pattern_error(&p.regex, e))?,
                    what: p.what,
                    line_start: p.line_start,
                    line_end: p.line_end,
                })
            })
            .collect::<Result<Vec<Pattern>, RuleError>>()?;
        let all = patterns
            .iter()
            .map(|p| format!("(?:{})", p.regex.as_str()))
            .collect::<Vec<_>>()
            .join("|");
        let any = Regex::new(&all).map_err(|e| pattern_error("(all patterns together)", e))?;
        let set = regex::RegexSet::new(patterns.iter().map(|p| p.regex.as_str()))
            .map_err(|e| pattern_error("(all patterns together)", e))?;
        Ok(Self { patterns, any, set })
    }

    /// Every match in `text`, as (byte range, what it is), in order, none overlapping and none
    /// crossing a line end.
    pub(super) fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
        let mut found = Vec::new();
        for m in self.any.find_iter(text) {
            if m.as_str().contains(['\n', '\r']) {
                continue;
            }
            // Which pattern matched: the first that matches here, searched for only up to the
            // match's end (a search to the end of the text would make this quadratic).
            let upto = &text[..m.end()];
            let candidates = self.set.matches_at(upto, m.start());
            let Some(p) = candidates.iter().map(|i| &self.patterns[i]).find(|p| {
                p.regex
                    .find_at(upto, m.start())
                    .is_some_and(|pm| pm.start() == m.start())
            }) else {
                continue;
            };
            if (p.line_start && !at_line_start(text, m.start()))
                || (p.line_end && !at_line_end(text, m.end()))
            {
                continue;
            }
            found.push((m.range(), p.what.as_str()));
        }
        found
    }

    /// Whether the text holds any residue.
    pub(super) fn is_match(&self, text: &str) -> bool {
        self.any.is_match(text) && !self.find(text).is_empty()
    }
}

struct Residue {
    patterns: ResiduePatterns,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let table = d.own;
    Ok(Box::new(Residue {
        patterns: ResiduePatterns::from_table(table)?,
    }))
}

impl Rule for Residue {
    fn scope(&self) -> super::Scope {
        super::Scope::Document
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        // One pass over the whole text; each match is placed in its block by binary search.
        // Residue on consecutive lines (a web page's footer) makes one finding.
        let mut group: Vec<(Span, &str)> = Vec::new();
        let mut last_block: Option<usize> = None;
        for (range, what) in self.patterns.find(&doc.text) {
            let i = doc.blocks.partition_point(|b| b.span.end <= range.start);
            if last_block.is_some_and(|l| l != i && l + 1 != i) {
                report(out, &mut group);
            }
            last_block = Some(i);
            group.push((Span::new(range.start, range.end), what));
        }
        report(out, &mut group);
    }
}

fn report(out: &mut Emitter<'_>, group: &mut Vec<(Span, &str)>) {
    let (Some(first), Some(last)) = (group.first(), group.last()) else {
        return;
    };
    let span = first.0.cover(last.0);
    let mut kinds: Vec<&str> = Vec::new();
    for (_, what) in group.iter() {
        if !kinds.contains(what) {
            kinds.push(what);
        }
    }
    out.emit(
        span,
        format!("报告中不应有的网页残留或编辑标记：{}", kinds.join("、")),
        Some("删除转载声明、来源说明、网址和编辑标记".to_owned()),
        group
            .iter()
            .map(|(s, what)| Label::new(*s, *what))
            .collect(),
    );
    group.clear();
}
