//! Relations: which figures a figure relates to, decided once by the grammar over the whole
//! document, so that rules only do arithmetic. Today: every share (`占18.4%`, `比重为4.1%`) with
//! its part and its base; every whole with its parts (其中 parts, a completed part, parts closed
//! by a remainder, items and their explicit sum); every value per head (人均, 户均) with its total
//! and count; households and the people in them written together (`326户1024人`); and the list
//! relations of [`super::lists`] (分别 lists, enumerations and their
//! counts, a 分别 list of a stated total).
//!
//! A share's base is taken where the text makes it certain, in this order:
//! - a figure followed by 中 before the part (`12个县中，9个县达标、占80%`);
//! - a base the share names (`占生产总值的比重为4.1%`): the nearest level before the part, in its
//!   paragraph or the one before, whose subject names that base of the whole area
//!   (`全年全县生产总值914326万元`, not `县域生产总值` nor `人均生产总值`);
//! - the whole of a 其中 part; when that whole carries a share of its own, the part's share may be
//!   of the whole or of the whole's base (`60岁及以上22559人，占14.18%，其中65岁及以上16536人，
//!   占8.25%`: 8.25 % is of the grand total);
//! - else the shares of one `；`-joined period with the same base phrase (or none) share one
//!   unstated base: a common-base group; where its shares are those of every part of one identity
//!   (`城镇人口…占64.97%；乡村人口…占35.03%`), the group is *defined* (see
//!   [`super::identities`]): its base is certain even with two shares.
//!
//! Where none of these holds there is no relation, and so no finding.

use super::lexicon::Lexicon;
use crate::model::{
    Claim, Document, FigureKind, MarkerKind, PartsKind, Reading, Relation, ShareBase, Span,
};

/// How far back (in blocks) a named base is looked for.
const NAMED_BASE_BLOCKS: usize = 1;

/// Find the relations of a whole document (after its blocks are parsed and merged).
pub(crate) fn relate(lx: &Lexicon, doc: &mut Document) {
    let mut relations = Vec::new();
    let mut members = std::mem::take(&mut doc.members);
    members.clear();
    let mut out = Found {
        relations: &mut relations,
        members: &mut members,
    };
    for s in 0..doc.sentences.len() {
        per_head(lx, doc, s, out.relations);
        households(lx, doc, s, out.relations);
        let scope = doc.scope_claims(s);
        super::subsets::subsets(lx, doc, s, scope, &mut out);
        completed(doc, s, &mut out);
        remainders(doc, scope, &mut out);
        explicit_sums(doc, s, &mut out);
        super::lists::lists(lx, doc, s, &mut out);
        super::growth::growth(lx, doc, s, out.relations);
    }
    super::growth::year_over_year(lx, doc, out.relations);
    // Groups of shares of one unstated base live through a period: (key, unit base, group id).
    let mut open: Vec<(&str, &'static str, usize)> = Vec::new();
    // Each group's base phrase, by group number.
    let mut phrases: Vec<&str> = Vec::new();
    // The share relations are pushed in the order of their shares (and so of their parts).
    let shares_from = relations.len();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let first = sentence.claims.start;
        let claims = doc.sentence_claims(s);
        for (si, share) in claims.iter().enumerate() {
            if share.reading != Reading::Share || !share.is_amount() {
                continue;
            }
            let before = claims.get(..si).unwrap_or_default();
            let Some(pi) = part_index(before) else {
                continue;
            };
            let Some(part) = before.get(pi) else {
                continue;
            };
            let (part_at, share_at) = (first + pi, first + si);
            let earlier = before.get(..pi).unwrap_or_default();
            let commensurable =
                |c: &Claim| c.is_amount() && c.quantity.commensurable(&part.quantity);
            // A figure followed by 中: the base is marked.
            if let Some(bi) = earlier.iter().rposition(|c| commensurable(c) && c.among) {
                relations.push(Relation::Share {
                    part: part_at,
                    share: share_at,
                    base: ShareBase::Claim(first + bi),
                });
                continue;
            }
            // A base the share names.
            let phrase = base_phrase(lx, doc, share);
            // An average is a share only of the average it names (`人均工资性收入11950元，占可支
            // 配收入的比重为57.6%`: of 人均可支配收入).
            if part.reading == Reading::Average && phrase.is_empty() {
                continue;
            }
            if !phrase.is_empty() {
                let base = match named_base(lx, doc, part_at, part, phrase) {
                    Some(b) => ShareBase::Claim(b),
                    None if part.reading == Reading::Average => continue,
                    None => ShareBase::Common {
                        group: group_of(&mut open, &mut phrases, phrase, part),
                        or_whole: None,
                        defined: false,
                    },
                };
                relations.push(Relation::Share {
                    part: part_at,
                    share: share_at,
                    base,
                });
                continue;
            }
            // The whole of a 其中 part.
            let mut or_whole = None;
            if part.has(MarkerKind::Subset) {
                let Some(wi) = earlier.iter().rposition(|c| {
                    commensurable(c) && !c.has(MarkerKind::Subset) && c.encloses(part)
                }) else {
                    continue;
                };
                let whole_has_share = earlier
                    .get(wi + 1..)
                    .unwrap_or_default()
                    .iter()
                    .any(|c| c.reading == Reading::Share && c.is_amount());
                if !whole_has_share {
                    relations.push(Relation::Share {
                        part: part_at,
                        share: share_at,
                        base: ShareBase::Claim(first + wi),
                    });
                    continue;
                }
                or_whole = Some(first + wi);
            }
            // A share of the base the period's other shares are of.
            let group = group_of(&mut open, &mut phrases, "", part);
            relations.push(Relation::Share {
                part: part_at,
                share: share_at,
                base: ShareBase::Common {
                    group,
                    or_whole,
                    defined: false,
                },
            });
        }
        let period_goes_on = sentence.ends_with_semicolon
            && doc
                .sentences
                .get(s + 1)
                .is_some_and(|next| next.block == sentence.block);
        if !period_goes_on {
            open.clear();
        }
    }
    let shares_to = relations.len();
    let mut out = Found {
        relations: &mut relations,
        members: &mut members,
    };
    super::identities::identities(lx, doc, &mut out, &(shares_from..shares_to, &phrases));
    super::partitions::partitions(lx, doc, &mut out);
    super::rate_counts::rate_counts(lx, doc, out.relations);
    doc.relations = relations;
    doc.members = members;
}

