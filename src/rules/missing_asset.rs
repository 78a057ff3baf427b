//! `missing-asset`: every local file a document names exists.

use std::path::{Component, Path};

use super::{Context, Findings};
use crate::catalog::{Asset, Document};
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
    reads: Document,
    check: check,
}

fn check(cx: &Context, out: &mut Findings) {
    for doc in &cx.catalog.docs {
        let Some(parsed) = cx.catalog.file(doc).parsed() else { continue };
        let Some(image) = parsed.value.get("image").and_then(|v| v.as_str()) else { continue };
        let Asset::Missing { folder } = cx.catalog.asset(image) else { continue };
        if folder {
            out.report(doc.file, At::value("/image"), format!("the image `{image}` is a folder, not a file"))
                .help("name the image file, with its path relative to the catalog folder");
            continue;
        }
        out.report(doc.file, At::value("/image"), format!("the image `{image}` does not exist in the catalog"))
            .help(help(cx, doc, image));
    }
}

/// The likely fix: the path written relative to the YAML file instead of the catalog folder, or
/// a file of a similar name in the same folder.
fn help(cx: &Context, doc: &Document, image: &str) -> String {
    if let Some(path) = cx.catalog.asset_beside(doc, image) {
        return format!("paths are relative to the catalog folder, not to this file: write `{path}`");
    }
    let path = cx.catalog.root.join(image);
    let written = Path::new(image);
    let name = written.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let mut siblings: Vec<String> = match path.parent().map(std::fs::read_dir) {
        Some(Ok(entries)) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect(),
        _ => Vec::new(),
    };
    siblings.sort();
    // File names share long prefixes (`working-memory-…`), so only a near miss counts: the same
    // name with another extension, or a typo of a letter or two.
    let stem = |n: &str| Path::new(n).file_stem().map(|s| s.to_string_lossy().to_lowercase());
    let similar = siblings.iter().find(|s| stem(s) == stem(name)).or_else(|| {
        siblings.iter().filter(|s| strsim::levenshtein(&s.to_lowercase(), &name.to_lowercase()) <= 2).min()
    });
    match similar {
        Some(similar) => format!("did you mean `{}`?", slashed(&written.with_file_name(similar))),
        None => "add the file, or correct the path: it is relative to the catalog folder".into(),
    }
}

/// A relative path as documents write it: `/`-separated, no `./`.
fn slashed(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter(|c| *c != Component::CurDir)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}
