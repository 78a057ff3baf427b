//! `missing-asset`: every local file a document names exists.

use super::{Context, Findings};
use crate::catalog::Asset;
use crate::diagnostic::At;

rule! {
    /// ## What it does
    /// Checks that the file named by a credential's or stack's `image` exists, relative to the
    /// catalog root.
    ///
    /// ## Why
    /// A missing image is a broken badge on every platform that imports it, and a hole in the
    /// page educators see.
    ///
    /// ## Example
    /// ```yaml
    /// image: images/wm-understand.png   # no such file under the catalog
    /// ```
    ///
    /// ## How to fix
    /// Add the file, or correct the path; paths are relative to the catalog folder, not to the
    /// YAML file.
    id: "missing-asset",
    severity: Error,
    summary: "every referenced local file (image) exists",
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in &cx.catalog.docs {
        let Some(parsed) = cx.catalog.file(doc).parsed() else { continue };
        let Some(image) = parsed.value.get("image").and_then(|v| v.as_str()) else { continue };
        if let Asset::Missing(path) = cx.catalog.asset(image) {
            out.report(doc.file, At::value("/image"), format!("the image `{image}` does not exist ({})", path.display()))
                .help("add the file, or correct the path: it is relative to the catalog folder");
        }
    }
}
