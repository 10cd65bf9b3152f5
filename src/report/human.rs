//! Human output through miette: the rule id, the message, a label on every figure involved, and
//! the computation in the help. Columns in the header are counted in characters, not bytes.

use crate::locale::Catalog;
use crate::model::diagnostic::{Diagnostic, Severity};
use crate::model::span::Span;
use crate::model::Document;
use crate::model::Lang;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// A window of the document around a finding, shown in place of its whole (often very long)
/// line. Lines and columns reported to miette are those of the document, columns in characters.
struct Snippet<'a> {
    name: &'a str,
    doc: &'a Document,
    /// The window's text (with `…` where it cuts a line).
    text: String,
    /// Document offset of the window's first byte (after any leading `…`).
    origin: usize,
    /// Bytes of the leading `…`, if any.
    lead: usize,
    /// Document offset just past the window's last byte (before any trailing `…`).
    end: usize,
}

/// Whether a label is near enough to the primary span to be drawn with it.
fn near(primary: Span, label: Span) -> bool {
    label.start.saturating_add(NEAR_BYTES) >= primary.start
        && label.end <= primary.end.saturating_add(NEAR_BYTES)
}

/// Characters of context shown before the first and after the last figure of a finding.
const CONTEXT_CHARS: usize = 24;

/// Bytes around the primary span within which other labels are drawn with it; labels further
/// away (a paragraph pasted a hundred lines below) are counted, not drawn.
const NEAR_BYTES: usize = 1024;

/// At most this many labels are drawn for one finding.
const MOST_LABELS: usize = 16;

impl<'a> Snippet<'a> {
    fn new(name: &'a str, doc: &'a Document, shown: &'a str, d: &Diagnostic) -> Self {
        // `shown` has the document's offsets (Markdown as written); fall back to the document.
        let text = if shown.len() == doc.text.len() {
            shown
        } else {
            doc.text.as_str()
        };
        let covered = d
            .labels
            .iter()
            .filter(|l| near(d.span, l.span))
            .take(MOST_LABELS)
            .fold(d.span, |acc, l| acc.cover(l.span));
        let mut covered = Span::new(covered.start.min(text.len()), covered.end.min(text.len()));
        if covered.len() > 2 * NEAR_BYTES {
            // A passage pasted twice, a footer of many lines: its start is shown.
            covered.end = crate::model::span::ceil_char_boundary(text, covered.start + NEAR_BYTES);
        }
        // The line's ends are looked for near the figures only: a line may run to megabytes.
        let before = text.get(..covered.start).unwrap_or_default();
        let look_from = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let line_start = before
            .get(look_from..)
            .and_then(|s| s.rfind(['\n', '\r']))
            .map_or(look_from, |i| look_from + i + 1);
        let after = text.get(covered.end..).unwrap_or_default();
        let look_to = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(text.len(), |(i, _)| covered.end + i);
        let line_end = text
            .get(covered.end..look_to)
            .and_then(|s| s.find(['\n', '\r']))
            .map_or(look_to, |i| covered.end + i);
        let at_line_start =
            line_start == 0 || matches!(text.as_bytes().get(line_start - 1), Some(b'\n' | b'\r'));
        let at_line_end =
            line_end == text.len() || matches!(text.as_bytes().get(line_end), Some(b'\n' | b'\r'));
        let mut window = String::new();
        let lead = if at_line_start { 0 } else { "…".len() };
        if lead > 0 {
            window.push('…');
        }
        window.push_str(text.get(line_start..line_end).unwrap_or_default());
        if !at_line_end {
            window.push('…');
        }
        Self {
            name,
            doc,
            text: window,
            origin: line_start,
            lead,
            end: line_end,
        }
    }

    /// Whether a document span starts inside the window (it is drawn cut at the window's end).
    fn shows(&self, span: Span) -> bool {
        span.start >= self.origin && span.start < self.end.max(self.origin + 1)
    }

