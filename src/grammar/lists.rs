//! List relations: the items a 分别 list names and the values after it, the items an
//! enumeration names and the count that sums it up, and the total a 分别 list is part of.
//!
//! - **分别 lists** ([`Relation::Respectively`]): the items before 分别 are the 、-list of its
//!   clause (`甲、乙、丙三地分别…`), a written count (`两市分别…`), the list that ends the clause
//!   before when only a short attribute stands before 分别 (`主要有煤矿、铅锌矿和莹石矿，贮量分别
//!   在…`), or the subjects of the clauses before one that opens with 分别, each with one figure
//!   (`新建学校3所、卫生院2个，分别投入1200万元、800万元`). The values are the figures after 分别,
//!   one per 、-joined clause and one more per conjunction between figures; a list that is not
//!   plain (`分别从209元、280元提高到217元、290元`) has no relation.
//! - **Enumerations** ([`Relation::Enumeration`]): a count right after a 、-list whose items are
//!   short and figure-free, read as the list's summary only where nothing else can be meant: a
//!   category count (`五大`, `两化`), a count that fills a quotation (`“四保障”`), or a count after
//!   等 (`…等6种增收模式`).
//! - **A 分别 list of a stated total** ([`Relation::Parts`], [`PartsKind::Listed`]): values of one
//!   unit after `A、B、C分别为` are parts of a total of that unit stated earlier in the sentence by
//!   共/累计/合计 (`全县共有学校12所，小学、初中、高中分别为6所、3所、2所`); a list under a 其中 is
//!   the 其中 relation's.
//!
//! The words and limits are lexicon data (`[lists]` in `rules/lexicon/markers.toml`).

use super::lexicon::Lexicon;
use super::relations::Found;
use crate::model::{
    Claim, Clause, Document, ItemCount, MarkerKind, PartsKind, Reading, Relation, Span,
    SummaryKind, UnitKind,
};
use rust_decimal::Decimal;

/// Find the list relations of sentence `s`.
pub(super) fn lists(lx: &Lexicon, doc: &Document, s: usize, out: &mut Found<'_>) {
    let Some(sentence) = doc.sentences.get(s) else {
        return;
    };
    for k in sentence.clauses.clone() {
        let Some(clause) = doc.clauses.get(k) else {
            continue;
        };
        if let Some(marker) = doc
            .clause_markers_of(clause)
            .iter()
            .find(|m| m.kind == MarkerKind::Respectively)
        {
            respectively(lx, doc, k, marker.span, out);
        }
        enumeration(lx, doc, k, out);
    }
}

/// The claims of a clause, with the index of the first.
fn claims_of<'a>(doc: &'a Document, clause: &Clause) -> (&'a [Claim], usize) {
    (
        doc.claims.get(clause.claims.clone()).unwrap_or_default(),
        clause.claims.start,
    )
}

/// A 分别 list in clause `k`, and the total it is part of.
fn respectively(lx: &Lexicon, doc: &Document, k: usize, marker: Span, out: &mut Found<'_>) {
    let Some(items) = items_before(lx, doc, k, marker) else {
        return;
    };
    let Some(values) = values_after(lx, doc, k, marker) else {
        return;
    };
    if values.is_empty() {
        return;
    }
    let start = out.members.len();
    out.members.extend(values.iter().copied());
    out.relations.push(Relation::Respectively {
        marker,
        items,
        values: start..out.members.len(),
    });
    if let Some(total) = stated_total(doc, k, &values) {
        out.parts([total], values, PartsKind::Listed);
    }
}

/// How many items the enumeration before 分别 names, if that can be told.
fn items_before(lx: &Lexicon, doc: &Document, k: usize, marker: Span) -> Option<ItemCount> {
    let clause = doc.clauses.get(k)?;
    let prefix_text = doc.slice(Span::new(clause.span.start, marker.start)).trim();
    if prefix_text.is_empty() {
        return counted_subjects(doc, k);
    }
    if let Some(items) = listed(doc, k, marker.start) {
        return Some(items);
    }
    let (claims, _) = claims_of(doc, clause);
    // 两市分别…: a written count of the items.
    if let Some(counted) = claims.iter().find(|c| {
        c.span.end <= marker.start
            && c.quantity.chinese
            && matches!(
                c.quantity.kind(),
                Some(UnitKind::Count) | Some(UnitKind::Category)
            )
    }) {
        let v = counted.quantity.value;
        if v >= Decimal::TWO && v <= Decimal::TEN && v.fract().is_zero() {
            let n = usize::try_from(v.mantissa()).ok()?;
            return Some(ItemCount { min: n, max: n });
        }
        return None;
    }
    let prev = doc.clauses.get(k.checked_sub(1)?)?;
    let attribute_only = prefix_text.chars().count() <= lx.lists.max_attribute_chars
        && claims.iter().all(|c| c.span.start >= marker.end);
    if attribute_only
        && prev.sentence == clause.sentence
        && matches!(prev.terminator, Some('，' | ','))
        && claims_of(doc, prev).0.is_empty()
    {
        return listed(doc, k - 1, prev.span.end);
    }
    None
}

