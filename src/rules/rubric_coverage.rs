//! `rubric-coverage`: the rubric scores every part, and says why at every level.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::suggest::did_you_mean;

rule! {
    /// ## What it does
    /// Checks a credential's rubric against its submission and its levels: every submission part
    /// is scored by at least one criterion, every criterion scores a part that exists, and every
    /// criterion has a descriptor for every level and none for a level that does not exist. The
    /// levels are the credential's `scoring.levels`, or the catalog's from `mcred.toml`.
    ///
    /// ## Why
    /// An educator must be able to see why a submission did or did not earn. A part no criterion
    /// scores is work asked for and never judged; a level with no descriptor is a verdict with no
    /// reason.
    ///
    /// ## Example
    /// ```yaml
    /// submission:
    ///   - id: reflection
    ///     kind: reflection
    ///     prompts: [What changed in your practice?]
    /// scoring:
    ///   criteria:
    ///     - part: reflektion
    ///       criterion: Explains what changed, and why.
    ///       descriptors:
    ///         pass: Names a change and the reason for it.
    /// ```
    ///
    /// ## How to fix
    /// Add a criterion for each unscored part, point each criterion's `part` at a submission
    /// `id`, and write a descriptor for every level.
    id: "rubric-coverage",
    severity: Error,
    summary: "every submission part is scored, every criterion scores an existing part and describes every level",
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for (doc, credential) in cx.catalog.credentials() {
        let levels = credential.scoring.levels.as_deref().unwrap_or(&cx.config.levels);
        let criteria = &credential.scoring.criteria;
        for (index, part) in credential.submission.iter().enumerate() {
            if !criteria.iter().any(|c| c.part == part.id) {
                out.report(doc.file, At::value(format!("/submission/{index}/id")), format!("no criterion scores the part `{}`", part.id.0))
                    .help(format!("add a criterion with `part: {}` to `scoring.criteria`", part.id.0));
            }
        }
        let parts = credential.submission.iter().map(|p| p.id.0.as_str());
        for (index, criterion) in criteria.iter().enumerate() {
            let base = format!("/scoring/criteria/{index}");
            if !credential.submission.iter().any(|p| p.id == criterion.part) {
                let help = match did_you_mean(&criterion.part.0, parts.clone()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "name the `id` of a submission part".into(),
                };
                out.report(doc.file, At::value(format!("{base}/part")), format!("the criterion scores `{}`, which is not a part of the submission", criterion.part.0))
                    .help(help);
            }
            for level in levels {
                if !criterion.descriptors.contains_key(&level.id) {
                    out.report(doc.file, At::key(format!("{base}/descriptors")), format!("the criterion has no descriptor for the level `{}`", level.id.0))
                        .help(format!("add `{}:` saying what a submission at that level shows, and why it does or does not earn", level.id.0));
                }
            }
            for key in criterion.descriptors.keys() {
                if !levels.iter().any(|l| l.id == *key) {
                    let help = match did_you_mean(&key.0, levels.iter().map(|l| l.id.0.as_str())) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the levels are {}", levels.iter().map(|l| format!("`{}`", l.id.0)).collect::<Vec<_>>().join(", ")),
                    };
                    out.report(doc.file, At::key(format!("{base}/descriptors/{}", key.0)), format!("there is no level `{}` to describe", key.0)).help(help);
                }
            }
        }
    }
}
