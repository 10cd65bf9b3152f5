//! Identities of statistical practice (`rules/lexicon/identities.toml`): a whole and the parts statistics
//! define it by (地区生产总值 = 第一产业 + 第二产业 + 第三产业 增加值), related wherever a
//! paragraph states them, with or without 其中; and the composition of those parts
//! (`三次产业结构19.5:34.6:45.9`), related to the parts it is the shares of.
//!
//! A part is the first level amount of the paragraph whose subject names it; the whole the first
//! whose subject names it as the whole area's (see [`super::relations`]'s named bases). Where the
//! paragraph does not state every part, there is no relation.
//!
//! A difference (自然增长率 = 出生率 − 死亡率) relates three rates, each the only one of its name in
//! the paragraph ([`PartsKind::Difference`]).

use super::lexicon::Lexicon;
use super::relations::{core, names_base, Found};
use crate::model::{Claim, Document, FigureKind, PartsKind, Reading, Relation, ShareBase};
use serde::Deserialize;

/// The identities file compiled into heshu.
pub const IDENTITIES_TOML: &str = include_str!("../../rules/lexicon/identities.toml");

/// The identities of `rules/lexicon/identities.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identities {
    /// Words before a composition that make it an earlier period's (`由上年的12.9:37.2:49.9调整为
    /// …`): no relation.
    #[serde(default)]
    pub earlier: Vec<String>,
    /// Every identity.
    #[serde(default)]
    pub identity: Vec<Identity>,
    /// Groups that partition a whole by a bound (see [`super::partitions`]).
    #[serde(default)]
    pub partition: Vec<super::partitions::Partition>,
    /// One searcher of every identity's key names (see [`Identity::key`]), with the identity
    /// of each, built on first use: a paragraph is searched for them, once, before anything else.
    #[serde(skip)]
    keys: std::sync::OnceLock<Option<(aho_corasick::AhoCorasick, Vec<usize>)>>,
}

impl Identities {
    /// Add an identity, replacing one with the same id.
    pub fn add(&mut self, identity: Identity) {
        self.identity.retain(|i| i.id != identity.id);
        self.identity.push(identity);
        // The searchers are of the identities before.
        self.keys = std::sync::OnceLock::new();
    }

    /// Which identities name a key in `text` (by their order in [`Identities::identity`]).
    fn named_in(&self, text: &str) -> Vec<bool> {
        let mut named = vec![false; self.identity.len()];
        let searcher = self.keys.get_or_init(|| {
            let mut names = Vec::new();
            let mut owners = Vec::new();
            for (i, identity) in self.identity.iter().enumerate() {
                for name in identity.key() {
                    names.push(name.as_str());
                    owners.push(i);
                }
            }
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(names)
                .ok()
                .map(|ac| (ac, owners))
        });
        match searcher {
            Some((ac, owners)) => {
                // Leftmost matches, which the searcher's prefilter finds fast; a key that begins
                // inside another's match is not seen there (key names seldom overlap).
                for m in ac.find_iter(text) {
                    if let Some(slot) = owners
                        .get(m.pattern().as_usize())
                        .and_then(|&i| named.get_mut(i))
                    {
                        *slot = true;
                    }
                }
            }
            // (A searcher is built from any names; were it not, every identity is looked at.)
            None => named.fill(true),
        }
        named
    }
}

/// A whole and the parts that define it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    /// A stable name.
    pub id: String,
    /// The names of the whole.
    pub whole: Vec<String>,
    /// The parts, each with its names.
    pub parts: Vec<Vec<String>>,
    /// The names of a composition of the parts (`三次产业结构`), stated as a ratio in the parts'
    /// order.
    #[serde(default)]
    pub compositions: Vec<String>,
    /// `sum` (the default): the parts make the whole, and all must be stated. `subset`: each part
    /// stated is a part of the whole, and together they are at most the whole (the outcomes of
    /// the cases treated: 治愈, 死亡 … of 救治); the whole is matched anywhere in its subject.
    #[serde(default)]
    pub kind: IdentityKind,
}

/// Why an identity of a configuration cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityProblem {
    /// The whole has no name.
    UnnamedWhole,
    /// Fewer than two parts.
    TooFewParts,
    /// A part has no name.
    UnnamedPart,
    /// A difference without exactly two parts (the first, less the second).
    DifferenceOfTwo,
}

