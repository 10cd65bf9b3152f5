//! The lexicon: units, magnitudes, markers and qualifiers, read from `rules/lexicon/*.toml`.
//!
//! The words live in data files so that they can be reviewed and extended without touching the
//! grammar. The files are compiled into the binary and parsed once, on first use.

use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::LazyLock;

pub use crate::grammar::identities::Identities;
use crate::grammar::identities::IDENTITIES_TOML;
pub use crate::grammar::segment::Segmentation;
pub use crate::model::vocabulary::{MarkerKind, QualifierKind, Unit, UnitKind};

const UNITS_TOML: &str = include_str!("../../rules/lexicon/units.toml");
const MARKERS_TOML: &str = include_str!("../../rules/lexicon/markers.toml");
/// The words of the dictionary that contain a marker or conjunction (see
/// [`crate::grammar::segment::ambiguous_words`]), one per line.
const AMBIGUOUS_TXT: &str = include_str!("../../rules/lexicon/ambiguous.txt");

/// The characters a figure may start with.
pub const FIGURE_STARTS: &str =
    "〇零○一二两兩三四五六七八九十廿卅卌百千万萬亿億几数壹贰貳叁參肆伍陆陸柒捌玖拾佰仟0123456789０１２３４５６７８９.．-−负";

/// A magnitude word written after an Arabic figure: 万, 亿, …
#[derive(Debug, Clone)]
pub struct Magnitude {
    /// Written form.
    pub text: String,
    /// Its factor.
    pub factor: Decimal,
}

/// Words sorted longest first, grouped by their first character, for matching at a position.
///
/// `match_start` runs at nearly every character of a report, so it must be cheap for the common
/// case of no match: a bitmap of first characters answers that without hashing, and the bitmap's
/// rank finds the group (see [`CharIndex`]).
#[derive(Debug, Default, Clone)]
pub struct WordTable<T> {
    /// The words, grouped by their first character.
    groups: Groups<T>,
    /// Their first two characters, to pass over most places without reading a group.
    pairs: PairFilter,
}

/// log₂ of the bits of a [`PairFilter`]: 32 768 bits (4 KiB) hold the few hundred words of a table
/// with one bit in a hundred set, so that a text no word starts like is nearly always told apart.
const PAIR_LOG: u32 = 15;

/// The first two characters of a table's words, hashed into a bitmap, and the characters that are
/// a word alone. A text whose first two characters begin no word (实施, where the table holds 实为)
/// is answered without reading the group of its first character. The words that hold a marker
/// start with characters met everywhere (实, 农, 发, 人 …): the walk asks that table at a fifth of
/// all characters, and nearly all of them go on differently. (Measured against hashing the bytes
/// of the two characters without decoding them: more instructions, not fewer.)
#[derive(Debug, Clone, Default)]
struct PairFilter {
    bits: Vec<u64>,
    /// Characters that are a word of the table by themselves (always asked further), if any.
    alone: Option<CharSet>,
}

impl PairFilter {
    fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut pairs = Vec::new();
        let mut alone = Vec::new();
        for w in words {
            let mut chars = w.chars();
            let Some(first) = chars.next() else { continue };
            match chars.next() {
                Some(second) => pairs.push((first, second)),
                None => alone.push(first),
            }
        }
        Self {
            alone: (!alone.is_empty()).then(|| CharSet::of(alone)),
            ..Self::of_pairs(pairs)
        }
    }

    /// The filter of pairs of characters (none a word alone).
    fn of_pairs(pairs: impl IntoIterator<Item = (char, char)>) -> Self {
        let mut bits = vec![0u64; 1 << (PAIR_LOG - 6)];
        for (first, second) in pairs {
            let bit = Self::bit(first, second);
            if let Some(word) = bits.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
        Self { bits, alone: None }
    }

    /// The bit of a pair of characters.
    #[inline]
    fn bit(first: char, second: char) -> usize {
        let h = (u32::from(first).wrapping_mul(0x9E37_79B1) ^ u32::from(second))
            .wrapping_mul(0x85EB_CA77);
        (h >> (32 - PAIR_LOG)) as usize
    }

    /// Whether a word of the table may start with `first` followed by `second` (`None`: the
    /// text ends after `first`).
    #[inline]
    fn may_start(&self, first: char, second: Option<char>) -> bool {
        let paired = second.is_some_and(|second| {
            let bit = Self::bit(first, second);
            self.bits
                .get(bit / 64)
                .is_some_and(|word| word & (1 << (bit % 64)) != 0)
        });
        paired
            || self
                .alone
                .as_ref()
                .is_some_and(|alone| alone.contains(first))
    }
}

const BMP: usize = 0x1_0000;

/// The positions of a sorted set of characters: a bitmap over the Basic Multilingual Plane with
/// the count of set bits before each word of it, so that a character's position is two loads and a
/// population count (a binary search over a thousand groups is ten dependent loads, and it showed
/// as the hottest instruction of the walk). Characters beyond the plane are searched.
#[derive(Debug, Default, Clone)]
struct CharIndex {
    bits: Vec<u64>,
    /// Set bits in `bits` before each word.
    ranks: Vec<u32>,
    /// Characters beyond the plane, sorted.
    beyond: Vec<char>,
}

