//! 其中 parts and their wholes: `脱贫户326户，其中城关村300户、河西村80户`, and the table written as
//! prose that village and township reports are full of — a whole of several figures, then under
//! 其中 one group of the same figures per village or year, separated by `，` or `；`:
//!
//! `贫困人口281户、1078人。其中：甲村61户、247人，乙村81户、299人，丙村83户、302人` — the households
//! of every group are parts of 281户, the people of every group parts of 1078人.
//!
//! Only groups of two figures or more make such a table: a list of single figures separated by
//! `，` runs on into other wholes and other figures too often to be read as parts. Such rows in
//! brackets right after their whole break it down without 其中 (`PartsKind::Breakdown`:
//! `全镇13951户68202人（城镇人口240户544人，农村人口13711户67658人）`).
//!
//! Parts are at most their whole, each and together (`PartsKind::Subset`); 其中 never says that
//! they exhaust it. Parts that count along two dimensions (党员 and 女性) overlap: each is then
//! related alone, their sum not (`rules/lexicon/markers.toml`, `[subsets]`).

use super::lexicon::Lexicon;
use super::relations::{countable, Found};
use crate::model::document::SCOPE_SENTENCES;
use crate::model::{Claim, Document, FigureKind, MarkerKind, PartsKind, Span};
use std::ops::Range;

/// The 其中 parts of sentence `s` (from its own claims on) and their wholes, in its scope (its
/// `；`-joined period, and the sentence before one that opens with 其中: `scope` is
/// [`Document::scope_claims`] of `s`); groups of parts that follow in the period's later sentences
/// join them.
pub(super) fn subsets(
    lx: &Lexicon,
    doc: &Document,
    s: usize,
    scope: (&[Claim], usize, usize),
    out: &mut Found<'_>,
) {
    let (_, own, first) = scope;
    let Some(sentence) = doc.sentences.get(s) else {
        return;
    };
    let claims = doc
        .claims
        .get(first..period_end(doc, s))
        .unwrap_or_default();
    let own_end = sentence.claims.end.saturating_sub(first);
    let mut i = own;
    while i < own_end {
        let Some(part) = claims.get(i) else {
            break;
        };
        let list = List { doc, claims, first };
        if !part.has(MarkerKind::Subset) || !countable(part) {
            match bracketed_rows(doc, claims, i) {
                Some(rows) => {
                    list.relate_by_place(lx, &rows, PartsKind::Breakdown, out);
                    i = rows.last().map_or(i, |r| r.end).max(i + 1);
                }
                None => i += 1,
            }
            continue;
        }
        let run = claims
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.has(MarkerKind::Subset))
            .count();
        let head = i..i + run;
        let mut groups = vec![head.clone()];
        // Groups of one figure each are prose, not a table: `其中高速铁路8951公里，…；新增公路
        // 60.9万公里` goes on to another whole, `城镇人口45.78万人；乡村人口87.36万人；当年出生人口…`
        // to other figures. A group of two figures or more (`61户、247人`) is a row. Not even in
        // brackets: `（其中：城镇3000人，乡村2000人，男性2600人，女性2400人）` counts one whole
        // twice.
        let row = head
            .clone()
            .filter(|&k| claims.get(k).is_some_and(countable))
            .count()
            >= 2;
        while let Some(next) = groups
            .last()
            .and_then(|g| next_group(doc, claims, g.end))
            .filter(|next| row && parallel(doc, claims, &head, next))
        {
            groups.push(next);
        }
        if groups.len() == 1 {
            list.relate_by_unit(lx, &head, out);
        } else {
            list.relate_by_place(lx, &groups, PartsKind::Subset, out);
        }
        i = groups.last().map_or(head.end, |g| g.end).max(i + 1);
    }
}

/// The claims of a 其中 list, with the index of the first in [`Document::claims`].
struct List<'a> {
    doc: &'a Document,
    claims: &'a [Claim],
    first: usize,
}

