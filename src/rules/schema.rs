//! `schema`: every document satisfies the JSON Schema of its kind.

use super::{Context, Findings};

rule! {
    /// ## What it does
    /// Checks each document against the JSON Schema of its kind (`mcred schema credential`,
    /// `stack`, `framework`): required fields, types, allowed values, the form of ids, versions,
    /// URLs and language tags, and no field the schema does not know. An unknown field is
    /// underlined itself and comes with the closest known name; a missing field points at the
    /// mapping that lacks it.
    ///
    /// ## Why
    /// A misspelt field is silently ignored by every tool downstream: a `sumary:` means the badge
    /// is published with no description. A version written `1.0` is read by YAML as a number,
    /// and the platform that imports it sees `1`.
    ///
    /// ## Example
    /// ```yaml
    /// kind: credential
    /// id: working-memory-demonstrate-understanding
    /// version: 1.0
    /// sumary: The educator explains what working memory is.
    /// ```
    ///
    /// ## How to fix
    /// Follow the help on each finding: rename the field to the suggested one, quote values YAML
    /// would read as numbers (`version: "1.0.0"`), use one of the allowed values. Point your
    /// editor at the schema for autocompletion: `# yaml-language-server: $schema=…`.
    id: "schema",
    severity: Error,
    summary: "the document satisfies its JSON Schema",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in &cx.catalog.docs {
        for issue in &doc.schema_issues {
            let finding = out.report(doc.file, issue.at.clone(), issue.message.clone());
            if let Some(help) = &issue.help {
                finding.help(help.clone());
            }
        }
    }
}
