//! `percentage-point`: a change of a share or rate written in `%` where 个百分点 is meant.
//!
//! **What it checks**: a change written in % (`降低1.2%`) of a figure that is itself a
//! percentage: a share (`比重`, `占比`) or a rate (`城镇化率`) its subject names, or the rate or
//! share stated just before it in the sentence (`森林覆盖率达到62%，比上年提高2%`).
//!
//! **Why it matters**: the difference of two percentages is in 个百分点; `比重降低1.2%` reads as a
//! fall of 1.2 % of the share (from 20 % to 19.76 %), not of 1.2 points, and the figures around it
//! (the other shares' changes, which must sum to zero) do not fit the first reading.
//!
//! **Example**: `第一产业所占比重比上年比重降低1.2%` → `1.2个百分点`?

use super::{Emitter, Rule, RuleData, RuleError};
use crate::grammar::lexicon::Lexicon;
use crate::model::diagnostic::Label;
use crate::model::{Document, Reading};
use crate::tr;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    /// Words that open a change of the figure stated before it (`比上年`).
    compared_with: Vec<String>,
}

struct PercentagePoint {
    data: Data,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(PercentagePoint { data: d.data()? }))
}

impl Rule for PercentagePoint {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        // The words of shares and of direction are the grammar's (`[changes]` of markers.toml).
        let changes = &Lexicon::builtin().changes;
        for s in 0..doc.sentences.len() {
            let claims = doc.sentence_claims(s);
            for (i, c) in claims.iter().enumerate() {
                if c.reading != Reading::Change
                    || !c.quantity.is_percent()
                    || c.quoted
                    || c.quantity.range
                {
                    continue;
                }
                let subject = doc.slice(c.subject);
                // Most changes in % are of amounts: their subjects name no share or rate and do
                // not open with 比上年.
                let may_be = c.rate.is_some()
                    || changes
                        .share_words
                        .iter()
                        .chain(&self.data.compared_with)
                        .any(|w| subject.contains(w.as_str()));
                // Over several years (年均) a change is no difference of two shares.
                let per_year = changes
                    .not_between
                    .iter()
                    .any(|w| subject.contains(w.as_str()));
                if !may_be || per_year {
                    continue;
                }
                // The change is the share's or rate's only when its word of direction comes after
                // the share or rate (`城镇化率提高`, not `对经济增长贡献率达`).
                let Some((direction, _)) = changes.last_direction(subject) else {
                    continue;
                };
                let before = subject.get(..direction).unwrap_or_default();
                let rate_before = c
                    .rate
                    .is_some_and(|r| r.name.end <= c.subject.start + direction);
                let named = rate_before
                    || changes
                        .share_words
                        .iter()
                        .any(|w| before.contains(w.as_str()));
                // `…率达到62%，比上年提高2%`: the change of the level just before it.
                let compared = self
                    .data
                    .compared_with
                    .iter()
                    .any(|w| subject.starts_with(w.as_str()))
                    && i.checked_sub(1)
                        .and_then(|p| claims.get(p))
                        .is_some_and(|p| {
                            p.quantity.is_percent()
                                && matches!(p.reading, Reading::Rate | Reading::Share)
                                && p.clause + 1 == c.clause
                        });
                if !named && !compared {
                    continue;
                }
                let written = doc.slice(c.span);
                let value = written.trim_end_matches(['%', '％']);
                let t = out.tr();
                out.emit(
                    c.span,
                    tr!(
                        t,
                        "percentage-point-message",
                        written = written,
                        value = value
                    ),
                    Some(tr!(t, "percentage-point-help", written = written)),
                    vec![Label::new(c.span, t.text("percentage-point-label"))],
                );
            }
        }
    }
}