impl List<'_> {
    /// One group of parts (joined by `、`): the parts of each unit, under the wholes of that unit
    /// before them.
    fn relate_by_unit(&self, lx: &Lexicon, head: &Range<usize>, out: &mut Found<'_>) {
        let mut done: Vec<&str> = Vec::new();
        for j in head.clone() {
            let Some(part) = self.claims.get(j).filter(|c| countable(c)) else {
                continue;
            };
            let unit = part.quantity.base_unit();
            if done.contains(&unit) {
                continue;
            }
            done.push(unit);
            let parts: Vec<usize> = head
                .clone()
                .filter(|&k| {
                    self.claims
                        .get(k)
                        .is_some_and(|c| countable(c) && c.quantity.commensurable(&part.quantity))
                })
                .collect();
            let wholes = self.wholes_before(head.start, part);
            self.relate(lx, wholes, &parts, PartsKind::Subset, out);
        }
    }

    /// Groups of the same figures in the same order: the figures in each place are parts of the
    /// whole in that place of a group of the same figures right before the list, or else (for
    /// 其中 parts, not a breakdown in brackets) of the wholes of their unit before it.
    fn relate_by_place(
        &self,
        lx: &Lexicon,
        groups: &[Range<usize>],
        kind: PartsKind,
        out: &mut Found<'_>,
    ) {
        let Some(head) = groups.first() else {
            return;
        };
        let tuple = self
            .group_before(head.start)
            .filter(|w| same_shape(self.claims, w, head) && w.clone().all(|k| self.is_whole(k)));
        for place in 0..head.len() {
            let Some(part) = self.claims.get(head.start + place).filter(|c| countable(c)) else {
                continue;
            };
            let parts: Vec<usize> = groups.iter().map(|g| g.start + place).collect();
            match &tuple {
                Some(w) => {
                    let whole = vec![self.first + w.start + place];
                    self.relate(lx, whole, &parts, kind, out);
                }
                None if kind == PartsKind::Breakdown => {}
                None => {
                    let wholes = self.wholes_before(head.start, part);
                    self.relate(lx, wholes, &parts, kind, out);
                }
            }
        }
    }

    /// Record parts under their wholes: together, or each alone where they may overlap.
    fn relate(
        &self,
        lx: &Lexicon,
        wholes: Vec<usize>,
        parts: &[usize],
        kind: PartsKind,
        out: &mut Found<'_>,
    ) {
        if wholes.is_empty() || parts.is_empty() {
            return;
        }
        let texts = parts.iter().filter_map(|&k| {
            let c = self.claims.get(k)?;
            Some(self.doc.slice(self.doc.clauses.get(c.clause)?.span))
        });
        // One part has no sum to leave out.
        if parts.len() > 1 && lx.subsets.overlapping(texts) {
            for &k in parts {
                out.parts(wholes.iter().copied(), [self.first + k], kind);
            }
        } else {
            out.parts(wholes, parts.iter().map(|&k| self.first + k), kind);
        }
    }

    /// The countable claims before `at` of `part`'s unit that are no parts and enclose it, nearest
    /// first; or the figure right before a bracket (a comma may stand between) that opens on the
    /// parts alone (`播种面积32220亩，其他农作物6675亩（其中：油菜1830亩、…）`: the parts are
    /// 6675亩's).
    fn wholes_before(&self, at: usize, part: &Claim) -> Vec<usize> {
        let before = self.claims.get(..at).unwrap_or_default();
        if let Some(j) = at.checked_sub(1) {
            let bracketed = before.get(j).is_some_and(|w| {
                self.is_whole(j)
                    && w.quantity.commensurable(&part.quantity)
                    && part.bracket.is_some()
                    && w.bracket != part.bracket
                    && w.encloses(part)
                    && w.span.end <= part.span.start
                    && opens_bracket(
                        self.doc
                            .slice(Span::new(w.span.end, part.span.start))
                            .trim_start()
                            .trim_start_matches(['，', ',']),
                    )
            });
            if bracketed {
                return vec![self.first + j];
            }
        }
        (0..before.len())
            .rev()
            .filter(|&j| {
                before.get(j).is_some_and(|w| {
                    self.is_whole(j) && w.quantity.commensurable(&part.quantity) && w.encloses(part)
                })
            })
            .map(|j| self.first + j)
            .collect()
    }

    fn is_whole(&self, k: usize) -> bool {
        self.claims
            .get(k)
            .is_some_and(|c| countable(c) && !c.has(MarkerKind::Subset))
    }

    /// The group of claims (joined by `、`) that ends right before `at`.
    fn group_before(&self, at: usize) -> Option<Range<usize>> {
        let last = at.checked_sub(1)?;
        let mut start = last;
        while let Some(prev) = start.checked_sub(1) {
            let (Some(a), Some(b)) = (self.claims.get(prev), self.claims.get(start)) else {
                break;
            };
            if !enumerated(self.doc, a.clause, b.clause) {
                break;
            }
            start = prev;
        }
        Some(start..at)
    }
}

