//! `artifact-required`: a credential asks for evidence from the classroom.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::model::PartKind;

rule! {
    /// ## What it does
    /// Checks that at least one part of a credential's `submission` has `kind: artifact`.
    ///
    /// ## Why
    /// A micro-credential is earned with evidence from the educator's own classroom, not by
    /// answering questions about it. The artifact (a student work sample, a video of a lesson, a
    /// plan in use) is what makes the credential job-embedded.
    ///
    /// ## Example
    /// ```yaml
    /// submission:
    ///   - id: overview
    ///     kind: overview
    ///     prompts: [Describe your students.]
    ///   - id: reflection
    ///     kind: reflection
    ///     prompts: [What did you learn?]
    /// ```
    ///
    /// ## How to fix
    /// Add a part with `kind: artifact` that asks for classroom evidence, and a criterion that
    /// scores it.
    id: "artifact-required",
    severity: Error,
    summary: "a credential asks for at least one classroom artifact",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for (doc, credential) in cx.catalog.credentials() {
        if credential.submission.iter().any(|p| p.kind == PartKind::Artifact) {
            continue;
        }
        let finding =
            out.report(doc.file, At::key("/submission"), "the submission asks for no artifact from the classroom");
        // A part that accepts evidence files is most likely the artifact, with the wrong kind.
        match credential.submission.iter().position(|p| !p.accepts.is_empty()) {
            Some(index) => {
                let part = &credential.submission[index].id.0;
                finding
                    .help(format!(
                        "the part `{part}` accepts evidence files: if it is the classroom artifact, make it `kind: artifact`"
                    ))
                    .related(At::value(format!("/submission/{index}/kind")), "this part accepts evidence");
            }
            None => {
                finding.help(
                    "add a part with `kind: artifact`: evidence from the educator's own classroom, and a criterion \
                     that scores it",
                );
            }
        }
    }
}
