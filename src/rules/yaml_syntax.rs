//! `yaml-syntax`: the file is valid YAML 1.2, UTF-8 text, one document.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::load::{Content, SyntaxError};

rule! {
    /// ## What it does
    /// Checks that each file is UTF-8 text holding exactly one valid YAML 1.2 document: no tabs
    /// in indentation, no unclosed brackets or quotes, no second `---` document, no nesting deeper
    /// than 64 levels and no alias that expands without bound. YAML 1.1 words such as `no`, `on`
    /// and `yes` are read as text, as YAML 1.2 says.
    ///
    /// ## Why
    /// A file that is not YAML cannot be checked any further, so this is reported once, at the
    /// first position the parser could not read, and the file takes no part in the other rules.
    ///
    /// ## Example
    /// ```yaml
    /// kind: credential
    /// prompts:
    /// 	- Describe your class.   # indented with a tab
    /// ```
    ///
    /// ## How to fix
    /// Indent with spaces, close every bracket and quote, save the file as UTF-8, and keep one
    /// document per file.
    id: "yaml-syntax",
    severity: Error,
    summary: "the file is valid YAML 1.2, UTF-8, one document",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for (index, file) in cx.catalog.files.iter().enumerate() {
        let invalid: Vec<&SyntaxError> = match &file.content {
            Content::NotText { message, span } => {
                out.report(index, At::Span(span.clone()), message.clone());
                continue;
            }
            Content::Syntax(error) => vec![error],
            Content::Parsed(parsed) => parsed.problems.iter().collect(),
            Content::Unreadable { .. } => continue,
        };
        for error in invalid {
            if let SyntaxError::Invalid { message, span, help } = error {
                let finding = out.report(index, At::Span(span.clone()), message.clone());
                if let Some(help) = help {
                    finding.help(help.clone());
                }
            }
        }
    }
}
