//! The claims listing (`heshu claims`): human lines and the versioned JSON form.

use crate::model::interval::Bound;
use crate::model::Document;
use serde::Serialize;

/// Version of the claims JSON format.
pub const CLAIMS_JSON_VERSION: u32 = 1;

/// One claim as listed in JSON.
#[derive(Debug, Serialize)]
pub struct ClaimRecord<'a> {
    /// The figure as written.
    pub text: &'a str,
    /// The value after magnitude and unit factor, as a decimal string.
    pub value: String,
    /// The base unit (`元` for `万元`, `%` for percent), `""` for a bare number.
    pub unit: &'a str,
    /// Lower bound of the interval (decimal string), `null` when unbounded.
    pub lower: Option<String>,
    /// Upper bound of the interval (decimal string), `null` when unbounded.
    pub upper: Option<String>,
    /// Whether the lower bound belongs to the interval.
    pub lower_inclusive: bool,
    /// Whether the upper bound belongs to the interval.
    pub upper_inclusive: bool,
    /// The qualifier (`more`, `approximate`, …), `null` when none.
    pub qualifier: Option<&'static str>,
    /// Written as a range.
    pub range: bool,
    /// The words before it in its clause.
    pub subject: &'a str,
    /// The markers before it in its clause.
    pub markers: Vec<&'static str>,
    /// What the figure is: `level`, `change`, `reached`, `share`, `rate`, `average`, `target` or
    /// `category-bound`.
    pub reading: &'static str,
    /// The rate its subject names (`覆盖率`), `null` when none.
    pub rate: Option<&'a str>,
    /// Whether that rate may pass 100 % (增长率, 完成率); `null` when no rate is named.
    pub rate_may_pass_100: Option<bool>,
    /// Inside quotation marks or a title.
    pub quoted: bool,
    /// Byte offsets into the decoded UTF-8 text, with 1-based lines and character columns (as
    /// `heshu check` writes them).
    pub span: super::LocatedSpan,
}

/// The whole claims listing.
#[derive(Debug, Serialize)]
pub struct ClaimsReport<'a> {
    /// Format version.
    pub version: u32,
    /// The claims in order.
    pub claims: Vec<ClaimRecord<'a>>,
}

fn bound(b: Option<Bound>) -> (Option<String>, bool) {
    match b {
        Some(b) => (Some(b.value.normalize().to_string()), b.inclusive),
        None => (None, false),
    }
}

/// Build the JSON records of a document's claims.
pub fn records(doc: &Document) -> ClaimsReport<'_> {
    let claims = doc
        .claims
        .iter()
        .map(|c| {
            let q = &c.quantity;
            let (lower, lower_inclusive) = bound(q.interval.lower);
            let (upper, upper_inclusive) = bound(q.interval.upper);
            ClaimRecord {
                text: doc.slice(c.span),
                value: q.value.normalize().to_string(),
                unit: q.base_unit(),
                lower,
                upper,
                lower_inclusive,
                upper_inclusive,
                qualifier: q.qualifier.map(|k| k.name()),
                range: q.range,
                subject: doc.slice(c.subject),
                markers: c.markers.kinds().map(|k| k.name()).collect(),
                reading: c.reading.name(),
                rate: c.rate.map(|r| doc.slice(r.name)),
                rate_may_pass_100: c.rate.map(|r| r.may_pass_100),
                quoted: c.quoted,
                span: super::LocatedSpan::new(doc, c.span),
            }
        })
        .collect();
    ClaimsReport {
        version: CLAIMS_JSON_VERSION,
        claims,
    }
}

/// One line per claim: `line:col  text  = value unit  interval  [markers] reading «subject»`.
pub fn human(doc: &Document) -> String {
    let mut out = String::new();
    for c in &doc.claims {
        let (line, col) = doc.line_col(c.span.start);
        let q = &c.quantity;
        let markers: Vec<&str> = c.markers.kinds().map(|k| k.name()).collect();
        out.push_str(&format!(
            "{line}:{col}\t{}\t= {} {}\t{}{}{}\t{}\t«{}»\n",
            doc.slice(c.span),
            q.value.normalize(),
            q.base_unit(),
            q.interval,
            if markers.is_empty() {
                String::new()
            } else {
                format!(" [{}]", markers.join(","))
            },
            if c.quoted { " (quoted)" } else { "" },
            c.reading.name(),
            doc.slice(c.subject),
        ));
    }
    out
}
