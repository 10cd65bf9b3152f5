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

use super::{Emitter, Rule, RuleData, RuleError};
use crate::locale::Catalog;
use crate::model::diagnostic::{Diagnostic, Label};
use crate::model::span::Span;
use crate::model::Document;
use crate::model::Lang;
use crate::tr;
use regex::Regex;
use serde::Deserialize;
use std::sync::{Arc, Mutex};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PatternData {
    regex: String,
    what: String,
    /// `what` in English.
    #[serde(default)]
    what_en: Option<String>,
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

/// One residue pattern: what it is and where on its line it may stand.
struct Pattern {
    what: String,
    what_en: Option<String>,
    line_start: bool,
    line_end: bool,
}

/// The residue patterns, compiled.
pub(super) struct ResiduePatterns {
    patterns: Vec<Pattern>,
    /// All patterns as one multi-pattern regex: one pass over the text, skipped along by the
    /// regex engine's prefilter on the patterns' literals (a RegexSet has none and was 8×
    /// slower). Among patterns matching at the same place the first wins, as in an alternation
    /// of them in order, and each match names its pattern: no capture search to tell whose it
    /// is (the captures of a large text's matches cost as much as the pass itself).
    any: regex_automata::meta::Regex,
}

fn pattern_error(pattern: &str, message: String) -> RuleError {
    RuleError::Pattern {
        file: "residue",
        pattern: pattern.to_owned(),
        message,
    }
}

/// The compiled patterns of `table`, compiled once and shared: `residue` and `truncated` both use
/// them, and compiling regexes is most of heshu's start-up.
pub(super) fn shared(table: &toml::Table) -> Result<Arc<ResiduePatterns>, RuleError> {
    static COMPILED: Mutex<Vec<(toml::Table, Arc<ResiduePatterns>)>> = Mutex::new(Vec::new());
    let mut compiled = COMPILED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, p)) = compiled.iter().find(|(t, _)| t == table) {
        return Ok(Arc::clone(p));
    }
    let patterns = Arc::new(ResiduePatterns::from_table(table)?);
    compiled.push((table.clone(), Arc::clone(&patterns)));
    Ok(patterns)
}

/// Whether only white space stands between a line's start and `at`.
fn at_line_start(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default();
    let line = before
        .rfind(['\n', '\r'])
        .map_or(before, |i| before.get(i + 1..).unwrap_or_default());
    line.trim().is_empty()
}

/// Whether only white space stands between `at` and its line's end.
fn at_line_end(text: &str, at: usize) -> bool {
    let after = text.get(at..).unwrap_or_default();
    let line = after
        .find(['\n', '\r'])
        .map_or(after, |i| after.get(..i).unwrap_or_default());
    line.trim().is_empty()
}

impl ResiduePatterns {
    pub(super) fn from_table(table: &toml::Table) -> Result<Self, RuleError> {
        let d: Data = super::data("residue", table)?;
        let regexes: Vec<&str> = d.patterns.iter().map(|p| p.regex.as_str()).collect();
        let any = regex_automata::meta::Regex::new_many(&regexes).map_err(|e| {
            // Name the pattern at fault, in the words of the regex crate, if one is.
            d.patterns
                .iter()
                .find_map(|p| {
                    Regex::new(&p.regex)
                        .err()
                        .map(|e| pattern_error(&p.regex, e.to_string()))
                })
                .unwrap_or_else(|| pattern_error("(all patterns together)", e.to_string()))
        })?;
        let patterns = d
            .patterns
            .into_iter()
            .map(|p| Pattern {
                what: p.what,
                what_en: p.what_en,
                line_start: p.line_start,
                line_end: p.line_end,
            })
            .collect();
        Ok(Self { patterns, any })
    }

    /// Every match in `text`, as (byte range, what it is in `lang`), in order, none overlapping
    /// and none crossing a line end.
    pub(super) fn find(&self, text: &str, lang: Lang) -> Vec<(std::ops::Range<usize>, &str)> {
        let mut found = Vec::new();
        for m in self.any.find_iter(text) {
            let Some(matched) = text.get(m.range()) else {
                continue;
            };
            if matched.contains(['\n', '\r']) {
                continue;
            }
            let Some(p) = self.patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            if (p.line_start && !at_line_start(text, m.start()))
                || (p.line_end && !at_line_end(text, m.end()))
            {
                continue;
            }
            let what = match (&p.what_en, lang) {
                (Some(en), Lang::En) => en.as_str(),
                _ => p.what.as_str(),
            };
            found.push((m.range(), what));
        }
        found
    }

