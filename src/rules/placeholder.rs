//! `placeholder`: unfilled figures and names.
//!
//! **What it checks**: `**`, a lone `*` standing for a name, `XX`, `20XX`, `x.x`, `X月X日`, `某某`,
//! `【待补充】`, `TODO` and the like — the patterns are data in `rules/placeholder.toml`.
//!
//! **Why it matters**: a placeholder left in a submitted report is the most visible fault a
//! reviewer can find, and nothing can be computed from it.
//!
//! **Example**: `消除风险**户**人` draws two findings, one on each `**`.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::span::Span;
use crate::model::Document;
use crate::tr;
use regex::Regex;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PatternData {
    regex: String,
    what: String,
    /// `what` in English (`what` itself where a pattern has none).
    #[serde(default)]
    what_en: Option<String>,
    #[serde(default)]
    min_len: Option<usize>,
    #[serde(default)]
    max_len: Option<usize>,
    #[serde(default)]
    not_after: String,
    #[serde(default)]
    not_before: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    patterns: Vec<PatternData>,
}

struct Pattern {
    regex: Regex,
    /// The regex names a group `p`: the placeholder is that group, not the whole match.
    has_group: bool,
    what: String,
    what_en: Option<String>,
    min_len: usize,
    max_len: usize,
    not_after: String,
    not_before: String,
}

struct Placeholder {
    patterns: Vec<Pattern>,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let rule = d;
    let d: Data = rule.data()?;
    let patterns = d
        .patterns
        .into_iter()
        .map(|p| {
            // Patterns run over the whole text: `^` and `$` mean a line's ends, as in a paragraph.
            let regex = regex::RegexBuilder::new(&p.regex)
                .multi_line(true)
                .build()
                .map_err(|e| rule.bad_pattern(&p.regex, e))?;
            Ok(Pattern {
                has_group: regex.capture_names().any(|n| n == Some("p")),
                regex,
                what: p.what,
                what_en: p.what_en,
                min_len: p.min_len.unwrap_or(0),
                max_len: p.max_len.unwrap_or(usize::MAX),
                not_after: p.not_after,
                not_before: p.not_before,
            })
        })
        .collect::<Result<Vec<Pattern>, RuleError>>()?;
    Ok(Box::new(Placeholder { patterns }))
}

impl Pattern {
    /// The placeholders this pattern finds in `text` (group `p` when it has one).
    fn matches<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = regex::Match<'t>> + 't> {
        if self.has_group {
            Box::new(
                self.regex
                    .captures_iter(text)
                    .filter_map(|caps| caps.name("p")),
            )
        } else {
            Box::new(self.regex.find_iter(text))
        }
    }
}

impl Rule for Placeholder {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        // Each pattern runs once over the whole text (placeholders do not cross lines): every
        // pattern holds a rare character, so the regex engine's literal prefilter skips most of
        // the text (measured: 2.5× faster than asking a RegexSet which patterns occur at all).
        let text = doc.text.as_str();
        let t = out.tr();
        let english = t.lang() == crate::model::Lang::En;
        let mut found: Vec<(Span, &str)> = Vec::new();
        for p in &self.patterns {
            for m in p.matches(text) {
                let len = m.as_str().chars().count();
                if len < p.min_len || len > p.max_len || m.as_str().contains(['\n', '\r']) {
                    continue;
                }
                let before = text
                    .get(..m.start())
                    .unwrap_or_default()
                    .chars()
                    .next_back();
                let after = text.get(m.end()..).unwrap_or_default().chars().next();
                if before.is_some_and(|c| p.not_after.contains(c))
                    || after.is_some_and(|c| p.not_before.contains(c))
                {
                    continue;
                }
                let what = match (&p.what_en, english) {
                    (Some(en), true) => en.as_str(),
                    _ => p.what.as_str(),
                };
                found.push((Span::new(m.start(), m.end()), what));
            }
        }
        found.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut last_end = 0;
        // A text with a template's blanks has thousands: what every finding shares is written once.
        let (help, label) = (t.text("placeholder-help"), t.text("placeholder-label"));
        for (span, what) in found {
            if span.start < last_end {
                continue; // one finding per placeholder, even when two patterns see it
            }
            last_end = span.end;
            out.emit(
                span,
                tr!(t, "placeholder-message", what = what),
                Some(help.clone()),
                vec![Label::new(span, label.clone())],
            );
        }
    }
}
