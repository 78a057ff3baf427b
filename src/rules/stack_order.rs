//! `stack-order`: within a stack, every credential comes after those it requires.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;

rule! {
    /// ## What it does
    /// Checks, for each stack, that a credential's prerequisites (`requires`) that are in the same
    /// stack come before it in the stack's `credentials`.
    ///
    /// ## Why
    /// The stack is the order educators follow. A step that requires a later step cannot be
    /// earned where the pathway puts it.
    ///
    /// ## Example
    /// ```yaml
    /// credentials:
    ///   - working-memory-partner-with-students   # requires demonstrate-understanding
    ///   - working-memory-demonstrate-understanding
    /// ```
    ///
    /// ## How to fix
    /// Move the prerequisite above the credential that requires it, or correct `requires`.
    id: "stack-order",
    severity: Error,
    summary: "within a stack, every credential comes after the credentials it `requires`",
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for stack in cx.catalog.of_kind(Kind::Stack) {
        let members = &stack.outline.members;
        for (position, (index, id)) in members.iter().enumerate() {
            let Some(credential) = cx.catalog.find(Kind::Credential, id) else { continue };
            for (_, required) in &credential.outline.requires {
                let later = members[position + 1..].iter().find(|(_, m)| m == required);
                if let Some((later_index, _)) = later {
                    out.report(stack.file, At::value(format!("/credentials/{index}")), format!("`{id}` comes before `{required}`, which it requires"))
                        .help(format!("move `{required}` above `{id}`"))
                        .related(At::value(format!("/credentials/{later_index}")), "the prerequisite is listed here");
                }
            }
        }
    }
}