/// The relations found so far, and the runs of claims they list.
pub(super) struct Found<'a> {
    pub(super) relations: &'a mut Vec<Relation>,
    pub(super) members: &'a mut Vec<usize>,
}

impl Found<'_> {
    /// Record a whole–parts relation.
    pub(super) fn parts(
        &mut self,
        wholes: impl IntoIterator<Item = usize>,
        parts: impl IntoIterator<Item = usize>,
        kind: PartsKind,
    ) {
        let start = self.members.len();
        self.members.extend(wholes);
        let middle = self.members.len();
        self.members.extend(parts);
        self.relations.push(Relation::Parts {
            wholes: start..middle,
            parts: middle..self.members.len(),
            kind,
        });
    }
}

/// The group of shares of one unstated base that a part joins: the open group of the period with
/// the same base phrase and unit, or a new one (numbered by its place in `phrases`, which takes
/// its phrase).
fn group_of<'d>(
    open: &mut Vec<(&'d str, &'static str, usize)>,
    phrases: &mut Vec<&'d str>,
    key: &'d str,
    part: &Claim,
) -> usize {
    let unit = part.quantity.base_unit();
    if let Some((_, _, g)) = open.iter().find(|(k, u, _)| *k == key && *u == unit) {
        return *g;
    }
    let g = phrases.len();
    phrases.push(key);
    open.push((key, unit, g));
    g
}

/// The part of a share: the nearest counted level before it, with nothing but changes,
/// percentages and category bounds between (`第一产业增加值37952万元，增长3.9%，占生产总值的比重为
/// 4.1%`).
fn part_index(before: &[Claim]) -> Option<usize> {
    for (i, c) in before.iter().enumerate().rev() {
        if c.quantity.is_percent() || matches!(c.reading, Reading::Change | Reading::CategoryBound)
        {
            continue;
        }
        return (c.is_amount() && matches!(c.reading, Reading::Level | Reading::Average))
            .then_some(i);
    }
    None
}

