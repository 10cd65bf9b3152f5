//! Rates stated with the counts they come from (`markers.toml` `[rate-counts]`): in one
//! sentence (with its `；`-joined period), a rate (`达标率97.1%`), the figure it counts (`已达标303户`) or the figure it leaves
//! out (`未达标9户`), and the whole they are of (`全村312户`).
//!
//! The counted figure is the nearest level before the rate whose own clause names it (the words
//! after its clause's start: `其中未达标9户`); the whole is the nearest level before that, of the
//! same unit, whose subject names the whole area (`全村`, `全县`) or a total (`共`, `总`). Where
//! either is missing, there is no relation.

use super::lexicon::{Lexicon, RateCount};
use crate::model::{Claim, Document, Reading, Relation};

/// Whether `c` may be a count of the relation: a level amount that is not a percentage.
fn count(c: &Claim) -> bool {
    c.is_amount() && c.reading == Reading::Level && !c.quantity.is_percent()
}

/// The text of a subject from its clause's last separator on.
fn own_clause(subject: &str) -> &str {
    subject
        .rfind(['，', ',', '；', ';', '：', ':', '。'])
        .and_then(|i| subject.get(i..))
        .unwrap_or(subject)
}

/// Relate the rates of every sentence to their counts.
pub(super) fn rate_counts(lx: &Lexicon, doc: &Document, relations: &mut Vec<Relation>) {
    let rates = &lx.rate_counts.rates;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        // Every rate's word ends with 率: most sentences hold none.
        if !doc.slice(sentence.span).contains('率') {
            continue;
        }
        // The sentence and its period (`；`-joined sentences before it), nothing further: a rate
        // relates to the counts stated with it.
        let (claims, own, first) = doc.scope_claims(s);
        if claims.len() < 3 {
            continue;
        }
        for (ri, rate) in claims.iter().enumerate().skip(own) {
            if !rate.quantity.is_percent()
                || !rate.is_amount()
                || !matches!(rate.reading, Reading::Rate | Reading::Level)
            {
                continue;
            }
            let subject = own_clause(doc.slice(rate.subject));
            // Every rate's word ends with 率: most subjects hold none.
            if !subject.contains('率') {
                continue;
            }
            let Some(kind) = rates.iter().find(|r| subject.contains(r.rate.as_str())) else {
                continue;
            };
            let before = claims.get(..ri).unwrap_or_default();
            if let Some((counted, complement, base)) = counts(lx, doc, before, kind) {
                relations.push(Relation::RateOfCounts {
                    rate: first + ri,
                    base: first + base,
                    counted: first + counted,
                    complement,
                });
            }
        }
    }
}

/// The counted figure (index in `before`), whether it is the rest, and the whole's index.
fn counts(
    lx: &Lexicon,
    doc: &Document,
    before: &[Claim],
    kind: &RateCount,
) -> Option<(usize, bool, usize)> {
    let (ci, complement) = before.iter().enumerate().rev().find_map(|(i, c)| {
        if !count(c) {
            return None;
        }
        let own = own_clause(doc.slice(c.subject));
        if kind.complement.iter().any(|w| own.contains(w.as_str())) {
            Some((i, true))
        } else if kind.counted.iter().any(|w| own.contains(w.as_str())) {
            Some((i, false))
        } else {
            None
        }
    })?;
    let counted = before.get(ci)?;
    let bi = before.get(..ci)?.iter().rposition(|b| {
        let own = own_clause(doc.slice(b.subject));
        count(b)
            && b.quantity.commensurable(&counted.quantity)
            && (lx.bases.area.iter().any(|w| own.contains(w.as_str()))
                || own.contains('共')
                || own.contains('总'))
    })?;
    Some((ci, complement, bi))
}
