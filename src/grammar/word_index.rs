// The index of a word list as bytes (documented where `src/grammar/mod.rs` declares it). This
// file imports nothing and has no inner attributes: `build.rs` includes it.

/// Bytes of one word's entry: where its line starts (u32, little-endian), its length (u8) and
/// its cost (u16, little-endian: see [`cost_of`]).
pub const WORD_ENTRY: usize = 7;

/// Costs are counted in 1/64 of a natural logarithm.
pub const COST_SCALE: f64 = 64.0;

/// The cost of a word of frequency `freq` among words of frequencies summing to `total`: its
/// negative log-probability, in 1/64 (the most probable split has the least total cost).
pub fn cost_of(freq: u64, total: u64) -> u16 {
    let p = (total.max(1) as f64).ln() - (freq.max(1) as f64).ln();
    (p.max(0.0) * COST_SCALE).round().min(f64::from(u16::MAX)) as u16
}

/// Bytes of one bucket: its first character, its first word and one past its last, its first
/// pair and one past its last (five u32, little-endian).
pub const BUCKET_ENTRY: usize = 20;

/// Bytes of one pair: the second character of a bucket's words of two characters or more, and the
/// first of its words with that second character (two u32, little-endian). A bucket's pairs are in
/// the order of its words; a pair's words end where the next pair's start, the last pair's where
/// the bucket's do.
pub const PAIR_ENTRY: usize = 8;

/// The first character of the block whose buckets are found by their place
/// ([`WordIndex::direct`]): CJK Unified Ideographs, U+4E00 to U+9FFF.
pub const DIRECT_FIRST: u32 = 0x4e00;

/// The number of characters found by their place.
pub const DIRECT_LEN: u32 = 0x9fff - DIRECT_FIRST + 1;

/// A word list's index: see [`index_words`].
pub struct WordIndex {
    /// The sum of the frequencies (the `#total N` line).
    pub total: u64,
    /// The words' entries ([`WORD_ENTRY`] bytes each).
    pub words: Vec<u8>,
    /// The buckets' entries ([`BUCKET_ENTRY`] bytes each): the words by their first character.
    pub buckets: Vec<u8>,
    /// For each character of U+4E00 to U+9FFF the number of its bucket plus one (u16,
    /// little-endian; 0: no word starts with it).
    pub direct: Vec<u8>,
    /// The pairs' entries ([`PAIR_ENTRY`] bytes each): each bucket's words by their second
    /// character, so that the words that start with two given characters are found without
    /// comparing words.
    pub pairs: Vec<u8>,
}

/// Index a word list (a `#total N` line, then `word frequency` lines sorted by their bytes).
/// Words longer than 255 bytes, lines without a frequency, and anything past 4 GiB are left out.
pub fn index_words(text: &str) -> WordIndex {
    let mut total: u64 = 1;
    let mut words: Vec<u8> = Vec::with_capacity(text.len() / 2);
    let mut buckets: Vec<u8> = Vec::new();
    let mut pairs: Vec<u8> = Vec::new();
    // The open bucket: its character, first word, one past its last word, and first pair.
    let mut bucket: Option<(u32, u32, u32, u32)> = None;
    // The second character of the open bucket's last pair.
    let mut last_second: Option<char> = None;
    let mut count: u32 = 0;
    let mut start = 0usize;
    for line in text.split('\n') {
        let at = start;
        start += line.len() + 1;
        if let Some(n) = line.strip_prefix("#total ") {
            total = n.trim().parse().unwrap_or(1);
            continue;
        }
        let (Some(space), Ok(at), Some(first)) =
            (line.find(' '), u32::try_from(at), line.chars().next())
        else {
            continue;
        };
        let Ok(len) = u8::try_from(space) else {
            continue;
        };
        let freq = line
            .get(space + 1..)
            .and_then(|f| f.trim().parse().ok())
            .unwrap_or(1);
        words.extend_from_slice(&at.to_le_bytes());
        words.push(len);
        words.extend_from_slice(&cost_of(freq, total).to_le_bytes());
        let second = line.get(..space).and_then(|w| w.chars().nth(1));
        let first = u32::from(first);
        match &mut bucket {
            Some((c, _, to, _)) if *c == first => *to = count + 1,
            _ => {
                if let Some(open) = bucket.take() {
                    push_bucket(&mut buckets, open, pair_count(&pairs));
                }
                bucket = Some((first, count, count + 1, pair_count(&pairs)));
                last_second = None;
            }
        }
        if let Some(second) = second.filter(|s| last_second != Some(*s)) {
            pairs.extend_from_slice(&u32::from(second).to_le_bytes());
            pairs.extend_from_slice(&count.to_le_bytes());
            last_second = Some(second);
        }
        count = count.saturating_add(1);
    }
    if let Some(open) = bucket {
        push_bucket(&mut buckets, open, pair_count(&pairs));
    }
    let mut direct = vec![0u8; DIRECT_LEN as usize * 2];
    for (i, entry) in buckets.chunks_exact(BUCKET_ENTRY).enumerate() {
        let c = entry
            .get(..4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u32::from_le_bytes);
        let (Some(place), Ok(number)) = (c.checked_sub(DIRECT_FIRST), u16::try_from(i + 1)) else {
            continue;
        };
        if let Some(slot) = direct.get_mut(place as usize * 2..place as usize * 2 + 2) {
            slot.copy_from_slice(&number.to_le_bytes());
        }
    }
    WordIndex {
        total,
        words,
        buckets,
        direct,
        pairs,
    }
}

/// The number of pairs in `pairs`.
fn pair_count(pairs: &[u8]) -> u32 {
    u32::try_from(pairs.len() / PAIR_ENTRY).unwrap_or(u32::MAX)
}

/// A bucket's entry: its character, first word, one past its last word, first pair, and one past
/// its last pair.
fn push_bucket(buckets: &mut Vec<u8>, (c, from, to, first_pair): (u32, u32, u32, u32), end: u32) {
    for n in [c, from, to, first_pair, end] {
        buckets.extend_from_slice(&n.to_le_bytes());
    }
}
