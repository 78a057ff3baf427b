//! `grain-size`: a credential's estimated hours are within the catalog's range.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Context, Findings};
use crate::diagnostic::At;

rule! {
    /// ## What it does
    /// Checks that a credential's `estimated_hours`, when it gives them, lie within the range set
    /// in `[rules.grain-size]` (`min_hours`, `max_hours`; 2 to 30 by default).
    ///
    /// ## Why
    /// A micro-credential is small: one skill, earned within a few weeks of teaching. One that
    /// takes an hour is probably a task, not a skill; one that takes a semester is probably
    /// several skills in one.
    ///
    /// ## Example
    /// ```yaml
    /// estimated_hours: 60
    /// ```
    ///
    /// ## How to fix
    /// Split a large credential into a stack of smaller ones, or fold a tiny one into another.
    /// Set the range that fits your catalog in `mcred.toml`:
    /// ```toml
    /// [rules.grain-size]
    /// min_hours = 1
    /// max_hours = 20
    /// ```
    id: "grain-size",
    severity: Warning,
    summary: "`estimated_hours` is within the configured range",
    reads: Document,
    check: check,
    options: GrainSize,
}

/// The options of `[rules.grain-size]`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct GrainSize {
    /// The fewest hours a credential may take.
    pub min_hours: f64,
    /// The most hours a credential may take.
    pub max_hours: f64,
}

impl Default for GrainSize {
    fn default() -> Self {
        GrainSize { min_hours: 2.0, max_hours: 30.0 }
    }
}

fn check(cx: &Context, out: &mut Findings) {
    let range: GrainSize = cx.options();
    for (doc, credential) in cx.catalog.credentials() {
        let Some(hours) = credential.estimated_hours else { continue };
        let (min, max) = (range.min_hours, range.max_hours);
        if hours < min {
            out.report(
                doc.file,
                At::value("/estimated_hours"),
                format!("{hours} hours is below the catalog's grain size of {min} to {max} hours"),
            )
            .help("fold this credential into another, or lower `min_hours` in `[rules.grain-size]`");
        } else if hours > max {
            out.report(
                doc.file,
                At::value("/estimated_hours"),
                format!("{hours} hours is above the catalog's grain size of {min} to {max} hours"),
            )
            .help("split the credential into a stack of smaller ones, or raise `max_hours` in `[rules.grain-size]`");
        }
    }
}