impl CharIndex {
    /// The index of `chars`, which must be sorted and distinct.
    fn of(chars: impl IntoIterator<Item = char>) -> Self {
        let mut bits = vec![0u64; BMP / 64];
        let mut beyond = Vec::new();
        for c in chars {
            let i = c as usize;
            match bits.get_mut(i / 64) {
                Some(word) => *word |= 1 << (i % 64),
                None => beyond.push(c),
            }
        }
        let ranks = bits
            .iter()
            .scan(0u32, |seen, word| {
                let before = *seen;
                *seen += word.count_ones();
                Some(before)
            })
            .collect();
        Self {
            bits,
            ranks,
            beyond,
        }
    }

    /// Whether `c` may be in the set (always, beyond the plane).
    #[inline]
    fn may_contain(&self, c: char) -> bool {
        let i = c as usize;
        i >= BMP
            || self
                .bits
                .get(i / 64)
                .is_some_and(|bits| bits & (1 << (i % 64)) != 0)
    }

    /// The position of `c` among the characters, if it is one of them.
    #[inline]
    fn position(&self, c: char) -> Option<usize> {
        let i = c as usize;
        match (self.bits.get(i / 64), self.ranks.get(i / 64)) {
            (Some(&word), Some(&rank)) => {
                let bit = 1u64 << (i % 64);
                (word & bit != 0).then(|| rank as usize + (word & (bit - 1)).count_ones() as usize)
            }
            _ => {
                let before = self.ranks.last().copied().unwrap_or(0) as usize
                    + self.bits.last().map_or(0, |w| w.count_ones() as usize);
                self.beyond.binary_search(&c).ok().map(|p| before + p)
            }
        }
    }
}

/// For each character, the places (in characters from the start, below 32) at which it stands in
/// some word of a list: where the walk finds a marker or numeral, the words that may cover it can
/// only start that many characters before it.
#[derive(Debug, Default, Clone)]
pub struct CharOffsets {
    chars: CharIndex,
    /// Bit `k` of a character's mask: it is the `k`-th character of some word.
    masks: Vec<u32>,
    /// Every two characters that follow each other in some word, hashed into a bitmap: a
    /// character not preceded so in the text is the first of any word that covers it.
    neighbours: PairFilter,
}

impl CharOffsets {
    /// The places of the characters of `words`.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut places: Vec<(char, u32)> = Vec::new();
        let mut pairs: Vec<(char, char)> = Vec::new();
        for w in words {
            places.extend(w.chars().zip(0..32).map(|(c, k)| (c, 1 << k)));
            pairs.extend(w.chars().zip(w.chars().skip(1)));
        }
        places.sort_unstable_by_key(|&(c, _)| c);
        // One entry a character, its places joined.
        let mut merged: Vec<(char, u32)> = Vec::with_capacity(places.len());
        for (c, place) in places {
            match merged.last_mut() {
                Some((last, mask)) if *last == c => *mask |= place,
                _ => merged.push((c, place)),
            }
        }
        Self {
            chars: CharIndex::of(merged.iter().map(|&(c, _)| c)),
            masks: merged.into_iter().map(|(_, mask)| mask).collect(),
            neighbours: PairFilter::of_pairs(pairs),
        }
    }

    /// Whether `before` followed by `c` may stand in some word.
    #[inline]
    pub fn may_follow(&self, before: char, c: char) -> bool {
        self.neighbours.may_start(before, Some(c))
    }

    /// The places at which `c` stands in a word, as a mask (bit `k`: the `k`-th character).
    #[inline]
    pub fn of_char(&self, c: char) -> u32 {
        self.chars
            .position(c)
            .and_then(|p| self.masks.get(p))
            .copied()
            .unwrap_or(0)
    }
}

/// A set of characters as a bitmap over the Basic Multilingual Plane; characters beyond it are
/// always in the set (the caller then looks closer). Asking costs a shift and a mask.
#[derive(Debug, Clone)]
pub struct CharSet {
    bits: Vec<u64>,
}

impl CharSet {
    /// The set of the given characters.
    pub fn of(chars: impl IntoIterator<Item = char>) -> Self {
        let mut bits = vec![0u64; BMP / 64];
        for c in chars {
            let i = c as usize;
            if let Some(word) = bits.get_mut(i / 64) {
                *word |= 1 << (i % 64);
            }
        }
        Self { bits }
    }

    /// Whether `c` may be in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let i = c as usize;
        i >= BMP
            || self
                .bits
                .get(i / 64)
                .is_some_and(|b| b & (1 << (i % 64)) != 0)
    }
}

/// A word's first (or last) sixteen bytes as one number, with a mask of the bytes it has:
/// comparing a text's start (or end) against a short word (nearly all are) is then one load, one
/// `and` and one compare, not a call to `memcmp`.
#[derive(Debug, Clone, Copy)]
struct Head {
    bytes: u128,
    mask: u128,
}

impl Head {
    /// The word's first sixteen bytes, or its last (`at_end`, aligned to the end).
    fn of(word: &str, at_end: bool) -> Self {
        let n = word.len().min(16);
        let mut mask = [0u8; 16];
        if at_end {
            if let Some(part) = mask.get_mut(16 - n..) {
                part.fill(0xFF);
            }
        } else {
            if let Some(part) = mask.get_mut(..n) {
                part.fill(0xFF);
            }
        }
        Self {
            bytes: edge16(word.as_bytes(), at_end),
            mask: u128::from_le_bytes(mask),
        }
    }
}