/// Where the claims of sentence `s`'s period end: the sentences after it joined by `；` in its
/// block, at most [`SCOPE_SENTENCES`] of them, as far as a scope reaches back (as an index into
/// [`Document::claims`]). Unbounded, a line of tens of thousands of `；` made each sentence read
/// all the others after it.
fn period_end(doc: &Document, s: usize) -> usize {
    let mut last = s;
    while let (true, Some(cur), Some(next)) = (
        last - s < SCOPE_SENTENCES,
        doc.sentences.get(last),
        doc.sentences.get(last + 1),
    ) {
        if !cur.ends_with_semicolon || next.block != cur.block {
            break;
        }
        last += 1;
    }
    doc.sentences.get(last).map_or(0, |x| x.claims.end)
}

/// Whether the clauses from `a` up to `b` are joined by `、` alone (one item of a list to the
/// next).
fn enumerated(doc: &Document, a: usize, b: usize) -> bool {
    (a..b).all(|c| {
        doc.clauses
            .get(c)
            .is_some_and(|c| c.terminator == Some('、'))
    })
}

/// The group of claims joined by `、` that starts at `at`, when what stands between it and the
/// claim before is `，`, `；` or `：` (and `、`): one group of a list to the next.
fn next_group(doc: &Document, claims: &[Claim], at: usize) -> Option<Range<usize>> {
    let prev = claims.get(at.checked_sub(1)?)?;
    let start = claims.get(at)?;
    // A clause without figures between two groups frames what follows anew (`…两无户214户437人，
    // 按照五个一批的要求，需要发展生产和就业的308户1095人…`: another dimension of the same whole).
    if start.clause != prev.clause + 1 {
        return None;
    }
    let between = (prev.clause..start.clause).all(|c| {
        doc.clauses.get(c).is_some_and(|c| {
            matches!(
                c.terminator,
                Some('、' | '，' | ',' | '；' | ';' | '：' | ':')
            )
        })
    });
    if !between || enumerated(doc, prev.clause, start.clause) {
        return None;
    }
    let mut end = at + 1;
    while let (Some(a), Some(b)) = (claims.get(end - 1), claims.get(end)) {
        if !enumerated(doc, a.clause, b.clause) {
            break;
        }
        end += 1;
    }
    Some(at..end)
}

/// Rows of the same figures in brackets that open right after a group of those figures, with no
/// 其中 (`全镇13951户68202人（城镇人口240户544人，农村人口13711户67658人）`): two rows or more, none
/// dated (one row, or rows of years, compare: `326户1024人（上年84户270人）`), starting at claim `at`.
fn bracketed_rows(doc: &Document, claims: &[Claim], at: usize) -> Option<Vec<Range<usize>>> {
    let part = claims
        .get(at)
        .filter(|c| c.bracket.is_some() && countable(c))?;
    let whole = claims.get(at.checked_sub(1)?)?;
    if whole.bracket == part.bracket || whole.span.end > part.span.start {
        return None;
    }
    let between = doc.slice(Span::new(whole.span.end, part.span.start));
    if !opens_bracket(between) {
        return None;
    }
    let mut end = at + 1;
    while let (Some(a), Some(b)) = (claims.get(end - 1), claims.get(end)) {
        if !(a.clause == b.clause || enumerated(doc, a.clause, b.clause)) {
            break;
        }
        end += 1;
    }
    let head = at..end;
    let plain = head.clone().all(|k| {
        claims.get(k).is_some_and(|c| {
            c.bracket == part.bracket && c.markers.kinds().all(|m| m == MarkerKind::Level)
        })
    });
    let row = head
        .clone()
        .filter(|&k| claims.get(k).is_some_and(countable))
        .count()
        >= 2;
    if !plain || !row || dated(doc, claims, &head) {
        return None;
    }
    let mut rows = vec![head.clone()];
    while let Some(next) = rows
        .last()
        .and_then(|g| next_group(doc, claims, g.end))
        .filter(|next| parallel(doc, claims, &head, next) && !dated(doc, claims, next))
    {
        rows.push(next);
    }
    (rows.len() >= 2).then_some(rows)
}

