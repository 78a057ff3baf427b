//! `research-required`: a credential cites research.

use super::{Context, Findings};
use crate::diagnostic::At;

rule! {
    /// ## What it does
    /// Checks that every credential lists at least one entry under `research`.
    ///
    /// ## Why
    /// Micro-credentials are research-based: the method an educator follows rests on evidence
    /// that it helps students. The citations are what tell an educator, and whoever recognises
    /// the credential, that the method is more than a good idea.
    ///
    /// ## Example
    /// ```yaml
    /// kind: credential
    /// research: []
    /// ```
    ///
    /// ## How to fix
    /// Add the research the method rests on:
    /// ```yaml
    /// research:
    ///   - citation: "Gathercole, S. E., & Alloway, T. P. (2008). Working memory and learning. SAGE."
    /// ```
    id: "research-required",
    severity: Error,
    summary: "a credential cites at least one piece of research",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for (doc, credential) in cx.catalog.credentials() {
        if credential.research.is_empty() {
            out.report(doc.file, At::key("/research"), "the credential cites no research")
                .help("add `research:` with at least one `- citation: …` the method rests on");
        }
    }
}
