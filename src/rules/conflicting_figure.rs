//! `conflicting-figure`: one figure stated twice in a document with values that cannot both hold.
//!
//! **What it checks**: two levels of one document whose subjects are the same words and name a
//! whole area or a running total (`全县累计识别监测对象1411户` … `全县累计识别监测对象1511户`),
//! of one unit, whose intervals do not meet, in sentences that date them alike: the same years,
//! dates and period words (`上半年`, `截至`, `预计`), and neither explaining a difference
//! (`不变价格`, `调整口径`).
//!
//! **Why it matters**: a figure updated in one place and not in the other is the commonest trace
//! of a report assembled from drafts; the reader cannot tell which to believe.
//!
//! **Example**: `全县累计识别监测对象1411户。…全县累计识别监测对象1511户。` → 1411户 ≠ 1511户.

use super::{Emitter, Rule, RuleData, RuleError};
use crate::grammar::lexicon::CharSet;
use crate::model::diagnostic::Label;
use crate::model::{Claim, Document, FigureKind, Reading};
use crate::tr;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    /// Words a subject must open with (after a year): a whole area or a running total.
    opening_words: Vec<String>,
    /// Words that explain why one figure is stated with two values (`不变价格`, `口径`).
    why_words: Vec<String>,
    /// Words that date a figure (`上半年`, `截至`, `预计`): two statements are compared only when
    /// their sentences hold the same ones.
    period_words: Vec<String>,
    /// The fewest characters of a subject.
    min_subject_chars: usize,
}

struct ConflictingFigure {
    data: Data,
    /// The first characters of the opening words.
    opening_starts: CharSet,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let data: Data = d.data()?;
    let opening_starts = CharSet::of(data.opening_words.iter().filter_map(|w| w.chars().next()));
    Ok(Box::new(ConflictingFigure {
        data,
        opening_starts,
    }))
}

impl Rule for ConflictingFigure {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        // First the statements by subject and unit alone: only a subject stated with two values
        // needs its statements dated (most are stated once, or alike).
        let mut by_subject: HashMap<(&str, &'static str), Vec<&Claim>> = HashMap::new();
        for c in &doc.claims {
            if let Some(subject) = self.subject(doc, c) {
                by_subject
                    .entry((subject, c.quantity.base_unit()))
                    .or_default()
                    .push(c);
            }
        }
        let mut groups: Vec<(&str, Vec<&Claim>)> = by_subject
            .into_iter()
            .filter(|(_, claims)| {
                let first = claims.first().map(|c| c.quantity.interval);
                claims.iter().any(|c| Some(c.quantity.interval) != first)
            })
            .map(|((subject, _), claims)| (subject, claims))
            .collect();
        // In the order of the text, so that findings come out alike on every run.
        groups.sort_by_key(|(_, claims)| claims.first().map(|c| c.span.start));
        let mut words: HashMap<usize, Vec<usize>> = HashMap::new();
        for (subject, claims) in groups {
            self.contradictions(doc, subject, &claims, &mut words, out);
        }
    }
}

impl ConflictingFigure {
    /// Report each statement of `claims` (one subject and unit, in order) that contradicts every
    /// earlier one dated alike. Statements repeated alike are kept once, with the first.
    fn contradictions<'d>(
        &self,
        doc: &'d Document,
        subject: &str,
        claims: &[&'d Claim],
        words: &mut HashMap<usize, Vec<usize>>,
        out: &mut Emitter<'_>,
    ) {
        let mut seen: HashMap<(Vec<String>, Vec<usize>), Vec<&Claim>> = HashMap::new();
        for c in claims {
            let period = words
                .entry(c.sentence)
                .or_insert_with(|| self.period_words(doc, c.sentence))
                .clone();
            let earlier = seen.entry((self.dates(doc, c), period)).or_default();
            let others: Vec<&&Claim> = earlier
                .iter()
                .filter(|e| e.sentence != c.sentence)
                .collect();
            let contradicted = !others.is_empty()
                && others
                    .iter()
                    .all(|e| e.quantity.interval.disjoint(&c.quantity.interval));
            if contradicted
                && !self.explained(doc, c)
                && !others.iter().any(|e| self.explained(doc, e))
            {
                if let Some(first) = others.first() {
                    report(doc, subject, first, c, out);
                }
            }
            if !earlier
                .iter()
                .any(|e| e.quantity.interval == c.quantity.interval)
            {
                earlier.push(c);
            }
        }
    }

