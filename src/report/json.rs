//! `--format json`: the stable lint report, described by `schema/report.schema.json`.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Located, Summary};
use crate::diagnostic::Severity;

/// The lint report.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "mcred lint report")]
pub struct Report {
    /// The report format's version; it changes only when a field changes meaning or goes away.
    pub version: u32,
    pub summary: ReportSummary,
    /// Every finding, sorted by file, then position.
    pub diagnostics: Vec<ReportDiagnostic>,
}

/// What the run found, counted.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ReportSummary {
    /// The files read.
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// One finding.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ReportDiagnostic {
    /// The rule's stable id (`mcred rules` lists them).
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The file, relative to the current directory, `/`-separated.
    pub file: String,
    /// 1-based line of the first character.
    #[schemars(range(min = 1))]
    pub line: usize,
    /// 1-based column of the first character, counted in characters.
    #[schemars(range(min = 1))]
    pub column: usize,
    /// 1-based line of the end.
    #[schemars(range(min = 1))]
    pub end_line: usize,
    /// 1-based column just past the last character (equal to `column` for a point).
    #[schemars(range(min = 1))]
    pub end_column: usize,
    /// The JSON pointer of the node the finding is about, when it is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// The report of a run.
pub fn report(diagnostics: &[Located], summary: Summary) -> Report {
    Report {
        version: 1,
        summary: ReportSummary { files: summary.files, errors: summary.errors, warnings: summary.warnings },
        diagnostics: diagnostics
            .iter()
            .map(|d| ReportDiagnostic {
                rule: d.diagnostic.rule.to_string(),
                severity: d.diagnostic.severity,
                message: d.diagnostic.message.clone(),
                file: d.source.display.clone(),
                line: d.start.line,
                column: d.start.column,
                end_line: d.end.line,
                end_column: d.end.column,
                pointer: d.pointer().map(str::to_string),
                help: d.diagnostic.help.clone(),
            })
            .collect(),
    }
}

/// The report as pretty JSON, ending with a newline.
pub fn render(diagnostics: &[Located], summary: Summary) -> String {
    let mut text = serde_json::to_string_pretty(&report(diagnostics, summary)).expect("a report serializes");
    text.push('\n');
    text
}
