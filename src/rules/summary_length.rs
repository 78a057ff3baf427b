//! `summary-length`: a summary is short enough to be a summary.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::model::Text;

rule! {
    /// ## What it does
    /// Checks that the `summary` of every credential and stack has at most `max_chars`
    /// characters (280 by default; set in `[rules.summary-length]`).
    ///
    /// ## Why
    /// The summary is the badge's description on every platform that imports it, and the line
    /// under each credential in a stack. Platforms cut long descriptions; educators skim them.
    /// The detail belongs in `key_method`.
    ///
    /// ## Example
    /// ```yaml
    /// summary: >-
    ///   In this micro-credential the educator will first study … (600 characters)
    /// ```
    ///
    /// ## How to fix
    /// Say in one or two sentences what the educator shows; move the rest to `key_method` (a
    /// stack's to `description`). A catalog whose platform shows more or less sets the limit:
    /// ```toml
    /// [rules.summary-length]
    /// max_chars = 200
    /// ```
    id: "summary-length",
    severity: Warning,
    summary: "`summary` fits the configured length (default 280 characters)",
    reads: Document,
    check: check,
    options: SummaryLength,
}

/// The options of `[rules.summary-length]`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct SummaryLength {
    /// The most characters a summary may have.
    pub max_chars: usize,
}

impl Default for SummaryLength {
    fn default() -> Self {
        SummaryLength { max_chars: 280 }
    }
}

fn check(cx: &Context, out: &mut Findings) {
    let max = cx.options::<SummaryLength>().max_chars;
    let credentials = cx.catalog.credentials().map(|(d, c)| (d, &c.summary, "key_method"));
    let stacks = cx.catalog.stacks().map(|(d, s)| (d, &s.summary, "description"));
    for (doc, Text(summary), detail) in credentials.chain(stacks) {
        let length = summary.chars().count();
        if length > max {
            out.report(
                doc.file,
                At::value("/summary"),
                format!("the summary has {length} characters; the most is {max}"),
            )
            .help(format!("say in a sentence or two what the educator shows, and move the detail to `{detail}`"));
        }
    }
}