    /// A document span in window coordinates.
    fn local(&self, span: Span) -> SourceSpan {
        let start = span.start.saturating_sub(self.origin) + self.lead;
        let end = span.end.min(self.end).saturating_sub(self.origin) + self.lead;
        SourceSpan::new(start.into(), end.saturating_sub(start))
    }
}

impl SourceCode for Snippet<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let local = inner.span().offset();
        let in_doc = (self.origin + local.saturating_sub(self.lead)).min(self.doc.text.len());
        let (line, column) = self.doc.line_col(in_doc);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            inner.data(),
            *inner.span(),
            line - 1,
            column - 1,
            inner.line_count(),
        )))
    }
}

/// One diagnostic, shaped for miette's renderer.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: Snippet<'a>,
    catalog: &'static Catalog,
}

impl Rendered<'_> {
    /// The labels drawn: those the window shows, at most [`MOST_LABELS`].
    fn drawn(&self) -> impl Iterator<Item = &crate::model::diagnostic::Label> {
        self.diagnostic
            .labels
            .iter()
            .filter(|l| near(self.diagnostic.span, l.span) && self.source.shows(l.span))
            .take(MOST_LABELS)
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let hidden = self.diagnostic.labels.len() - self.drawn().count();
        let help = self.diagnostic.help.as_deref();
        match (help, hidden) {
            (None, 0) => None,
            (Some(h), 0) => Some(Box::new(h)),
            (h, n) => {
                let note = crate::tr!(self.catalog, "human-labels-not-shown", count = n);
                Some(Box::new(match h {
                    Some(h) => format!("{h}\n{note}"),
                    None => note,
                }))
            }
        }
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = self.diagnostic.span;
        let labels = self.drawn().map(move |l| {
            let span = self.source.local(l.span);
            if l.span == primary {
                LabeledSpan::new_primary_with_span(Some(l.message.clone()), span)
            } else {
                LabeledSpan::new_with_span(Some(l.message.clone()), span)
            }
        });
        Some(Box::new(labels))
    }
}

/// Renders diagnostics for a terminal or a log.
pub struct HumanRenderer {
    handler: GraphicalReportHandler,
    catalog: &'static Catalog,
    /// What stands before the help in the catalog's language, when it is not miette's own.
    help_word: Option<String>,
}

/// The word miette writes before the help, with its indent.
const MIETTE_HELP: &str = "  help: ";

impl HumanRenderer {
    /// A renderer with colours or without, writing in `lang`; terminal links are always off.
    pub fn new(color: bool, lang: Lang) -> Self {
        let catalog = crate::locale::catalog(lang);
        let help_word = format!("  {}", catalog.text("human-help"));
        let help_word = (help_word != MIETTE_HELP).then_some(help_word);
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Self {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_links(false)
                .with_width(100)
                .with_context_lines(1),
            catalog,
            help_word,
        }
    }

    /// Render one diagnostic of `doc`, read from `path`; `shown` is the text to quote (the file as
    /// written, with the same offsets as the document).
    pub fn render(
        &self,
        path: &str,
        doc: &Document,
        shown: &str,
        diagnostic: &Diagnostic,
    ) -> String {
        let rendered = Rendered {
            diagnostic,
            source: Snippet::new(path, doc, shown, diagnostic),
            catalog: self.catalog,
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &rendered).is_ok() {
            // miette writes its help under an English word: the first after the quoted snippet
            // (which ends with `╰`) is replaced by the catalog's, as wide (`说明：`).
            if let Some(word) = &self.help_word {
                let after = out.rfind('╰').unwrap_or(0);
                if let Some(at) = out.get(after..).and_then(|s| s.find(MIETTE_HELP)) {
                    out.replace_range(after + at..after + at + MIETTE_HELP.len(), word);
                }
            }
        } else {
            // The renderer refused (a span it could not read): fall back to one line.
            let (line, col) = doc.line_col(diagnostic.span.start);
            out = format!(
                "{path}:{line}:{col}: {}[{}] {}\n",
                diagnostic.severity, diagnostic.rule, diagnostic.message
            );
        }
        out
    }
}
