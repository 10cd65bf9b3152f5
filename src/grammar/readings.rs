//! Readings: what each claim's figure *is*, decided once by the grammar from the words around it.
//!
//! A figure's markers say which words stand before it; its reading says what that makes it: a
//! level, a change, the level a change reached, a share, an average, a target, or a bound that
//! names a category (`60岁及以上人口`, `5000万元以上项目12个`). Rules read the reading and never
//! guess it again from the text.

use super::lexicon::Lexicon;
use super::segment::is_han;
use crate::model::{Claim, Document, MarkerKind, QualifierKind, Rate, Reading, Span, UnitKind};

/// Give every claim of one block (from `first` on) its reading, and widen the subject of a claim
/// that follows a category bound to take the category in (`60岁及以上人口为22559人`: the subject
/// of 22559人 is `60岁及以上人口为`).
pub(crate) fn read(lx: &Lexicon, text: &str, doc: &mut Document, first: usize) {
    let averages = average_words_in(lx, text, doc, first);
    for i in first..doc.claims.len() {
        let Some(c) = doc.claims.get(i) else {
            continue;
        };
        let clause_end = doc
            .clauses
            .get(c.clause)
            .map_or(c.span.end, |cl| cl.span.end);
        let followed_in_clause = doc
            .claims
            .get(i + 1)
            .is_some_and(|next| next.clause == c.clause);
        let rate = rate_of(lx, text, doc, c);
        let reading = if names_category(lx, text, c, clause_end, followed_in_clause) {
            Reading::CategoryBound
        } else {
            match reading_from_markers(c, rate.is_some()) {
                Reading::Level if names_average(&averages, c) => Reading::Average,
                reading => reading,
            }
        };
        if let Some(c) = doc.claims.get_mut(i) {
            c.reading = reading;
            c.rate = rate;
        }
    }
    // `61791万吨(12358亿斤)`: a figure in brackets right after a figure of the same dimension and
    // (within 1 %) the same amount restates it.
    for i in first.max(1)..doc.claims.len() {
        let (Some(before), Some(c)) = (doc.claims.get(i - 1), doc.claims.get(i)) else {
            continue;
        };
        let restates = c.bracket.is_some()
            && matches!(
                text.get(before.span.end..c.span.start).map(str::trim),
                Some("(" | "（")
            )
            && before.quantity.commensurable(&c.quantity)
            && same_amount(&before.quantity.interval, &c.quantity.interval);
        if restates {
            if let Some(c) = doc.claims.get_mut(i) {
                c.restates = true;
            }
        }
    }
    // A claim after a category bound counts the category: its subject starts where the bound's
    // subject starts.
    for i in first + 1..doc.claims.len() {
        let (head, tail) = doc.claims.split_at_mut(i);
        let (Some(bound), Some(c)) = (head.last(), tail.first_mut()) else {
            continue;
        };
        if bound.reading == Reading::CategoryBound && bound.clause == c.clause {
            c.subject = Span::new(bound.subject.start.min(c.subject.start), c.subject.end);
        }
    }
}

/// The rate a percentage's subject names, from the lexicon; a rate on another population
/// (`按户籍人口计算`, anywhere in the sentence) may pass 100 %.
fn rate_of(lx: &Lexicon, text: &str, doc: &Document, c: &Claim) -> Option<Rate> {
    if !matches!(
        c.quantity.kind(),
        Some(UnitKind::Percent | UnitKind::Permille)
    ) {
        return None;
    }
    let subject = text.get(c.subject.start..c.subject.end)?;
    let (word, may_pass_100) = lx.rate_in(subject)?;
    // Only a rate that cannot pass 100 % asks whether it is on another population.
    let other_base = !may_pass_100 && {
        let sentence = doc.sentences.get(c.sentence).map_or(c.subject, |s| s.span);
        let sentence_text = text.get(sentence.start..sentence.end).unwrap_or_default();
        lx.other_base
            .iter()
            .any(|w| sentence_text.contains(w.as_str()))
    };
    Some(Rate {
        name: Span::new(c.subject.start + word.start, c.subject.start + word.end),
        may_pass_100: may_pass_100 || other_base,
    })
}

/// Where words that make a figure an average (`平均气温16.2℃`, `年均降水量`) start in the text of
/// claims `first..` (one search of the block's text per word, not one per claim).
fn average_words_in(lx: &Lexicon, text: &str, doc: &Document, first: usize) -> Vec<usize> {
    let (Some(a), Some(b)) = (doc.claims.get(first), doc.claims.last()) else {
        return Vec::new();
    };
    let from = a.subject.start.min(a.span.start);
    let block = text.as_bytes().get(from..b.span.end).unwrap_or_default();
    let mut at: Vec<usize> = lx
        .average_words
        .iter()
        .flat_map(|w| w.find_iter(block).map(move |i| from + i))
        .collect();
    at.sort_unstable();
    at
}

/// Whether a figure's subject holds one of the words found at `words`: a level of that kind is
/// no amount to add up.
fn names_average(words: &[usize], c: &Claim) -> bool {
    !c.quantity.is_percent() && {
        let i = words.partition_point(|&w| w < c.subject.start);
        words.get(i).is_some_and(|&w| w < c.subject.end)
    }
}