/// The base a share names, without the words around it: `占生产总值的比重为4.1%` → `生产总值`,
/// `占全市生产總值45.2%` → `全市生产總值`, `占比 87.9%` → ``.
fn base_phrase<'d>(lx: &Lexicon, doc: &'d Document, share: &Claim) -> &'d str {
    let Some(first) = doc
        .clause_markers(share.clause)
        .iter()
        .find(|m| m.kind == MarkerKind::Share && m.span.end <= share.span.start)
    else {
        return "";
    };
    let mut phrase = doc
        .text
        .get(first.span.end..share.span.start)
        .unwrap_or_default()
        .trim();
    // A bracketed aside at its end (`总人口的比重（即城镇化率）`) is no part of the name.
    if phrase.ends_with(['）', ')']) {
        if let Some(open) = phrase.rfind(['（', '(']) {
            phrase = phrase.get(..open).unwrap_or_default();
        }
    }
    loop {
        let before = phrase.len();
        for w in &lx.bases.after {
            if let Some(p) = phrase.strip_suffix(w.as_str()) {
                phrase = p.trim_end();
            }
        }
        if phrase.len() == before {
            break;
        }
    }
    phrase
}

/// The name of a base without the area written before it (`全市生产总值` → `生产总值`).
pub(super) fn core<'p>(lx: &Lexicon, phrase: &'p str) -> &'p str {
    lx.bases
        .area
        .iter()
        .find_map(|w| phrase.strip_prefix(w.as_str()))
        .unwrap_or(phrase)
}

/// Whether a subject names the base `phrase` of the whole area, not of a part of it:
/// `全年全县实现地区生产总值` names 生产总值, `县域生产总值` and `人均生产总值` do not.
pub(super) fn names_base(lx: &Lexicon, subject: &str, phrase: &str) -> bool {
    let core = core(lx, phrase);
    if core.is_empty() {
        return false;
    }
    let whole_area = |before: &str| {
        let before = before.trim_end();
        before.is_empty()
            || before.ends_with([',', '，', '：', ':', '、'])
            || lx
                .bases
                .area
                .iter()
                .chain(&lx.bases.whole)
                .any(|w| before.ends_with(w.as_str()))
    };
    [phrase, core].into_iter().any(|name| {
        subject
            .match_indices(name)
            .any(|(i, _)| whole_area(subject.get(..i).unwrap_or_default()))
    })
}

/// An average's subject split at its 人均 or 户均 marker (as the lexicon's `per-capita` and
/// `per-household` markers found it): whose average it is, and of what (`全国居民人均可支配收入`
/// → `全国居民`, `可支配收入`).
fn average_of<'d>(doc: &'d Document, c: &Claim) -> Option<(&'d str, &'d str)> {
    let marker = doc.clause_markers(c.clause).iter().rev().find(|m| {
        matches!(m.kind, MarkerKind::PerCapita | MarkerKind::PerHousehold)
            && m.span.start >= c.subject.start
            && m.span.end <= c.subject.end
    })?;
    let whose = doc
        .slice(Span::new(c.subject.start, marker.span.start))
        .trim();
    let what = doc.slice(Span::new(marker.span.end, c.subject.end)).trim();
    Some((whose, what))
}

/// Whether an average is the one a share names: the average of that name (`人均可支配收入` for
/// `占可支配收入的比重`), whoever's it is.
fn names_average(lx: &Lexicon, doc: &Document, c: &Claim, phrase: &str) -> bool {
    average_of(doc, c)
        .is_some_and(|(_, what)| !what.is_empty() && (what == phrase || what == core(lx, phrase)))
}

/// The figure whose subject is the named base: the nearest level before the part, in its block
/// or the one before, commensurable with the part.
fn named_base(
    lx: &Lexicon,
    doc: &Document,
    part_at: usize,
    part: &Claim,
    phrase: &str,
) -> Option<usize> {
    let block = doc.sentences.get(part.sentence)?.block;
    let before = doc.claims.get(..part_at)?;
    let mut candidates = before
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, c)| {
            doc.sentences
                .get(c.sentence)
                .is_some_and(|s| s.block + NAMED_BASE_BLOCKS >= block)
        })
        .filter(|(_, c)| {
            c.is_amount()
                && c.reading == part.reading
                && !c.quantity.is_percent()
                && c.quantity.commensurable(&part.quantity)
        });
    if part.reading != Reading::Average {
        return candidates
            .find(|(_, c)| names_base(lx, doc.slice(c.subject), phrase))
            .map(|(i, _)| i);
    }
    // An average of whose the part says (`全国居民人均工资性收入`) is of that one's average; one
    // that does not say is of the only average with the name, where there is one.
    let whose = |c: &Claim| average_of(doc, c).map(|(who, _)| who);
    let own = whose(part).unwrap_or_default();
    let mut named = candidates.filter(|(_, c)| names_average(lx, doc, c, phrase));
    if own.is_empty() {
        let (first, _) = named.next()?;
        return named.next().is_none().then_some(first);
    }
    named.find(|(_, c)| whose(c) == Some(own)).map(|(i, _)| i)
}

