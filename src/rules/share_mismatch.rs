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

use super::common::{interval_sum, written_sum, Quotient, Shown};
use super::{Emitter, Rule, RuleData, RuleError};
use crate::model::diagnostic::Label;
use crate::model::interval::Interval;
use crate::model::{Claim, Document, FigureKind, MarkerKind, Relation, ShareBase, Span};
use crate::tr;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

struct ShareMismatch;

pub(super) fn build(_: &RuleData<'_>) -> Result<Box<dyn Rule>, RuleError> {
    Ok(Box::new(ShareMismatch))
}

/// A part and its share whose base is not stated: a member of a common-base group.
struct Member<'a> {
    part: &'a Claim,
    share: &'a Claim,
    /// The base this pair implies: part ÷ share × 100.
    base: Interval,
    /// The share is of a part of an identity whose every part the group holds (see
    /// [`ShareBase::Common`]).
    defined: bool,
}

impl Rule for ShareMismatch {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    /// The grammar relates each share to its part and base (`Document::relations`); the rule
    /// does the arithmetic.
    fn check(&self, doc: &Document, out: &mut Emitter<'_>) {
        let claim = |i: usize| doc.claims.get(i);
        let mut groups: BTreeMap<usize, Vec<Member<'_>>> = BTreeMap::new();
        for relation in &doc.relations {
            if let Relation::Composition {
                ratio,
                parts,
                whole,
            } = relation
            {
                composition(doc, *ratio, parts, *whole, out);
                continue;
            }
            if let Relation::RateOfCounts {
                rate,
                base,
                counted,
                complement,
            } = *relation
            {
                if let (Some(rate), Some(base), Some(counted)) =
                    (claim(rate), claim(base), claim(counted))
                {
                    rate_of_counts(doc, rate, base, counted, complement, out);
                }
                continue;
            }
            let Relation::Share { part, share, base } = *relation else {
                continue;
            };
            let (Some(part), Some(share)) = (claim(part), claim(share)) else {
                continue;
            };
            match base {
                ShareBase::Claim(b) => {
                    if let Some(base) = claim(b) {
                        check_share(doc, part, base, share, out);
                    }
                }
                ShareBase::Common {
                    group,
                    or_whole,
                    defined,
                } => {
                    // A share that fits its 其中 part's whole is of that whole, not of the group's
                    // base.
                    let of_whole = or_whole.and_then(claim).map(|w| {
                        part.quantity
                            .interval
                            .div(&w.quantity.interval)
                            .map(|q| q.scale(Decimal::ONE_HUNDRED))
                    });
                    if let Some(q) = of_whole {
                        if q.is_none_or(|q| !q.disjoint(&share.quantity.interval)) {
                            continue;
                        }
                    }
                    if let Some(base) = part
                        .quantity
                        .interval
                        .div(&share.quantity.interval)
                        .map(|q| q.scale(Decimal::ONE_HUNDRED))
                    {
                        groups.entry(group).or_default().push(Member {
                            part,
                            share,
                            base,
                            defined,
                        });
                    }
                }
            }
        }
        for members in groups.values() {
            common_base(doc, members, out);
        }
    }
}

fn check_share(doc: &Document, part: &Claim, base: &Claim, share: &Claim, out: &mut Emitter<'_>) {
    Quotient {
        numerator: part,
        denominator: base,
        stated: share,
        factor: Decimal::ONE_HUNDRED,
        names: ["name-part", "name-base", "name-share"],
        shown: Shown::plain("%"),
    }
    .check(doc, out);
}

/// A composition (`三次产业结构19.5:34.6:45.9`) of stated parts: each share must be its part's
/// share of the whole, which lies both in the stated whole (if any) and in the parts' sum; a share
/// that no rounding of the figures explains is reported.
fn composition(
    doc: &Document,
    ratio: usize,
    parts: &std::ops::Range<usize>,
    whole: Option<usize>,
    out: &mut Emitter<'_>,
) {
    let Some(figure) = doc.figures.get(ratio) else {
        return;
    };
    let FigureKind::Ratio(shares) = &figure.kind else {
        return;
    };
    let parts: Vec<&Claim> = doc.members_of(parts).collect();
    let whole = whole.and_then(|w| doc.claims.get(w));
    let sum = interval_sum(&parts);
    // The parts make the whole: the base lies in both the stated whole and the parts' sum (when
    // they do not meet, sum-mismatch reports the whole).
    let base = match whole {
        Some(w) => match w.quantity.interval.intersect(&sum) {
            Some(b) => b,
            None => return,
        },
        None => sum,
    };
    // Each share's place in the written ratio.
    let written = doc.slice(figure.span);
    let origin = figure.span.start;
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, sep) in written
        .match_indices([':', '：'])
        .chain(std::iter::once((written.len(), "")))
    {
        pieces.push(Span::new(origin + start, origin + i));
        start = i + sep.len();
    }
    let percent = |p: &Claim, base: &Interval| {
        p.quantity
            .interval
            .div(base)
            .map(|q| q.scale(Decimal::ONE_HUNDRED))
    };
    for ((part, share), piece) in parts.iter().zip(shares).zip(&pieces) {
        let Some(q) = percent(part, &base) else {
            continue;
        };
        if !q.disjoint(share) {
            continue;
        }
        let (base_text, base_span) = match whole {
            Some(w) => (doc.slice(w.span).to_owned(), Some(w.span)),
            None => (format!("({})", written_sum(doc, &parts)), None),
        };
        let t = out.tr();
        let mut labels = vec![
            Label::new(*piece, tr!(t, "label-share", figure = doc.slice(*piece))),
            Label::new(
                part.span,
                tr!(t, "label-part", figure = doc.slice(part.span)),
            ),
        ];
        if let Some(s) = base_span {
            labels.push(Label::new(s, tr!(t, "label-base", figure = doc.slice(s))));
        }
        out.emit(
            *piece,
            tr!(
                t,
                "share-mismatch-composition-message",
                composition = written,
                share = doc.slice(*piece),
                part = doc.slice(part.span),
                base = &base_text
            ),
            Some(tr!(
                t,
                "share-mismatch-composition-help",
                part = doc.slice(part.span),
                base = &base_text,
                computed = Shown::plain("%").computed_beside(t, &q, share),
                stated = Shown::plain("%").stated(t, share)
            )),
            labels,
        );
    }
}

