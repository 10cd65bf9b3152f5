//! The page, its script and its style, compiled into the binary: no CDN, no network. The page's
//! words are the catalog's (`locales/*/serve.ftl`), written in when it is served; the script's
//! come with it as JSON, templates whose `{name}` the script fills.

use crate::config::Settings;
use crate::locale::{Arg, Catalog};

/// The page's script (plain JavaScript, no framework).
pub const SCRIPT: &str = include_str!("page/app.js");
/// The page's style.
pub const STYLE: &str = include_str!("page/app.css");
const INDEX: &str = include_str!("page/index.html");

/// The script's texts: its name for each, the catalog key, the arguments it fills in, and
/// whether `count` chooses a plural.
const SCRIPT_TEXTS: &[(&str, &str, &[&str], bool)] = &[
    ("error", "js-error", &[], false),
    ("warning", "js-warning", &[], false),
    ("info", "js-info", &[], false),
    ("offInConfig", "js-off-in-config", &[], false),
    (
        "tooLarge",
        "js-too-large",
        &["name", "size", "limit"],
        false,
    ),
    ("checking", "js-checking", &["name"], false),
    ("noConnection", "js-no-connection", &["error"], false),
    (
        "noConnectionShort",
        "js-no-connection-short",
        &["error"],
        false,
    ),
    (
        "unreadableAnswer",
        "js-unreadable-answer",
        &["status"],
        false,
    ),
    ("failed", "js-failed", &["status"], false),
    ("checked", "js-checked", &["name", "lines", "ms"], true),
    ("clean", "js-clean", &[], false),
    ("found", "js-found", &["total"], true),
    ("badgeError", "js-badge-error", &["n"], true),
    ("badgeWarning", "js-badge-warning", &["n"], true),
    ("badgeInfo", "js-badge-info", &["n"], true),
    ("where", "js-where", &["line"], false),
    ("annotating", "js-annotating", &[], false),
    ("downloaded", "js-downloaded", &["name"], false),
    ("pastedName", "js-pasted-name", &[], false),
];

/// One script text: a template, or for a plural `{"one": …, "other": …}`.
fn script_text(t: &Catalog, key: &str, args: &[&str], plural: bool) -> serde_json::Value {
    let render = |count: i64| {
        let mut all: Vec<(&str, Arg<'_>)> = args
            .iter()
            .map(|a| (*a, Arg::Text(format!("{{{a}}}").into())))
            .collect();
        all.push(("count", Arg::Count(count)));
        t.format(key, &all)
    };
    if plural {
        serde_json::json!({"one": render(1), "other": render(2)})
    } else {
        serde_json::Value::String(render(2))
    }
}

/// Text for an HTML element or attribute.
fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page in the catalog's language, with this server's token and the upload limit written in.
pub fn index(token: &str, limit: usize, t: &Catalog) -> String {
    let limit_mb = (limit / (1024 * 1024)).to_string();
    let mut page = String::with_capacity(INDEX.len() * 2);
    let mut rest = INDEX;
    while let Some(at) = rest.find("{{t:") {
        page.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at + 4..).unwrap_or_default();
        let Some(end) = after.find("}}") else { break };
        let key = after.get(..end).unwrap_or_default();
        page.push_str(&escape_html(&crate::tr!(t, key, limit = limit_mb.as_str())));
        rest = after.get(end + 2..).unwrap_or_default();
    }
    page.push_str(rest);
    let texts: serde_json::Map<String, serde_json::Value> = SCRIPT_TEXTS
        .iter()
        .map(|(name, key, args, plural)| ((*name).to_owned(), script_text(t, key, args, *plural)))
        .collect();
    // Inside <script>, `</` would end the element: JSON allows `<\/`.
    let text = serde_json::Value::Object(texts)
        .to_string()
        .replace("</", "<\\/");
    page.replace("{{TOKEN}}", token)
        .replace("{{LIMIT}}", &limit.to_string())
        .replace("{{TEXT}}", &text)
}

/// The rules for the page's switches: id, severity, summary in the settings' language, and
/// whether the configuration runs them.
pub fn rules_json(settings: &Settings) -> String {
    let lang = settings.lang();
    let rules: Vec<serde_json::Value> = crate::rules::registry()
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.meta.id,
                "severity": r.meta.severity,
                "summary": r.meta.summary(lang),
                "on": settings.linter.runs(&r.meta.id),
            })
        })
        .collect();
    serde_json::Value::Array(rules).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    /// Every word of the page and its script is asked of each catalog: a missing key panics in a
    /// debug build (see `Catalog::format`).
    #[test]
    fn the_page_is_written_in_each_language() {
        for lang in Lang::ALL {
            let page = index("TOKEN", 50 * 1024 * 1024, crate::locale::catalog(lang));
            assert!(!page.contains("{{"), "{page}");
            assert!(page.contains("50 MB"), "{page}");
        }
        let en = index("T", 1024 * 1024, crate::locale::catalog(Lang::En));
        assert!(en.contains("<html lang=\"en\">"));
        assert!(
            en.contains(r#""found":{"one":"{total} problem:","other":"{total} problems:"}"#),
            "{en}"
        );
    }
}
