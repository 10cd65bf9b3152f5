//! `share-mismatch`: a percentage that does not match its counts.
//!
//! **What it checks**: `占`/`占比`/`比重` percentages against the part before them and their base,
//! where the base is certain:
//! - a base followed by 中 (`12个县中，9个县达标、占80%`);
//! - a base the share names (`占生产总值的比重为4.1%`): the nearest earlier figure, in the
//!   paragraph or the one before, whose subject is that base (`全年全县生产总值914326万元`);
//! - the whole of a 其中 part (`企业200家，其中规上企业50家，占30%`); when that whole carries a
//!   share of its own (`60岁及以上22559人，占14.18%，其中65岁及以上16536人，占8.25%`), the part's
//!   share may be of the whole or of the whole's base, and only a share that fits neither counts;
//! - shares of one unstated base in one sentence (`0-14岁60699人，占30.28%；15-59岁…；60岁及以上…`):
//!   every pair of part and share gives an interval for that base; when all but one agree, the one
//!   whose base lies outside theirs is reported.
//!
//! **Why it matters**: readers compute the share in their heads; a mismatch means one of three
//! figures is wrong.
//!
//! **Example**: `全市12个县中，9个县达标、占80%` → 9 ÷ 12 = 75%, not 80%.

use super::common::{encloses, usable, Quotient, Shown};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::interval::Interval;
use crate::model::MarkerKind;
use crate::model::{Claim, Document, Reading};
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Data {
    base_words: BaseWords,
}

/// The words around a named base that are not its name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct BaseWords {
    /// Written after the name (`的比重`, `为`).
    after: Vec<String>,
    /// Written before the name: the area it covers (`全市`, `全县`).
    before: Vec<String>,
    /// Words that may stand right before the name in the subject of the whole's figure
    /// (`全年实现生产总值`), besides the area words.
    whole: Vec<String>,
}

struct ShareMismatch {
    base_words: BaseWords,
}

pub(super) fn build(d: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    let d: Data = d.data()?;
    Ok(Box::new(ShareMismatch {
        base_words: d.base_words,
    }))
}

/// A part and its share whose base is not stated: a member of a common-base group.
struct Member<'a> {
    part: &'a Claim,
    share: &'a Claim,
    /// The base this pair implies: part ÷ share × 100.
    base: Interval,
}

/// How far back (in blocks) a named base is looked for.
const NAMED_BASE_BLOCKS: usize = 1;

impl Rule for ShareMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        // Groups of shares of one unstated base live through a period: sentences joined by `；`.
        let mut groups: Vec<(String, Vec<Member<'_>>)> = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let claims = doc.sentence_claims(s);
            for (si, share) in claims.iter().enumerate() {
                if share.reading != Reading::Share || !usable(share) {
                    continue;
                }
                let before = claims.get(..si).unwrap_or_default();
                let Some(pi) = part_index(before) else {
                    continue;
                };
                let Some(part) = before.get(pi) else {
                    continue;
                };
                let earlier = before.get(..pi).unwrap_or_default();
                let commensurable =
                    |c: &&Claim| usable(c) && c.quantity.commensurable(&part.quantity);
                // 1. `12个县中`: the base is marked.
                if let Some(base) = earlier.iter().rev().filter(commensurable).find(|c| c.among) {
                    check_share(doc, part, base, share, out);
                    continue;
                }
                // 2. A base the share names.
                let phrase = self.base_phrase(doc, share);
                if !phrase.is_empty() {
                    let global = sentence.claims.start + pi;
                    match self.named_base(doc, global, part, &phrase) {
                        Some(base) => check_share(doc, part, base, share, out),
                        // Shares that name one base we cannot find share it still.
                        None => group(&mut groups, phrase, part, share),
                    }
                    continue;
                }
                // 3. The whole of a 其中 part.
                if part.has(MarkerKind::Subset) {
                    let Some((wi, whole)) = earlier
                        .iter()
                        .enumerate()
                        .rev()
                        .filter(|(_, c)| commensurable(c))
                        .find(|(_, c)| !c.has(MarkerKind::Subset) && encloses(c, part))
                    else {
                        continue;
                    };
                    let whole_share = earlier
                        .get(wi + 1..)
                        .unwrap_or_default()
                        .iter()
                        .find(|c| c.reading == Reading::Share && usable(c));
                    if whole_share.is_none() {
                        check_share(doc, part, whole, share, out);
                        continue;
                    }
                    // The part's share may be of the whole: then it belongs to no group.
                    let of_whole = part
                        .quantity
                        .interval
                        .div(&whole.quantity.interval)
                        .map(|q| q.scale(Decimal::ONE_HUNDRED));
                    if of_whole.is_none_or(|q| !q.disjoint(&share.quantity.interval)) {
                        continue;
                    }
                }
                // 4. A share of the base the sentence's other shares are of.
                group(&mut groups, String::new(), part, share);
            }
            let period_goes_on = doc.slice(sentence.span).ends_with(['；', ';'])
                && doc
                    .sentences
                    .get(s + 1)
                    .is_some_and(|next| next.block == sentence.block);
            if !period_goes_on {
                for (_, members) in groups.drain(..) {
                    common_base(doc, &members, out);
                }
            }
        }
    }
}

