//! Word boundaries around marker words.
//!
//! A marker or conjunction is often a piece of a longer word: 占 in 占地, 增加 in 增加值, 和 in 和平,
//! 为 in 作为. And the longer word is not always there where its characters are: `占地区生产总值`
//! is 占/地区/生产总值, `工作为主` is 工作/为主, `管理和服务` is 管理/和/服务. Where a word of the
//! dictionary that contains a marker meets the text ([`ambiguous_words`], found once, ahead of
//! time), the few Chinese characters around it are split into words the way a unigram segmenter
//! does (the split whose words are the most probable, by the frequencies of jieba's dictionary:
//! `rules/lexicon/words.txt`, see `rules/lexicon/WORDS.md`), and the longer word stands only if
//! that split keeps it whole ([`Dictionary::stands`]).
//!
//! Such a word is looked for only where the walk finds a marker, conjunction or numeral inside it
//! (`standing_word_over` in `document.rs`), and only the characters around such words are
//! segmented: a report's other text costs nothing, and the dictionary (about 52 000 words,
//! searched in place) is indexed by `build.rs`, so that nothing is read at start-up.

use crate::grammar::word_index::{
    cost_of, index_words, BUCKET_ENTRY, DIRECT_FIRST, DIRECT_LEN, PAIR_ENTRY, WORD_ENTRY,
};
use crate::model::span::Span;
use std::borrow::Cow;
use std::sync::LazyLock;

/// jieba's words of Chinese characters with a frequency of 50 or more, `word frequency` per line,
/// sorted by their bytes, after the sum of their frequencies (`#total N`).
const WORDS: &str = include_str!("../../rules/lexicon/words.txt");
/// That list's index, built by `build.rs` (see [`crate::grammar::word_index`]).
const WORDS_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.index"));
const WORDS_BUCKETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.buckets"));
const WORDS_DIRECT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.direct"));
const WORDS_PAIRS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.pairs"));
const WORDS_TOTAL: u64 = include!(concat!(env!("OUT_DIR"), "/words_total.rs"));

/// Characters looked at on each side of a word.
const WINDOW: usize = 3;

/// The longest word, in characters, that the split considers.
const LONGEST_WORD: usize = 8;

/// The most characters a split looks at (two windows and the longest word).
const MOST_CHARS: usize = 2 * WINDOW + LONGEST_WORD;

/// The frequency given to a word heshu adds to the dictionary (`extra-words` in the lexicon):
/// that of an ordinary word.
pub const EXTRA_FREQUENCY: u32 = 500;

/// Whether `c` is a Chinese character (CJK Unified Ideographs, their extension A and
/// compatibility ideographs, with 〇): a word goes on, where punctuation or a figure ends it.
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '〇'
    )
}

/// A dictionary of words with frequencies, searched in its own text (a `#total N` line, then
/// `word frequency` lines sorted by bytes) through an index of bytes
/// ([`crate::grammar::word_index`]), plus the words the lexicon adds.
#[derive(Debug)]
pub struct Dictionary<'a> {
    text: &'a str,
    /// Each word's line start and length.
    words: Cow<'a, [u8]>,
    /// Each first character's words.
    buckets: Cow<'a, [u8]>,
    /// The bucket of each CJK character, by its place.
    direct: Cow<'a, [u8]>,
    /// Each bucket's words by their second character.
    pairs: Cow<'a, [u8]>,
    /// The first characters of the words the lexicon adds.
    extra_starts: Vec<char>,
    /// Words added by the lexicon, sorted, all of [`EXTRA_FREQUENCY`].
    extra: Vec<String>,
    /// The sum of all frequencies.
    total: u64,
    /// The cost of a word the lexicon adds.
    extra_cost: u16,
}

impl<'a> Dictionary<'a> {
    /// Index a dictionary text (a `#total N` line, then `word frequency` lines sorted by bytes).
    pub fn new(text: &'a str) -> Self {
        let index = index_words(text);
        Self::indexed(
            text,
            index.total,
            [
                Cow::Owned(index.words),
                Cow::Owned(index.buckets),
                Cow::Owned(index.direct),
                Cow::Owned(index.pairs),
            ],
        )
    }

