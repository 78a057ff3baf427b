//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other static-analysis dashboards
//! read it: one run, every rule with its documentation, every finding with its region.

use serde_json::{Value, json};

use super::{Located, rule_url};
use crate::diagnostic::Severity;
use crate::rules;

/// The report as pretty SARIF JSON, ending with a newline.
pub fn render(diagnostics: &[Located]) -> String {
    let rules: Vec<Value> = rules::ALL
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.doc() },
                "help": { "text": rule.doc(), "markdown": rule.doc() },
                "helpUri": rule_url(rule.id),
                "defaultConfiguration": { "level": level(rule.severity) },
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut message = d.diagnostic.message.clone();
            if let Some(help) = &d.diagnostic.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            json!({
                "ruleId": d.diagnostic.rule,
                "ruleIndex": rules::ALL.iter().position(|r| r.id == d.diagnostic.rule),
                "level": level(d.diagnostic.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.source.display), "uriBaseId": "%SRCROOT%" },
                        "region": {
                            "startLine": d.start.line,
                            "startColumn": d.start.column,
                            "endLine": d.end.line,
                            "endColumn": d.end.column,
                        },
                    },
                }],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "mcred",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                },
            },
            // Columns count characters, as in every other mcred report, not UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).expect("a SARIF log serializes");
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative path as a URI reference: every byte outside the unreserved set and `/` escaped.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}
