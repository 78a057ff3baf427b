//! `orphan-credential`: every credential belongs to a stack.

use std::collections::HashSet;

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::schema::Kind;
use crate::suggest::did_you_mean;

rule! {
    /// ## What it does
    /// Reports a credential that no stack of the catalog lists.
    ///
    /// ## Why
    /// Educators find credentials through stacks: the catalog's pages show pathways. A credential
    /// in no stack is published but never seen, often because a new file was never added to its
    /// stack.
    ///
    /// ## Example
    /// ```yaml
    /// kind: credential
    /// id: working-memory-reflect-with-families   # in no stack's `credentials`
    /// ```
    ///
    /// ## How to fix
    /// Add the credential's id to a stack's `credentials` at its place in the pathway
    /// (`mcred new credential ID --stack STACK` does this for new ones).
    id: "orphan-credential",
    severity: Warning,
    summary: "every credential belongs to at least one stack",
    reads: Catalog,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    let listed: HashSet<&str> =
        cx.catalog.of_kind(Kind::Stack).flat_map(|s| s.outline.members.iter().map(|(_, id)| id.as_str())).collect();
    // Stack entries that name no credential: one of them may be this credential, misspelt.
    let dangling: Vec<(&str, &str)> = cx
        .catalog
        .of_kind(Kind::Stack)
        .flat_map(|s| {
            s.outline.members.iter().map(move |(_, id)| (s.outline.id.as_deref().unwrap_or_default(), id.as_str()))
        })
        .filter(|(_, id)| cx.catalog.find(Kind::Credential, id).is_none())
        .collect();
    // The credential each dangling entry most likely meant, worked out once for all orphans.
    let meant: Vec<(&(&str, &str), Option<&str>)> = if dangling.is_empty() {
        Vec::new()
    } else {
        dangling.iter().map(|d| (d, did_you_mean(d.1, cx.catalog.ids(Kind::Credential)))).collect()
    };
    for doc in cx.catalog.of_kind(Kind::Credential) {
        let Some(id) = doc.outline.id.as_deref() else { continue };
        if listed.contains(id) {
            continue;
        }
        // Ids share long prefixes (`working-memory-…`): the entry must be closer to this
        // credential than to any other.
        let typo = meant.iter().find(|(_, meant)| *meant == Some(id)).map(|(entry, _)| entry);
        let help = match typo {
            Some((stack, entry)) => {
                format!("the stack `{stack}` lists `{entry}`, which is no credential: is that meant to be this one?")
            }
            None => "add it to a stack's `credentials`, at its place in the pathway".into(),
        };
        out.report(doc.file, At::value("/id"), format!("no stack lists the credential `{id}`")).help(help);
    }
}
