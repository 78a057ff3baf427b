//! Which files make up a catalog: every `*.yaml` / `*.yml` below its folder (in any case, as
//! editors on macOS and Windows may write `Intro.YML`), hidden folders and `.gitignore`d paths
//! skipped, links followed only when they stay inside the catalog.

use std::path::{Path, PathBuf};

use super::Unreadable;

/// A file found in the catalog, or a path that looked like one and cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// Why the file will not be read (a link out of the catalog, a broken link).
    pub problem: Option<Unreadable>,
}

/// The YAML files below `root`, sorted by path so every run sees them in the same order.
pub fn discover(root: &Path) -> std::io::Result<Vec<Found>> {
    let meta = std::fs::metadata(root)?;
    if meta.is_file() {
        return Ok(vec![Found { path: root.to_path_buf(), problem: None }]);
    }
    let canonical_root = root.canonicalize()?;
    let mut found = Vec::new();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(false)
        // .gitignore applies even when the catalog is not (yet) a git checkout.
        .require_git(false)
        .follow_links(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                if let Some((path, cause)) = error_path(&e) {
                    // A folder that cannot be entered loses every file in it: say so.
                    let problem = match path.is_dir() {
                        true => Unreadable::Folder(cause),
                        false => Unreadable::Io(cause),
                    };
                    found.push(Found { path, problem: Some(problem) });
                }
                continue;
            }
        };
        let path = entry.path();
        if !is_yaml(path) {
            continue;
        }
        let Some(file_type) = entry.file_type() else { continue };
        if file_type.is_dir() {
            continue;
        }
        if file_type.is_symlink() {
            // Say the target as the link does: the same on every machine, unlike the resolved path.
            let target = std::fs::read_link(path).map(|t| t.to_string_lossy().into_owned()).unwrap_or_default();
            let problem = match path.canonicalize() {
                Err(_) if loops(path) => Some(Unreadable::LinkLoop { target }),
                Err(_) => Some(Unreadable::BrokenLink { target }),
                Ok(resolved) if !resolved.starts_with(&canonical_root) => Some(Unreadable::LinkOutside { target }),
                Ok(resolved) if resolved.is_dir() => continue,
                Ok(resolved) if !resolved.is_file() => Some(Unreadable::NotAFile),
                Ok(_) => None,
            };
            found.push(Found { path: path.to_path_buf(), problem });
            continue;
        }
        let problem = (!file_type.is_file()).then_some(Unreadable::NotAFile);
        found.push(Found { path: path.to_path_buf(), problem });
    }
    Ok(found)
}

/// Whether following a chain of links from `path` comes back to a link already passed.
fn loops(path: &Path) -> bool {
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut current = path.to_path_buf();
    for _ in 0..64 {
        let Ok(target) = std::fs::read_link(&current) else { return false };
        let next = current.parent().unwrap_or(Path::new("")).join(target);
        if seen.contains(&next) {
            return true;
        }
        seen.push(next.clone());
        current = next;
    }
    // Sixty-four links in a row lead nowhere a catalog means.
    true
}

/// Whether a path names a YAML file. `Notes.YAML` is one too: skipping it would leave a document
/// out of the catalog with no word said.
fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// The path an error is about and what went wrong there, for a YAML file or a folder (whose
/// files are then lost).
fn error_path(error: &ignore::Error) -> Option<(PathBuf, String)> {
    match error {
        ignore::Error::WithPath { path, err } if is_yaml(path) || path.is_dir() => {
            Some((path.clone(), err.to_string()))
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_yaml_file_in_any_case_but_not_hidden_or_ignored_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for file in ["a.yaml", "b.yml", "C.YAML", "d.Yml", "notes.txt", "yaml", ".hidden/e.yaml", "skip/f.yaml"] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "kind: credential\n").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "skip/\n").unwrap();
        let found: Vec<String> = discover(root)
            .unwrap()
            .into_iter()
            .map(|f| f.path.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(found, ["C.YAML", "a.yaml", "b.yml", "d.Yml"]);
    }
}