/// The subjects of the clauses right before a clause that opens with 分别, each stated with a
/// figure: the clause before, ended by `，`, and the clauses joined to it by `、`.
fn counted_subjects(doc: &Document, k: usize) -> Option<ItemCount> {
    let clause = doc.clauses.get(k)?;
    let last = doc.clauses.get(k.checked_sub(1)?)?;
    let one_figure = |c: &Clause| claims_of(doc, c).0.len() == 1;
    if last.sentence != clause.sentence
        || !matches!(last.terminator, Some('，' | ','))
        || !one_figure(last)
    {
        return None;
    }
    let mut n = 1;
    let mut j = k - 1;
    while let Some(prev) = j.checked_sub(1).and_then(|p| doc.clauses.get(p)) {
        if prev.sentence != clause.sentence || !prev.enumerates() || !one_figure(prev) {
            break;
        }
        n += 1;
        j -= 1;
    }
    (n >= 2).then_some(ItemCount { min: n, max: n })
}

/// The items of the 、-list that ends in clause `k` at `end`: at least one per clause and one
/// more for each conjunction that surely joins two items, up to one more for each other one.
fn listed(doc: &Document, k: usize, end: usize) -> Option<ItemCount> {
    let clause = doc.clauses.get(k)?;
    let mut run = 1;
    let mut conj = doc.conjunctions_before(clause, end);
    let mut definite = definite_joins(doc, clause, end);
    for prev in enumerated_before(doc, k) {
        run += 1;
        conj += doc.conjunctions_before(prev, prev.span.end);
        definite += definite_joins(doc, prev, prev.span.end);
    }
    if run == 1 && conj == 0 {
        return None;
    }
    Some(ItemCount {
        min: run + definite,
        max: run + conj,
    })
}

/// The values after 分别 (claim indices): one per enumerated clause, and more for 和 inside a
/// clause. `None` when the list is not a plain list of values.
fn values_after(lx: &Lexicon, doc: &Document, k: usize, marker: Span) -> Option<Vec<usize>> {
    let mut values = Vec::new();
    let clause_k = doc.clauses.get(k)?;
    let (claims, first) = claims_of(doc, clause_k);
    let after: Vec<usize> = (0..claims.len())
        .filter(|&i| claims.get(i).is_some_and(|c| c.span.start >= marker.end))
        .map(|i| first + i)
        .collect();
    if after.is_empty() {
        return Some(values);
    }
    push_groups(doc, clause_k, &after, &mut values)?;
    let mut j = k;
    while doc.clauses.get(j).is_some_and(Clause::enumerates) {
        j += 1;
        let Some(clause) = doc.clauses.get(j) else {
            break;
        };
        let all: Vec<usize> = clause.claims.clone().collect();
        let Some(lead) = all.first().and_then(|&i| doc.claims.get(i)) else {
            break;
        };
        let prefix = doc
            .text
            .get(clause.span.start..lead.span.start)
            .map_or(usize::MAX, |t| t.trim().chars().count());
        if prefix > lx.lists.max_value_prefix {
            break;
        }
        push_groups(doc, clause, &all, &mut values)?;
    }
    Some(values)
}

/// Add one value for the clause, and one more for each conjunction between its figures
/// (`5.1%和6.2%`); figures written together (`1411户4867人`) make one value. Figures with other
/// words between them (`280元提高到217元`) make the list no plain list: `None`.
fn push_groups(
    doc: &Document,
    clause: &Clause,
    claims: &[usize],
    values: &mut Vec<usize>,
) -> Option<()> {
    let first = *claims.first()?;
    values.push(first);
    let conj = doc
        .conjunctions
        .get(clause.conjunctions.clone())
        .unwrap_or(&[]);
    let mut prev_end = doc.claims.get(first)?.span.end;
    for &i in claims.iter().skip(1) {
        let c = doc.claims.get(i)?;
        let between = Span::new(prev_end, c.span.start);
        if conj
            .iter()
            .any(|s| s.start >= between.start && s.end <= between.end)
        {
            values.push(i);
        } else if !doc.slice(between).trim().is_empty() {
            return None;
        }
        prev_end = c.span.end;
    }
    Some(())
}