/// The reading the markers before a figure give it (`rate`: whether its subject names a rate).
fn reading_from_markers(c: &Claim, rate: bool) -> Reading {
    if c.has(MarkerKind::Reached) {
        Reading::Reached
    } else if c.has(MarkerKind::Change) {
        Reading::Change
    } else if c.has(MarkerKind::Target) {
        Reading::Target
    } else if c.has(MarkerKind::PerCapita) || c.has(MarkerKind::PerHousehold) {
        Reading::Average
    } else if c.quantity.is_percent() && c.has(MarkerKind::Share) {
        Reading::Share
    } else if rate {
        Reading::Rate
    } else {
        Reading::Level
    }
}

/// Whether a figure names a category rather than stating an amount:
/// - an age with a bound or a range (`60岁及以上`, `0-14岁`, `65岁以上的老人`): ages bound groups
///   of people in reports, they are never what is counted;
/// - any figure written with a bound after it (`以上`, `以下`, `以内`) that a noun follows, when
///   another figure follows in the clause (`5000万元以上项目12个`, `10万元以上的家庭12户`): that
///   figure is the count of the category. `投入5000万元以上资金` has no count after it: there the
///   bound is the amount.
///
/// The bound words and the units of ages are the lexicon's (`[categories]`).
fn names_category(
    lx: &Lexicon,
    text: &str,
    c: &Claim,
    clause_end: usize,
    followed_in_clause: bool,
) -> bool {
    let q = &c.quantity;
    let written = text.get(c.span.start..c.span.end).unwrap_or_default();
    let suffix_bound = matches!(
        q.qualifier,
        Some(QualifierKind::AtLeast | QualifierKind::AtMost)
    ) && lx
        .categories
        .bounds
        .iter()
        .any(|w| written.ends_with(w.as_str()));
    let after = text
        .get(c.span.end..clause_end.max(c.span.end))
        .unwrap_or_default();
    let noun_follows = after
        .trim_start_matches('的')
        .chars()
        .next()
        .is_some_and(is_han);
    if lx.categories.group_units.iter().any(|u| u == q.base_unit()) {
        return suffix_bound || q.range || (noun_follows && followed_in_clause);
    }
    suffix_bound && noun_follows && followed_in_clause
}

/// Whether two amounts are the same within 1 % (a conversion to another unit, rounded there).
fn same_amount(a: &crate::model::interval::Interval, b: &crate::model::interval::Interval) -> bool {
    let (Some(a_lo), Some(a_hi), Some(b_lo), Some(b_hi)) = (a.lo(), a.hi(), b.lo(), b.hi()) else {
        return false;
    };
    let slack = |v: rust_decimal::Decimal| v.abs() / rust_decimal::Decimal::ONE_HUNDRED;
    a_lo - slack(a_lo) <= b_hi && b_lo - slack(b_lo) <= a_hi
}

#[cfg(test)]
mod tests {
    use crate::grammar::parse;
    use crate::model::Reading;

    fn readings(text: &str) -> Vec<(String, Reading)> {
        let doc = parse(text);
        doc.claims
            .iter()
            .map(|c| (doc.slice(c.span).to_owned(), c.reading))
            .collect()
    }

    #[test]
    fn averages_named_in_the_subject() {
        use Reading::*;
        assert_eq!(
            readings(
                "全县平均气温16.2℃，气温最高38.5℃；职工平均年龄45岁，年均投入1200万元，增长5%。"
            ),
            [
                ("16.2℃".to_owned(), Average),
                ("38.5℃".to_owned(), Level),
                ("45岁".to_owned(), Average),
                ("1200万元".to_owned(), Average),
                ("5%".to_owned(), Change),
            ]
        );
    }

    #[test]
    fn category_bounds() {
        use Reading::*;
        assert_eq!(
            readings("60岁及以上人口为22559人，占14.18%，其中65岁及以上人口为16536人。"),
            [
                ("60岁及以上".to_owned(), CategoryBound),
                ("22559人".to_owned(), Level),
                ("14.18%".to_owned(), Share),
                ("65岁及以上".to_owned(), CategoryBound),
                ("16536人".to_owned(), Level),
            ]
        );
        assert_eq!(
            readings("5000万元以上项目12个，10万元以上的家庭8户。投入5000万元以上资金。"),
            [
                ("5000万元以上".to_owned(), CategoryBound),
                ("12个".to_owned(), Level),
                ("10万元以上".to_owned(), CategoryBound),
                ("8户".to_owned(), Level),
                ("5000万元以上".to_owned(), Level),
            ]
        );
        let doc = parse("60岁及以上人口为22559人。");
        assert_eq!(doc.slice(doc.claims[1].subject), "60岁及以上人口为");
    }

    #[test]
    fn changes_levels_targets() {
        use Reading::*;
        assert_eq!(
            readings("增加值37952万元，增长3.9%，提高到103%，力争达到120亿元，人均5.5万元。"),
            [
                ("37952万元".to_owned(), Level),
                ("3.9%".to_owned(), Change),
                ("103%".to_owned(), Reached),
                ("120亿元".to_owned(), Target),
                ("5.5万元".to_owned(), Average),
            ]
        );
        // The same words in traditional characters.
        assert_eq!(
            readings("總產值81.10億元，同比增長3.9%，減少0.5萬人，增長到103%。"),
            [
                ("81.10億元".to_owned(), Level),
                ("3.9%".to_owned(), Change),
                ("0.5萬人".to_owned(), Change),
                ("103%".to_owned(), Reached),
            ]
        );
    }
}
