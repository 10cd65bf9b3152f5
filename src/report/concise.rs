//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`, for grep and
//! editors' quickfix lists.

use super::FileReport;

/// Render every finding, one per line.
pub fn render(files: &[FileReport]) -> String {
    let mut out = String::new();
    for f in files {
        for d in f.outcome.iter().flatten() {
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {}\n",
                f.path, d.span.line, d.span.column, d.severity, d.rule, d.message
            ));
        }
    }
    out
}