/// The part of a share: the nearest counted level before it, with nothing but changes and
/// percentages between (`第一产业增加值37952万元，增长3.9%，占生产总值的比重为4.1%`).
fn part_index(before: &[Claim]) -> Option<usize> {
    for (i, c) in before.iter().enumerate().rev() {
        if c.quantity.is_percent() || matches!(c.reading, Reading::Change | Reading::CategoryBound)
        {
            continue;
        }
        return (usable(c) && c.reading == Reading::Level).then_some(i);
    }
    None
}

fn group<'a>(
    groups: &mut Vec<(String, Vec<Member<'a>>)>,
    key: String,
    part: &'a Claim,
    share: &'a Claim,
) {
    let Some(base) = part
        .quantity
        .interval
        .div(&share.quantity.interval)
        .map(|q| q.scale(Decimal::ONE_HUNDRED))
    else {
        return;
    };
    let member = Member { part, share, base };
    match groups.iter_mut().find(|(k, m)| {
        *k == key
            && m.first()
                .is_some_and(|f| f.part.quantity.commensurable(&part.quantity))
    }) {
        Some((_, members)) => members.push(member),
        None => groups.push((key, vec![member])),
    }
}

impl ShareMismatch {
    /// The base a share names, without the words around it: `占生产总值的比重为4.1%` →
    /// `生产总值`, `占全市生产總值45.2%` → `生产總值`, `占比 87.9%` → ``.
    fn base_phrase(&self, doc: &Document, share: &Claim) -> String {
        let Some(first) = doc
            .clause_markers(share.clause)
            .iter()
            .find(|m| m.kind == MarkerKind::Share && m.span.end <= share.span.start)
        else {
            return String::new();
        };
        let mut phrase: String = doc
            .text
            .get(first.span.end..share.span.start)
            .unwrap_or_default()
            .trim()
            .to_owned();
        // A bracketed aside at its end (`总人口的比重（即城镇化率）`) is no part of the name.
        if phrase.ends_with(['）', ')']) {
            if let Some(open) = phrase.rfind(['（', '(']) {
                phrase.truncate(open);
            }
        }
        loop {
            let before = phrase.len();
            for w in &self.base_words.after {
                if let Some(p) = phrase.strip_suffix(w.as_str()) {
                    phrase = p.trim_end().to_owned();
                }
            }
            if phrase.len() == before {
                break;
            }
        }
        phrase
    }

