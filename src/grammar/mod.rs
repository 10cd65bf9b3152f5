//! The grammar: report text in, [`Document`](crate::model::Document) out. Numerals and figures
//! (nom), the lexicon of units and marker words, blocks, sentences and clauses, and the readings
//! of claims. Submodules depend downwards only: `lexicon` ← `settings` ← `figures` (with
//! `numerals`) ← `document` (with `readings`, and `relations` over the whole document).

pub mod document;
pub mod figures;
pub mod lexicon;
pub mod numerals;
pub mod readings;
pub mod relations;
pub mod settings;

pub use document::{parse, parse_into, parse_owned, parse_with, PARALLEL_MIN};
pub use lexicon::Lexicon;
pub use settings::{Grammar, Rounding};
