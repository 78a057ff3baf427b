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
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for (doc, credential) in cx.catalog.credentials() {
        let levels = credential.scoring.levels.as_deref().unwrap_or(&cx.config.levels);
        let criteria = &credential.scoring.criteria;
        let parts: Vec<&str> = credential.submission.iter().map(|p| p.id.0.as_str()).collect();
        let scored = |part: &str| criteria.iter().any(|c| c.part.0 == part);

        // A criterion naming no part, and the part it most likely meant. A typo'd `part` is one
        // mistake: it is reported on the criterion, and the part it meant is not reported again
        // as unscored.
        let mut meant: Vec<&str> = Vec::new();
        for (index, criterion) in criteria.iter().enumerate() {
            if parts.contains(&criterion.part.0.as_str()) {
                continue;
            }
            let guess = did_you_mean(&criterion.part.0, parts.iter().copied());
            let help = match guess {
                Some(part) if !scored(part) => format!("did you mean `{part}`? No criterion scores that part yet"),
                Some(part) => format!("did you mean `{part}`?"),
                None => format!("name the `id` of a submission part: {}", list(&parts)),
            };
            meant.extend(guess.filter(|part| !scored(part)));
            out.report(
                doc.file,
                At::value(format!("/scoring/criteria/{index}/part")),
                format!("the criterion scores `{}`, which is not a part of the submission", criterion.part.0),
            )
            .help(help);
        }
        for (index, part) in credential.submission.iter().enumerate() {
            let id = part.id.0.as_str();
            if !scored(id) && !meant.contains(&id) {
                out.report(
                    doc.file,
                    At::value(format!("/submission/{index}/id")),
                    format!("no criterion scores the part `{id}`"),
                )
                .help(format!(
                    "add a criterion with `part: {id}` to `scoring.criteria`: a part nobody scores is work asked for \
                         and never judged"
                ));
            }
        }

        let level_ids: Vec<&str> = levels.iter().map(|l| l.id.0.as_str()).collect();
        let whence = if credential.scoring.levels.is_some() {
            "the credential's levels"
        } else {
            "the catalog's levels (`[scoring]` in mcred.toml)"
        };
        for (index, criterion) in criteria.iter().enumerate() {
            let base = format!("/scoring/criteria/{index}");
            let missing: Vec<&str> =
                level_ids.iter().copied().filter(|l| !criterion.descriptors.keys().any(|k| k.0 == *l)).collect();
            let unknown: Vec<&str> =
                criterion.descriptors.keys().map(|k| k.0.as_str()).filter(|k| !level_ids.contains(k)).collect();
            // An unknown key that stands for a missing level (a typo, or the only one of each) is
            // one mistake: reported on the key, with the level it meant.
            let mut renamed: Vec<&str> = Vec::new();
            for key in &unknown {
                let typo = did_you_mean(key, missing.iter().copied());
                let only = match (&unknown[..], &missing[..]) {
                    ([_], [only]) => Some(*only),
                    _ => None,
                };
                let guess = typo.or(only);
                let help = match (typo, only) {
                    (Some(level), _) => {
                        format!("did you mean `{level}`? The criterion has no descriptor for that level yet")
                    }
                    (None, Some(level)) => {
                        format!(
                            "{whence} are {}; is this the descriptor for `{level}`, which has none?",
                            list(&level_ids)
                        )
                    }
                    (None, None) => match did_you_mean(key, level_ids.iter().copied()) {
                        Some(level) => format!("did you mean `{level}`? It is described already: keep one of the two"),
                        None => format!("{whence} are {}", list(&level_ids)),
                    },
                };
                renamed.extend(guess);
                out.report(
                    doc.file,
                    At::key(format!("{base}/descriptors/{key}")),
                    format!("there is no level `{key}` to describe"),
                )
                .help(help);
            }
            let missing: Vec<&str> = missing.into_iter().filter(|l| !renamed.contains(l)).collect();
            if !missing.is_empty() {
                let (noun, keys, which) = match &missing[..] {
                    [one] => ("the level", format!("`{one}`"), "that level"),
                    _ => ("the levels", and_list(&missing), "each level"),
                };
                let add = and_list(&missing.iter().map(|l| format!("{l}:")).collect::<Vec<_>>());
                let from = if credential.scoring.levels.is_some() {
                    ""
                } else {
                    "; the levels are the catalog's, from `[scoring]` in mcred.toml"
                };
                out.report(
                    doc.file,
                    At::key(format!("{base}/descriptors")),
                    format!("the criterion has no descriptor for {noun} {keys}"),
                )
                .help(format!(
                    "add {add} saying what a submission at {which} shows, and why it does or does not earn{from}"
                ));
            }
        }
    }
}

/// `a`, `b`, `c`
fn list(items: &[&str]) -> String {
    items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
}

/// `a`, `b` and `c`
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{}`", i.as_ref())).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}
