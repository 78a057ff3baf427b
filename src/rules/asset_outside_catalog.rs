//! `asset-outside-catalog`: no referenced path leaves the catalog.

use std::path::{Component, Path, PathBuf};

use super::{Context, Findings};
use crate::catalog::Asset;
use crate::diagnostic::At;

rule! {
    /// ## What it does
    /// Checks that the path of a credential's or stack's `image` stays inside the catalog: not
    /// absolute, not climbing out with `..`, not leading out through a symbolic link.
    ///
    /// ## Why
    /// `mcred build` copies referenced files into the published package. A path out of the
    /// catalog would publish whatever file it names, from anywhere on the machine that builds,
    /// and a package that depends on a file outside the repository builds differently elsewhere.
    ///
    /// ## Example
    /// ```yaml
    /// image: ../../secrets/key.png
    /// ```
    ///
    /// ## How to fix
    /// Copy the file into the catalog (an `images/` folder, say) and use its path relative to the
    /// catalog folder.
    id: "asset-outside-catalog",
    severity: Error,
    summary: "no referenced path escapes the catalog (absolute, `..`, or through a symlink)",
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in &cx.catalog.docs {
        let Some(parsed) = cx.catalog.file(doc).parsed() else { continue };
        let Some(image) = parsed.value.get("image").and_then(|v| v.as_str()) else { continue };
        let Asset::Outside(why) = cx.catalog.asset(image) else { continue };
        // Name the link as it is written in the catalog, not where it resolves on this machine.
        let why = match link_out(&cx.catalog.root, image) {
            Some((link, target)) => format!("`{link}` is a link to `{target}`, outside the catalog"),
            None => why,
        };
        out.report(doc.file, At::value("/image"), format!("the image `{image}` is outside the catalog: {why}"))
            .help("copy the file into the catalog and give its path relative to the catalog folder");
    }
}

/// The first symbolic link along `written` (relative to `root`) that leads out of the catalog:
/// the link's path in the catalog and its target as written in the link.
fn link_out(root: &Path, written: &str) -> Option<(String, String)> {
    let canonical_root = root.canonicalize().ok()?;
    let mut inside = PathBuf::new();
    for component in Path::new(written).components() {
        match component {
            Component::Normal(part) => inside.push(part),
            Component::ParentDir => {
                inside.pop();
            }
            _ => continue,
        }
        let path = root.join(&inside);
        if !path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            continue;
        }
        let leads_out = path.canonicalize().is_ok_and(|target| !target.starts_with(&canonical_root));
        if leads_out {
            let target = std::fs::read_link(&path).ok()?;
            let slashed = |p: &Path| match std::path::MAIN_SEPARATOR {
                '/' => p.to_string_lossy().into_owned(),
                separator => p.to_string_lossy().replace(separator, "/"),
            };
            return Some((slashed(&inside), slashed(&target)));
        }
    }
    None
}
