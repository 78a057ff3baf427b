//! `unknown-kind`: every document says what it is with `kind`.

use serde_json::Value;

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;
use crate::suggest::did_you_mean;

rule! {
    /// ## What it does
    /// Checks that every document is a mapping whose `kind` is `credential`, `stack` or
    /// `framework`.
    ///
    /// ## Why
    /// The kind decides which schema and which rules apply. A file with no kind, or a misspelt
    /// one, would otherwise be skipped, and a credential would vanish from the catalog without a
    /// word.
    ///
    /// ## Example
    /// ```yaml
    /// kind: credentail
    /// id: working-memory-demonstrate-understanding
    /// ```
    ///
    /// ## How to fix
    /// Start the document with `kind: credential`, `kind: stack` or `kind: framework`.
    id: "unknown-kind",
    severity: Error,
    summary: "`kind` is present and one of credential, stack, framework",
    check: check,
}

const KINDS: [&str; 3] = ["credential", "stack", "framework"];

fn check(cx: &Context, out: &mut Findings) {
    for (index, file) in cx.catalog.files.iter().enumerate() {
        let Some(parsed) = file.parsed() else { continue };
        let Value::Object(map) = &parsed.value else {
            out.report(index, At::value(""), "a document is a mapping of fields, starting with `kind`; this one is not")
                .help("write `kind: credential` (or `stack`, `framework`) and the document's fields, one `key: value` per line");
            continue;
        };
        match map.get("kind") {
            None => {
                out.report(index, At::File, "the document has no `kind`, so mcred cannot tell what it is")
                    .help("add `kind: credential`, `kind: stack` or `kind: framework` as its first line");
            }
            Some(Value::String(kind)) if Kind::parse(kind).is_some() => {}
            Some(other) => {
                let shown = match other {
                    Value::String(s) => format!("`{s}`"),
                    other => format!("`{other}`"),
                };
                let help = other
                    .as_str()
                    .and_then(|k| did_you_mean(k, KINDS))
                    .map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| "use `credential`, `stack` or `framework`".into());
                out.report(index, At::value("/kind"), format!("the kind {shown} is not one of credential, stack, framework"))
                    .help(help);
            }
        }
    }
}
