//! `mcred lint`: read the catalog, run the rules, keep the findings the user asked about.
//!
//! Each file is read, parsed, checked against its schema, typed and put through the rules that
//! read one document on its own, in parallel; then the rules that read the whole catalog run on
//! the documents' outlines. [`lint`] keeps every file as read, for commands that go on to edit
//! or show the files; [`typed`] keeps the typed documents a build renders; [`check`] keeps only
//! what the report needs, so that linting a large catalog takes little memory.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::catalog::{Catalog, Document};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::{self, Content, Found, Parsed, SourceFile, Spans};
use crate::report::display_path;
use crate::rules;

/// A catalog and what the rules found in it.
#[derive(Debug)]
pub struct Linted {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the catalog at `root` and runs every rule. Paths are shown relative to `cwd`. Every
/// file keeps its text, value and spans, and every valid document its typed model.
pub fn lint(root: &Path, config: &Config, cwd: &Path) -> std::io::Result<Linted> {
    run(root, config, cwd, Keep::Everything)
}

/// Like [`lint`], for publishing: every valid document keeps its typed model, but a file with no
/// finding of its own keeps neither its text nor its parsed value (as in [`check`]).
pub fn typed(root: &Path, config: &Config, cwd: &Path) -> std::io::Result<Linted> {
    run(root, config, cwd, Keep::Models)
}

/// Like [`lint`], for a report only: a file with no finding of its own keeps neither its text nor
/// its parsed value, and documents keep no typed model, only the outline the catalog-wide rules
/// read. A file that a catalog-wide rule then reports is read again, so every diagnostic can be
/// located and shown.
pub fn check(root: &Path, config: &Config, cwd: &Path) -> std::io::Result<Linted> {
    run(root, config, cwd, Keep::Findings)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Everything,
    Models,
    Findings,
}

/// One file after the rules that read one document: what is kept of it, and what they found.
struct Read {
    file: SourceFile,
    doc: Option<Document>,
    found: Vec<Diagnostic>,
    /// Whether the text and value were let go of.
    slim: bool,
}

fn run(root: &Path, config: &Config, cwd: &Path, keep: Keep) -> std::io::Result<Linted> {
    let found = load::discover(root)?;
    let read: Vec<Read> =
        found.par_iter().enumerate().map(|(index, found)| read_one(root, config, cwd, index, found, keep)).collect();
    let mut files = Vec::with_capacity(read.len());
    let mut docs = Vec::with_capacity(read.len());
    let mut per_file = Vec::with_capacity(read.len());
    let mut slim = Vec::with_capacity(read.len());
    for one in read {
        files.push(one.file);
        docs.extend(one.doc);
        per_file.push(one.found);
        slim.push(one.slim);
    }
    let mut catalog = Catalog::from_parts(root.to_path_buf(), files, docs);
    let diagnostics = rules::run_rest(&catalog, config, per_file);
    // A catalog-wide finding in a file that was let go of: read it again to locate it.
    let mut again: Vec<usize> = diagnostics.iter().map(|d| d.file).filter(|&f| slim[f]).collect();
    again.sort_unstable();
    again.dedup();
    let reread: Vec<(usize, SourceFile)> =
        again.into_par_iter().map(|index| (index, read_file(&found[index], config, cwd, Spans::Always))).collect();
    for (index, file) in reread {
        catalog.files[index] = file;
    }
    for d in &diagnostics {
        catalog.files[d.file].locate();
    }
    Ok(Linted { catalog, diagnostics })
}

fn read_file(found: &Found, config: &Config, cwd: &Path, spans: Spans) -> SourceFile {
    load::read_with(found, display_path(relative_to(&found.path, cwd)), config.max_file_size, spans)
}

/// Reads, parses, types and checks one file with the rules that read one document.
fn read_one(root: &Path, config: &Config, cwd: &Path, index: usize, found: &Found, keep: Keep) -> Read {
    let spans = match keep {
        Keep::Everything => Spans::Always,
        // Spans only for the files that have something to show.
        Keep::Models | Keep::Findings => Spans::WhenFree,
    };
    let file = read_file(found, config, cwd, spans);
    let doc = Document::read(0, &file);
    // The rules see a catalog of this one file; what they find is then moved to its place.
    let mut single = Catalog::from_parts(root.to_path_buf(), vec![file], doc.into_iter().collect());
    let mut found = rules::run_document(&single, config);
    for d in &mut found {
        d.file = index;
    }
    let mut doc = single.docs.pop();
    let mut file = single.files.pop().expect("one file");
    if let Some(doc) = &mut doc {
        doc.file = index;
    }
    if !found.is_empty() {
        file.locate();
    }
    let slim = keep != Keep::Everything && found.is_empty() && doc.is_some();
    if slim {
        // Nothing to show in this file, and the catalog-wide rules read only the outline.
        file.text = String::new();
        if let Content::Parsed(parsed) = &mut file.content {
            *parsed = Parsed::empty();
        }
        if let Some(doc) = &mut doc
            && keep == Keep::Findings
        {
            doc.model = None;
        }
    }
    Read { file, doc, found, slim }
}

impl Linted {
    /// Keeps only the findings in files under `paths` (references still resolve against the
    /// whole catalog); which files those are.
    pub fn only(&mut self, paths: &[PathBuf]) -> Vec<bool> {
        let absolute: Vec<PathBuf> = paths.iter().map(|p| place(p)).collect();
        let root = &self.catalog.root;
        let canonical_root = root.canonicalize().ok();
        // Discovery does not follow links to folders, so below the root a file's place needs no
        // resolving (resolving every file of a large catalog costs more than linting it).
        let canonical = |file: &Path| -> PathBuf {
            match (&canonical_root, file.strip_prefix(root)) {
                (Some(canonical_root), Ok(relative)) => canonical_root.join(relative),
                _ => place(file),
            }
        };
        let inside = |file: &Path| {
            let file = canonical(file);
            absolute.iter().any(|p| file.starts_with(p))
        };
        let keep: Vec<bool> = self.catalog.files.iter().map(|f| inside(&f.path)).collect();
        self.diagnostics.retain(|d| keep[d.file]);
        keep
    }
}

/// Where a file or folder is listed, with the folders above it resolved but not the file itself:
/// a link out of the catalog is still the catalog's file, and reported as one.
pub fn place(path: &Path) -> PathBuf {
    let linked = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
    match (linked, path.parent().and_then(|p| p.canonicalize().ok()), path.file_name()) {
        (true, Some(parent), Some(name)) => parent.join(name),
        _ => path.canonicalize().unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// `path` relative to `base` when it lies below it; otherwise as it is.
pub fn relative_to<'a>(path: &'a Path, base: &Path) -> &'a Path {
    path.strip_prefix(base).unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::Config;
    use crate::report::{self, human};

    /// What a user sees: every finding, located and rendered with its code frame.
    fn shown(linted: &super::Linted) -> String {
        let located = report::locate(&linted.catalog, &linted.diagnostics);
        let summary = report::Summary::of(linted.catalog.files.len(), &located);
        human::render(&located, Some(summary), human::Style { colour: false, width: 100 })
    }

    /// `check` keeps less than `lint`, and reports exactly the same.
    #[test]
    fn check_reports_what_lint_reports() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut cases = vec![root.to_path_buf()];
        for dir in ["tests/fixtures/rules", "tests/fixtures/catalogs", "tests/fixtures/hostile"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
            for entry in entries.flatten() {
                cases.push(entry.path());
                for side in ["pass", "fail"] {
                    if entry.path().join(side).is_dir() {
                        cases.push(entry.path().join(side));
                    }
                }
            }
        }
        let mut compared = 0;
        for case in cases.iter().filter(|c| c.is_dir()) {
            let config = match case.join("mcred.toml") {
                toml if toml.is_file() => match Config::load(&toml) {
                    Ok(config) => config,
                    Err(_) => continue,
                },
                _ => Config::defaults(case),
            };
            let catalog = if config.catalog.is_dir() { config.catalog.clone() } else { case.clone() };
            let (Ok(full), Ok(lean)) = (super::lint(&catalog, &config, case), super::check(&catalog, &config, case))
            else {
                continue;
            };
            assert_eq!(full.diagnostics, lean.diagnostics, "{}", case.display());
            assert_eq!(shown(&full), shown(&lean), "{}", case.display());
            compared += 1;
        }
        assert!(compared > 30, "only {compared} catalogs compared");
    }
}
