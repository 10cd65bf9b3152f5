//! Derive `rules/lexicon/words.txt`, the dictionary heshu segments words with, from jieba's
//! dictionary (`dict.txt` of jieba-rs 0.7 / jieba 0.42, MIT licence: see
//! `rules/lexicon/WORDS.md`), and `rules/lexicon/ambiguous.txt`, the words of that dictionary
//! that contain a marker or a conjunction.
//!
//! `cargo run --release --example derive_words -- PATH/TO/dict.txt`
//!
//! Kept: words of Chinese characters only whose frequency is at least [`MIN_FREQUENCY`], with
//! their frequency, sorted by their UTF-8 bytes (so that heshu can search the file as it is),
//! after a line with the sum of their frequencies (`#total N`).
//! Run it again after changing the markers or conjunctions of `rules/lexicon/markers.toml`:
//! a test of `src/grammar/segment.rs` fails while `ambiguous.txt` is out of date.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Rarer words than this do not decide a boundary in a report (and would triple the file).
const MIN_FREQUENCY: u64 = 50;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: derive_words PATH/TO/jieba/dict.txt");
        std::process::exit(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let mut words: BTreeMap<&str, u64> = BTreeMap::new();
    for line in source.lines() {
        let mut fields = line.split_whitespace();
        let (Some(word), Some(freq)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Ok(freq) = freq.parse::<u64>() else {
            continue;
        };
        if freq >= MIN_FREQUENCY && word.chars().all(heshu::grammar::segment::is_han) {
            words.insert(word, freq);
        }
    }
    let mut out = format!("#total {}\n", words.values().sum::<u64>());
    for (word, freq) in &words {
        let _ = writeln!(out, "{word} {freq}");
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let write = |name: &str, text: &str| {
        let target = format!("{root}/rules/lexicon/{name}");
        if let Err(e) = std::fs::write(&target, text) {
            eprintln!("{target}: {e}");
            std::process::exit(2);
        }
        println!("wrote {target}");
    };
    write("words.txt", &out);
    let segmentation = &heshu::grammar::Lexicon::builtin().segmentation;
    let dictionary =
        heshu::grammar::segment::Dictionary::new(&out).with_extra(&segmentation.extra_words);
    let ambiguous = heshu::grammar::segment::ambiguous_words(&dictionary, segmentation);
    write("ambiguous.txt", &(ambiguous.join("\n") + "\n"));
    println!("{} words, {} ambiguous", words.len(), ambiguous.len());
}
