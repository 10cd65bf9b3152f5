//! heshu (核数): a linter for the figures in Chinese reports.
//!
//! The pipeline runs in one direction: text is parsed into a [`Document`] of blocks, sentences,
//! clauses and **claims** (figures with value, unit, interval and role), then rules read the
//! Document and emit diagnostics, which the report layer renders.

#![warn(missing_docs)]
// No input can make the library panic: no unwrap, expect or panic, no indexing or slicing that can
// fall outside its sequence or inside a character (tests may). The few exceptions say why they
// cannot fail.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

pub mod check;
pub mod config;
pub mod diagnostic;
pub mod document;
#[cfg(feature = "inputs")]
pub mod docx;
#[cfg(feature = "inputs")]
pub mod docx_numbering;
pub mod figure;
pub mod grammar;
pub mod guard;
pub mod interval;
pub mod lexicon;
#[cfg(feature = "cli")]
pub mod lsp;
pub mod markdown;
pub mod number;
pub mod readings;
pub mod report;
pub mod rules;
#[cfg(feature = "cli")]
pub mod runner;
pub mod source;
pub mod span;

pub use document::{parse, Claim, Document};
pub use grammar::{Grammar, Rounding};
pub use span::Span;
