//! `duplicate-key`: no mapping repeats a key.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::load::SyntaxError;

rule! {
    /// ## What it does
    /// Reports a key that appears twice in the same mapping, and shows where it first appeared.
    ///
    /// ## Why
    /// Most YAML tools silently keep one of the two values, so half of what the author wrote is
    /// lost without a word: a second `prompts:` that replaces the first, or a `research:` list
    /// pasted twice. mcred keeps the first and reports the second.
    ///
    /// ## Example
    /// ```yaml
    /// title: Working Memory
    /// summary: How working memory shapes learning.
    /// title: Working Memory in the Classroom
    /// ```
    ///
    /// ## How to fix
    /// Remove one of the two entries, or merge their contents into one.
    id: "duplicate-key",
    severity: Error,
    summary: "no mapping repeats a key",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for (index, file) in cx.catalog.files.iter().enumerate() {
        let Some(parsed) = file.parsed() else { continue };
        for problem in &parsed.problems {
            if let SyntaxError::DuplicateKey { key, span, first } = problem {
                out.report(index, At::Span(span.clone()), format!("the key `{key}` appears twice in this mapping"))
                    .help("remove one of them or merge them: only the first is read")
                    .related(At::Span(first.clone()), "first here");
            }
        }
    }
}
