//! `id-filename`: a document's file is named after its id.

use super::{Context, Findings};
use crate::diagnostic::At;

rule! {
    /// ## What it does
    /// Checks that the file's name without its extension equals the document's id:
    /// `working-memory.yaml` holds `id: working-memory`.
    ///
    /// ## Why
    /// Authors find a credential by its file; reviewers see ids in diagnostics and in stacks.
    /// When the two differ, both go looking in the wrong place, and renaming one without the
    /// other is how duplicate ids are born.
    ///
    /// ## Example
    /// ```yaml
    /// # credentials/working-memory/understanding.yaml
    /// kind: credential
    /// id: working-memory-demonstrate-understanding
    /// ```
    ///
    /// ## How to fix
    /// Rename the file to `<id>.yaml`, or change the id to match the file.
    id: "id-filename",
    severity: Warning,
    summary: "the file stem equals the id",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in &cx.catalog.docs {
        let Some(id) = &doc.outline.id else { continue };
        let file = cx.catalog.file(doc);
        let stem = file.stem();
        if stem != id {
            let extension = file.path.extension().and_then(|e| e.to_str()).unwrap_or("yaml");
            // Offer the stem as an id only when it could be one: `Working-Memory` cannot.
            let help = if is_id(stem) {
                format!("rename the file to `{id}.{extension}`, or change the id to `{stem}`")
            } else {
                format!("rename the file to `{id}.{extension}`")
            };
            out.report(
                doc.file,
                At::value("/id"),
                format!("the id `{id}` differs from the file name `{stem}.{extension}`"),
            )
            .help(help);
        }
    }
}

/// Whether `text` is a document id: lowercase kebab-case (`model::ID_PATTERN`).
fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}
