//! `missing-number`: a unit where a number was meant, and none is written.
//!
//! **What it checks**: a unit that is a word of its own (by segmentation, see
//! [`crate::grammar::segment`]) with no figure before it, where a number must stand: right after a
//! word that introduces one (为, 达, 辖 …) or at the end of a clause.
//!
//! **Why it matters**: the sentence states no figure at all; the numbers were lost in editing or
//! a template was never filled in.
//!
//! A household count whose two numbers were both lost after a noun that ends with its first
//! unit (`脱贫户户人`: 脱贫户 N户M人) is a candidate too.
//!
//! **Example**: `下辖个行政村` → the count of villages is missing.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::grammar::lexicon::{
    CharSet, Lexicon, QualifierKind, SuffixTable, WordTable, FIGURE_STARTS,
};
use crate::grammar::segment;
use crate::model::diagnostic::Label;
use crate::model::span::Span;
use crate::model::Document;
use crate::tr;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    counters: Vec<String>,
    noun_units: Vec<String>,
    after: Vec<String>,
    /// The two units of one count (`户` and `人` of `326户1024人`).
    pairs: Vec<(String, String)>,
    /// Words after which 万 or 亿 is a number of its own (`上万人`, `数万人`), besides the
    /// grammar's qualifiers (`逾万人`, `近万人`).
    magnitude_words: Vec<String>,
}

struct MissingNumber {
    data: Data,
    /// The words that introduce a number and mark nothing (辖, 了), each with its searcher.
    introducers: Vec<memchr::memmem::Finder<'static>>,
    /// The words that introduce a number and are markers the walk finds (为, 达, 共).
    marked: Vec<String>,
    /// The byte length of the longest unit.
    longest_unit: usize,
    /// The units, for the longest one a text starts with.
    unit_table: WordTable<()>,
    /// The first characters of the units: most words that introduce a number are followed by
    /// something else, and one look at the next character says so.
    unit_starts: CharSet,
    /// The counters, for the longest one a clause ends with.
    counters: SuffixTable<()>,
    /// The last characters of the counters.
    counter_ends: CharSet,
    /// The words that introduce a number (`data.after`), for whether a text ends with one.
    introducer_ends: SuffixTable<()>,
    /// For each pair of units (`户`, `人`), the searcher of the first unit twice and the second
    /// (`户户人`).
    pair_finders: Vec<memchr::memmem::Finder<'static>>,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let data: Data = d.data()?;
    let units: Vec<&String> = data.counters.iter().chain(&data.noun_units).collect();
    // The words the walk finds as markers are looked up among its markers instead.
    let lexicon = Lexicon::builtin();
    let (marked, after): (Vec<&String>, Vec<&String>) = data.after.iter().partition(|w| {
        lexicon
            .markers
            .match_start(w)
            .is_some_and(|(len, _)| len == w.len())
    });
    let introducers = after
        .iter()
        .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
        .collect();
    let counter_ends = CharSet::of(data.counters.iter().filter_map(|u| u.chars().next_back()));
    let counters = SuffixTable::new(data.counters.iter().map(|u| (u.clone(), ())));
    let introducer_ends = SuffixTable::new(data.after.iter().map(|w| (w.clone(), ())));
    let marked = marked.into_iter().cloned().collect();
    let longest_unit = units.iter().map(|u| u.len()).max().unwrap_or(0);
    let unit_starts = CharSet::of(units.iter().filter_map(|u| u.chars().next()));
    let unit_table = WordTable::new(units.iter().map(|u| (String::clone(u), ())));
    let pair_finders = data
        .pairs
        .iter()
        .map(|(first, second)| {
            memchr::memmem::Finder::new(format!("{first}{first}{second}").as_bytes()).into_owned()
        })
        .collect();
    Ok(Box::new(MissingNumber {
        pair_finders,
        data,
        introducers,
        marked,
        longest_unit,
        unit_table,
        unit_starts,
        counters,
        counter_ends,
        introducer_ends,
    }))
}

/// Characters that end a clause (not `、`: a unit in a list is a list of names).
fn ends_clause(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | ',' | ';' | '！' | '？')
}

