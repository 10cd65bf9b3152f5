//! `--format github`: GitHub Actions workflow commands, which annotate the lines of a pull request.
//!
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=heshu(<rule>)::<message>`; warnings use
//! `::warning`, infos `::notice`. Properties and messages are escaped as the runner expects.

use super::FileReport;
use crate::model::diagnostic::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Render every finding as a workflow command.
pub fn render(files: &[FileReport]) -> String {
    let mut out = String::new();
    for f in files {
        for d in f.outcome.iter().flatten() {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push('\n');
                message.push_str(help);
            }
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(&f.path),
                d.span.line,
                d.span.column,
                d.span.end_line,
                d.span.end_column,
                escape_property(&format!("heshu({})", d.rule)),
                escape_data(&message)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
