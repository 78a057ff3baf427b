//! `unknown-skill`: a credential's skill is one of a framework of the catalog.

use std::collections::HashSet;

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;
use crate::suggest::did_you_mean;

rule! {
    /// ## What it does
    /// Checks that `competency.skill`, where a credential gives one, names a skill listed by a
    /// framework of the catalog (`kind: framework`).
    ///
    /// ## Why
    /// The skill id is how a credential is aligned to a competency framework in the published
    /// Open Badges JSON. A misspelt or removed skill leaves the badge aligned to nothing.
    ///
    /// ## Example
    /// ```yaml
    /// competency:
    ///   skill: wm.understnad
    /// ```
    ///
    /// ## How to fix
    /// Use the id of a skill in the framework, add the skill to the framework, or leave `skill`
    /// out when the credential belongs to no framework.
    id: "unknown-skill",
    severity: Error,
    summary: "`competency.skill` names a skill of a framework in the catalog",
    reads: Catalog,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    let known: HashSet<&str> =
        cx.catalog.of_kind(Kind::Framework).flat_map(|f| f.outline.skills.iter().map(|(_, s)| s.as_str())).collect();
    for doc in cx.catalog.of_kind(Kind::Credential) {
        let Some(skill) = doc.outline.skill.as_deref() else { continue };
        if known.contains(skill) {
            continue;
        }
        let help = match did_you_mean(skill, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if known.is_empty() => {
                "the catalog has no framework: add one (`kind: framework`) or leave `skill` out".into()
            }
            None if known.len() <= 8 => {
                let mut listed: Vec<&str> = known.iter().copied().collect();
                listed.sort_unstable();
                let listed = listed.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
                format!("use a skill a framework lists ({listed}), or add this one to a framework")
            }
            None => "use the id of a skill a framework lists, or add this one to a framework".into(),
        };
        out.report(
            doc.file,
            At::value("/competency/skill"),
            format!("no framework in the catalog has the skill `{skill}`"),
        )
        .help(help);
    }
}
