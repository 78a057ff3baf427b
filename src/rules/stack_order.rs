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
    reads: Catalog,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for stack in cx.catalog.of_kind(Kind::Stack) {
        let members = &stack.outline.members;
        for (position, (index, id)) in members.iter().enumerate() {
            let Some(credential) = cx.catalog.find(Kind::Credential, id) else { continue };
            // Its prerequisites listed after it, in the stack's order: one finding for the
            // misplaced credential, however many of them there are.
            let later: Vec<&(usize, String)> = members[position + 1..]
                .iter()
                .filter(|(_, m)| m != id && credential.outline.requires.iter().any(|(_, r)| r == m))
                .collect();
            let (Some((first, _)), Some((_, last))) = (later.first(), later.last()) else { continue };
            let mut names: Vec<String> = later.iter().map(|(_, m)| format!("`{m}`")).collect();
            names.dedup();
            let (names, help, related, label) = match &names[..] {
                [one] => (one.clone(), format!("move {one} above `{id}`"), first, "the prerequisite is listed here"),
                [rest @ .., tail] => (
                    format!("{} and {tail}", rest.join(", ")),
                    format!("move `{id}` below `{last}`, the last of them"),
                    later.last().map_or(first, |(i, _)| i),
                    "the last of them is listed here",
                ),
                [] => continue,
            };
            out.report(
                stack.file,
                At::value(format!("/credentials/{index}")),
                format!("`{id}` comes before {names}, which it requires"),
            )
            .help(help)
            .related(At::value(format!("/credentials/{related}")), label);
        }
    }
}