/// A claim that may be a whole or a part of one: an amount, not a percentage, not per head, no
/// average.
pub(super) fn countable(c: &Claim) -> bool {
    c.is_amount()
        && c.reading != Reading::Average
        && !c.quantity.is_percent()
        && !c.has(MarkerKind::PerCapita)
        && !c.has(MarkerKind::PerHousehold)
}

/// A completed part (已完成…) in the clause right after its whole, with no year or date between
/// (`一九五二年有十九万人，到了一九五七年已经有四十四万人` compares two moments).
fn completed(doc: &Document, s: usize, out: &mut Found<'_>) {
    let Some(first) = doc.sentences.get(s).map(|x| x.claims.start) else {
        return;
    };
    let claims = doc.sentence_claims(s);
    for (i, part) in claims.iter().enumerate() {
        if !part.has(MarkerKind::Progress) || part.has(MarkerKind::Subset) || !countable(part) {
            continue;
        }
        let Some(whole) = i.checked_sub(1).and_then(|j| claims.get(j)) else {
            continue;
        };
        let adjacent = whole.clause + 1 == part.clause
            && !doc
                .figures_in(Span::new(whole.span.end, part.span.start))
                .iter()
                .any(|f| matches!(f.kind, FigureKind::Year | FigureKind::Date { .. }));
        if adjacent
            && countable(whole)
            && !whole.has(MarkerKind::Progress)
            && whole.quantity.commensurable(&part.quantity)
        {
            out.parts([first + i - 1], [first + i], PartsKind::Completed);
        }
    }
}

/// A remainder figure: 其余/其他 opens its clause or stands right before it (`其余3个`), not a
/// 其他 somewhere in the clause (`带动其他社会资金形成3.28万亿元`).
fn is_remainder(doc: &Document, c: &Claim) -> bool {
    c.has(MarkerKind::Remainder)
        && doc.clause_markers(c.clause).iter().any(|m| {
            m.kind == MarkerKind::Remainder
                && (m.span.start == c.subject.start || m.span.end == c.span.start)
        })
}

/// A total, its parts and a remainder (其余) of a sentence, within its scope: the remainder
/// makes the list exhaustive.
fn remainders(doc: &Document, scope: (&[Claim], usize, usize), out: &mut Found<'_>) {
    let (claims, own, first) = scope;
    for (ri, rest) in claims.iter().enumerate().skip(own) {
        if !is_remainder(doc, rest) || !rest.is_amount() || rest.quantity.is_percent() {
            continue;
        }
        let before: Vec<usize> = claims
            .get(..ri)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(_, c)| countable(c) && c.quantity.commensurable(&rest.quantity))
            .map(|(j, _)| j)
            .collect();
        let Some((total, mut parts)) = split_total(claims, &before) else {
            continue;
        };
        if parts.is_empty() {
            continue;
        }
        parts.push(ri);
        out.parts(
            [first + total],
            parts.into_iter().map(|j| first + j),
            PartsKind::Remainder,
        );
    }
}

/// Which of the figures before a remainder is the total: one marked as a total (共, 累计), the
/// figure just before a 其中 list, or the first of exactly two figures (`47个，已整改44个，其余3个`).
fn split_total(claims: &[Claim], before: &[usize]) -> Option<(usize, Vec<usize>)> {
    let has = |j: &usize, kind| claims.get(*j).is_some_and(|c| c.has(kind));
    if let Some(i) = before.iter().rposition(|j| has(j, MarkerKind::Total)) {
        return Some((*before.get(i)?, before.get(i + 1..)?.to_vec()));
    }
    if let Some(f) = before.iter().position(|j| has(j, MarkerKind::Subset)) {
        return Some((*before.get(f.checked_sub(1)?)?, before.get(f..)?.to_vec()));
    }
    match before {
        [total, part] => Some((*total, vec![*part])),
        _ => None,
    }
}

