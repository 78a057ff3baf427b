//! `unreadable-file`: every YAML file of the catalog can be read.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::load::{Content, SourceFile};
use crate::report::display_path;

rule! {
    /// ## What it does
    /// Reports a `*.yaml` or `*.yml` file of the catalog that mcred could not read: one larger than
    /// the size limit (8 MiB unless `[lint] max_file_size` says otherwise), a link that points
    /// outside the catalog or at nothing, or a file the operating system refused to open.
    ///
    /// ## Why
    /// A file that is silently skipped is a credential that silently disappears from the
    /// published catalog. Links out of the catalog are never followed, so a pull request cannot
    /// make mcred read a file from elsewhere on the machine.
    ///
    /// ## Example
    /// ```text
    /// credentials/shared.yaml -> /etc/credentials/shared.yaml
    /// ```
    ///
    /// ## How to fix
    /// Keep every file of the catalog a regular file inside the catalog folder: copy the file in
    /// instead of linking it, split a huge file, or fix its permissions.
    id: "unreadable-file",
    severity: Error,
    summary: "every YAML file of the catalog can be read",
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    let root = cx.catalog.root.canonicalize().ok();
    for (index, file) in cx.catalog.files.iter().enumerate() {
        if let Content::Unreadable { message } = &file.content {
            let (message, help) = explain(file, message, root.as_deref(), cx.config.max_file_size);
            out.report(index, At::File, message).help(help);
        }
    }
}

/// The finding for a file that was not read: for a link, the target as the author wrote it (the
/// same on every machine, unlike the resolved path), and what to do about it.
fn explain(file: &SourceFile, message: &str, root: Option<&std::path::Path>, max_size: u64) -> (String, &'static str) {
    let is_link = std::fs::symlink_metadata(&file.path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        let target = std::fs::read_link(&file.path).map(|t| display_path(&t)).unwrap_or_default();
        match file.path.canonicalize() {
            Err(_) => {
                return (
                    format!("the link points at `{target}`, which does not exist (a broken symlink)"),
                    "point the link at an existing file of the catalog, or remove it",
                );
            }
            Ok(resolved) if root.is_some_and(|root| !resolved.starts_with(root)) => {
                return (
                    format!("the link points outside the catalog, to `{target}`; it was not read"),
                    "copy the file into the catalog instead of linking to it",
                );
            }
            Ok(_) => {}
        }
    }
    if std::fs::metadata(&file.path).is_ok_and(|m| m.len() > max_size) {
        return (
            message.to_string(),
            "split the file into smaller ones, or raise `max_file_size` under `[lint]` in mcred.toml",
        );
    }
    (message.to_string(), "check that the file exists and that you may read it")
}
