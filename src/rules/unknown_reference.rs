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
    /// An id whose file is already reported because it could not be read as a document (a
    /// syntax error, an unknown `kind`) is not reported again here.
    ///
    /// ## How to fix
    /// Correct the id (the help suggests the closest one), or add the missing credential.
    id: "unknown-reference",
    severity: Error,
    summary: "stack entries and `requires` name existing credentials",
    reads: Catalog,
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
            // A file that could not be read as a document is reported already; do not bury that
            // under a finding in every stack that lists it.
            if cx.catalog.find(Kind::Credential, id).is_some() || cx.catalog.unclassified(id) {
                continue;
            }
            let help = match did_you_mean(id, cx.catalog.ids(Kind::Credential)) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "add the credential to the catalog, or remove this entry".into(),
            };
            out.report(doc.file, At::value(format!("/{list}/{index}")), format!("no credential has the id `{id}`"))
                .help(help);
        }
    }
}
