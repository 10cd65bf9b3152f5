//! The grammar's settings: which lexicon it reads units from, and how written figures round.

use super::lexicon::Lexicon;
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
