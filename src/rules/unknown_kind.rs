//! `unknown-kind`: every document says what it is with `kind`.

use serde_json::Value;

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;
use crate::suggest::did_you_mean;

rule! {
    /// ## What it does
    /// Checks that every document is a mapping whose `kind` is `credential`, `stack` or
    /// `framework`. A misspelt kind comes with the closest one; a word other tools use for the
    /// same thing (`pathway`, `badge`) with the kind mcred calls it.
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
    reads: Document,
    check: check,
}

const KINDS: [&str; 3] = ["credential", "stack", "framework"];

/// Words other tools and the field use for what mcred calls a credential, a stack or a framework.
const SYNONYMS: &[(&str, &str)] = &[
    ("badge", "credential"),
    ("achievement", "credential"),
    ("microcredential", "credential"),
    ("micro-credential", "credential"),
    ("pathway", "stack"),
    ("playlist", "stack"),
    ("competency-framework", "framework"),
];

fn check(cx: &Context, out: &mut Findings) {
    for (index, file) in cx.catalog.files.iter().enumerate() {
        let Some(parsed) = file.parsed() else { continue };
        let Value::Object(map) = &parsed.value else {
            let what = match &parsed.value {
                Value::Array(_) => "a list",
                Value::String(_) => "a single line of text",
                Value::Null => "empty",
                _ => "a single value",
            };
            out.report(index, At::value(""), format!("the document is {what}, not a mapping of fields starting with `kind`"))
                .help("write `kind: credential` (or `stack`, `framework`) and the document's fields, one `key: value` per line");
            continue;
        };
        match map.get("kind") {
            None => {
                out.report(index, At::File, "the document has no `kind`, so mcred cannot tell what it is")
                    .help("add `kind: credential`, `kind: stack` or `kind: framework` as its first line");
            }
            Some(Value::String(kind)) if Kind::parse(kind).is_some() => {}
            Some(Value::Null) => {
                out.report(index, At::key("/kind"), "`kind` is empty, so mcred cannot tell what the document is")
                    .help("write `kind: credential`, `kind: stack` or `kind: framework`");
            }
            Some(other) => {
                let shown = match other {
                    Value::String(s) => format!("`{s}`"),
                    other => format!("`{other}`"),
                };
                let synonym =
                    other.as_str().and_then(|k| SYNONYMS.iter().find(|(word, _)| k.eq_ignore_ascii_case(word)));
                let help = match synonym {
                    Some((word, kind)) => format!("`{word}` is what mcred calls a `{kind}`: write `kind: {kind}`"),
                    None => other
                        .as_str()
                        .and_then(|k| did_you_mean(k, KINDS))
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| "use `credential`, `stack` or `framework`".into()),
                };
                out.report(
                    index,
                    At::value("/kind"),
                    format!("the kind {shown} is not one of credential, stack, framework"),
                )
                .help(help);
            }
        }
    }
}
