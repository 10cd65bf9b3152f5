//! `--format sarif`: SARIF 2.1.0, one run, for code-scanning dashboards.
//!
//! `tool.driver.rules` lists every rule with its summary and explanation; each result carries its
//! `ruleId`, `level`, a physical location whose region counts columns in Unicode code points
//! (`columnKind: unicodeCodePoints`), a related location per labelled figure, and a stable
//! `partialFingerprints` entry (`heshu/v1`, the baseline fingerprint).

use super::{FileReport, LocatedSpan};
use crate::model::diagnostic::Severity;
use serde::Serialize;

/// The schema the output conforms to.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor<'a> {
    id: &'a str,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: Fingerprints<'a>,
}

#[derive(Serialize)]
struct Fingerprints<'a> {
    #[serde(rename = "heshu/v1")]
    heshu: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference: forward slashes, everything but unreserved characters and `/`
/// percent-encoded (Chinese file names included).
pub fn uri(path: &str) -> String {
    let path = super::fingerprint::normal_path(path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(path: &str, span: &LocatedSpan, id: Option<usize>, message: Option<&str>) -> Location {
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(path) },
            region: Region {
                start_line: span.line,
                start_column: span.column,
                end_line: span.end_line,
                end_column: span.end_column,
            },
        },
        message: message.map(|m| Text { text: m.to_owned() }),
    }
}

/// What the SARIF log says of a rule: the renderer takes it as data, not as the rules module's
/// types.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo<'a> {
    /// The rule id.
    pub id: &'a str,
    /// Its one-line summary.
    pub summary: &'a str,
    /// Its explanation (what `heshu explain` prints).
    pub explanation: &'a str,
    /// Its default severity.
    pub severity: Severity,
}

/// The SARIF log of checked files, with `rules` as the driver's rule list.
pub fn render(files: &[FileReport], rules: &[RuleInfo<'_>]) -> Result<String, serde_json::Error> {
    let descriptors = rules
        .iter()
        .map(|r| ReportingDescriptor {
            id: r.id,
            short_description: Text {
                text: r.summary.to_owned(),
            },
            full_description: Text {
                text: r.explanation.trim().to_owned(),
            },
            help: Text {
                text: r.explanation.trim().to_owned(),
            },
            default_configuration: Configuration {
                level: level(r.severity),
            },
        })
        .collect();
    let mut results = Vec::new();
    for f in files {
        for d in f.outcome.iter().flatten() {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push('\n');
                text.push_str(help);
            }
            results.push(SarifResult {
                rule_id: d.rule,
                rule_index: rules.iter().position(|r| r.id == d.rule).unwrap_or(0),
                level: level(d.severity),
                message: Text { text },
                locations: vec![location(&f.path, &d.span, None, None)],
                related_locations: d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| location(&f.path, &l.span, Some(i), Some(&l.message)))
                    .collect(),
                partial_fingerprints: Fingerprints {
                    heshu: &d.fingerprint,
                },
            });
        }
    }
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "heshu",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: descriptors,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log)?;
    s.push('\n');
    Ok(s)
}