    /// A dictionary text with its index: the words', the buckets', the direct and the pairs'
    /// entries.
    fn indexed(text: &'a str, total: u64, index: [Cow<'a, [u8]>; 4]) -> Self {
        let [words, buckets, direct, pairs] = index;
        Self {
            text,
            words,
            buckets,
            direct,
            pairs,
            extra_starts: Vec::new(),
            extra: Vec::new(),
            total,
            extra_cost: cost_of(u64::from(EXTRA_FREQUENCY), total),
        }
    }

    /// The same dictionary with words added (each of [`EXTRA_FREQUENCY`]).
    pub fn with_extra(mut self, words: &[String]) -> Self {
        self.extra = words.to_vec();
        self.extra.sort();
        self.extra_starts = self.extra.iter().filter_map(|w| w.chars().next()).collect();
        self
    }

    /// The four bytes at `at` of `bytes` as a number.
    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        bytes
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u32::from_le_bytes)
    }

    /// Where word `i`'s line starts, and the word's length.
    fn entry(&self, i: u32) -> (usize, usize) {
        let at = i as usize * WORD_ENTRY;
        let start = Self::u32_at(&self.words, at) as usize;
        let len = self.words.get(at + 4).copied().map_or(0, usize::from);
        (start, len)
    }

    /// Word `i`.
    fn word(&self, i: u32) -> &'a str {
        let (start, len) = self.entry(i);
        self.text.get(start..start + len).unwrap_or_default()
    }

    /// The number of words (less the lexicon's).
    fn len(&self) -> u32 {
        u32::try_from(self.words.len() / WORD_ENTRY).unwrap_or(u32::MAX)
    }

    /// The cost of word `i`.
    fn cost(&self, i: u32) -> u16 {
        let at = i as usize * WORD_ENTRY + 5;
        self.words
            .get(at..at + 2)
            .and_then(|c| c.try_into().ok())
            .map_or(u16::MAX, u16::from_le_bytes)
    }

    /// The number of the bucket of the words that start with `c`, if any.
    fn bucket_of(&self, c: char) -> Option<usize> {
        let c = u32::from(c);
        let b = &self.buckets;
        if let Some(place) = c.checked_sub(DIRECT_FIRST).filter(|p| *p < DIRECT_LEN) {
            let at = place as usize * 2;
            let number = self
                .direct
                .get(at..at + 2)
                .and_then(|n| n.try_into().ok())
                .map_or(0, u16::from_le_bytes);
            return usize::from(number).checked_sub(1);
        }
        let (mut lo, mut hi) = (0, b.len() / BUCKET_ENTRY);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match Self::u32_at(b, mid * BUCKET_ENTRY).cmp(&c) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The words of bucket `bucket`.
    fn bucket_words(&self, bucket: usize) -> std::ops::Range<u32> {
        let at = bucket * BUCKET_ENTRY;
        Self::u32_at(&self.buckets, at + 4)..Self::u32_at(&self.buckets, at + 8)
    }

    /// The words that start with `c`.
    fn bucket(&self, c: char) -> std::ops::Range<u32> {
        self.bucket_of(c).map_or(0..0, |b| self.bucket_words(b))
    }

    /// The words of bucket `bucket` whose second character is `second` (their pair's words):
    /// a binary search over the bucket's second characters, comparing numbers, not words.
    fn pair_words(&self, bucket: usize, second: char) -> std::ops::Range<u32> {
        let at = bucket * BUCKET_ENTRY;
        let (first_pair, end_pair) = (
            Self::u32_at(&self.buckets, at + 12) as usize,
            Self::u32_at(&self.buckets, at + 16) as usize,
        );
        let second = u32::from(second);
        let (mut lo, mut hi) = (first_pair, end_pair);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let at = mid * PAIR_ENTRY;
            match Self::u32_at(&self.pairs, at).cmp(&second) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let start = Self::u32_at(&self.pairs, at + 4);
                    let end = if mid + 1 < end_pair {
                        Self::u32_at(&self.pairs, at + PAIR_ENTRY + 4)
                    } else {
                        self.bucket_words(bucket).end
                    };
                    return start..end;
                }
            }
        }
        0..0
    }

    /// The first of the words `range` that is not before `word`.
    fn lower_bound(&self, range: std::ops::Range<u32>, word: &str) -> u32 {
        let (mut lo, mut hi) = (range.start, range.end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word(mid) < word {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The cost of a word the lexicon adds.
    fn extra_cost(&self, word: &str) -> Option<u16> {
        self.extra
            .iter()
            .any(|w| w == word)
            .then_some(self.extra_cost)
    }

    /// The cost of `word` (see [`cost_of`]), if it is in the dictionary.
    pub fn cost_of(&self, word: &str) -> Option<u16> {
        let first = word.chars().next()?;
        let range = self.bucket(first);
        let i = self.lower_bound(range.clone(), word);
        (i < range.end && self.word(i) == word)
            .then(|| self.cost(i))
            .or_else(|| self.extra_cost(word))
    }

    /// Every word, with the words added.
    pub fn words(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len())
            .map(|i| self.word(i))
            .chain(self.extra.iter().map(String::as_str))
    }

    /// Whether the word at `word` stays whole (a word of its own, or inside a longer one) in the
    /// most probable split of the Chinese characters around it (at most [`WINDOW`] on each side,
    /// inside `bounds`): `占地` does in `占地面积` and does not in `占地区生产总值`.
    pub fn stands(&self, text: &str, bounds: Span, word: Span) -> bool {
        self.placement(text, bounds, word) != Placement::Split
    }

    /// Whether the characters at `word` are a word of their own in the most probable split
    /// around them: `个` is in `下辖个行政村`, not in `每个行政村` (每个) or `个体工商户` (个体).
    pub fn alone(&self, text: &str, bounds: Span, word: Span) -> bool {
        self.placement(text, bounds, word) == Placement::Alone
    }

    /// Where the characters at `word` fall in the most probable split around them.
    fn placement(&self, text: &str, bounds: Span, word: Span) -> Placement {
        // The character starts of the window, and its end.
        let mut at = [0usize; MOST_CHARS + 1];
        let mut n = 0;
        let before = text.get(bounds.start..word.start).unwrap_or_default();
        // The window's characters before the word, nearest first.
        let mut left = [0usize; WINDOW];
        let mut lefts = 0;
        for (i, c) in before.char_indices().rev().take(WINDOW) {
            if !is_han(c) {
                break;
            }
            if let Some(slot) = left.get_mut(lefts) {
                *slot = bounds.start + i;
            }
            lefts += 1;
        }
        let left = left.get(..lefts).unwrap_or_default().iter().rev().copied();
        let inner = text.get(word.start..word.end).unwrap_or_default();
        let after = text.get(word.end..bounds.end).unwrap_or_default();
        let starts = left
            .chain(inner.char_indices().map(|(i, _)| word.start + i))
            .chain(
                after
                    .char_indices()
                    .take_while(|&(_, c)| is_han(c))
                    .take(WINDOW)
                    .map(|(i, _)| word.end + i),
            );
        let mut end = word.end;
        for s in starts {
            if n >= MOST_CHARS {
                return Placement::Inside;
            }
            if let Some(slot) = at.get_mut(n) {
                *slot = s;
            }
            n += 1;
            end = end.max(
                s + text
                    .get(s..)
                    .and_then(|t| t.chars().next())
                    .map_or(1, char::len_utf8),
            );
        }
        if let Some(slot) = at.get_mut(n) {
            *slot = end;
        }
        // best[k]: the cost of the best split of characters k.., next[k]: its first word's end.
        let mut best = [0u32; MOST_CHARS + 1];
        let mut next = [0usize; MOST_CHARS + 1];
        for k in (0..n).rev() {
            let mut choice = (u32::MAX, k + 1);
            let from = at.get(k).copied().unwrap_or_default();
            // The words of the dictionary that start here, shortest first: each longer one is
            // searched for among those that start with the shorter.
            let first = text
                .get(from..)
                .and_then(|t| t.chars().next())
                .unwrap_or(' ');
            let bucket = self.bucket_of(first);
            let mut words = bucket.map_or(0..0, |b| self.bucket_words(b));
            let extra_here = self.extra_starts.contains(&first);
            for len in 1..=LONGEST_WORD.min(n - k) {
                let to = at.get(k + len).copied().unwrap_or_default();
                let probe = text.get(from..to).unwrap_or_default();
                // Every word of the bucket starts with its character, the character alone first;
                // the words of two characters or more are found by their second character, each
                // starting with it first, and the longer ones among these.
                if len == 2 {
                    let second = probe.chars().nth(1).unwrap_or(' ');
                    words = bucket.map_or(0..0, |b| self.pair_words(b, second));
                } else if len > 2 {
                    words.start = self.lower_bound(words.clone(), probe);
                }
                let here = (words.start < words.end).then(|| self.word(words.start));
                let mut cost = here.filter(|w| *w == probe).map(|_| self.cost(words.start));
                if len > 1 && cost.is_none() && extra_here {
                    cost = self.extra_cost(probe);
                }
                // A character the dictionary lacks is a word of frequency 1.
                let cost = cost.or_else(|| (len == 1).then(|| cost_of(1, self.total)));
                if let (Some(c), Some(rest)) = (cost, best.get(k + len)) {
                    let cost = u32::from(c).saturating_add(*rest);
                    if cost < choice.0 {
                        choice = (cost, k + len);
                    }
                }
                let longer = here.is_some_and(|w| w.starts_with(probe))
                    || (extra_here
                        && self
                            .extra
                            .iter()
                            .any(|w| w.len() > probe.len() && w.starts_with(probe)));
                if !longer {
                    break;
                }
            }
            if let (Some(b), Some(x)) = (best.get_mut(k), next.get_mut(k)) {
                (*b, *x) = choice;
            }
        }
        // Follow the best split: a word of it that ends inside `word` splits it.
        let mut k = 0;
        let mut starts_here = false;
        while k < n {
            let from = at.get(k).copied().unwrap_or(usize::MAX);
            let stop = next.get(k).copied().unwrap_or(n).max(k + 1);
            let end = at.get(stop).copied().unwrap_or(usize::MAX);
            starts_here |= from == word.start;
            if end > word.start && end < word.end {
                return Placement::Split;
            }
            if end >= word.end {
                return if starts_here && end == word.end {
                    Placement::Alone
                } else {
                    Placement::Inside
                };
            }
            k = stop;
        }
        Placement::Inside
    }
}

/// Where some characters fall in a split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    /// A word of the split ends inside them.
    Split,
    /// They are one word of the split.
    Alone,
    /// They lie inside a longer word.
    Inside,
}

