//! `asset-outside-catalog`: no referenced path leaves the catalog.

use super::{Context, Findings};
use crate::catalog::{Asset, Escape};
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
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in &cx.catalog.docs {
        let Some(parsed) = cx.catalog.file(doc).parsed() else { continue };
        let Some(image) = parsed.value.get("image").and_then(|v| v.as_str()) else { continue };
        let Asset::Outside(why) = cx.catalog.asset(image) else { continue };
        let help = match (&why, cx.catalog.asset_beside(doc, image)) {
            (_, Some(path)) => format!("paths are relative to the catalog folder, not to this file: write `{path}`"),
            (Escape::Link { .. }, None) => {
                "replace the link with a copy of what it points at, so the catalog holds every file it publishes".into()
            }
            _ => "copy the file into the catalog and give its path relative to the catalog folder".into(),
        };
        out.report(doc.file, At::value("/image"), format!("the image `{image}` is outside the catalog: {why}"))
            .help(help);
    }
}
