//! The grammar: report text in, [`Document`](crate::model::Document) out. Numerals and figures
//! (nom), the lexicon of units and marker words, blocks, sentences and clauses, and the readings
//! of claims. Submodules depend downwards only: `lexicon` ← `settings` ← `figures` (with
//! `numerals`) ← `document` (with `readings`, and `relations` over the whole document).

pub mod document;
pub mod figures;
pub mod growth;
pub mod identities;
pub mod lexicon;
pub mod lists;
pub mod numerals;
pub mod partitions;
pub mod rate_counts;
pub mod readings;
pub mod relations;
pub mod segment;
pub mod settings;
pub mod subsets;
/// The index of a word list (`#total N`, then `word frequency` lines sorted by bytes), as bytes:
/// built by `build.rs` for the dictionary compiled into heshu (so that nothing is indexed at
/// start-up) and by [`segment::Dictionary::new`] for any other list.
pub mod word_index;

pub use document::{parse, parse_into, parse_owned, parse_with, PARALLEL_MIN};
pub use lexicon::Lexicon;
pub use settings::{Grammar, Rounding};
