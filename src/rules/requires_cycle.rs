//! `requires-cycle`: prerequisites form no cycle.

use std::collections::HashMap;

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;

rule! {
    /// ## What it does
    /// Follows every credential's `requires` and reports each cycle once: a credential that
    /// requires itself, or a chain of prerequisites that leads back to where it started.
    ///
    /// ## Why
    /// No educator can earn a credential whose prerequisites, followed far enough, require it.
    /// Every credential on the cycle is unreachable.
    ///
    /// ## Example
    /// ```yaml
    /// # working-memory-demonstrate-understanding.yaml
    /// requires: [working-memory-partner-with-students]
    /// # working-memory-partner-with-students.yaml
    /// requires: [working-memory-demonstrate-understanding]
    /// ```
    ///
    /// ## How to fix
    /// Remove the prerequisite that points back: usually the one on the credential meant to come
    /// first.
    id: "requires-cycle",
    severity: Error,
    summary: "prerequisites form no cycle",
    reads: Catalog,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    // Credential ids in file order; the first document with an id stands for it.
    let credentials: Vec<_> = cx
        .catalog
        .of_kind(Kind::Credential)
        .filter(|d| {
            d.outline
                .id
                .as_deref()
                .and_then(|id| cx.catalog.find(Kind::Credential, id))
                .is_some_and(|f| f.file == d.file)
        })
        .collect();
    let index: HashMap<&str, usize> =
        credentials.iter().enumerate().map(|(i, d)| (d.outline.id.as_deref().unwrap_or_default(), i)).collect();
    let edges: Vec<Vec<(usize, usize)>> = credentials
        .iter()
        .map(|d| d.outline.requires.iter().filter_map(|(pos, id)| index.get(id.as_str()).map(|&t| (*pos, t))).collect())
        .collect();

    let name = |n: usize| credentials[n].outline.id.as_deref().unwrap_or_default();

    // Depth-first search; a back edge closes a cycle. Each cycle is reported once, on the edge
    // that closes it.
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; credentials.len()];
    for start in 0..credentials.len() {
        if state[start] != State::New {
            continue;
        }
        let mut path: Vec<usize> = vec![start];
        let mut next_edge: Vec<usize> = vec![0];
        state[start] = State::Open;
        while let Some(&node) = path.last() {
            let edge = next_edge.last_mut().expect("same depth as path");
            if let Some(&(position, target)) = edges[node].get(*edge) {
                *edge += 1;
                match state[target] {
                    State::New => {
                        state[target] = State::Open;
                        path.push(target);
                        next_edge.push(0);
                    }
                    State::Open if target == node => {
                        let id = name(node);
                        out.report(
                            credentials[node].file,
                            At::value(format!("/requires/{position}")),
                            format!("`{id}` requires itself"),
                        )
                        .help(format!("remove `{id}` from its own `requires`"));
                    }
                    State::Open => {
                        // Told from this credential, along the prerequisite underlined, back to it.
                        let from = path.iter().position(|&n| n == target).expect("open nodes are on the path");
                        let mut names: Vec<&str> = vec![name(node)];
                        names.extend(path[from..].iter().map(|&n| name(n)));
                        let message = format!("prerequisites form a cycle: {}", names.join(" → "));
                        out.report(credentials[node].file, At::value(format!("/requires/{position}")), message).help(
                            "break the cycle: remove the prerequisite that is wrong, usually the one on the credential \
                             meant to come first",
                        );
                    }
                    State::Done => {}
                }
            } else {
                state[node] = State::Done;
                path.pop();
                next_edge.pop();
            }
        }
    }
}
