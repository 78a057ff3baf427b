//! `duplicate-id`: no two documents of one kind share an id.

use super::{Context, Findings};
use crate::diagnostic::At;

rule! {
    /// ## What it does
    /// Reports a document whose id another document of the same kind already has. The first in
    /// file order keeps the id; every later one is reported.
    ///
    /// ## Why
    /// Ids are how stacks, prerequisites and badge platforms find a credential. Two credentials
    /// with one id means one of them is unreachable, and the published badge ids collide.
    ///
    /// ## Example
    /// ```yaml
    /// # credentials/working-memory/partner.yaml
    /// kind: credential
    /// id: working-memory-demonstrate-understanding   # already used by another file
    /// ```
    ///
    /// ## How to fix
    /// Give the document its own id, usually the file's name.
    id: "duplicate-id",
    severity: Error,
    summary: "no two documents of one kind share an id",
    reads: Catalog,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in &cx.catalog.docs {
        let Some(id) = &doc.outline.id else { continue };
        let Some(first) = cx.catalog.find(doc.kind, id) else { continue };
        if first.file != doc.file {
            out.report(
                doc.file,
                At::value("/id"),
                format!("another {} already has the id `{id}`: {}", doc.kind.as_str(), cx.catalog.file(first).display),
            )
            .help("give each document its own id; usually the file's name");
        }
    }
}
