//! The model: what heshu knows about a report once it has read it — spans, figures and their
//! quantities, claims with their readings, the document's blocks, sentences and clauses, and the
//! findings rules report. It imports nothing else of the crate: the grammar builds it, the rules
//! and reports read it.

pub mod diagnostic;
pub mod document;
pub mod interval;
pub mod lang;
pub mod quantity;
pub mod span;
pub mod text;
pub mod vocabulary;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use document::{
    Block, Claim, Clause, Document, GrowthKind, Heading, HeadingStyle, ItemCount, Marker,
    MarkerSet, PartitionKind, PartsKind, Rate, Reading, Relation, Sentence, ShareBase,
    StatedChange, SummaryKind, SCOPE_SENTENCES,
};
pub use interval::{Bound, Interval};
pub use lang::Lang;
pub use quantity::{Figure, FigureKind, Malformation, Quantity};
pub use span::Span;
pub use text::Text;
pub use vocabulary::{MarkerKind, QualifierKind, Unit, UnitKind};