/// Sixteen bytes of `s` as a number: its first, or its last (`at_end`); zeros where it is
/// shorter (no word holds a zero byte).
#[inline]
fn edge16(s: &[u8], at_end: bool) -> u128 {
    let chunk = if at_end {
        s.last_chunk::<16>()
    } else {
        s.first_chunk::<16>()
    };
    if let Some(b) = chunk {
        return u128::from_le_bytes(*b);
    }
    let mut buf = [0u8; 16];
    let at = if at_end { 16 - s.len() } else { 0 };
    if let Some(part) = buf.get_mut(at..at + s.len()) {
        part.copy_from_slice(s);
    }
    u128::from_le_bytes(buf)
}

/// One word of a [`Groups`] table: its head (first or last sixteen bytes), length and value.
#[derive(Debug, Clone, Copy)]
struct Entry<T> {
    head: Head,
    /// Its place in [`Groups::words`] (read only for words longer than sixteen bytes).
    word: u32,
    len: u32,
    value: T,
}

/// Words grouped by a character of theirs, each group longest first, stored flat: a character's
/// group is found by [`CharIndex::position`] and its entries lie side by side, so that a lookup
/// reads one run of memory (two vectors per group cost two cache misses where the walk looks up
/// nearly every character).
#[derive(Debug, Clone)]
struct Groups<T> {
    keys: CharIndex,
    /// The first characters (or last) of the groups, in order.
    chars: Vec<char>,
    /// Group `g`'s entries are `entries[bounds[g]..bounds[g + 1]]`.
    bounds: Vec<u32>,
    entries: Vec<Entry<T>>,
    words: Vec<String>,
}

impl<T> Default for Groups<T> {
    fn default() -> Self {
        Self {
            keys: CharIndex::default(),
            chars: Vec::new(),
            bounds: vec![0],
            entries: Vec::new(),
            words: Vec::new(),
        }
    }
}

impl<T: Copy> Groups<T> {
    /// `words` grouped by `key` (their first or last character), heads taken at that end.
    fn new(
        words: impl IntoIterator<Item = (String, T)>,
        key: fn(&str) -> Option<char>,
        at_end: bool,
    ) -> Self {
        let mut keyed: Vec<(char, String, T)> = words
            .into_iter()
            .filter_map(|(w, t)| key(&w).map(|c| (c, w, t)))
            .collect();
        // By character, then longest first (a stable sort keeps the order of equal words).
        keyed.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
        let mut groups = Self::default();
        for (c, w, t) in keyed {
            if groups.chars.last() != Some(&c) {
                if !groups.chars.is_empty() {
                    groups.bounds.push(groups.entries.len() as u32);
                }
                groups.chars.push(c);
            }
            groups.entries.push(Entry {
                head: Head::of(&w, at_end),
                word: groups.words.len() as u32,
                len: w.len() as u32,
                value: t,
            });
            groups.words.push(w);
        }
        if !groups.chars.is_empty() {
            groups.bounds.push(groups.entries.len() as u32);
        }
        groups.keys = CharIndex::of(groups.chars.iter().copied());
        groups
    }

    /// The words whose key character is `c`, longest first.
    #[inline]
    fn of(&self, c: char) -> &[Entry<T>] {
        self.keys
            .position(c)
            .and_then(|g| {
                let (from, to) = (*self.bounds.get(g)?, *self.bounds.get(g + 1)?);
                self.entries.get(from as usize..to as usize)
            })
            .unwrap_or_default()
    }

    /// The text of `entry`'s word.
    fn word(&self, entry: &Entry<T>) -> &str {
        self.words
            .get(entry.word as usize)
            .map_or("", String::as_str)
    }
}

impl<T: Copy> WordTable<T> {
    /// The first characters of the words.
    pub fn first_chars(&self) -> impl Iterator<Item = char> + '_ {
        self.groups.chars.iter().copied()
    }

    /// The table of `words`, each with its value: [`WordTable::match_start`] finds the longest.
    pub fn new(words: impl IntoIterator<Item = (String, T)>) -> Self {
        let groups = Groups::new(words, |w| w.chars().next(), false);
        let pairs = PairFilter::of(groups.words.iter().map(String::as_str));
        Self { groups, pairs }
    }

    /// Whether some word may start with `c` (a shift and a mask: callers that know the
    /// character ask this before [`WordTable::match_start`]).
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        self.groups.keys.may_contain(c)
    }

    /// The longest word that `text` starts with, with its byte length.
    #[inline]
    pub fn match_start(&self, text: &str) -> Option<(usize, T)> {
        let mut chars = text.chars();
        let c = chars.next()?;
        if !self.pairs.may_start(c, chars.next()) {
            return None;
        }
        let head = edge16(text.as_bytes(), false);
        self.groups
            .of(c)
            .iter()
            .find(|e| {
                head & e.head.mask == e.head.bytes
                    && (e.len <= 16 || text.starts_with(self.groups.word(e)))
            })
            .map(|e| (e.len as usize, e.value))
    }
}

