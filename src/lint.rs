//! `mcred lint`: read the catalog, run the rules, keep the findings the user asked about.

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load;
use crate::report::display_path;
use crate::rules;

/// A catalog and what the rules found in it.
#[derive(Debug)]
pub struct Linted {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the catalog at `root` and runs every rule. Paths are shown relative to `cwd`.
pub fn lint(root: &Path, config: &Config, cwd: &Path) -> std::io::Result<Linted> {
    let found = load::discover(root)?;
    let files =
        found.iter().map(|f| load::read(f, display_path(relative_to(&f.path, cwd)), config.max_file_size)).collect();
    let catalog = Catalog::new(root.to_path_buf(), files);
    let diagnostics = rules::run(&catalog, config);
    Ok(Linted { catalog, diagnostics })
}

impl Linted {
    /// Keeps only the findings in files under `paths` (references still resolve against the
    /// whole catalog); which files those are.
    pub fn only(&mut self, paths: &[PathBuf]) -> Vec<bool> {
        let absolute: Vec<PathBuf> = paths.iter().map(|p| p.canonicalize().unwrap_or_else(|_| p.clone())).collect();
        let inside = |file: &Path| {
            let file = file.canonicalize().unwrap_or_else(|_| file.to_path_buf());
            absolute.iter().any(|p| file.starts_with(p))
        };
        let keep: Vec<bool> = self.catalog.files.iter().map(|f| inside(&f.path)).collect();
        self.diagnostics.retain(|d| keep[d.file]);
        keep
    }
}

/// `path` relative to `base` when it lies below it; otherwise as it is.
pub fn relative_to<'a>(path: &'a Path, base: &Path) -> &'a Path {
    path.strip_prefix(base).unwrap_or(path)
}