    /// The subject a claim is compared by: a level's subject opening (after a year) with a word
    /// of a whole area or a running total, long enough to name one thing.
    fn subject<'d>(&self, doc: &'d Document, c: &Claim) -> Option<&'d str> {
        let d = &self.data;
        if c.reading != Reading::Level || !c.is_amount() || c.bracket.is_some() {
            return None;
        }
        let subject = doc
            .slice(c.subject)
            .trim()
            .trim_end_matches(['为', '是', '达', '有', '共']);
        // `2022年全县…`: a year before the opening word.
        let without_year = crate::grammar::numerals::after_year(subject).unwrap_or(subject);
        // The first character decides for nearly every subject, without comparing words.
        let opens = without_year
            .chars()
            .next()
            .is_some_and(|first| self.opening_starts.contains(first))
            && d.opening_words
                .iter()
                .any(|w| without_year.starts_with(w.as_str()));
        if !opens
            || subject.chars().count() < d.min_subject_chars
            || subject.contains(['，', ',', '、', '（', '('])
        {
            return None;
        }
        let block = doc
            .sentences
            .get(c.sentence)
            .and_then(|s| doc.blocks.get(s.block))?;
        (!block.table_row).then_some(subject)
    }

    /// The years, dates and periods written in a claim's sentence before it.
    fn dates(&self, doc: &Document, c: &Claim) -> Vec<String> {
        let Some(sentence) = doc.sentences.get(c.sentence) else {
            return Vec::new();
        };
        let before = crate::model::span::Span::new(sentence.span.start, c.span.start);
        doc.figures_in(before)
            .iter()
            .filter(|f| {
                matches!(
                    f.kind,
                    FigureKind::Year | FigureKind::Date { .. } | FigureKind::Period
                )
            })
            .map(|f| doc.slice(f.span).to_owned())
            .collect()
    }

    /// The period words (their places in the data) of sentence `s`.
    fn period_words(&self, doc: &Document, s: usize) -> Vec<usize> {
        let text = doc.sentences.get(s).map_or("", |s| doc.slice(s.span));
        self.data
            .period_words
            .iter()
            .enumerate()
            .filter(|(_, w)| text.contains(w.as_str()))
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether the claim's sentence says why a figure may differ.
    fn explained(&self, doc: &Document, c: &Claim) -> bool {
        doc.sentences.get(c.sentence).is_some_and(|s| {
            let text = doc.slice(s.span);
            self.data
                .why_words
                .iter()
                .any(|w| text.contains(w.as_str()))
        })
    }
}

fn report(doc: &Document, subject: &str, first: &Claim, c: &Claim, out: &mut Emitter<'_>) {
    let (a, b) = (doc.slice(first.span), doc.slice(c.span));
    let line = doc.line_col(first.span.start).0;
    let t = out.tr();
    out.emit(
        c.span,
        tr!(
            t,
            "conflicting-figure-message",
            subject = subject,
            line = line,
            first = a,
            here = b
        ),
        Some(tr!(
            t,
            "conflicting-figure-help",
            subject = subject,
            first = a,
            here = b
        )),
        vec![
            Label::new(
                first.span,
                tr!(t, "conflicting-figure-label-first", figure = a),
            ),
            Label::new(c.span, tr!(t, "conflicting-figure-label-here", figure = b)),
        ],
    );
}