/// Words matched at the end of a text (qualifiers written before a figure).
#[derive(Debug, Default, Clone)]
pub struct SuffixTable<T> {
    /// The words, grouped by their last character.
    groups: Groups<T>,
}

impl<T: Copy> SuffixTable<T> {
    /// The table of `words`, each with its value: [`SuffixTable::match_end`] finds the longest.
    pub fn new(words: impl IntoIterator<Item = (String, T)>) -> Self {
        Self {
            groups: Groups::new(words, |w| w.chars().next_back(), true),
        }
    }

    /// The longest word that `text` ends with, with its byte length.
    pub fn match_end(&self, text: &str) -> Option<(usize, T)> {
        let c = text.chars().next_back()?;
        let tail = edge16(text.as_bytes(), true);
        self.groups
            .of(c)
            .iter()
            .find(|e| {
                tail & e.head.mask == e.head.bytes
                    && (e.len <= 16 || text.ends_with(self.groups.word(e)))
            })
            .map(|e| (e.len as usize, e.value))
    }
}

/// Everything the grammar looks words up in.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// All units, indexed for longest match.
    pub units: Vec<Unit>,
    unit_table: WordTable<usize>,
    /// Magnitudes after Arabic figures.
    pub magnitudes: WordTable<Decimal>,
    /// Marker words.
    pub markers: WordTable<MarkerKind>,
    /// Words of the dictionary that contain a marker or conjunction (和平共处, 中共, 占地): where
    /// one meets the text, segmentation decides whether it stands (see [`crate::grammar::segment`]).
    pub not_markers: WordTable<()>,
    /// Where each character stands in the words of [`Lexicon::not_markers`]: how far before a
    /// marker or numeral the walk looks for a word that covers it.
    pub not_marker_offsets: CharOffsets,
    /// What segmentation needs from the lexicon.
    pub segmentation: Segmentation,
    /// Qualifiers written before a figure.
    pub prefix_qualifiers: SuffixTable<QualifierKind>,
    /// Qualifiers written after a figure.
    pub suffix_qualifiers: WordTable<QualifierKind>,
    /// Enumeration conjunctions (和, 及, 与).
    pub conjunctions: WordTable<()>,
    /// Characters before 一 that make it part of a word (统一, 唯一).
    pub numeral_word_prefixes: SuffixTable<()>,
    /// Words right after a numeral that make it part of a name (`九年制`): no figure.
    pub numeral_name_words: WordTable<()>,
    /// Searchers for the words in a subject that make its figure an average (`[per-head]
    /// average-words`), run over a block's text once.
    pub average_words: Vec<memchr::memmem::Finder<'static>>,
    /// Characters after which no vague numeral starts (无数, 人数).
    pub vague_not_after: CharSet,
    /// Words right before a count that close an enumeration (等).
    pub etc: SuffixTable<()>,
    /// Words after which `-` is a minus sign.
    pub sign_words: SuffixTable<()>,
    /// The characters the document walk must look at (markers, conjunctions, quotes and
    /// punctuation); every other character is passed over at once (a word that holds a marker is
    /// looked for only where the marker is found).
    pub walk_stops: CharSet,
    /// The characters where the walk over a block does anything: [`Lexicon::walk_stops`] and
    /// the characters a figure may start with. Every other character is passed over at once.
    pub scan_stops: CharSet,
    /// The characters a figure may start with ([`FIGURE_STARTS`]).
    pub figure_starts: CharSet,
    /// Words ending a clause after a figure that make it the base of a share (中).
    pub among: SuffixTable<()>,
    /// Rate words, each with whether the rate may pass 100 % (增长率, 完成率) or not (覆盖率,
    /// 参保率).
    pub rates: WordTable<bool>,
    /// Words that put a rate on another population than the one it counts (`按户籍人口计算`): such
    /// a rate may pass 100 %.
    pub other_base: Vec<String>,
    /// The words around a base a share names.
    pub bases: Bases,
    /// The units a value per head divides by.
    pub per_head: PerHead,
    /// The words and limits of list relations.
    pub lists: Lists,
    /// Words that tell overlapping 其中 parts from a partition.
    pub subsets: Subsets,
    /// What makes a figure name a category (see [`crate::grammar::readings`]).
    pub categories: Categories,
    /// The words of a change between two stated figures (see [`crate::grammar::growth`]).
    pub changes: Changes,
    /// Rates stated with the counts they come from (see [`crate::grammar::rate_counts`]).
    pub rate_counts: RateCounts,
    /// The identities of statistical practice (`rules/lexicon/identities.toml`).
    pub identities: Identities,
}

/// The words of a change between two stated figures (`由120亿元增加到135亿元，增长12.5%`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Changes {
    /// Words that open the figure a change starts from (由, 从).
    pub from: Vec<String>,
    /// Words that make a change a fall.
    pub falls: Vec<String>,
    /// Words that make a change a rise.
    pub rises: Vec<String>,
    /// Subjects whose growth is stated at comparable prices (生产总值, 增加值).
    pub real_terms: Vec<String>,
    /// The most characters between a change's level and the change.
    pub max_gap: usize,
    /// Words between the level and the change that make it another change (年均, 倍).
    pub not_between: Vec<String>,
    /// Words that make a change one of a share (比重, 占比).
    pub share_words: Vec<String>,
    /// Words that open an earlier figure a level is compared with (`比上年的4.8亿元`: 比, 较).
    pub than: Vec<String>,
    /// Words that make a % change compound growth per year over the figures' years (年均).
    pub per_year: Vec<String>,
    /// The word before a multiple of the figure a change starts from (`是2015年的1.3倍`: 是).
    pub multiple_of: Vec<String>,
    /// Words of a change against the year before (同比, 比上年).
    pub year_on_year: Vec<String>,
    /// Verbs between a subject and its level (达到, 实现), dropped when subjects are compared.
    pub level_verbs: Vec<String>,
}