/// Whether the group `next` repeats the 其中 group `head` for another part: the same figures
/// (unit and reading) in the same order, in the same brackets, no marker of their own but 为/达,
/// and a year or date only where the first group has one.
fn parallel(doc: &Document, claims: &[Claim], head: &Range<usize>, next: &Range<usize>) -> bool {
    if !same_shape(claims, head, next) {
        return false;
    }
    let bracket = claims.get(head.start).map(|c| c.bracket);
    let plain = next.clone().all(|k| {
        claims.get(k).is_some_and(|c| {
            Some(c.bracket) == bracket && c.markers.kinds().all(|m| m == MarkerKind::Level)
        })
    });
    plain && (!dated(doc, claims, next) || dated(doc, claims, head))
}

/// Whether the clauses of a group hold a year, date or period (`2016年已脱贫170户`).
fn dated(doc: &Document, claims: &[Claim], group: &Range<usize>) -> bool {
    let clauses = |k: usize| claims.get(k).and_then(|c| doc.clauses.get(c.clause));
    let (Some(a), Some(b)) = (clauses(group.start), clauses(group.end.saturating_sub(1))) else {
        return false;
    };
    doc.figures_in(Span::new(a.span.start, b.span.end))
        .iter()
        .any(|f| {
            matches!(
                f.kind,
                FigureKind::Year | FigureKind::Date { .. } | FigureKind::Period
            )
        })
}

/// Whether the text between a figure and the next opens a bracket that is still open at the
/// next (`6675亩（其中：油菜1830亩`): the next figure is inside an aside on the first.
fn opens_bracket(between: &str) -> bool {
    between.trim_start().starts_with(['（', '(']) && !between.contains(['）', ')'])
}

/// Whether two groups hold figures of the same units and readings in the same order.
fn same_shape(claims: &[Claim], a: &Range<usize>, b: &Range<usize>) -> bool {
    a.len() == b.len()
        && a.clone()
            .zip(b.clone())
            .all(|(x, y)| match (claims.get(x), claims.get(y)) {
                (Some(x), Some(y)) => {
                    x.quantity.base_unit() == y.quantity.base_unit()
                        && x.quantity.is_percent() == y.quantity.is_percent()
                        && x.reading == y.reading
                        && countable(x) == countable(y)
                }
                _ => false,
            })
}

#[cfg(test)]
mod tests {
    use crate::model::{PartsKind, Relation};

    /// The parts of each subset relation of `text`, as written.
    fn subsets(text: &str) -> Vec<(Vec<String>, Vec<String>)> {
        let doc = crate::parse(text);
        doc.relations
            .iter()
            .filter_map(|r| match r {
                Relation::Parts {
                    wholes,
                    parts,
                    kind: PartsKind::Subset | PartsKind::Breakdown,
                } => Some((
                    doc.members_of(wholes)
                        .map(|c| doc.slice(c.span).to_owned())
                        .collect(),
                    doc.members_of(parts)
                        .map(|c| doc.slice(c.span).to_owned())
                        .collect(),
                )),
                _ => None,
            })
            .collect()
    }

