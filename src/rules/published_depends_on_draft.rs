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
            let status = match target.outline.status {
                Some(Status::Draft) => "draft",
                Some(Status::Retired) => "retired",
                _ => continue,
            };
            out.report(doc.file, At::value(format!("/{list}/{index}")), format!("this published {} {verb} `{id}`, which is {status}", doc.kind.as_str()))
                .help(format!("publish `{id}`, remove it from `{list}`, or keep this {} in draft", doc.kind.as_str()));
        }
    }
}
