//! `stack-duplicate`: a stack lists each credential once.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;

rule! {
    /// ## What it does
    /// Reports a credential that a stack lists more than once.
    ///
    /// ## Why
    /// A pathway is an order of distinct steps. A repeated entry shows the educator the same step
    /// twice and makes "step 3 of 5" a lie; it is usually a line pasted while reordering.
    ///
    /// ## Example
    /// ```yaml
    /// credentials:
    ///   - working-memory-demonstrate-understanding
    ///   - working-memory-partner-with-students
    ///   - working-memory-demonstrate-understanding
    /// ```
    ///
    /// ## How to fix
    /// Remove the repeated entry, keeping the one at the right place in the pathway.
    id: "stack-duplicate",
    severity: Error,
    summary: "a stack lists a credential at most once",
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for stack in cx.catalog.of_kind(Kind::Stack) {
        let members = &stack.outline.members;
        for (position, (index, id)) in members.iter().enumerate() {
            let earlier: Vec<usize> = members[..position].iter().filter(|(_, e)| e == id).map(|(i, _)| *i).collect();
            let Some(&first) = earlier.first() else { continue };
            let times = match earlier.len() + 1 {
                2 => "a second time".to_string(),
                3 => "a third time".to_string(),
                n => format!("for the {n}th time"),
            };
            out.report(
                stack.file,
                At::value(format!("/credentials/{index}")),
                format!("the stack lists `{id}` {times}"),
            )
            .help("remove this entry, or the first one if this is the credential's place in the pathway")
            .related(At::value(format!("/credentials/{first}")), "first listed here");
        }
    }
}
