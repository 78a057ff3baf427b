//! `skill-reused`: no two credentials measure the same skill.

use std::collections::HashMap;

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;

rule! {
    /// ## What it does
    /// Reports a credential that measures a skill another credential already measures: the same
    /// `competency.skill` id, or the same statement once case, spacing and punctuation are set
    /// aside. The first credential in file order keeps the skill.
    ///
    /// ## Why
    /// Two credentials for one skill split the educators who earn it and make a stack look longer
    /// than the learning it holds. It is usually a copied file whose competency was never changed.
    ///
    /// ## Example
    /// ```yaml
    /// # in two credentials
    /// competency:
    ///   skill: wm.understand
    /// ```
    ///
    /// ## How to fix
    /// Point the copy at the skill it is really about, or merge the two credentials.
    id: "skill-reused",
    severity: Error,
    summary: "no two credentials measure the same skill",
    reads: Catalog,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    let mut skills: HashMap<&str, &str> = HashMap::new();
    let mut statements: HashMap<String, &str> = HashMap::new();
    for doc in cx.catalog.of_kind(Kind::Credential) {
        let Some(id) = doc.outline.id.as_deref() else { continue };
        if let Some(skill) = doc.outline.skill.as_deref() {
            match skills.get(skill) {
                Some(first) if *first != id => {
                    out.report(
                        doc.file,
                        At::value("/competency/skill"),
                        format!("the skill `{skill}` is already measured by the credential `{first}`"),
                    )
                    .help("point this credential at the skill it is about, or merge the two credentials");
                    continue;
                }
                _ => {
                    skills.insert(skill, id);
                }
            }
        }
        if let Some(statement) = doc.outline.statement.as_deref() {
            let key = normalise(statement);
            match statements.get(&key) {
                Some(first) if *first != id => {
                    out.report(
                        doc.file,
                        At::value("/competency/statement"),
                        format!("the credential `{first}` already has this competency statement"),
                    )
                    .help("write the statement of the skill this credential measures, or merge the two credentials");
                }
                _ => {
                    statements.insert(key, id);
                }
            }
        }
    }
}

/// The statement's words, lowercase, one space apart: statements that differ only in case,
/// spacing or punctuation are the same statement.
fn normalise(statement: &str) -> String {
    let lower = statement.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for word in lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
