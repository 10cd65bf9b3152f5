//! `placeholder`: unfilled figures and names.
//!
//! **What it checks**: `**`, a lone `*` standing for a name, `XX`, `20XX`, `x.x`, `X月X日`, `某某`,
//! `【待补充】`, `TODO` and the like — the patterns are data in `rules/placeholder.toml`, each
//! with the set of anchors (strings) that every match of it holds, so that one search for a set
//! finds the lines its patterns need to read.
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
    /// The name of the set of anchors every match holds one of (`Data::anchors`).
    #[serde(default)]
    anchors: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    /// Named sets of strings: a pattern that names a set holds one of its strings in every match.
    #[serde(default)]
    anchors: std::collections::BTreeMap<String, Vec<String>>,
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

/// One search over the text for a set of anchors, and the patterns that run on the lines where
/// one was found.
struct Pass {
    anchors: Regex,
    /// Indices into [`Placeholder::patterns`].
    patterns: Vec<usize>,
}

struct Placeholder {
    patterns: Vec<Pattern>,
    /// The patterns that name no anchors: each runs over the whole text.
    unanchored: Vec<usize>,
    passes: Vec<Pass>,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(compile(d)?))
}

/// The rule, its patterns and sets of anchors compiled.
fn compile(rule: &RuleData<'_>) -> Result<Placeholder, RuleError> {
    let d: Data = rule.data()?;
    // Each set of anchors that a pattern names is one search (its strings as alternatives: the
    // regex engine picks the fastest way to find them), and runs that set's patterns.
    let mut passes: Vec<(String, Pass)> = Vec::new();
    let mut unanchored = Vec::new();
    for (i, p) in d.patterns.iter().enumerate() {
        let Some(name) = &p.anchors else {
            unanchored.push(i);
            continue;
        };
        if let Some((_, pass)) = passes.iter_mut().find(|(n, _)| n == name) {
            pass.patterns.push(i);
            continue;
        }
        let strings = d
            .anchors
            .get(name)
            .filter(|set| !set.is_empty())
            .ok_or_else(|| rule.bad_pattern(&p.regex, format!("no set of anchors named {name}")))?;
        let alternatives: Vec<String> = strings.iter().map(|s| regex::escape(s)).collect();
        let alternatives = alternatives.join("|");
        let anchors = Regex::new(&alternatives).map_err(|e| rule.bad_pattern(&alternatives, e))?;
        passes.push((
            name.clone(),
            Pass {
                anchors,
                patterns: vec![i],
            },
        ));
    }
    let passes = passes.into_iter().map(|(_, pass)| pass).collect();
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
    Ok(Placeholder {
        patterns,
        unanchored,
        passes,
    })
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

    /// The placeholders this pattern (the `index`-th) finds within `within` of `text` (whole
    /// lines, or the whole text), with what each is called, into `found`.
    fn find_in<'p>(
        &'p self,
        text: &str,
        within: Span,
        (index, english): (usize, bool),
        found: &mut Vec<(Span, usize, &'p str)>,
    ) {
        let part = text.get(within.start..within.end).unwrap_or_default();
        for m in self.matches(part) {
            let len = m.as_str().chars().count();
            if len < self.min_len || len > self.max_len || m.as_str().contains(['\n', '\r']) {
                continue;
            }
            let (start, end) = (within.start + m.start(), within.start + m.end());
            let before = text.get(..start).unwrap_or_default().chars().next_back();
            let after = text.get(end..).unwrap_or_default().chars().next();
            if before.is_some_and(|c| self.not_after.contains(c))
                || after.is_some_and(|c| self.not_before.contains(c))
            {
                continue;
            }
            let what = match (&self.what_en, english) {
                (Some(en), true) => en.as_str(),
                _ => self.what.as_str(),
            };
            found.push((Span::new(start, end), index, what));
        }
    }
}

