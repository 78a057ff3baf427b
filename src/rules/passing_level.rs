//! `passing-level`: the passing level is one of the rubric's levels.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::suggest::did_you_mean;

rule! {
    /// ## What it does
    /// Checks that the level that earns the credential, `scoring.passing` (or the catalog's
    /// `[scoring] passing` when the credential gives none), is one of the rubric's levels.
    ///
    /// ## Why
    /// The passing level is what turns a scored submission into "earned" or "not yet"; the Open
    /// Badges JSON publishes it as the required level. A passing level that is not a level means
    /// no submission can ever earn.
    ///
    /// ## Example
    /// ```yaml
    /// scoring:
    ///   levels:
    ///     - { id: exemplary, label: Exemplary }
    ///     - { id: proficient, label: Proficient }
    ///     - { id: not-yet, label: Not yet }
    ///   passing: competent
    /// ```
    ///
    /// ## How to fix
    /// Set `passing` to the id of the lowest level that earns the credential.
    id: "passing-level",
    severity: Error,
    summary: "`scoring.passing` names a defined level",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for (doc, credential) in cx.catalog.credentials() {
        let levels = credential.scoring.levels.as_deref().unwrap_or(&cx.config.levels);
        let ids: Vec<&str> = levels.iter().map(|l| l.id.0.as_str()).collect();
        let listed = ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ");
        let whose = if credential.scoring.levels.is_some() {
            "the credential's levels"
        } else {
            "the catalog's levels (`[scoring]` in mcred.toml)"
        };
        match &credential.scoring.passing {
            Some(passing) if !ids.contains(&passing.0.as_str()) => {
                let help = match did_you_mean(&passing.0, ids.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("{whose} are {listed}: name the lowest one that earns the credential"),
                };
                out.report(
                    doc.file,
                    At::value("/scoring/passing"),
                    format!("the passing level `{}` is not one of the rubric's levels", passing.0),
                )
                .help(help);
            }
            Some(_) => {}
            // Inherited from the configuration: the credential's own levels leave it out.
            None if !ids.contains(&cx.config.passing.0.as_str()) => {
                out.report(
                    doc.file,
                    At::key("/scoring/levels"),
                    format!(
                        "the credential gives no `passing`, and the catalog's passing level `{}` is not one of its levels",
                        cx.config.passing.0
                    ),
                )
                .help(format!("add `passing:` to `scoring`, naming the lowest of {listed} that earns the credential"));
            }
            None => {}
        }
    }
}
