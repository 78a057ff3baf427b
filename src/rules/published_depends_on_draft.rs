//! `published-depends-on-draft`: nothing published leans on a draft or retired credential.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::model::Status;
use crate::schema::Kind;

rule! {
    /// ## What it does
    /// Reports a published stack that includes, or a published credential that requires, a
    /// credential whose status is `draft` or `retired`.
    ///
    /// ## Why
    /// Educators can see and start a published pathway. A draft step in it is not open to them,
    /// and a retired one is no longer offered, so the pathway cannot be completed.
    ///
    /// ## Example
    /// ```yaml
    /// kind: stack
    /// status: published
    /// credentials:
    ///   - working-memory-engage-your-peers   # status: draft
    /// ```
    ///
    /// ## How to fix
    /// Publish the credential, take it out of the stack (or `requires`), or set the stack back to
    /// `draft` until every step is ready.
    id: "published-depends-on-draft",
    severity: Error,
    summary: "a published stack or credential does not include or require a draft or retired one",
    reads: Catalog,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in &cx.catalog.docs {
        if doc.outline.status != Some(Status::Published) {
            continue;
        }
        let (list, verb, entries) = match doc.kind {
            Kind::Stack => ("credentials", "includes", &doc.outline.members),
            Kind::Credential => ("requires", "requires", &doc.outline.requires),
            Kind::Framework => continue,
        };
        for (index, id) in entries {
            let Some(target) = cx.catalog.find(Kind::Credential, id) else { continue };
            let kind = doc.kind.as_str();
            let (status, help) = match target.outline.status {
                Some(Status::Draft) => {
                    ("still a draft", format!("publish `{id}`, remove it from `{list}`, or keep this {kind} in draft"))
                }
                Some(Status::Retired) => (
                    "retired",
                    format!("remove `{id}` from `{list}`, or replace it with the credential that took its place"),
                ),
                _ => continue,
            };
            out.report(
                doc.file,
                At::value(format!("/{list}/{index}")),
                format!("this published {kind} {verb} `{id}`, which is {status}"),
            )
            .help(help);
        }
    }
}
