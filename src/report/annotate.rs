//! Word comments for `--annotate` and the web page's annotated copy: one comment per finding,
//! anchored from the first to the last of its figures, holding the rule id, the message and the
//! computation.

use super::Located;
use crate::source::docx::Comment;

/// The comments to anchor on a .docx's extracted text for these findings, in their order.
pub fn comments(findings: &[Located]) -> Vec<Comment> {
    findings
        .iter()
        .map(|d| {
            let start = d
                .labels
                .iter()
                .map(|l| l.span.start)
                .fold(d.span.start, usize::min);
            let end = d
                .labels
                .iter()
                .map(|l| l.span.end)
                .fold(d.span.end, usize::max);
            let mut paragraphs = vec![format!("[{}] {}", d.rule, d.message)];
            paragraphs.extend(d.help.clone());
            Comment {
                start,
                end,
                paragraphs,
            }
        })
        .collect()
}
