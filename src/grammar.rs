//! The grammar's settings: which lexicon it reads units from, and how written figures round.

use crate::document::{parse_owned, parse_with, Document};
use crate::lexicon::Lexicon;
use serde::Deserialize;

/// How a written figure was rounded from its true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rounding {
    /// To the nearest unit of the last digit: `1.04` is [1.035, 1.045).
    #[default]
    Nearest,
    /// Cut after the last digit: `1.04` is [1.04, 1.05) (as XBRL Calculations 1.1 allow).
    Truncate,
}

/// The settings the grammar parses with.
#[derive(Debug, Clone, Copy)]
pub struct Grammar {
    /// Units, magnitudes, markers and qualifiers.
    pub lexicon: &'static Lexicon,
    /// How written figures round.
    pub rounding: Rounding,
}

impl Default for Grammar {
    fn default() -> Self {
        Self {
            lexicon: Lexicon::builtin(),
            rounding: Rounding::Nearest,
        }
    }
}

impl Grammar {
    /// Parse report text into a [`Document`].
    pub fn parse(&self, text: &str) -> Document {
        parse_with(text, self)
    }

    /// Parse report text, taking ownership of it (no copy of a large text).
    pub fn parse_owned(&self, text: String) -> Document {
        parse_owned(text, self)
    }

    /// Parse report text into `doc`, replacing what it held and reusing its buffers: a thread
    /// that parses text after text allocates (and faults in fresh pages) once, not each time.
    pub fn parse_into(&self, text: &str, doc: &mut Document) {
        crate::document::parse_into(text, self, doc)
    }
}