impl Changes {
    /// Whether `text` is a word of direction that falls (`Some(true)`), one that rises, or none.
    pub fn direction_of(&self, text: &str) -> Option<bool> {
        let is = |words: &[String]| words.iter().any(|w| w == text);
        if is(&self.falls) {
            Some(true)
        } else if is(&self.rises) {
            Some(false)
        } else {
            None
        }
    }

    /// Whether the last word of direction in `text` is a fall (`Some(true)`), a rise, or there is
    /// none.
    pub fn falls_in(&self, text: &str) -> Option<bool> {
        self.last_direction(text).map(|(_, falls)| falls)
    }

    /// Where the last word of direction in `text` starts, and whether it is a fall.
    pub fn last_direction(&self, text: &str) -> Option<(usize, bool)> {
        let last = |words: &[String]| words.iter().filter_map(|w| text.rfind(w.as_str())).max();
        match (last(&self.falls), last(&self.rises)) {
            (Some(f), r) if r.is_none_or(|r| f > r) => Some((f, true)),
            (_, Some(r)) => Some((r, false)),
            _ => None,
        }
    }
}

/// Rates stated with the counts they come from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RateCounts {
    /// Each rate and its counts' words.
    pub rates: Vec<RateCount>,
}

/// A rate (`达标率`), the words of the figure it counts (`达标`) and of the figure it leaves out
/// (`未达标`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RateCount {
    /// The rate's word.
    pub rate: String,
    /// Words of the counted figure's subject.
    pub counted: Vec<String>,
    /// Words of the left-out figure's subject.
    pub complement: Vec<String>,
}

/// What makes a figure name a category rather than an amount.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Categories {
    /// Base units of figures that bound groups of people (ages, `岁`): with a bound or a range
    /// (`60岁及以上`, `0-14岁`) they are never what is counted.
    pub group_units: Vec<String>,
    /// Bounds written after a figure (`以上`, `以下`, `以内`) that make it a category when a noun
    /// and then a count follow (`5000万元以上项目12个`).
    pub bounds: Vec<String>,
}

/// Words that tell overlapping 其中 parts from a partition (see [`crate::grammar::subsets`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Subsets {
    /// Groups of words, each naming one dimension people are counted along (party, sex,
    /// ethnicity, education, age): parts that name two dimensions overlap.
    pub dimensions: Vec<Vec<String>>,
    /// Words that say outright that parts overlap (双重身份).
    pub overlap: Vec<String>,
}

impl Subsets {
    /// Whether parts written in these texts may overlap: one names a word of overlap, or together
    /// they name words of two dimensions.
    pub fn overlapping<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> bool {
        let mut named: Option<usize> = None;
        for text in texts {
            if self.overlap.iter().any(|w| text.contains(w.as_str())) {
                return true;
            }
            for (d, words) in self.dimensions.iter().enumerate() {
                if words.iter().any(|w| text.contains(w.as_str())) {
                    match named {
                        Some(n) if n != d => return true,
                        _ => named = Some(d),
                    }
                }
            }
        }
        false
    }
}

/// The words and limits of list relations (see [`crate::grammar::lists`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lists {
    /// The longest attribute of the items (`贮量`, `播种面积`), in characters, written alone
    /// before 分别 after a list that ends the clause before.
    pub max_attribute_chars: usize,
    /// The most characters before the first figure of a clause that continues a 分别 list of
    /// values.
    pub max_value_prefix: usize,
    /// Units a summary count may have.
    pub count_units: Vec<String>,
    /// Units whose count after 等 must be exactly the items named (kinds).
    pub etc_exact_units: Vec<String>,
    /// An item longer than this, in characters, makes the clauses no simple list.
    pub max_item_chars: usize,
    /// The same for the first item of a list, which may hold the verb before it.
    pub max_first_item_chars: usize,
    /// The largest summary count considered.
    pub max_count: u32,
}

/// The count units a per-person value divides by (`人`, `人次`), and those a per-household value
/// divides by (`户`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PerHead {
    /// For 人均.
    pub person_units: Vec<String>,
    /// For 户均.
    pub household_units: Vec<String>,
    /// Words in a subject that make its figure an average (平均, 年均).
    pub average_words: Vec<String>,
}

/// The words around a base a share names (`占全市生产总值的比重为4.1%` names 生产总值 of 全市).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Bases {
    /// Written after the name (`的比重`, `为`).
    pub after: Vec<String>,
    /// The area written before the name (`全市`, `全县`).
    pub area: Vec<String>,
    /// Words that may stand right before the name in the subject of the whole's figure
    /// (`全年实现生产总值`), besides the area words; any other makes it a part or a kind of the
    /// thing (`县域生产总值`, `人均生产总值`).
    pub whole: Vec<String>,
}