    fn owned(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn groups_of_the_same_figures_are_parts_place_by_place() {
        let found = subsets(
            "贫困人口281户、1078人。其中：甲村61户、247人，乙村81户、299人，丙村83户、302人。",
        );
        assert_eq!(
            found,
            vec![
                (owned(&["281户"]), owned(&["61户", "81户", "83户"])),
                (owned(&["1078人"]), owned(&["247人", "299人", "302人"])),
            ]
        );
        // Across `；`, with a year in every group, and the people of a pair `96户475人` too.
        let found = subsets(
            "建档立卡贫困户1193户5992人，其中2015年脱贫96户475人，2016年脱贫170户898人；未脱贫78户262人。",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1, owned(&["475人", "898人", "262人"]));
    }

    #[test]
    fn every_unit_of_one_group_is_related() {
        let found = subsets("全镇脱贫户326户1024人，其中一村84户270人、二村80户200人。");
        assert!(
            found.contains(&(owned(&["1024人"]), owned(&["270人", "200人"]))),
            "{found:?}"
        );
    }

    #[test]
    fn rows_in_brackets_after_their_whole_are_its_parts() {
        let found = subsets(
            "全镇13951户68202人（城镇人口240户544人，农村人口13711户67658人），下辖25个村。",
        );
        assert_eq!(
            found,
            vec![
                (owned(&["13951户"]), owned(&["240户", "13711户"])),
                (owned(&["68202人"]), owned(&["544人", "67658人"])),
            ]
        );
        // One row, rows of years, or no whole of the same figures: no parts.
        for text in [
            "全镇脱贫户326户1024人（上年84户270人）。",
            "全镇脱贫户326户1024人（2019年84户270人，2020年90户300人）。",
            "全镇脱贫户326户（城镇人口240户544人，农村人口13711户67658人）。",
        ] {
            assert_eq!(subsets(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_list_in_brackets_is_of_the_figure_the_brackets_follow() {
        // 其中 with a colon inside the bracket; another whole of the unit before it in the
        // sentence is no candidate.
        for text in [
            "播种面积32220亩，其他农作物6675亩（其中：油菜1830亩、蔬菜3850亩、花卉745亩）。",
            "播种面积32220亩,其他农作物6675亩(其中:油菜1830亩、蔬菜3850亩、花卉745亩)。",
            "播种面积32220亩，其他农作物6675亩（其中，油菜1830亩、蔬菜3850亩、花卉745亩）。",
            "播种面积32220亩，其他农作物6675亩，（其中：油菜1830亩、蔬菜3850亩、花卉745亩）。",
        ] {
            assert_eq!(
                subsets(text),
                vec![(owned(&["6675亩"]), owned(&["1830亩", "3850亩", "745亩"]))],
                "{text}"
            );
        }
        // Outside brackets both wholes stay candidates (nearest first).
        assert_eq!(
            subsets("播种面积32220亩，其他农作物6675亩，其中：油菜1830亩、蔬菜3850亩。"),
            vec![(owned(&["6675亩", "32220亩"]), owned(&["1830亩", "3850亩"]))]
        );
    }

    #[test]
    fn what_is_no_part_ends_the_list() {
        // After a row: a change, a total of its own, a share, another unit, a year where the first
        // row has none.
        for text in [
            "全乡贫困户281户1078人，其中甲村61户247人，较上年增加20户80人。",
            "全乡贫困户281户1078人，其中甲村61户247人，累计帮扶80户300人。",
            "全乡贫困户281户1078人，其中甲村61户247人，占21.7%、22.9%。",
            "全乡贫困户281户1078人，其中甲村61户247人，新建住房80套300间。",
            "全乡贫困户281户1078人，其中甲村61户247人，2020年新识别80户300人。",
            // Single figures separated by `，`: prose, not a table; in brackets too (two
            // breakdowns of one whole, each summing to it).
            "新增公路60.9万公里，其中高速公路4.2万公里，修复治理退化草原517万亩。",
            "全县常住人口5000人（其中：城镇3000人，乡村2000人，男性2600人，女性2400人）。",
            "全县常住人口5000人（其中：城镇3000人，乡村2000人；男性2600人，女性2400人）。",
            "幼儿园128所。其中，公办幼儿园53所，民办幼儿园75所；城区幼儿园50所，农村幼儿园78所。",
        ] {
            let found = subsets(text);
            assert!(
                found.iter().all(|(_, parts)| parts.len() == 1),
                "{text}: {found:?}"
            );
        }
        // A clause without figures between two rows starts another list.
        let found = subsets(
            "贫困户952户3122人（其中两因户182户559人，两缺户467户1630人，按照分类施策的要求，需要发展生产的308户1095人，异地搬迁的221户804人）。",
        );
        assert_eq!(
            found,
            vec![
                (owned(&["952户"]), owned(&["182户", "467户"])),
                (owned(&["3122人"]), owned(&["559人", "1630人"])),
            ]
        );
    }

    #[test]
    fn parts_along_two_dimensions_are_related_one_by_one() {
        let found = subsets("全村干部15人，其中党员12人、女性5人、大专以上学历8人。");
        assert_eq!(found.len(), 3, "{found:?}");
        let found = subsets(
            "低保对象663户1932人，其中农村低保521户1772人，特困供养142户160人，双重身份人员122户395人。",
        );
        assert_eq!(found.len(), 6, "{found:?}");
        assert!(found.iter().all(|(_, parts)| parts.len() == 1), "{found:?}");
        // One dimension: a partition.
        let found = subsets("全县有职工689人，其中男职工400人、女职工289人。");
        assert_eq!(found, vec![(owned(&["689人"]), owned(&["400人", "289人"]))]);
        // Residence and sex, two breakdowns of one whole in one list.
        let found =
            subsets("全县常住人口5000人（其中：城镇3000人、乡村2000人、男性2600人、女性2400人）。");
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found.iter().all(|(_, parts)| parts.len() == 1), "{found:?}");
        let found = subsets("全县常住人口5000人（其中：城镇3000人、乡村2000人）。");
        assert_eq!(
            found,
            vec![(owned(&["5000人"]), owned(&["3000人", "2000人"]))]
        );
    }
}
