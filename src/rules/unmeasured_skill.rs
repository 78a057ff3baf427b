//! `unmeasured-skill`: every skill of a framework is measured by a credential.

use std::collections::HashSet;

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;

rule! {
    /// ## What it does
    /// Reports a framework skill that no credential of the catalog measures.
    ///
    /// ## Why
    /// A framework promises educators a path to every skill in it. A skill with no credential is
    /// a gap in that promise, or a skill whose credential points at the wrong id.
    ///
    /// ## Example
    /// ```yaml
    /// kind: framework
    /// skills:
    ///   - id: wm.engage       # no credential has `skill: wm.engage`
    ///     statement: Educator leads colleagues in supporting working memory.
    /// ```
    ///
    /// ## How to fix
    /// Write the credential that measures the skill, point an existing credential at it, or
    /// remove the skill from the framework.
    id: "unmeasured-skill",
    severity: Warning,
    summary: "every framework skill is measured by some credential",
    reads: Catalog,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    let measured: HashSet<&str> =
        cx.catalog.of_kind(Kind::Credential).filter_map(|c| c.outline.skill.as_deref()).collect();
    for framework in cx.catalog.of_kind(Kind::Framework) {
        for (index, skill) in &framework.outline.skills {
            if !measured.contains(skill.as_str()) {
                out.report(
                    framework.file,
                    At::value(format!("/skills/{index}/id")),
                    format!("no credential measures the skill `{skill}`"),
                )
                .help("write a credential with `competency.skill` set to it, or remove the skill");
            }
        }
    }
}