impl Lexicon {
    /// The rate a subject names: the longest rate word in it (`毛入学率`, not `入学率`), the last
    /// of equals, as a byte range of `subject`, with whether the rate may pass 100 %.
    pub fn rate_in(&self, subject: &str) -> Option<(std::ops::Range<usize>, bool)> {
        let mut best: Option<(std::ops::Range<usize>, bool)> = None;
        for (i, _) in subject.char_indices() {
            let rest = subject.get(i..).unwrap_or_default();
            if let Some((len, may_pass)) = self.rates.match_start(rest) {
                if best.as_ref().is_none_or(|(r, _)| len >= r.len()) {
                    best = Some((i..i + len, may_pass));
                }
            }
        }
        best
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    units: Vec<UnitSpec>,
    magnitudes: Vec<MagnitudeEntry>,
}

/// A unit as written in `rules/lexicon/units.toml` or in a configuration's `extra-units`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitSpec {
    /// The written form.
    pub text: String,
    /// The base unit it compares in.
    pub base: String,
    /// Factor to the base unit (a decimal string), 1 when absent.
    #[serde(default)]
    pub factor: Option<String>,
    /// What it measures.
    pub kind: UnitKind,
    /// Only after Chinese numerals.
    #[serde(default)]
    pub chinese_only: bool,
    /// Only after Arabic figures.
    #[serde(default)]
    pub arabic_only: bool,
    /// Only after figures up to this value.
    #[serde(default)]
    pub max: Option<String>,
}

