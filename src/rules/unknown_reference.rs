//! `unknown-reference`: stacks and prerequisites name credentials that exist.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;
use crate::suggest::did_you_mean;

rule! {
    /// ## What it does
    /// Checks that every entry of a stack's `credentials` and of a credential's `requires` is the
    /// id of a credential in the catalog.
    ///
    /// ## Why
    /// A stack that lists a missing credential publishes a pathway with a hole in it; a
    /// prerequisite that does not exist can never be earned, so neither can the credential that
    /// requires it.
    ///
    /// ## Example
    /// ```yaml
    /// kind: stack
    /// credentials:
    ///   - working-memory-demonstrate-understandin
    /// ```
    ///
    /// ## How to fix
    /// Correct the id (the help suggests the closest one), or add the missing credential.
    id: "unknown-reference",
    severity: Error,
    summary: "stack entries and `requires` name existing credentials",
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in &cx.catalog.docs {
        let (list, entries) = match doc.kind {
            Kind::Stack => ("credentials", &doc.outline.members),
            Kind::Credential => ("requires", &doc.outline.requires),
            Kind::Framework => continue,
        };
        for (index, id) in entries {
            if cx.catalog.find(Kind::Credential, id).is_some() {
                continue;
            }
            let help = match did_you_mean(id, cx.catalog.ids(Kind::Credential)) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "add the credential to the catalog, or remove this entry".into(),
            };
            out.report(doc.file, At::value(format!("/{list}/{index}")), format!("no credential has the id `{id}`")).help(help);
        }
    }
}