impl Identity {
    /// What makes the identity unusable, if anything: a whole with no name, fewer than two
    /// parts (a difference: other than two), a part with no name, an empty name.
    pub fn problem(&self) -> Option<IdentityProblem> {
        let empty =
            |names: &[String]| names.is_empty() || names.iter().any(|n| n.trim().is_empty());
        if empty(&self.whole) {
            Some(IdentityProblem::UnnamedWhole)
        } else if self.parts.len() < 2 {
            Some(IdentityProblem::TooFewParts)
        } else if self.parts.iter().any(|p| empty(p)) {
            Some(IdentityProblem::UnnamedPart)
        } else if self.kind == IdentityKind::Difference && self.parts.len() != 2 {
            Some(IdentityProblem::DifferenceOfTwo)
        } else {
            None
        }
    }

    /// The names a paragraph must hold for the identity to apply: the whole's for a subset and a
    /// difference, the first part's for a sum.
    fn key(&self) -> &[String] {
        match self.kind {
            IdentityKind::Subset | IdentityKind::Difference => &self.whole,
            IdentityKind::Sum => self.parts.first().map_or(&[], Vec::as_slice),
        }
    }
}

/// How an identity's parts make its whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IdentityKind {
    /// The parts add up to the whole.
    #[default]
    Sum,
    /// The parts are some of the whole.
    Subset,
    /// The whole is the first of two parts less the second: rates (`rate` readings) of one
    /// population and period, each stated once in the paragraph (自然增长率 = 出生率 − 死亡率).
    Difference,
}

/// A subject without pinyin glosses (`產(chǎn)業(yè)` → `產業`): some published texts gloss every
/// character.
fn plain(subject: &str) -> std::borrow::Cow<'_, str> {
    if !subject.contains('(') {
        return subject.into();
    }
    let mut out = String::with_capacity(subject.len());
    let mut rest = subject;
    while let Some(open) = rest.find('(') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        match after.find(')') {
            Some(close)
                if after.get(..close).is_some_and(|g| {
                    !g.is_empty()
                        && g.chars()
                            .all(|c| c.is_alphabetic() && !super::segment::is_han(c))
                }) =>
            {
                rest = after.get(close + 1..).unwrap_or_default();
            }
            _ => {
                out.push('(');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// A figure a whole or part of a sum or subset may be: a level amount that is not a percentage.
fn candidate(c: &Claim) -> bool {
    c.is_amount() && c.reading == Reading::Level && !c.quantity.is_percent()
}

/// A figure a whole or part of a difference may be: a rate (`人口出生率8.56‰`).
fn rate_candidate(c: &Claim) -> bool {
    c.is_amount() && c.reading == Reading::Rate
}

/// The share relations of [`Found::relations`] (a range, in the order of their parts), and the
/// base phrase of each group of shares of one unstated base, by group number.
pub(super) type Shares<'s> = (std::ops::Range<usize>, &'s [&'s str]);

/// Find the identities' relations in each block of the document.
pub(super) fn identities(lx: &Lexicon, doc: &Document, out: &mut Found<'_>, shares: &Shares<'_>) {
    if lx.identities.identity.is_empty() {
        return;
    }
    for block in &doc.blocks {
        let (claims, start) = doc.block_claims(block);
        if claims.len() < 3 {
            continue;
        }
        // Most paragraphs name no part of an identity (nor, for a subset, its whole): one search
        // of the paragraph for all identities' key names leaves them.
        let text = plain(doc.slice(block.span));
        let named = lx.identities.named_in(&text);
        if !named.contains(&true) {
            continue;
        }
        // Each subject read once for every identity: none where the claim can be no whole or part.
        let subjects: Vec<Option<std::borrow::Cow<'_, str>>> = claims
            .iter()
            .map(|c| (candidate(c) || rate_candidate(c)).then(|| plain(doc.slice(c.subject))))
            .collect();
        let block = Block {
            claims,
            subjects: &subjects,
            first: start,
            span: block.span,
        };
        for (identity, _) in lx
            .identities
            .identity
            .iter()
            .zip(&named)
            .filter(|(_, named)| **named)
        {
            match identity.kind {
                IdentityKind::Difference => relate_difference(identity, &block, out),
                IdentityKind::Sum | IdentityKind::Subset => {
                    relate(lx, doc, identity, &block, out, shares);
                }
            }
        }
    }
}

/// A block's claims, as identities read them.
struct Block<'b> {
    claims: &'b [Claim],
    /// Each claim's subject without glosses, if it may be a whole or part.
    subjects: &'b [Option<std::borrow::Cow<'b, str>>],
    /// The index of the first claim in the document.
    first: usize,
    span: crate::model::Span,
}

impl Block<'_> {
    /// The first claim (index in the block) whose subject holds one of `names` and that `also`
    /// accepts.
    fn find(&self, names: &[String], also: impl Fn(&Claim, &str) -> bool) -> Option<usize> {
        self.all(names, also).next()
    }

    /// Every claim (index in the block) whose subject holds one of `names` and that `also`
    /// accepts.
    fn all<'s>(
        &'s self,
        names: &'s [String],
        also: impl Fn(&Claim, &str) -> bool + 's,
    ) -> impl Iterator<Item = usize> + 's {
        self.subjects
            .iter()
            .zip(self.claims)
            .enumerate()
            .filter(move |(_, (s, c))| {
                s.as_deref()
                    .is_some_and(|s| names.iter().any(|n| s.contains(n.as_str())) && also(c, s))
            })
            .map(|(i, _)| i)
    }

    /// The one claim (index in the block) whose subject holds one of `names` and that `also`
    /// accepts; none where two do.
    fn only(&self, names: &[String], also: impl Fn(&Claim, &str) -> bool) -> Option<usize> {
        let mut found = self.all(names, also);
        let first = found.next();
        found.next().map_or(first, |_| None)
    }
}