impl UnitSpec {
    fn build(&self) -> Result<Unit, LexiconError> {
        Ok(Unit {
            factor: match &self.factor {
                Some(f) => decimal(f)?,
                None => Decimal::ONE,
            },
            max: self.max.as_deref().map(decimal).transpose()?,
            text: self.text.clone(),
            base: self.base.clone(),
            kind: self.kind,
            chinese_only: self.chinese_only,
            arabic_only: self.arabic_only,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MagnitudeEntry {
    text: String,
    factor: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct MarkersFile {
    markers: HashMap<String, Vec<String>>,
    prefix_qualifiers: HashMap<String, Vec<String>>,
    suffix_qualifiers: HashMap<String, Vec<String>>,
    segmentation: SegmentationEntry,
    adjacent: AdjacentEntry,
    enumeration: EnumerationEntry,
    numerals: NumeralsEntry,
    rates: RatesEntry,
    bases: Bases,
    per_head: PerHead,
    lists: Lists,
    subsets: Subsets,
    categories: Categories,
    changes: Changes,
    rate_counts: RateCounts,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RatesEntry {
    bounded: Vec<String>,
    unbounded: Vec<String>,
    other_base: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SegmentationEntry {
    marker_words: Vec<String>,
    extra_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct AdjacentEntry {
    etc: Vec<String>,
    among: Vec<String>,
    signs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct EnumerationEntry {
    conjunctions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct NumeralsEntry {
    word_prefixes: Vec<String>,
    name_words: Vec<String>,
    vague_not_after: Vec<String>,
}

/// An error in the embedded lexicon files (a build-time mistake, caught by the test suite).
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The TOML did not parse.
    #[error("lexicon file does not parse: {0}")]
    Toml(#[from] toml::de::Error),
    /// A decimal field did not parse.
    #[error("lexicon value `{0}` is not a decimal")]
    Decimal(String),
    /// An unknown group name.
    #[error("lexicon group `{0}` is unknown")]
    Group(String),
}

fn decimal(s: &str) -> Result<Decimal, LexiconError> {
    Decimal::from_str(s).map_err(|_| LexiconError::Decimal(s.to_owned()))
}

fn marker_kind(name: &str) -> Result<MarkerKind, LexiconError> {
    Ok(match name {
        "subset" => MarkerKind::Subset,
        "remainder" => MarkerKind::Remainder,
        "total" => MarkerKind::Total,
        "sum" => MarkerKind::Sum,
        "respectively" => MarkerKind::Respectively,
        "share" => MarkerKind::Share,
        "per-capita" => MarkerKind::PerCapita,
        "per-household" => MarkerKind::PerHousehold,
        "progress" => MarkerKind::Progress,
        "composition" => MarkerKind::Composition,
        "change" => MarkerKind::Change,
        "level" => MarkerKind::Level,
        "reached" => MarkerKind::Reached,
        "target" => MarkerKind::Target,
        other => return Err(LexiconError::Group(other.to_owned())),
    })
}

fn qualifier_kind(name: &str) -> Result<QualifierKind, LexiconError> {
    Ok(match name {
        "approximate" => QualifierKind::Approximate,
        "more-than" => QualifierKind::MoreThan,
        "at-least" => QualifierKind::AtLeast,
        "less-than" => QualifierKind::LessThan,
        "at-most" => QualifierKind::AtMost,
        "more" => QualifierKind::More,
        other => return Err(LexiconError::Group(other.to_owned())),
    })
}

fn grouped<T: Copy>(
    groups: &HashMap<String, Vec<String>>,
    kind: fn(&str) -> Result<T, LexiconError>,
) -> Result<Vec<(String, T)>, LexiconError> {
    let mut out = Vec::new();
    for (name, words) in groups {
        let k = kind(name)?;
        out.extend(words.iter().map(|w| (w.clone(), k)));
    }
    Ok(out)
}

fn unit_index(units: &[Unit]) -> WordTable<usize> {
    WordTable::new(units.iter().enumerate().map(|(i, u)| (u.text.clone(), i)))
}

impl Lexicon {
    /// This lexicon with more units (a configuration's `extra-units`); a unit written like an
    /// existing one replaces it.
    pub fn with_units(&self, extra: &[UnitSpec]) -> Result<Lexicon, LexiconError> {
        let mut lexicon = self.clone();
        for spec in extra {
            let unit = spec.build()?;
            lexicon.units.retain(|u| u.text != unit.text);
            lexicon.units.push(unit);
        }
        lexicon.unit_table = unit_index(&lexicon.units);
        Ok(lexicon)
    }

    /// Parse the lexicon from the two TOML texts.
    pub fn from_toml(units: &str, markers: &str) -> Result<Self, LexiconError> {
        let uf: UnitsFile = toml::from_str(units)?;
        let mf: MarkersFile = toml::from_str(markers)?;
        let unit_list = uf
            .units
            .iter()
            .map(UnitSpec::build)
            .collect::<Result<Vec<_>, _>>()?;
        let unit_table = unit_index(&unit_list);
        let mut magnitudes = Vec::new();
        for m in uf.magnitudes {
            magnitudes.push((m.text, decimal(&m.factor)?));
        }
        let segmentation = Segmentation {
            markers: mf
                .markers
                .values()
                .flatten()
                .chain(&mf.enumeration.conjunctions)
                .cloned()
                .collect(),
            marker_words: mf.segmentation.marker_words,
            extra_words: mf.segmentation.extra_words,
        };
        let ambiguous = WordTable::new(AMBIGUOUS_TXT.lines().map(|w| (w.to_owned(), ())));
        let rates = WordTable::new(
            mf.rates
                .bounded
                .into_iter()
                .map(|w| (w, false))
                .chain(mf.rates.unbounded.into_iter().map(|w| (w, true))),
        );
        let average_words = mf
            .per_head
            .average_words
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
            .collect();
        Ok(Self {
            rates,
            other_base: mf.rates.other_base,
            bases: mf.bases,
            per_head: mf.per_head,
            lists: mf.lists,
            subsets: mf.subsets,
            categories: mf.categories,
            changes: mf.changes,
            rate_counts: mf.rate_counts,
            identities: toml::from_str(IDENTITIES_TOML)?,
            units: unit_list,
            unit_table,
            magnitudes: WordTable::new(magnitudes),
            markers: WordTable::new(grouped(&mf.markers, marker_kind)?),
            not_marker_offsets: CharOffsets::of(AMBIGUOUS_TXT.lines()),
            not_markers: ambiguous,
            segmentation,
            prefix_qualifiers: SuffixTable::new(grouped(&mf.prefix_qualifiers, qualifier_kind)?),
            suffix_qualifiers: WordTable::new(grouped(&mf.suffix_qualifiers, qualifier_kind)?),
            conjunctions: WordTable::new(mf.enumeration.conjunctions.into_iter().map(|w| (w, ()))),
            average_words,
            numeral_name_words: WordTable::new(
                mf.numerals.name_words.iter().map(|w| (w.clone(), ())),
            ),
            numeral_word_prefixes: SuffixTable::new(
                mf.numerals.word_prefixes.into_iter().map(|w| (w, ())),
            ),
            vague_not_after: CharSet::of(
                mf.numerals.vague_not_after.iter().flat_map(|w| w.chars()),
            ),
            etc: SuffixTable::new(mf.adjacent.etc.into_iter().map(|w| (w, ()))),
            among: SuffixTable::new(mf.adjacent.among.into_iter().map(|w| (w, ()))),
            sign_words: SuffixTable::new(mf.adjacent.signs.into_iter().map(|w| (w, ()))),
            walk_stops: CharSet::of(std::iter::empty()),
            scan_stops: CharSet::of(std::iter::empty()),
            figure_starts: CharSet::of(FIGURE_STARTS.chars()),
        })
        .map(|mut lx: Lexicon| {
            let punctuation = "“”「」『』《》〈〉‘’〝〞〟\"。！？；!?;，,、：:（）()|";
            let stops: Vec<char> = lx
                .markers
                .first_chars()
                .chain(lx.conjunctions.first_chars())
                .chain(punctuation.chars())
                .collect();
            lx.scan_stops = CharSet::of(stops.iter().copied().chain(FIGURE_STARTS.chars()));
            lx.walk_stops = CharSet::of(stops);
            lx
        })
    }

    /// The lexicon compiled into heshu.
    pub fn builtin() -> &'static Lexicon {
        // The one justified `expect`: the lexicon is compiled into heshu, not read from a user,
        // and every test loads it.
        #[allow(clippy::expect_used)]
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
            Lexicon::from_toml(UNITS_TOML, MARKERS_TOML)
                .expect("the embedded lexicon is valid (checked by tests)")
        });
        &LEXICON
    }

    /// The byte length of the among-word (中, 之中) that `text` ends with.
    pub fn among_end(&self, text: &str) -> Option<usize> {
        self.among.match_end(text).map(|(len, _)| len)
    }

    /// The longest unit `text` starts with.
    pub fn match_unit(&self, text: &str) -> Option<(usize, &Unit)> {
        self.unit_table
            .match_start(text)
            .and_then(|(len, i)| self.units.get(i).map(|u| (len, u)))
    }

    /// The length of the conjunction (和, 及, 与) `text` starts with, if any.
    pub fn conjunction_at(&self, text: &str) -> Option<usize> {
        self.conjunctions.match_start(text).map(|(len, ())| len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let lx = Lexicon::from_toml(UNITS_TOML, MARKERS_TOML).unwrap();
        assert!(lx.units.len() > 50);
        assert_eq!(lx.match_unit("平方公里以上").unwrap().1.base, "平方米");
        assert_eq!(lx.match_unit("个百分点").unwrap().1.kind, UnitKind::Points);
        assert_eq!(lx.match_unit("人次").unwrap().0, "人次".len());
        assert_eq!(
            lx.markers.match_start("占比77.9%").unwrap().1,
            MarkerKind::Share
        );
        assert_eq!(
            lx.prefix_qualifiers
                .match_end("大别山森林人家超")
                .unwrap()
                .1,
            QualifierKind::MoreThan
        );
    }

    /// The longest word `text` starts with, by comparing every word: what a table must answer.
    fn longest_by_hand<'w>(words: &[&'w str], text: &str) -> Option<&'w str> {
        words
            .iter()
            .filter(|w| text.starts_with(**w))
            .max_by_key(|w| w.len())
            .copied()
    }

    #[test]
    fn the_pair_filter_passes_over_nothing_a_word_starts() {
        // Words of one character and of several, ASCII and not, four-byte characters, words
        // longer than sixteen bytes, and words that share their first two characters.
        let words = [
            "占",
            "占比",
            "占地面积",
            "和平",
            "和美乡村",
            "a",
            "ab",
            "abc",
            "𠀀",
            "𠀀𠀁",
            "全县共有行政村一百九十个以上",
            "实为",
            "实为之",
            "x",
            "万",
        ];
        let table = WordTable::new(words.iter().map(|w| ((*w).to_owned(), ())));
        let text = "占比达到一半，占地面积和平共处和美乡村和a、ab、abc、𠀀𠀁𠀀，全县共有行政村一百九十个以上实为实施实为之x万";
        for (i, _) in text.char_indices() {
            let rest = text.get(i..).unwrap();
            assert_eq!(
                table.match_start(rest).map(|(len, ())| len),
                longest_by_hand(&words, rest).map(str::len),
                "at {rest}"
            );
        }
        // The lexicon's own tables over a whole report, at every character.
        let lx = Lexicon::builtin();
        let ambiguous: Vec<&str> = AMBIGUOUS_TXT.lines().filter(|w| !w.is_empty()).collect();
        let report = include_str!("../../tests/fixtures/seed.txt");
        for (i, _) in report.char_indices() {
            let rest = report.get(i..).unwrap();
            assert_eq!(
                lx.not_markers.match_start(rest).map(|(len, ())| len),
                longest_by_hand(&ambiguous, rest).map(str::len),
                "at {}",
                rest.chars().take(8).collect::<String>()
            );
        }
    }

    #[test]
    fn char_index_positions_are_the_sorted_order() {
        let mut chars: Vec<char> = "和占提增降及与的中一〇万亿百分点率比重a|"
            .chars()
            .chain(['\u{0}', '\u{FFFF}', '\u{20000}', '\u{2A6D6}'])
            .collect();
        chars.sort_unstable();
        chars.dedup();
        let index = CharIndex::of(chars.iter().copied());
        for (i, c) in chars.iter().enumerate() {
            assert_eq!(index.position(*c), Some(i), "{c:?}");
            assert!(index.may_contain(*c));
        }
        for c in ['b', '人', '\u{FFFE}', '\u{20001}'] {
            assert_eq!(index.position(c), None, "{c:?}");
        }
    }

    #[test]
    fn char_offsets_are_the_places_in_the_words() {
        let offsets = CharOffsets::of(["作为", "为之一振", "合二为一", "\u{20000}为"]);
        assert_eq!(offsets.of_char('为'), 0b111);
        assert_eq!(offsets.of_char('一'), 0b1100);
        assert_eq!(offsets.of_char('作'), 0b1);
        assert_eq!(offsets.of_char('\u{20000}'), 0b1);
        assert_eq!(offsets.of_char('人'), 0);
        assert!(offsets.may_follow('作', '为') && offsets.may_follow('二', '为'));
        assert!(!offsets.may_follow('重', '为'));
        // Every word of the built-in list is short enough for its places to be kept.
        assert!(AMBIGUOUS_TXT.lines().all(|w| w.chars().count() <= 32));
    }

    #[test]
    fn conjunctions_are_matched_and_words_holding_them_listed() {
        let lx = Lexicon::builtin();
        assert_eq!(lx.conjunction_at("和保证率"), Some(3));
        assert!(lx.not_markers.match_start("和美乡村").is_some());
        assert!(lx.not_markers.match_start("参与社会").is_some());
    }
}
