//! `one-skill`: a credential measures exactly one skill.

use serde_json::Value;

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;

rule! {
    /// ## What it does
    /// Checks that a credential's `competency` is one mapping with one `statement` and at most
    /// one `skill`, never a list of competencies, a list of skills or a list of statements.
    ///
    /// ## Why
    /// A micro-credential is small by design: it certifies one skill, shown with evidence from
    /// the educator's own classroom. Two skills in one credential means a submission can show one
    /// and not the other, and no descriptor can say fairly whether it earned.
    ///
    /// ## Example
    /// ```yaml
    /// competency:
    ///   - skill: wm.understand
    ///     statement: Educator explains how working memory shapes learning.
    ///   - skill: wm.partner
    ///     statement: Educator partners with students to learn how they remember.
    /// ```
    ///
    /// ## How to fix
    /// Keep one skill in this credential and move each other skill into a credential of its
    /// own; put them in a stack to keep them together.
    id: "one-skill",
    severity: Error,
    summary: "a credential measures exactly one skill",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in cx.catalog.of_kind(Kind::Credential) {
        let Some(parsed) = cx.catalog.file(doc).parsed() else { continue };
        let help =
            "keep one skill here and give each other skill a credential of its own (a stack keeps them together)";
        match parsed.value.get("competency") {
            Some(Value::Array(items)) if items.len() > 1 => {
                out.report(
                    doc.file,
                    At::value("/competency"),
                    format!("`competency` lists {} skills; a credential measures exactly one", items.len()),
                )
                .help(help);
            }
            Some(Value::Array(items)) if items.is_empty() => {
                out.report(
                    doc.file,
                    At::value("/competency"),
                    "`competency` is an empty list; a credential measures exactly one skill",
                )
                .help("write the skill as a mapping: `competency:` with `statement:` (and `skill:`) indented under it");
            }
            Some(Value::Array(_)) => {
                out.report(
                    doc.file,
                    At::value("/competency"),
                    "`competency` is a list; a credential's one skill is written as a mapping",
                )
                .help("drop the `- ` and line up the fields under `competency:`, each indented by two spaces");
            }
            Some(Value::Object(competency)) => {
                for (field, what) in [
                    ("skill", "skills"),
                    ("skills", "skills"),
                    ("statement", "statements"),
                    ("statements", "statements"),
                ] {
                    let Some(Value::Array(items)) = competency.get(field) else { continue };
                    let pointer = format!("/competency/{field}");
                    let singular = field.trim_end_matches('s');
                    match items.as_slice() {
                        [_, _, ..] => {
                            out.report(
                                doc.file,
                                At::value(pointer),
                                format!(
                                    "`competency.{field}` lists {} {what}; a credential measures exactly one skill",
                                    items.len()
                                ),
                            )
                            .help(help);
                        }
                        [] => {
                            out.report(
                                doc.file,
                                At::value(pointer),
                                format!(
                                    "`competency.{field}` is an empty list; a credential measures exactly one skill"
                                ),
                            )
                            .help(format!("write `{singular}:` with one value, not a list"));
                        }
                        [only] => {
                            let fix = match only {
                                Value::String(text) if singular == "skill" => {
                                    format!("write it as one value: `skill: {text}`")
                                }
                                _ => format!("write `{singular}:` with one value, not a list of one"),
                            };
                            out.report(doc.file, At::key(pointer), format!("`competency.{field}` is a list; a credential measures one skill, written as one value"))
                                .help(fix);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
