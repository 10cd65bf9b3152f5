//! Human output through miette: the rule id, the message, a label on every figure involved, and
//! the computation in the help. Columns in the header are counted in characters, not bytes.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
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
}

/// Characters of context shown before the first and after the last figure of a finding.
const CONTEXT_CHARS: usize = 24;

impl<'a> Snippet<'a> {
    fn new(name: &'a str, doc: &'a Document, shown: &'a str, d: &Diagnostic) -> Self {
        // `shown` has the document's offsets (Markdown as written); fall back to the document.
        let text = if shown.len() == doc.text.len() {
            shown
        } else {
            doc.text.as_str()
        };
        let covered = d.labels.iter().fold(d.span, |acc, l| acc.cover(l.span));
        let line_start = text[..covered.start]
            .rfind(['\n', '\r'])
            .map_or(0, |i| i + 1);
        let line_end = text[covered.end..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| covered.end + i);
        let start = text[line_start..covered.start]
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(line_start, |(i, _)| line_start + i);
        let end = text[covered.end..line_end]
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(line_end, |(i, _)| covered.end + i);
        let mut window = String::new();
        let lead = if start > line_start { "…".len() } else { 0 };
        if lead > 0 {
            window.push('…');
        }
        window.push_str(&text[start..end]);
        if end < line_end {
            window.push('…');
        }
        Self {
            name,
            doc,
            text: window,
            origin: start,
            lead,
        }
    }

    /// A document span in window coordinates.
    fn local(&self, span: crate::span::Span) -> SourceSpan {
        let start = span.start.saturating_sub(self.origin) + self.lead;
        SourceSpan::new(start.into(), span.len())
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
        self.diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = self.diagnostic.span;
        let labels = self.diagnostic.labels.iter().map(move |l| {
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
}

impl HumanRenderer {
    /// A renderer with colours or without; terminal links are always off.
    pub fn new(color: bool) -> Self {
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
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &rendered).is_err() {
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
