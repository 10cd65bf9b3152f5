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
#[serde(deny_unknown_fields)]
struct PatternData {
    regex: String,
    what: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    patterns: Vec<PatternData>,
}

/// The residue patterns, compiled.
pub(super) struct ResiduePatterns {
    patterns: Vec<(Regex, String)>,
    /// All patterns at once, to pass over clean paragraphs in one pass.
    any: regex::RegexSet,
}

impl ResiduePatterns {
    pub(super) fn from_table(table: &toml::Table) -> Result<Self, RuleError> {
        let d: Data = data("residue", table)?;
        let patterns = d
            .patterns
            .into_iter()
            .map(|p| {
                Regex::new(&p.regex)
                    .map(|r| (r, p.what))
                    .map_err(|e| RuleError::Pattern {
                        file: "residue",
                        pattern: p.regex.clone(),
                        message: e.to_string(),
                    })
            })
            .collect::<Result<Vec<(Regex, String)>, _>>()?;
        let any = regex::RegexSet::new(patterns.iter().map(|(r, _)| r.as_str())).map_err(|e| {
            RuleError::Pattern {
                file: "residue",
                pattern: "(all patterns together)".into(),
                message: e.to_string(),
            }
        })?;
        Ok(Self { patterns, any })
    }

    /// Every match in `text`, as (byte range, what it is), in order, overlaps dropped.
    pub(super) fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
        // Most paragraphs hold none: asking whether any matches stops early and is cheaper than
        // asking which.
        if !self.any.is_match(text) {
            return Vec::new();
        }
        let matched = self.any.matches(text);
        if !matched.matched_any() {
            return Vec::new();
        }
        let mut found: Vec<(std::ops::Range<usize>, &str)> = matched
            .iter()
            .map(|i| &self.patterns[i])
            .flat_map(|(r, what)| r.find_iter(text).map(move |m| (m.range(), what.as_str())))
            .collect();
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut last_end = 0;
        found.retain(|(r, _)| {
            let keep = r.start >= last_end;
            if keep {
                last_end = r.end;
            }
            keep
        });
        found
    }

    /// Whether the text holds any residue.
    pub(super) fn is_match(&self, text: &str) -> bool {
        self.any.is_match(text)
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
    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        // Consecutive residue lines (a web page's footer) make one finding.
        let mut group: Vec<(Span, &str)> = Vec::new();
        let mut last_block: Option<usize> = None;
        for (i, block) in doc.blocks.iter().enumerate() {
            let text = doc.slice(block.span);
            let found = self.patterns.find(text);
            if found.is_empty() {
                continue;
            }
            if last_block.is_some_and(|l| l + 1 != i) {
                report(out, &mut group);
            }
            last_block = Some(i);
            group.extend(found.into_iter().map(|(r, what)| {
                (
                    Span::new(block.span.start + r.start, block.span.start + r.end),
                    what,
                )
            }));
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
