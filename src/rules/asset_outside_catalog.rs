//! `asset-outside-catalog`: no referenced path leaves the catalog.

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
        if let Asset::Outside(why) = cx.catalog.asset(image) {
            out.report(doc.file, At::value("/image"), format!("the image `{image}` is outside the catalog: {why}"))
                .help("copy the file into the catalog and give its path relative to the catalog folder");
        }
    }
}