    /// The name of a base without the area written before it (`全市生产总值` → `生产总值`).
    fn core<'p>(&self, phrase: &'p str) -> &'p str {
        self.base_words
            .before
            .iter()
            .find_map(|w| phrase.strip_prefix(w.as_str()))
            .unwrap_or(phrase)
    }

    /// Whether a subject names the base `phrase` of the whole area, not of a part of it:
    /// `全年全县实现地区生产总值` names 生产总值, `县域生产总值` and `人均生产总值` do not.
    fn names_base(&self, subject: &str, phrase: &str) -> bool {
        let core = self.core(phrase);
        if core.is_empty() {
            return false;
        }
        let whole_area = |before: &str| {
            let before = before.trim_end();
            before.is_empty()
                || before.ends_with([',', '，', '：', ':', '、'])
                || self
                    .base_words
                    .before
                    .iter()
                    .chain(&self.base_words.whole)
                    .any(|w| before.ends_with(w.as_str()))
        };
        [phrase, core].into_iter().any(|name| {
            subject
                .match_indices(name)
                .any(|(i, _)| whole_area(subject.get(..i).unwrap_or_default()))
        })
    }

    /// The figure whose subject is the named base: the nearest level before the part, in its
    /// block or the one before, commensurable with the part.
    fn named_base<'a>(
        &self,
        doc: &'a Document,
        part_index: usize,
        part: &Claim,
        phrase: &str,
    ) -> Option<&'a Claim> {
        let block = doc.sentences.get(part.sentence)?.block;
        doc.claims
            .get(..part_index)?
            .iter()
            .rev()
            .take_while(|c| {
                doc.sentences
                    .get(c.sentence)
                    .is_some_and(|s| s.block + NAMED_BASE_BLOCKS >= block)
            })
            .find(|c| {
                usable(c)
                    && c.reading == Reading::Level
                    && !c.quantity.is_percent()
                    && c.quantity.commensurable(&part.quantity)
                    && self.names_base(doc.slice(c.subject), phrase)
            })
    }
}

fn check_share(doc: &Document, part: &Claim, base: &Claim, share: &Claim, out: &mut Emitter<'_>) {
    Quotient {
        numerator: part,
        denominator: base,
        stated: share,
        factor: Decimal::ONE_HUNDRED,
        names: ["部分", "基数", "占比"],
        shown: Shown::plain("%"),
    }
    .check(doc, out);
}

/// Shares of one unstated base: report the one pair whose base disagrees with all the others',
/// when at least two others agree.
fn common_base(doc: &Document, members: &[Member<'_>], out: &mut Emitter<'_>) {
    if members.len() < 3 {
        return;
    }
    let meet = |skip: Option<usize>| {
        let mut it = members
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != skip)
            .map(|(_, m)| m.base);
        let first = it.next()?;
        it.try_fold(first, |acc, b| acc.intersect(&b))
    };
    if meet(None).is_some() {
        return;
    }
    let outliers: Vec<(usize, Interval)> = (0..members.len())
        .filter_map(|i| meet(Some(i)).map(|common| (i, common)))
        .collect();
    let [(odd, common)] = outliers.as_slice() else {
        return;
    };
    let Some(m) = members.get(*odd) else {
        return;
    };
    let shown = Shown::like(&m.part.quantity);
    let (part, share) = (doc.slice(m.part.span), doc.slice(m.share.span));
    let others: Vec<String> = members
        .iter()
        .enumerate()
        .filter(|(i, _)| i != odd)
        .map(|(_, o)| format!("{} ÷ {}", doc.slice(o.part.span), doc.slice(o.share.span)))
        .collect();
    let mut labels = vec![
        Label::new(m.part.span, format!("部分 {part}")),
        Label::new(m.share.span, format!("占比 {share}")),
    ];
    // The agreeing shares of the same level (not of 其中 parts) label where the base comes from;
    // the help names every one.
    labels.extend(
        members
            .iter()
            .enumerate()
            .filter(|(i, o)| i != odd && !o.part.has(MarkerKind::Subset))
            .map(|(_, o)| {
                Label::new(
                    o.share.span,
                    format!("同一基数的占比 {}", doc.slice(o.share.span)),
                )
            }),
    );
    out.emit(
        m.share.span,
        format!("占比 {share} 与同句其他占比的基数不符"),
        Some(format!(
            "{part} ÷ {share} 得基数 {}，而 {} 得基数 {}",
            shown.computed(&m.base).trim_start_matches(['=', '≈', ' ']),
            others.join("、"),
            shown.computed(common).trim_start_matches(['=', '≈', ' '])
        )),
        labels,
    );
}