impl Placeholder {
    /// Every match of every pattern in `text` that passes its conditions: where, the pattern's
    /// index, and what it is called (in English with `english`).
    fn placeholders(&self, text: &str, english: bool) -> Vec<(Span, usize, &str)> {
        // Placeholders do not cross lines. A pattern without anchors runs once over the whole
        // text (every pattern holds a rare character, so the regex engine's literal prefilter
        // skips most of it); the patterns that share a set of anchors run on the lines where one
        // search for that set found one (measured on the seed × 2000 in 64 KiB pieces: the three
        // sets' searches 13 ms, the fourteen patterns' own searches 43 ms).
        let mut found: Vec<(Span, usize, &str)> = Vec::new();
        for &i in &self.unanchored {
            if let Some(p) = self.patterns.get(i) {
                p.find_in(text, Span::new(0, text.len()), (i, english), &mut found);
            }
        }
        let bytes = text.as_bytes();
        for pass in &self.passes {
            let mut from = 0;
            while let Some(m) = pass.anchors.find_at(text, from) {
                let start = memchr::memrchr(b'\n', bytes.get(..m.start()).unwrap_or_default())
                    .map_or(0, |at| at + 1);
                let end = memchr::memchr(b'\n', bytes.get(m.end()..).unwrap_or_default())
                    .map_or(text.len(), |at| m.end() + at);
                for &i in &pass.patterns {
                    if let Some(p) = self.patterns.get(i) {
                        p.find_in(text, Span::new(start, end), (i, english), &mut found);
                    }
                }
                if end >= text.len() {
                    break;
                }
                from = end + 1;
            }
        }
        found
    }
}

impl Rule for Placeholder {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        let t = out.tr();
        let mut found = self.placeholders(&doc.text, t.lang() == crate::model::Lang::En);
        // Where two patterns see the same placeholder, the first pattern names it.
        found.sort_by_key(|&(s, i, _)| (s.start, std::cmp::Reverse(s.end), i));
        let mut last_end = 0;
        // A text with a template's blanks has thousands: what every finding shares is written once.
        let (help, label) = (t.text("placeholder-help"), t.text("placeholder-label"));
        for (span, _, what) in found {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The built-in rule, and the same patterns with no anchors (each over the whole text).
    fn gated_and_not() -> (Placeholder, Placeholder) {
        let file: toml::Table =
            toml::from_str(include_str!("../../rules/placeholder.toml")).unwrap();
        let data = file.get("data").and_then(|d| d.as_table()).unwrap().clone();
        let mut plain = data.clone();
        if let Some(toml::Value::Array(patterns)) = plain.get_mut("patterns") {
            for p in patterns.iter_mut().filter_map(|p| p.as_table_mut()) {
                p.remove("anchors");
            }
        }
        let all = HashMap::new();
        let rule = |own| {
            compile(&RuleData {
                id: "placeholder",
                own,
                all: &all,
            })
            .unwrap()
        };
        (rule(&data), rule(&plain))
    }

    /// The texts the repository carries: its corpus of real reports and bulletins, its fixtures.
    fn texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut dirs = vec![root.join("corpus"), root.join("fixtures")];
        let mut texts = Vec::new();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                    if let Ok(text) = std::fs::read_to_string(&path) {
                        texts.push(text);
                    }
                }
            }
        }
        assert!(texts.len() > 100, "the corpus is missing: {}", texts.len());
        texts
    }

    #[test]
    fn anchored_patterns_find_what_each_pattern_finds_over_the_whole_text() {
        let (gated, plain) = gated_and_not();
        assert!(!gated.passes.is_empty() && plain.passes.is_empty());
        let examples = [
            "消除风险**户**人。莅临*检查指导工作。全县共有XX个村。",
            "20XX年全县完成投资x.x亿元，201X年。于X月X日召开会议。全镇X余名机关干部。",
            "由某某同志负责。全年完成投资【待补充】亿元。完成率（待定）。收入增长〇〇%。共□□户。",
            "投资〔…〕万元硬化【……】村道路(...)公里、（。。。）处。＿＿户，___人。TODO：××。",
            "Xbox和FOXX不是占位符。开展X射线检查120例。执行GB/T 15835标准。二〇〇八年。",
            "第一行**\n第二行XX\r\n（待定\n）与（待核实）\n",
        ];
        let mut seen = 0;
        for text in texts().iter().map(String::as_str).chain(examples) {
            let mut a = gated.placeholders(text, false);
            let mut b = plain.placeholders(text, false);
            a.sort();
            b.sort();
            assert_eq!(a, b, "{}", text.chars().take(40).collect::<String>());
            seen += a.len();
        }
        assert!(seen >= 30, "too few placeholders to tell: {seen}");
    }

    #[test]
    fn a_pattern_naming_no_set_of_anchors_is_an_error() {
        let table: toml::Table =
            toml::from_str(r#"patterns = [{ regex = 'XX', anchors = "latin", what = "a" }]"#)
                .unwrap();
        let all = HashMap::new();
        let built = compile(&RuleData {
            id: "placeholder",
            own: &table,
            all: &all,
        });
        assert!(matches!(built, Err(RuleError::Pattern { .. })));
    }
}
