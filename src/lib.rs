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
pub mod grammar;
pub mod guard;
pub mod locale;
#[cfg(feature = "cli")]
pub mod lsp;
pub mod model;
pub mod report;
pub mod rules;
#[cfg(feature = "cli")]
pub mod runner;
#[cfg(feature = "serve")]
pub mod serve;
pub mod source;
pub mod threads;

pub use grammar::{parse, Grammar, Rounding};
pub use model::{Claim, Document, Span};
