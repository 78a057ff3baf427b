//! `--format github`: one GitHub Actions workflow command a finding, so each shows as an
//! annotation on the pull request's diff.

use super::Located;
use crate::diagnostic::Severity;

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`, one a line.
pub fn render(diagnostics: &[Located]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.diagnostic.message.clone();
        if let Some(help) = &d.diagnostic.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(&d.source.display),
            d.start.line,
            d.start.column,
            d.end.line,
            d.end.column,
            property(d.diagnostic.rule),
            data(&message),
        ));
    }
    out
}

/// A command's message: `%`, CR and LF escaped, as the runner unescapes them; any other control
/// character made a visible symbol, so no escape sequence reaches the log.
pub fn data(text: &str) -> String {
    let escaped = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    super::visible(&escaped).into_owned()
}

/// A command's property value: a message's escapes, and `:` and `,`, which end a property.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