/// Shares of one unstated base: report the one pair whose base disagrees with all the others',
/// when at least two others agree; or, where the shares are of the parts of one identity and so of
/// one base for certain (`城镇人口…占64.97%；乡村人口…占35.03%`), the second of two pairs whose
/// bases do not meet (which of the two is wrong, the text does not say: both are labelled).
fn common_base(doc: &Document, members: &[Member<'_>], out: &mut Emitter<'_>) {
    let defined_pair = members.len() == 2 && members.iter().all(|m| m.defined);
    if members.len() < 3 && !defined_pair {
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
    // Of a defined pair the second is reported, against the first's base (the text does not say
    // which is wrong); else the one pair without which the others agree.
    let other = members.first().filter(|_| defined_pair);
    let outliers: Vec<(usize, Interval)> = match other {
        Some(first) => vec![(1, first.base)],
        None => (0..members.len())
            .filter_map(|i| meet(Some(i)).map(|common| (i, common)))
            .collect(),
    };
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
    let t = out.tr();
    let mut labels = vec![
        Label::new(m.part.span, tr!(t, "label-part", figure = part)),
        Label::new(m.share.span, tr!(t, "label-share", figure = share)),
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
                    tr!(
                        t,
                        "share-mismatch-label-same-base",
                        figure = doc.slice(o.share.span)
                    ),
                )
            }),
    );
    // Two shares of an identity's parts: neither is the odd one; the other part is labelled too.
    if let Some(o) = other {
        labels.push(Label::new(
            o.part.span,
            tr!(t, "label-part", figure = doc.slice(o.part.span)),
        ));
    }
    let message = match other {
        Some(o) => tr!(
            t,
            "share-mismatch-pair-message",
            first = doc.slice(o.share.span),
            second = share
        ),
        None => tr!(t, "share-mismatch-base-message", share = share),
    };
    // `= 480人`, `≈ 480人`, `在 … 之间`: the Chinese help drops the sign.
    let (base_computed, common_computed) = (shown.computed(t, &m.base), shown.computed(t, common));
    out.emit(
        m.share.span,
        message,
        Some(tr!(
            t,
            "share-mismatch-base-help",
            part = part,
            share = share,
            base = base_computed.trim_start_matches(['=', '≈', ' ']),
            base_computed = &base_computed,
            others = others.join(&t.text("list-separator")),
            common = common_computed.trim_start_matches(['=', '≈', ' ']),
            common_computed = &common_computed
        )),
        labels,
    );
}

/// A rate stated with its counts: counted ÷ base, or (base − counted) ÷ base for the rest.
fn rate_of_counts(
    doc: &Document,
    rate: &Claim,
    base: &Claim,
    counted: &Claim,
    complement: bool,
    out: &mut Emitter<'_>,
) {
    let (b, c, r) = (
        doc.slice(base.span),
        doc.slice(counted.span),
        doc.slice(rate.span),
    );
    let part = if complement {
        base.quantity.interval.add(&counted.quantity.interval.neg())
    } else {
        counted.quantity.interval
    };
    let Some(computed) = part
        .div(&base.quantity.interval)
        .map(|q| q.scale(Decimal::ONE_HUNDRED))
    else {
        return;
    };
    if !computed.disjoint(&rate.quantity.interval) {
        return;
    }
    let shown = Shown::plain("%");
    let formula = if complement {
        format!("({b} − {c}) ÷ {b} × 100%")
    } else {
        format!("{c} ÷ {b} × 100%")
    };
    let t = out.tr();
    out.emit(
        rate.span,
        tr!(t, "share-mismatch-rate-message", rate = r),
        Some(tr!(
            t,
            "share-mismatch-rate-help",
            formula = formula,
            computed = shown.computed_beside(t, &computed, &rate.quantity.interval),
            stated = shown.stated(t, &rate.quantity.interval)
        )),
        vec![
            Label::new(base.span, tr!(t, "label-total", figure = b)),
            Label::new(
                counted.span,
                if complement {
                    tr!(t, "share-mismatch-label-not-counted", figure = c)
                } else {
                    tr!(t, "share-mismatch-label-counted", figure = c)
                },
            ),
            Label::new(rate.span, tr!(t, "share-mismatch-label-rate", figure = r)),
        ],
    );
}
