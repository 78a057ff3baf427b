//! `unreadable-file`: every YAML file of the catalog can be read.

use super::{Context, Findings};
use crate::diagnostic::At;
use crate::load::{Content, Unreadable};

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
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for (index, file) in cx.catalog.files.iter().enumerate() {
        if let Content::Unreadable(why) = &file.content {
            let help = match why {
                Unreadable::TooLarge { .. } => {
                    "split the file into smaller ones, or raise `max_file_size` under `[lint]` in mcred.toml"
                }
                Unreadable::LinkOutside { .. } => "copy the file into the catalog instead of linking to it",
                Unreadable::BrokenLink { .. } => "point the link at an existing file of the catalog, or remove it",
                Unreadable::LinkLoop { .. } => "point one of the links at a real file, or remove them",
                Unreadable::NotAFile => "keep only regular YAML files in the catalog",
                Unreadable::Folder(_) => {
                    "let the folder be read (its permissions), or move its files out of the catalog"
                }
                Unreadable::Io(_) => "check that the file exists and that you may read it",
            };
            out.report(index, At::File, why.message()).help(help);
        }
    }
}