/// Whether a figure the grammar read covers `at` or ends right there: the unit is the figure's
/// (`１１６２０亿吨公里`, `五千多人`) or follows one (`7 4 7 7 2亿元`, digits spaced apart).
fn after_figure(doc: &Document, at: usize) -> bool {
    let i = doc.figures.partition_point(|f| f.span.start <= at);
    i.checked_sub(1)
        .and_then(|i| doc.figures.get(i))
        .is_some_and(|f| f.span.end >= at)
}

/// Whether a numeral the grammar does not read as a figure ends with `c` (`超千亿元`,
/// `百余个`): a numeral's character, or 多/余 (the lexicon's suffix qualifiers of kind `more`).
fn ends_numeral(c: char) -> bool {
    let mut buf = [0u8; 4];
    FIGURE_STARTS.contains(c)
        || matches!(
            Lexicon::builtin()
                .suffix_qualifiers
                .match_start(c.encode_utf8(&mut buf)),
            Some((_, QualifierKind::More))
        )
}

impl Rule for MissingNumber {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    /// Candidates are units right after a word that introduces a number (`下辖个`, `为人`) and
    /// counters that end a clause (`距县城公里，`); each is checked where it stands.
    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        // 为, 达 and 共 are markers the walk found already; the other words are searched for.
        for marker in &doc.markers {
            // Only words right before a unit matter: look at the next character first.
            let next = doc
                .text
                .get(marker.span.end..)
                .and_then(|t| t.chars().next());
            if !next.is_some_and(|c| self.unit_starts.contains(c)) {
                continue;
            }
            let word = doc.slice(marker.span);
            if !self.marked.iter().any(|w| w == word) {
                continue;
            }
            let rest = doc.text.get(marker.span.end..).unwrap_or_default();
            if let Some(unit) = self.unit_at(rest) {
                let span = Span::new(marker.span.end, marker.span.end + unit.len());
                let bounds = doc
                    .clauses
                    .get(marker.clause)
                    .and_then(|c| doc.sentences.get(c.sentence))
                    .and_then(|s| doc.blocks.get(s.block))
                    .map_or(span, |b| b.span);
                self.check_unit(doc, bounds, span, true, out);
            }
        }
        // Each introducer is searched for once in the whole text, then placed in its block.
        for finder in &self.introducers {
            for at in finder.find_iter(doc.text.as_bytes()) {
                let from = at + finder.needle().len();
                let rest = doc.text.get(from..).unwrap_or_default();
                if !rest
                    .chars()
                    .next()
                    .is_some_and(|c| self.unit_starts.contains(c))
                {
                    continue;
                }
                let Some(unit) = self.unit_at(rest) else {
                    continue;
                };
                let b = doc.blocks.partition_point(|b| b.span.start <= at);
                let Some(block) = b
                    .checked_sub(1)
                    .and_then(|b| doc.blocks.get(b))
                    .filter(|b| b.span.end >= from + unit.len())
                else {
                    continue;
                };
                let span = Span::new(from, from + unit.len());
                self.check_unit(doc, block.span, span, true, out);
            }
        }
        self.check_pairs(doc, out);
        self.check_bare_items(doc, out);
        for clause in &doc.clauses {
            if !clause.terminator.is_some_and(ends_clause) {
                continue;
            }
            let text = doc.slice(clause.span);
            if !text
                .chars()
                .next_back()
                .is_some_and(|c| self.counter_ends.contains(c))
            {
                continue;
            }
            if let Some((len, ())) = self.counters.match_end(text) {
                let span = Span::new(clause.span.end - len, clause.span.end);
                let before = doc.text.get(..span.start).unwrap_or_default();
                let introduced = self.introducer_ends.match_end(before).is_some();
                // Found above already.
                if !introduced {
                    let bounds = doc
                        .sentences
                        .get(clause.sentence)
                        .and_then(|s| doc.blocks.get(s.block))
                        .map_or(clause.span, |b| b.span);
                    self.check_unit(doc, bounds, span, false, out);
                }
            }
        }
    }
}

