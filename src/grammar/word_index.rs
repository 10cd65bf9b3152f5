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

/// Bytes of one bucket: its first character, its first word and one past its last (three u32,
/// little-endian).
pub const BUCKET_ENTRY: usize = 12;

/// The first character of the block whose buckets are found by their place
/// ([`index_words`]'s fourth part): CJK Unified Ideographs, U+4E00 to U+9FFF.
pub const DIRECT_FIRST: u32 = 0x4e00;

/// The number of characters found by their place.
pub const DIRECT_LEN: u32 = 0x9fff - DIRECT_FIRST + 1;

/// The sum of the frequencies (the `#total N` line), the words' entries, the buckets' entries of
/// a word list, and for each character of U+4E00 to U+9FFF the number of its bucket plus one (u16,
/// little-endian; 0: no word starts with it). Words longer than 255 bytes, lines without a
/// frequency, and anything past 4 GiB are left out.
pub fn index_words(text: &str) -> (u64, Vec<u8>, Vec<u8>, Vec<u8>) {
    let mut total: u64 = 1;
    let mut words: Vec<u8> = Vec::with_capacity(text.len() / 2);
    let mut buckets: Vec<u8> = Vec::new();
    let mut bucket: Option<(u32, u32, u32)> = None;
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
        let first = u32::from(first);
        match &mut bucket {
            Some((c, _, to)) if *c == first => *to = count + 1,
            _ => {
                if let Some((c, from, to)) = bucket.take() {
                    push_bucket(&mut buckets, c, from, to);
                }
                bucket = Some((first, count, count + 1));
            }
        }
        count = count.saturating_add(1);
    }
    if let Some((c, from, to)) = bucket {
        push_bucket(&mut buckets, c, from, to);
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
    (total, words, buckets, direct)
}

fn push_bucket(buckets: &mut Vec<u8>, c: u32, from: u32, to: u32) {
    buckets.extend_from_slice(&c.to_le_bytes());
    buckets.extend_from_slice(&from.to_le_bytes());
    buckets.extend_from_slice(&to.to_le_bytes());
}