/// The total a 分别 list's values are part of: the values are amounts of one unit read as levels,
/// and the nearest figure of that unit stated earlier in the sentence, before the list, is marked
/// as a total (共, 累计, 合计). A list under a 其中 is left to the 其中 relation.
fn stated_total(doc: &Document, k: usize, values: &[usize]) -> Option<usize> {
    let clause = doc.clauses.get(k)?;
    let claims: Vec<&Claim> = values.iter().filter_map(|&i| doc.claims.get(i)).collect();
    let first = claims.first()?;
    let plain = |c: &Claim| {
        c.is_amount()
            && c.reading == Reading::Level
            && c.quantity.unit.is_some()
            && c.quantity.commensurable(&first.quantity)
    };
    if claims.len() < 2 || !claims.iter().all(|c| plain(c)) {
        return None;
    }
    let sentence = doc.sentences.get(clause.sentence)?;
    let list_start = list_start(doc, k);
    let before = sentence.claims.start..*values.first()?;
    let whole = before.rev().find(|&i| {
        doc.claims
            .get(i)
            .is_some_and(|c| c.span.end <= list_start && plain(c))
    })?;
    let whole_claim = doc.claims.get(whole)?;
    let clauses = doc
        .clauses
        .get(sentence.clauses.clone())
        .unwrap_or_default();
    let markers = match (clauses.first(), clauses.last()) {
        (Some(a), Some(b)) => doc
            .markers
            .get(a.markers.start..b.markers.end)
            .unwrap_or_default(),
        _ => &[],
    };
    let subset_between = markers.iter().any(|m| {
        m.kind == MarkerKind::Subset
            && m.span.start >= whole_claim.span.end
            && m.span.start < first.span.start
    });
    let marked = whole_claim.has(MarkerKind::Total) || whole_claim.has(MarkerKind::Sum);
    (marked && !subset_between).then_some(whole)
}

/// Where the 、-list before clause `k`'s 分别 starts (the first clause of the run of 、-joined
/// clauses that ends with it).
fn list_start(doc: &Document, k: usize) -> usize {
    enumerated_before(doc, k)
        .last()
        .or_else(|| doc.clauses.get(k))
        .map_or(0, |c| c.span.start)
}

/// The clauses joined by 、 right before clause `k` in its sentence, nearest first.
fn enumerated_before(doc: &Document, k: usize) -> impl Iterator<Item = &Clause> + '_ {
    let sentence = doc.clauses.get(k).map(|c| c.sentence);
    (0..k).rev().map_while(move |j| {
        doc.clauses
            .get(j)
            .filter(|p| Some(p.sentence) == sentence && p.enumerates())
    })
}

/// An enumeration summed up by the first claim of clause `k`.
fn enumeration(lx: &Lexicon, doc: &Document, k: usize, out: &mut Found<'_>) {
    let Some(clause) = doc.clauses.get(k) else {
        return;
    };
    let count_at = clause.claims.start;
    let Some(count) = doc
        .claims
        .get(clause.claims.clone())
        .and_then(|c| c.first())
    else {
        return;
    };
    let Some(kind) = summary_kind(lx, doc, count) else {
        return;
    };
    let Some((items, start)) = enumerated(lx, doc, k, count) else {
        return;
    };
    out.relations.push(Relation::Enumeration {
        list: Span::new(start, count.span.start),
        items,
        count: count_at,
        kind,
    });
}