/// Where every part of an identity carries a share of one unstated base, no other share is of
/// that base, and the shares name no base or the identity's whole (`占总人口的50.97%`, not
/// `占全省的30%`: the province's exports and imports are two bases), that base is the identity's
/// whole: the shares' base is certain ([`ShareBase::Common`]'s `defined`). `claims`: the
/// paragraph's (a group of shares lives within one paragraph).
fn define_shares(
    lx: &Lexicon,
    identity: &Identity,
    parts: &[usize],
    claims: std::ops::Range<usize>,
    out: &mut Found<'_>,
    (shares, phrases): &Shares<'_>,
) {
    let part_of = |r: &Relation| match r {
        Relation::Share { part, .. } => *part,
        _ => usize::MAX,
    };
    // The paragraph's share relations: those whose parts are its claims.
    let Some(all) = out.relations.get_mut(shares.clone()) else {
        return;
    };
    let from = all.partition_point(|r| part_of(r) < claims.start);
    let to = all.partition_point(|r| part_of(r) < claims.end);
    let Some(relations) = all.get_mut(from..to) else {
        return;
    };
    let group_of = |r: &Relation| match r {
        Relation::Share {
            base:
                ShareBase::Common {
                    group,
                    or_whole: None,
                    ..
                },
            ..
        } => Some(*group),
        _ => None,
    };
    // Each part's one share, and the one group they all join.
    let mut found = Vec::with_capacity(parts.len());
    let mut common = None;
    for &p in parts {
        let at = relations.partition_point(|r| part_of(r) < p);
        let here = relations.get(at).filter(|r| part_of(r) == p);
        let again = relations.get(at + 1).is_some_and(|r| part_of(r) == p);
        let Some(g) = here.and_then(group_of).filter(|_| !again) else {
            return;
        };
        if common.is_some_and(|c| c != g) {
            return;
        }
        common = Some(g);
        found.push(at);
    }
    let Some(group) = common else {
        return;
    };
    let phrase = phrases.get(group).copied().unwrap_or_default();
    // A named base is the whole's only as its name, the area aside (`全县总人口`, not `城镇总人口`).
    if !phrase.is_empty()
        && !identity
            .whole
            .iter()
            .any(|w| core(lx, phrase) == w.as_str())
    {
        return;
    }
    let members = relations
        .iter()
        .filter(|r| group_of(r) == Some(group))
        .count();
    if members != found.len() {
        return;
    }
    for at in found {
        if let Some(Relation::Share {
            base: ShareBase::Common { defined, .. },
            ..
        }) = relations.get_mut(at)
        {
            *defined = true;
        }
    }
}