/// A span without the white space at its ends.
fn trimmed(doc: &Document, span: Span) -> Span {
    let text = doc.slice(span);
    let start = span.start + (text.len() - text.trim_start().len());
    Span::new(start, start + text.trim().len())
}

/// The length of the magnitude (the lexicon's 万, 亿 …) a unit starts with (`万人`).
fn magnitude_len(unit: &str) -> Option<usize> {
    Lexicon::builtin()
        .magnitudes
        .match_start(unit)
        .map(|(len, _)| len)
}

/// Whether a unit stands as a word of its own where it is written; a unit of a magnitude and a
/// counter (`万人`, which the dictionary splits as 万 + 人) when both of its pieces do.
fn stands_alone(doc: &Document, bounds: Span, span: Span, unit: &str) -> bool {
    let words = segment::builtin();
    if words.alone(&doc.text, bounds, span) {
        return true;
    }
    let Some(len) = magnitude_len(unit).filter(|&len| len < unit.len()) else {
        return false;
    };
    let magnitude = Span::new(span.start, span.start + len);
    words.alone(&doc.text, bounds, magnitude)
        && words.alone(&doc.text, bounds, Span::new(magnitude.end, span.end))
}

impl MissingNumber {
    /// The longest unit `text` starts with.
    fn unit_at<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.unit_table
            .match_start(text)
            .and_then(|(len, ())| text.get(..len))
    }

    /// `分别增加人、人、人`: items of a list joined by 、 that are the same unit and nothing
    /// else lost their numbers (a list of different units, `人、户、个`, may name them); the item
    /// before them ending in that unit lost its number too.
    fn check_bare_items(&self, doc: &Document, out: &mut Emitter<'_>) {
        // A clause is a bare unit only if it is as short as one (most are far longer).
        let longest = self.longest_unit;
        let bare = |i: usize| -> Option<(&str, Span)> {
            let clause = doc.clauses.get(i).filter(|c| c.span.len() <= longest + 8)?;
            // One look at the first character passes over nearly every clause (before trimming
            // its end: the first character is the same).
            let may_be_unit = doc
                .slice(clause.span)
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| self.unit_starts.contains(c));
            if !may_be_unit {
                return None;
            }
            let span = trimmed(doc, clause.span);
            let text = doc.slice(span);
            (self.unit_at(text) == Some(text)).then_some((text, span))
        };
        let joined = |i: usize, j: usize| {
            doc.clauses
                .get(i)
                .is_some_and(|c| c.terminator == Some('、'))
                && doc
                    .clauses
                    .get(i)
                    .zip(doc.clauses.get(j))
                    .is_some_and(|(a, b)| a.sentence == b.sentence)
        };
        for i in 0..doc.clauses.len() {
            let Some((unit, span)) = bare(i) else {
                continue;
            };
            let same_next = joined(i, i + 1) && bare(i + 1).is_some_and(|(u, _)| u == unit);
            let same_before = i
                .checked_sub(1)
                .is_some_and(|p| joined(p, i) && bare(p).is_some_and(|(u, _)| u == unit));
            if !same_next && !same_before {
                continue;
            }
            // The item that opens the run: `分别增加人`.
            let opening = i
                .checked_sub(1)
                .filter(|&p| !same_before && joined(p, i) && bare(p).is_none())
                .and_then(|p| doc.clauses.get(p))
                .map(|c| trimmed(doc, c.span));
            if let Some(opening) = opening {
                let text = doc.slice(opening);
                if let Some(before) = text.strip_suffix(unit) {
                    let at = Span::new(opening.start + before.len(), opening.end);
                    let prev = before.chars().next_back();
                    if prev.is_some_and(|p| segment::is_han(p) && !ends_numeral(p))
                        && !after_figure(doc, at.start)
                    {
                        self.emit_missing(at, unit, out);
                    }
                }
            }
            self.emit_missing(span, unit, out);
        }
    }

    fn emit_missing(&self, span: Span, unit: &str, out: &mut Emitter<'_>) {
        let t = out.tr();
        out.emit(
            span,
            tr!(t, "missing-number-message", unit = unit),
            Some(tr!(t, "missing-number-help", unit = unit)),
            vec![Label::new(span, t.text("missing-number-label"))],
        );
    }

    /// `脱贫户户人`: a noun that ends with a pair's first unit, the unit again and the second
    /// unit, no figure before either (`N户M人` with both numbers lost). Reduplication
    /// (`家家户户人人`) and a second unit that begins a word (`户人家`, `户人均`) are not it.
    fn check_pairs(&self, doc: &Document, out: &mut Emitter<'_>) {
        // One search over the whole text (the pattern is rare), then the block it stands in.
        for ((first, second), finder) in self.data.pairs.iter().zip(&self.pair_finders) {
            for found in finder.find_iter(doc.text.as_bytes()) {
                let b = doc.blocks.partition_point(|b| b.span.start <= found);
                let Some(bounds) = b
                    .checked_sub(1)
                    .and_then(|b| doc.blocks.get(b))
                    .map(|b| b.span)
                    .filter(|s| s.end >= found + finder.needle().len())
                else {
                    continue;
                };
                let text = doc.slice(bounds);
                let at = found - bounds.start;
                let before: Vec<char> = text
                    .get(..at)
                    .unwrap_or_default()
                    .chars()
                    .rev()
                    .take(2)
                    .collect();
                let noun_end = before
                    .first()
                    .is_some_and(|c| segment::is_han(*c) && !ends_numeral(*c));
                let reduplicated = before.len() == 2 && before.first() == before.get(1);
                let start = bounds.start + at + first.len();
                let span = Span::new(start, start + first.len() + second.len());
                let second_span = Span::new(span.end - second.len(), span.end);
                if !noun_end
                    || reduplicated
                    || doc
                        .text
                        .get(span.end..)
                        .is_some_and(|t| t.starts_with(second.as_str()))
                    || !segment::builtin().alone(&doc.text, bounds, second_span)
                {
                    continue;
                }
                let t = out.tr();
                out.emit(
                    span,
                    tr!(
                        t,
                        "missing-number-pair-message",
                        first = first,
                        second = second
                    ),
                    Some(tr!(
                        t,
                        "missing-number-pair-help",
                        first = first,
                        second = second
                    )),
                    vec![
                        Label::new(
                            Span::new(span.start, span.start + first.len()),
                            t.text("missing-number-label-households"),
                        ),
                        Label::new(second_span, t.text("missing-number-label-persons")),
                    ],
                );
            }
        }
    }

    /// Report the unit at `span` (in block `bounds`) if no number stands before it where one
    /// must.
    fn check_unit(
        &self,
        doc: &Document,
        bounds: Span,
        span: Span,
        introduced: bool,
        out: &mut Emitter<'_>,
    ) {
        let unit = doc.slice(span);
        let before = doc.text.get(bounds.start..span.start).unwrap_or_default();
        // Figures written with spaces between their digits (`7 4 7 7 2亿元`).
        let prev = before
            .trim_end_matches([' ', '\u{3000}'])
            .chars()
            .next_back();
        let next = doc
            .text
            .get(span.end..bounds.end)
            .and_then(|t| t.chars().next());
        let figure_end = before.trim_end_matches([' ', '\u{3000}']).len() + bounds.start;
        if prev.is_none_or(|p| !segment::is_han(p) || ends_numeral(p))
            || after_figure(doc, span.start)
            || after_figure(doc, figure_end)
        {
            return;
        }
        // `逾万人`, `上万人`: 万 is the number.
        let makes_it_a_number = || {
            Lexicon::builtin()
                .prefix_qualifiers
                .match_end(before)
                .is_some()
                || self
                    .data
                    .magnitude_words
                    .iter()
                    .any(|w| before.ends_with(w.as_str()))
        };
        if magnitude_len(unit).is_some() && makes_it_a_number() {
            return;
        }
        let at_clause_end = next.is_none_or(ends_clause);
        let counter = self.data.counters.iter().any(|c| c == unit);
        let slot = if counter {
            introduced || at_clause_end
        } else {
            introduced && at_clause_end
        };
        if !slot || !stands_alone(doc, bounds, span, unit) {
            return;
        }
        self.emit_missing(span, unit, out);
    }
}
