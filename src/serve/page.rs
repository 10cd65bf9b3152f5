//! The page, its script and its style, compiled into the binary: no CDN, no network.

use crate::config::Settings;

/// The page's script (plain JavaScript, no framework).
pub const SCRIPT: &str = include_str!("page/app.js");
/// The page's style.
pub const STYLE: &str = include_str!("page/app.css");
const INDEX: &str = include_str!("page/index.html");

/// The page, with this server's token and the upload limit written in.
pub fn index(token: &str, limit: usize) -> String {
    INDEX
        .replace("{{TOKEN}}", token)
        .replace("{{LIMIT}}", &limit.to_string())
        .replace("{{LIMIT_MB}}", &(limit / (1024 * 1024)).to_string())
}

/// The rules for the page's switches: id, severity, summary, and whether the configuration runs
/// them.
pub fn rules_json(settings: &Settings) -> String {
    let rules: Vec<serde_json::Value> = crate::rules::registry()
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.meta.id,
                "severity": r.meta.severity,
                "summary": r.meta.summary(crate::model::Lang::Zh),
                "on": settings.linter.runs(&r.meta.id),
            })
        })
        .collect();
    serde_json::Value::Array(rules).to_string()
}
