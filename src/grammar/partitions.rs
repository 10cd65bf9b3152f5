//! Partitions (`rules/lexicon/identities.toml`, `[[partition]]`): groups that divide a whole by a
//! bound (`0-14岁`, `15-59岁`, `60岁及以上`), each given its share of the whole (`占19.32%`) or the
//! change of that share (`比重下降2.2个百分点`) in one paragraph.
//!
//! The groups of a paragraph make a chain when they cover every value: the first starts at 0,
//! each starts one after the last ended, and the last is open (`及以上`). A group inside another
//! (`其中65岁及以上`) is in no chain with it. A bound written two ways at once (`60-64岁及以上`,
//! a range and an open end) is read both ways, and each chain it gives is a reading of its own:
//! sum-mismatch reports the sentence only when every reading fails.

use super::lexicon::Lexicon;
use super::relations::Found;
use crate::model::{Claim, Document, PartitionKind, Reading, Relation, UnitKind};
use serde::Deserialize;

/// Groups that partition a whole by a bound in `unit`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partition {
    /// A stable name.
    pub id: String,
    /// The base unit of the bounds (`岁`, also written `周岁` or `歲`: `rules/lexicon/units.toml`).
    pub unit: String,
}

/// The most groups a chain may have, and the most chains a sentence is read into.
const MAX_GROUPS: usize = 12;
const MAX_CHAINS: usize = 8;

/// A group's range of values: from `lo` to `hi`, or open above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Range {
    lo: u32,
    hi: Option<u32>,
}

/// The ranges a bound as written may mean: `0-14岁` one, `60岁及以上` one, `60-64岁及以上` two.
fn ranges(written: &str, unit: &str) -> Vec<Range> {
    let (body, open) = match written
        .strip_suffix("及以上")
        .or_else(|| written.strip_suffix("以上"))
    {
        Some(b) => (b, true),
        None => (written, false),
    };
    let Some(body) = body.trim().strip_suffix(unit) else {
        return Vec::new();
    };
    let mut ends = body
        .split(['-', '—', '–', '－', '~', '～', '至'])
        .map(|n| n.trim().parse::<u32>());
    let (Some(Ok(lo)), hi, None) = (ends.next(), ends.next(), ends.next()) else {
        return Vec::new();
    };
    match (hi, open) {
        (None, true) => vec![Range { lo, hi: None }],
        (Some(Ok(hi)), false) if hi >= lo => vec![Range { lo, hi: Some(hi) }],
        (Some(Ok(hi)), true) if hi >= lo => {
            vec![Range { lo, hi: None }, Range { lo, hi: Some(hi) }]
        }
        _ => Vec::new(),
    }
}

/// One group of a sentence: its bound, the ranges it may mean, and its share or change.
struct Group {
    bound: usize,
    ranges: Vec<Range>,
    value: Option<(usize, Value)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Share,
    Change { falls: bool },
}

/// Relate the groups of every paragraph that partitions a whole.
pub(super) fn partitions(lx: &Lexicon, doc: &Document, out: &mut Found<'_>) {
    for partition in &lx.identities.partition {
        for block in &doc.blocks {
            // A paragraph's claims: census bulletins give each group a clause of its own, joined
            // by `；`.
            let (claims, first) = doc.block_claims(block);
            if claims.len() < 4 || !claims.iter().any(|c| c.reading == Reading::CategoryBound) {
                continue;
            }
            let groups = groups(lx, partition, doc, claims, first);
            if groups.len() < 2 || groups.len() > MAX_GROUPS {
                continue;
            }
            for shares in [true, false] {
                relate_chains(&groups, shares, out);
            }
        }
    }
}

/// The groups of a paragraph, in order, each with the first share or share change after its
/// bound and before the next.
fn groups(
    lx: &Lexicon,
    partition: &Partition,
    doc: &Document,
    claims: &[Claim],
    first: usize,
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        // The unit as written (`岁`, `周岁`, `歲`) of the partition's base unit.
        let unit = c
            .quantity
            .unit
            .filter(|u| u.base == partition.unit)
            .map(|u| u.text.as_str());
        if let (Reading::CategoryBound, Some(unit)) = (c.reading, unit) {
            let ranges = ranges(doc.slice(c.span), unit);
            if !ranges.is_empty() {
                groups.push(Group {
                    bound: first + i,
                    ranges,
                    value: None,
                });
            }
            continue;
        }
        let Some(group) = groups.last_mut().filter(|g| g.value.is_none()) else {
            continue;
        };
        if !c.is_amount() && c.reading != Reading::Change || c.quoted {
            continue;
        }
        let subject = doc.slice(c.subject);
        let share_change = || {
            lx.changes
                .share_words
                .iter()
                .any(|w| subject.contains(w.as_str()))
        };
        let value = match (c.reading, c.quantity.kind()) {
            (Reading::Share, Some(UnitKind::Percent)) => Some(Value::Share),
            (Reading::Change, Some(UnitKind::Points)) if share_change() => {
                // The last word of direction before the figure gives its sign.
                lx.changes
                    .falls_in(subject)
                    .map(|falls| Value::Change { falls })
            }
            _ => None,
        };
        if let Some(v) = value {
            group.value = Some((first + i, v));
        }
    }
    groups
}

