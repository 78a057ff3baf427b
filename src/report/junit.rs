//! `--format junit`: a JUnit XML report, one test case a linted file, failed when the file has
//! errors. CI systems that show test results (GitLab, Jenkins, Azure) show the catalog's health.

use std::collections::BTreeMap;

use super::{Located, Summary};
use crate::catalog::Catalog;
use crate::diagnostic::Severity;

/// The report, for the files of `catalog` that were linted.
pub fn render(catalog: &Catalog, linted: &[bool], diagnostics: &[Located], summary: Summary) -> String {
    let mut by_file: BTreeMap<usize, Vec<&Located>> = BTreeMap::new();
    for d in diagnostics {
        by_file.entry(d.diagnostic.file).or_default().push(d);
    }
    let failed = |index: &usize| {
        by_file.get(index).is_some_and(|ds| ds.iter().any(|d| d.diagnostic.severity == Severity::Error))
    };
    let files: Vec<usize> = (0..catalog.files.len()).filter(|i| linted[*i]).collect();
    let failures = files.iter().filter(|i| failed(i)).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"mcred lint\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">\n",
        summary.files
    ));
    out.push_str(&format!(
        "  <testsuite name=\"mcred lint\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n",
        summary.files
    ));
    for index in files {
        let file = &catalog.files[index];
        let found = by_file.get(&index).map(Vec::as_slice).unwrap_or_default();
        let lines = |severity: Severity| -> Vec<String> {
            found
                .iter()
                .filter(|d| d.diagnostic.severity == severity)
                .map(|d| {
                    let mut line = format!(
                        "{}:{}:{}: {} [{}]",
                        file.display, d.start.line, d.start.column, d.diagnostic.message, d.diagnostic.rule
                    );
                    if let Some(help) = &d.diagnostic.help {
                        line.push_str(&format!("\n  help: {help}"));
                    }
                    line
                })
                .collect()
        };
        let (errors, warnings) = (lines(Severity::Error), lines(Severity::Warning));
        out.push_str(&format!("    <testcase name=\"{}\" classname=\"mcred.lint\"", escape(&file.display)));
        if errors.is_empty() && warnings.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        if !errors.is_empty() {
            let message = if errors.len() == 1 { "1 error".to_string() } else { format!("{} errors", errors.len()) };
            out.push_str(&format!(
                "      <failure message=\"{message}\" type=\"error\">{}</failure>\n",
                escape(&errors.join("\n"))
            ));
        }
        if !warnings.is_empty() {
            out.push_str(&format!("      <system-out>{}</system-out>\n", escape(&warnings.join("\n"))));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Text and attribute values: the five XML entities, and no character XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