    /// Whether the text holds any residue.
    pub(super) fn is_match(&self, text: &str) -> bool {
        self.any.is_match(text) && !self.find(text, Lang::Zh).is_empty()
    }
}

struct Residue {
    patterns: Arc<ResiduePatterns>,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let table = d.own;
    Ok(Box::new(Residue {
        patterns: shared(table)?,
    }))
}

impl Rule for Residue {
    fn scope(&self) -> super::Scope {
        super::Scope::Lines
    }

    fn join(&self, t: &Catalog, earlier: &Diagnostic, later: &Diagnostic) -> Option<Diagnostic> {
        let labels: Vec<Label> = earlier
            .labels
            .iter()
            .chain(&later.labels)
            .cloned()
            .collect();
        let kinds: Vec<&str> = labels.iter().map(|l| l.message.as_str()).collect();
        Some(Diagnostic {
            message: message(t, &kinds),
            span: earlier.span.cover(later.span),
            labels,
            ..earlier.clone()
        })
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        // One pass over the whole text; each match is placed in its block by binary search.
        // Residue on consecutive lines (a web page's footer) makes one finding.
        let mut group: Vec<(Span, &str)> = Vec::new();
        let mut last_block: Option<usize> = None;
        let t = out.tr();
        for (range, what) in self.patterns.find(&doc.text, t.lang()) {
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

/// The message of a group: what its matches are, each kind once, in order.
fn message(t: &Catalog, kinds: &[&str]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for kind in kinds {
        if !unique.contains(kind) {
            unique.push(kind);
        }
    }
    let list = unique.join(&t.text("list-separator"));
    tr!(t, "residue-message", kinds = list)
}

fn report(out: &mut Emitter<'_>, group: &mut Vec<(Span, &str)>) {
    let (Some(first), Some(last)) = (group.first(), group.last()) else {
        return;
    };
    let span = first.0.cover(last.0);
    let kinds: Vec<&str> = group.iter().map(|(_, what)| *what).collect();
    let t = out.tr();
    out.emit(
        span,
        message(t, &kinds),
        Some(t.text("residue-help")),
        group
            .iter()
            .map(|(s, what)| Label::new(*s, *what))
            .collect(),
    );
    group.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(toml_text: &str) -> ResiduePatterns {
        let table: toml::Table = toml::from_str(toml_text).unwrap();
        ResiduePatterns::from_table(&table).unwrap()
    }

    #[test]
    fn a_match_is_named_by_the_first_pattern_that_matches_there() {
        // Both patterns match at the start of `本文来源：`; the first, in the file's order, names
        // it, as it would in an alternation of the two.
        let p = patterns(
            r#"patterns = [
                { regex = '本文来源', what = "first" },
                { regex = '本文来源[:：]', what = "second" },
                { regex = '原标题[:：]', line-start = true, what = "title" },
            ]"#,
        );
        let found = p.find("本文来源：新华网\n原标题：某报告", Lang::Zh);
        let whats: Vec<&str> = found.iter().map(|(_, w)| *w).collect();
        assert_eq!(whats, ["first", "title"]);
        assert_eq!(
            found.first().map(|(r, _)| r.clone()),
            Some(0.."本文来源".len())
        );
        // A pattern that must start its line is passed over elsewhere, and the search goes on.
        let inline = p.find("见原标题：某报告", Lang::Zh);
        assert!(inline.is_empty());
    }

    #[test]
    fn a_bad_pattern_is_named_in_the_error() {
        let table: toml::Table = toml::from_str(
            r#"patterns = [{ regex = '来源', what = "a" }, { regex = '(', what = "b" }]"#,
        )
        .unwrap();
        match ResiduePatterns::from_table(&table) {
            Err(RuleError::Pattern { pattern, .. }) => assert_eq!(pattern, "("),
            other => panic!("expected a pattern error, got {:?}", other.err()),
        }
    }
}