/// Figures followed by an explicit sum (合计, 总计) in one sentence: the figures after the last
/// earlier sum or total, and from the first 其中 part on (a sum adds up its own sentence only:
/// `…；中央建设投资总计为1521亿元` is not the sum of the sentences before).
fn explicit_sums(doc: &Document, s: usize, out: &mut Found<'_>) {
    let Some(first) = doc.sentences.get(s).map(|x| x.claims.start) else {
        return;
    };
    let claims = doc.sentence_claims(s);
    for (si, sum) in claims.iter().enumerate() {
        if !sum.has(MarkerKind::Sum) || !sum.is_amount() || sum.quantity.is_percent() {
            continue;
        }
        let mut parts: Vec<usize> = claims
            .get(..si)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_amount() && c.quantity.commensurable(&sum.quantity))
            .map(|(j, _)| j)
            .collect();
        let has = |j: &usize, kind| claims.get(*j).is_some_and(|c| c.has(kind));
        if let Some(i) = parts
            .iter()
            .rposition(|j| has(j, MarkerKind::Sum) || has(j, MarkerKind::Total))
        {
            parts.drain(..=i);
        }
        if let Some(i) = parts.iter().position(|j| has(j, MarkerKind::Subset)) {
            parts.drain(..i);
        }
        if parts.len() < 2 {
            continue;
        }
        out.parts(
            [first + si],
            parts.into_iter().map(|j| first + j),
            PartsKind::Sum,
        );
    }
}

/// Households and people written together in sentence `s` (`326户1024人`, nothing between them).
fn households(lx: &Lexicon, doc: &Document, s: usize, relations: &mut Vec<Relation>) {
    let Some(first) = doc.sentences.get(s).map(|x| x.claims.start) else {
        return;
    };
    let claims = doc.sentence_claims(s);
    let counts = |c: &Claim, units: &[String]| {
        c.is_amount() && units.iter().any(|u| u == c.quantity.base_unit())
    };
    for (i, pair) in claims.windows(2).enumerate() {
        let [h, p] = pair else {
            continue;
        };
        if h.span.end == p.span.start
            && counts(h, &lx.per_head.household_units)
            && counts(p, &lx.per_head.person_units)
        {
            relations.push(Relation::Household {
                households: first + i,
                persons: first + i + 1,
            });
        }
    }
}

/// A value per person or household (人均, 户均) of sentence `s`, with the total before it in the
/// sentence (of its unit, no average itself, not marked 共/累计: a cumulative total may cover
/// other years) and the count of people or households before it.
fn per_head(lx: &Lexicon, doc: &Document, s: usize, relations: &mut Vec<Relation>) {
    let Some(first) = doc.sentences.get(s).map(|x| x.claims.start) else {
        return;
    };
    let claims = doc.sentence_claims(s);
    for (i, avg) in claims.iter().enumerate() {
        let per_person = avg.has(MarkerKind::PerCapita);
        let per_household = avg.has(MarkerKind::PerHousehold);
        if !(per_person || per_household)
            || !avg.is_amount()
            || avg.quantity.is_percent()
            || avg.quantity.unit.is_none()
        {
            continue;
        }
        let units = if per_household {
            &lx.per_head.household_units
        } else {
            &lx.per_head.person_units
        };
        let before = claims.get(..i).unwrap_or_default();
        let count = before
            .iter()
            .rposition(|c| c.is_amount() && units.iter().any(|u| u == c.quantity.base_unit()));
        let total = before.iter().rposition(|c| {
            c.is_amount()
                && c.quantity.commensurable(&avg.quantity)
                && !c.has(MarkerKind::PerCapita)
                && !c.has(MarkerKind::PerHousehold)
        });
        if let (Some(count), Some(total)) = (count, total) {
            if before.get(total).is_some_and(|t| !t.has(MarkerKind::Total)) {
                relations.push(Relation::PerHead {
                    average: first + i,
                    total: first + total,
                    count: first + count,
                });
            }
        }
    }
}
