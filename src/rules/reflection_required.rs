//! `reflection-required`: a credential asks for a reflection.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::model::PartKind;

rule! {
    /// ## What it does
    /// Checks that at least one part of a credential's `submission` has `kind: reflection`.
    ///
    /// ## Why
    /// Reflection is where an educator says what changed in their practice and why, which is
    /// what the credential certifies. Catalogs whose framework asks for no reflection can turn
    /// this rule off: `reflection-required = "off"` in `[rules]`.
    ///
    /// ## Example
    /// ```yaml
    /// submission:
    ///   - id: work-example
    ///     kind: artifact
    ///     prompts: [Submit a student work sample.]
    /// ```
    ///
    /// ## How to fix
    /// Add a part with `kind: reflection` and a criterion that scores it. A credential that asks
    /// for no reflection by design says so in its file: `# mcred: allow reflection-required`.
    id: "reflection-required",
    severity: Warning,
    summary: "a credential asks for a reflection",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for (doc, credential) in cx.catalog.credentials() {
        if !credential.submission.iter().any(|p| p.kind == PartKind::Reflection) {
            out.report(doc.file, At::key("/submission"), "the submission asks for no reflection").help(
                "add a part with `kind: reflection`; if the credential asks for none by design, put \
                     `# mcred: allow reflection-required` in the file",
            );
        }
    }
}