/// Every chain of groups with values of one kind that covers all values, as relations that are
/// readings of one another.
fn relate_chains(groups: &[Group], shares: bool, out: &mut Found<'_>) {
    let valued: Vec<(usize, &Group)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            g.value
                .is_some_and(|(_, v)| matches!(v, Value::Share) == shares)
        })
        .collect();
    // Depth first: a chain is a list of (group, range) picks.
    let mut chains: Vec<Vec<(usize, Range)>> = Vec::new();
    let mut stack: Vec<Vec<(usize, Range)>> = Vec::new();
    for (gi, g) in &valued {
        for r in g.ranges.iter().filter(|r| r.lo == 0) {
            stack.push(vec![(*gi, *r)]);
        }
    }
    while let Some(chain) = stack.pop() {
        if chains.len() >= MAX_CHAINS {
            break;
        }
        let Some(&(_, last)) = chain.last() else {
            continue;
        };
        let Some(hi) = last.hi else {
            if chain.len() >= 2 {
                chains.push(chain);
            }
            continue;
        };
        for (gi, g) in &valued {
            if chain.iter().any(|(used, _)| used == gi) {
                continue;
            }
            for r in g.ranges.iter().filter(|r| Some(r.lo) == hi.checked_add(1)) {
                let mut next = chain.clone();
                next.push((*gi, *r));
                stack.push(next);
            }
        }
    }
    // The reading with the fewest groups first (a garbled bound read as its open end): the one
    // reported when every reading fails.
    chains.sort_by_key(Vec::len);
    let readings_of = out.relations.len();
    for chain in chains {
        let start = out.members.len();
        out.members.extend(
            chain
                .iter()
                .filter_map(|(gi, _)| groups.get(*gi))
                .map(|g| g.bound),
        );
        let middle = out.members.len();
        let mut falling = 0u32;
        for (k, (gi, _)) in chain.iter().enumerate() {
            if let Some((value, v)) = groups.get(*gi).and_then(|g| g.value) {
                out.members.push(value);
                if v == (Value::Change { falls: true }) {
                    falling |= 1 << k;
                }
            }
        }
        out.relations.push(Relation::Partition {
            groups: start..middle,
            values: middle..out.members.len(),
            kind: if shares {
                PartitionKind::Shares
            } else {
                PartitionKind::ShareChanges { falling }
            },
            readings_of,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_read_as_ranges() {
        let r = |lo, hi| Range { lo, hi };
        assert_eq!(ranges("0-14岁", "岁"), vec![r(0, Some(14))]);
        assert_eq!(ranges("60岁及以上", "岁"), vec![r(60, None)]);
        assert_eq!(ranges("65岁以上", "岁"), vec![r(65, None)]);
        assert_eq!(
            ranges("60-64岁及以上", "岁"),
            vec![r(60, None), r(60, Some(64))]
        );
        assert!(ranges("14-0岁", "岁").is_empty());
        assert!(ranges("60岁", "岁").is_empty());
        assert!(ranges("三岁", "岁").is_empty());
    }

    #[test]
    fn groups_are_found_in_every_writing_of_the_unit() {
        for text in [
            "0-14岁人口占17.86%，15-64岁人口占65.42%，65岁及以上人口占16.72%。",
            "0-14周岁人口占17.86%，15-64周岁人口占65.42%，65周岁及以上人口占16.72%。",
            "0-14歲人口占總人口的17.86%,15-64歲人口占65.42%,65歲及以上人口占16.72%。",
        ] {
            let doc = crate::parse(text);
            let partitions = doc
                .relations
                .iter()
                .filter(|r| matches!(r, crate::model::Relation::Partition { .. }))
                .count();
            assert_eq!(partitions, 1, "{text}");
        }
    }
}