/// The relations of one identity in one block.
fn relate(
    lx: &Lexicon,
    doc: &Document,
    identity: &Identity,
    b: &Block<'_>,
    out: &mut Found<'_>,
    shares: &Shares<'_>,
) {
    let (first, block) = (b.first, b.span);
    // A whole of a subset is needed before its parts are looked for.
    let subset_whole = match identity.kind {
        IdentityKind::Subset => match b.find(&identity.whole, |c, _| candidate(c)) {
            Some(w) => Some(w),
            None => return,
        },
        IdentityKind::Sum | IdentityKind::Difference => None,
    };
    let mut parts = Vec::with_capacity(identity.parts.len());
    // A figure whose subject names the whole is no part, even where a part's name is inside the
    // whole's (出口总额 in 进出口总额).
    let names_whole = |s: &str| identity.whole.iter().any(|w| s.contains(w.as_str()));
    for names in &identity.parts {
        let found = b.find(names, |c, s| candidate(c) && !names_whole(s));
        match found {
            Some(i) => parts.push(first + i),
            None if identity.kind == IdentityKind::Subset => {}
            None => return,
        }
    }
    let Some(lead) = parts.first().and_then(|&p| doc.claims.get(p)) else {
        return;
    };
    let commensurable = parts
        .iter()
        .filter_map(|&p| doc.claims.get(p))
        .all(|c| c.quantity.commensurable(&lead.quantity));
    let mut distinct = parts.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if !commensurable || distinct.len() != parts.len() {
        return;
    }
    if identity.kind == IdentityKind::Sum {
        let claims = b.first..b.first + b.claims.len();
        define_shares(lx, identity, &parts, claims, out, shares);
    }
    let whole = match subset_whole {
        Some(w) => b
            .claims
            .get(w)
            .is_some_and(|c| c.quantity.commensurable(&lead.quantity))
            .then_some(w),
        None => b.find(&identity.whole, |c, s| {
            candidate(c)
                && c.quantity.commensurable(&lead.quantity)
                && identity.whole.iter().any(|n| names_base(lx, s, n))
        }),
    }
    .map(|i| first + i)
    .filter(|w| !parts.contains(w));
    if let Some(w) = whole {
        let kind = match identity.kind {
            IdentityKind::Subset => PartsKind::DefinedSubset,
            IdentityKind::Sum | IdentityKind::Difference => PartsKind::Identity,
        };
        out.parts([w], parts.iter().copied(), kind);
    }
    // The composition of the parts: a ratio of as many shares after one of its names.
    for (f, figure) in doc
        .figures
        .iter()
        .enumerate()
        .skip(doc.figures.partition_point(|f| f.span.start < block.start))
    {
        if figure.span.start >= block.end {
            break;
        }
        let FigureKind::Ratio(shares) = &figure.kind else {
            continue;
        };
        if shares.len() != parts.len() {
            continue;
        }
        let clause_start = doc
            .text
            .get(block.start..figure.span.start)
            .and_then(|t| {
                t.rfind(['。', '；', '，', ';', ','])
                    .map(|i| block.start + i)
            })
            .unwrap_or(block.start);
        let before = plain(
            doc.text
                .get(clause_start..figure.span.start)
                .unwrap_or_default(),
        );
        // The composition's name, and what stands between it (or the ratio before) and this
        // ratio: `由上年的12.9:37.2:49.9调整为12.7:38.3:49.0` states last year's first.
        let Some(named) = identity
            .compositions
            .iter()
            .filter_map(|n| before.rfind(n.as_str()).map(|i| i + n.len()))
            .max()
        else {
            continue;
        };
        let gap = before.get(named..).unwrap_or_default();
        let gap = gap
            .rfind(|c: char| c.is_ascii_digit())
            .map_or(gap, |i| gap.get(i + 1..).unwrap_or_default());
        if lx
            .identities
            .earlier
            .iter()
            .any(|w| gap.contains(w.as_str()))
        {
            continue;
        }
        let start = out.members.len();
        out.members.extend(parts.iter().copied());
        out.relations.push(Relation::Composition {
            ratio: f,
            parts: start..out.members.len(),
            whole,
        });
    }
}

/// The relation of a difference in one block: the whole and both parts each stated once as a rate
/// of the same unit, and none of the parts' figures a whole's (`自然增长率` holds no `出生率`, but a
/// configuration's names might nest). Where a paragraph gives the rates of two populations
/// (城镇, 乡村) or years, a name is stated twice and nothing is related.
fn relate_difference(identity: &Identity, b: &Block<'_>, out: &mut Found<'_>) {
    let names_whole = |s: &str| identity.whole.iter().any(|w| s.contains(w.as_str()));
    let Some(whole) = b.only(&identity.whole, |c, _| rate_candidate(c)) else {
        return;
    };
    let (Some(minuend), Some(subtrahend), None) = (
        identity.parts.first(),
        identity.parts.get(1),
        identity.parts.get(2),
    ) else {
        return;
    };
    let part = |names: &[String]| b.only(names, |c, s| rate_candidate(c) && !names_whole(s));
    let (Some(m), Some(s)) = (part(minuend), part(subtrahend)) else {
        return;
    };
    let claim = |i: usize| b.claims.get(i);
    let same_unit = [m, s].into_iter().all(|p| {
        claim(p)
            .zip(claim(whole))
            .is_some_and(|(p, w)| p.quantity.commensurable(&w.quantity))
    });
    // (A part's figure is never the whole's: its subject does not name the whole.)
    if !same_unit || m == s {
        return;
    }
    let first = b.first;
    out.parts(
        [first + whole],
        [first + m, first + s],
        PartsKind::Difference,
    );
}