/// What the lexicon says about segmentation: the words a marker may stand in, and the words
/// around them.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    /// Every marker and conjunction (filled from the lexicon's tables).
    pub markers: Vec<String>,
    /// Words of the dictionary in which a marker keeps its reading (`人均收入`).
    pub marker_words: Vec<String>,
    /// Words the dictionary lacks, added with an ordinary frequency (`共赢`, `占补`).
    pub extra_words: Vec<String>,
}

/// The words of the dictionary (and the lexicon's extra words) of two characters or more that
/// contain a marker or conjunction and are none themselves, less those in which a marker keeps its
/// reading: where one of these meets the text, [`Dictionary::stands`] decides. Sorted.
pub fn ambiguous_words(dictionary: &Dictionary<'_>, seg: &Segmentation) -> Vec<String> {
    let mut out: Vec<String> = dictionary
        .words()
        .filter(|w| w.chars().nth(1).is_some())
        .filter(|w| !seg.markers.iter().any(|m| m == w))
        .filter(|w| !seg.marker_words.iter().any(|m| m == w))
        .filter(|w| seg.markers.iter().any(|m| w.contains(m.as_str())))
        .map(str::to_owned)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// heshu's dictionary, with the built-in lexicon's extra words, indexed on first use.
pub fn builtin() -> &'static Dictionary<'static> {
    static BUILTIN: LazyLock<Dictionary<'static>> = LazyLock::new(|| {
        Dictionary::indexed(
            WORDS,
            WORDS_TOTAL,
            [
                Cow::Borrowed(WORDS_INDEX),
                Cow::Borrowed(WORDS_BUCKETS),
                Cow::Borrowed(WORDS_DIRECT),
                Cow::Borrowed(WORDS_PAIRS),
            ],
        )
        .with_extra(&crate::grammar::Lexicon::builtin().segmentation.extra_words)
    });
    &BUILTIN
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `word` stands where it first occurs in `text`.
    fn stands_in(text: &str, word: &str) -> bool {
        let at = text.find(word).unwrap_or_default();
        builtin().stands(
            text,
            Span::new(0, text.len()),
            Span::new(at, at + word.len()),
        )
    }

    #[test]
    fn a_word_stands_where_the_best_split_keeps_it() {
        assert!(stands_in("项目占地面积30亩", "占地"));
        assert!(!stands_in("占地区生产总值的比重", "占地"));
        assert!(stands_in("规模以上工业增加值增长", "增加值"));
        assert!(stands_in("坚持和平共处五项原则", "和平"));
        assert!(!stands_in("加强管理和服务", "和服"));
        assert!(!stands_in("全年工作为主线", "作为"));
        assert!(stands_in("作为全县重点工作", "作为"));
        assert!(stands_in("广泛参与社会治理", "参与"));
    }

    #[test]
    fn the_walk_reads_markers_and_conjunctions_where_they_are_words() {
        let doc = crate::grammar::parse("占地区生产总值比重为30%。项目占地面积30亩。");
        assert_eq!(
            doc.markers
                .iter()
                .filter(|m| m.kind == crate::model::MarkerKind::Share)
                .count(),
            2
        );
        let conjunctions = |t: &str| crate::grammar::parse(t).conjunctions.len();
        assert_eq!(conjunctions("广泛参与社会治理"), 0);
        assert_eq!(conjunctions("坚持和平共处五项原则"), 0);
        assert_eq!(conjunctions("水质、水量、方便程度和保证率"), 1);
        assert_eq!(conjunctions("加强管理和服务"), 1);
    }

    #[test]
    fn a_word_that_stands_is_found_from_the_marker_or_numeral_inside_it() {
        let doc = |t: &str| crate::grammar::parse(t);
        // 为 is a marker; 作为 starts before it (and 为主 at it).
        assert_eq!(doc("作为全县重点工作").markers.len(), 0);
        assert_eq!(doc("全年工作为主线").markers.len(), 0);
        // 二 starts a figure; 合二为一 starts before it and stands.
        assert_eq!(doc("两个机构合二为一后").figures.len(), 1);
        assert_eq!(doc("两个机构合二为一后").markers.len(), 0);
        // A word that does not reach the marker has no say (中共 ends before 占).
        assert_eq!(doc("中共党员占比").markers.len(), 1);
    }

    #[test]
    fn the_dictionary_is_searched_in_place() {
        let d = builtin();
        let total = index_words(WORDS).total;
        assert_eq!(d.cost_of("地区"), Some(cost_of(39590, total)));
        assert!(d.cost_of("地").is_some());
        assert_eq!(
            d.cost_of("共赢"),
            Some(cost_of(u64::from(EXTRA_FREQUENCY), total))
        );
        assert_eq!(d.cost_of("不是一个词语吧"), None);
    }

    #[test]
    fn a_pair_holds_exactly_the_words_that_start_with_its_two_characters() {
        let d = builtin();
        for i in 0..d.len() {
            let word = d.word(i);
            let mut chars = word.chars();
            let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
                continue;
            };
            let bucket = d.bucket_of(first).unwrap_or(usize::MAX);
            let pair = d.pair_words(bucket, second);
            assert!(pair.contains(&i), "{word} outside its pair {pair:?}");
            let prefix = &word[..first.len_utf8() + second.len_utf8()];
            for j in [pair.start, pair.end - 1] {
                assert!(
                    d.word(j).starts_with(prefix),
                    "{} in the pair of {word}",
                    d.word(j)
                );
            }
            for j in [pair.start.wrapping_sub(1), pair.end] {
                if j < d.len() {
                    assert!(
                        !d.word(j).starts_with(prefix),
                        "{} beside the pair of {word}",
                        d.word(j)
                    );
                }
            }
        }
        let bucket = d.bucket_of('地').unwrap_or(usize::MAX);
        assert!(d.pair_words(bucket, '\u{1F600}').is_empty());
    }

    #[test]
    fn the_ambiguous_list_is_up_to_date() {
        // rules/lexicon/ambiguous.txt is derived from words.txt and the lexicon's markers: rerun
        // `cargo run --release --example derive_words -- PATH/TO/jieba/dict.txt` after changing
        // either.
        let seg = &crate::grammar::Lexicon::builtin().segmentation;
        let derived = ambiguous_words(builtin(), seg);
        let listed: Vec<&str> = include_str!("../../rules/lexicon/ambiguous.txt")
            .lines()
            .collect();
        assert_eq!(derived, listed);
    }

    #[test]
    fn the_ambiguous_words_hold_markers_and_are_none() {
        let seg = &crate::grammar::Lexicon::builtin().segmentation;
        let words = ambiguous_words(builtin(), seg);
        assert!(words.iter().any(|w| w == "占地"));
        assert!(words.iter().any(|w| w == "共赢"));
        assert!(!words.iter().any(|w| w == "人均收入" || w == "达到"));
    }
}