/// How a claim sums up the list before it, if it can only be read as its summary: an integer
/// count of a summary unit, after 等, quoted to the end of its quotation, or of a category.
fn summary_kind(lx: &Lexicon, doc: &Document, c: &Claim) -> Option<SummaryKind> {
    let q = &c.quantity;
    let unit = q.unit?;
    let v = q.value;
    let l = &lx.lists;
    // The unit's list last: most figures are told apart by their value alone.
    if q.qualifier.is_some()
        || q.range
        || v < Decimal::TWO
        || v > Decimal::from(l.max_count)
        || !v.fract().is_zero()
        || !l.count_units.contains(&unit.text)
    {
        return None;
    }
    // A quoted count must fill its quotation (“四保障”, not “四人帮” or “五个一工程”).
    if c.quoted {
        let next = doc.text.get(c.span.end..)?.chars().next();
        if !next.is_some_and(|ch| CLOSING_QUOTES.contains(&ch)) {
            return None;
        }
    }
    if c.after_etc {
        let exact = l.etc_exact_units.contains(&unit.text);
        Some(SummaryKind::AfterEtc { exact })
    } else if c.quoted || q.kind() == Some(UnitKind::Category) {
        Some(SummaryKind::Summary)
    } else {
        None
    }
}

const CLOSING_QUOTES: [char; 4] = ['”', '"', '」', '』'];
const OPENING_QUOTES: [char; 4] = ['“', '"', '「', '『'];

/// The items enumerated before the count, and where the list starts, if they form a simple list.
fn enumerated(lx: &Lexicon, doc: &Document, k: usize, count: &Claim) -> Option<(ItemCount, usize)> {
    let clause = doc.clauses.get(k)?;
    if doc.clause_markers_of(clause).iter().any(|m| {
        m.span.end <= count.span.start
            && matches!(m.kind, MarkerKind::Respectively | MarkerKind::Change)
    }) {
        return None;
    }
    let last = doc
        .slice(Span::new(clause.span.start, count.span.start))
        .trim();
    let last = last.trim_end_matches(OPENING_QUOTES);
    let last = last
        .strip_suffix("等等")
        .or_else(|| last.strip_suffix('等'))
        .unwrap_or(last);
    if last.is_empty()
        || last.ends_with('的')
        || last.ends_with(CLOSING_QUOTES)
        || last.chars().count() > lx.lists.max_item_chars
    {
        return None;
    }
    let conj = doc.conjunctions_before(clause, count.span.start);
    // A conjunction right before the count makes it an item of its own (`欢乐节及十大赛事`).
    if doc
        .conjunctions
        .get(clause.conjunctions.clone())
        .unwrap_or(&[])
        .iter()
        .any(|s| {
            doc.text
                .get(s.end..count.span.start)
                .is_some_and(|t| t.trim().is_empty())
        })
    {
        return None;
    }
    let mut run = 1;
    let mut definite = definite_joins(doc, clause, count.span.start);
    let mut start = clause.span.start;
    let list: Vec<&Clause> = enumerated_before(doc, k).collect();
    for (i, prev) in list.iter().enumerate() {
        // The list's first clause may also hold the verb before it.
        let limit = if i + 1 == list.len() {
            lx.lists.max_first_item_chars
        } else {
            lx.lists.max_item_chars
        };
        if !prev.claims.is_empty()
            || !prev.conjunctions.is_empty()
            || doc.slice(prev.span).chars().count() > limit
        {
            return None;
        }
        run += 1;
        definite += definite_joins(doc, prev, prev.span.end);
        start = prev.span.start;
    }
    if run < 2 {
        return None;
    }
    Some((
        ItemCount {
            min: run + definite,
            max: run + conj,
        },
        start,
    ))
}

/// Conjunctions in a clause (before `end`) that surely join two items of a list: the words on
/// both sides end with the same character, as items of one kind do (`硫铁矿和萤石矿`, `小学和中学`),
/// or both are short names (`天津和石家庄`), where a conjunction inside a name has a long side
/// (`租赁和商务服务业`).
fn definite_joins(doc: &Document, clause: &Clause, end: usize) -> usize {
    const KIND_ITEM_CHARS: usize = 5;
    const NAME_CHARS: usize = 3;
    let conjunctions = doc
        .conjunctions
        .get(clause.conjunctions.clone())
        .unwrap_or_default();
    conjunctions
        .iter()
        .filter(|c| c.end <= end)
        .filter(|c| {
            let left = doc.text.get(clause.span.start..c.start).unwrap_or_default();
            let right = doc.text.get(c.end..end).unwrap_or_default();
            let right = right.trim_end_matches(['，', ',', '、']);
            let (Some(l), Some(r)) = (left.chars().last(), right.chars().last()) else {
                return false;
            };
            let right_chars = right.chars().count();
            (l == r && right_chars <= KIND_ITEM_CHARS)
                || (left.chars().count() <= NAME_CHARS && right_chars <= NAME_CHARS)
        })
        .count()
}
