//! Writing the package to disk all at once: into a new folder beside the output, swapped in
//! when every file is written, so a failed or interrupted build leaves the previous package as it
//! was. Files are written, and the previous package removed, in parallel: at thousands of pages
//! the file system is most of a build's time.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Package;

/// Whether a package path is relative and stays below the package root.
fn contained(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path.split(['/', '\\']).all(|part| !part.is_empty() && part != "." && part != "..")
        && Path::new(path).components().all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Writes the package to `out`.
pub fn write(package: &Package, out: &Path) -> std::io::Result<()> {
    // Every path stays inside the package, whatever a document wrote: checked once more here,
    // where a mistake would write outside the output folder.
    if let Some(bad) = package.files.keys().find(|p| !contained(p)) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("refusing to write `{bad}`: it leaves the package"),
        ));
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "dist".into());
    let staging = parent.join(format!(".{name}.building-{}", std::process::id()));
    let result = (|| {
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        // Each folder once, then the files.
        let folders: BTreeSet<PathBuf> =
            package.files.keys().filter_map(|p| staging.join(p).parent().map(Path::to_path_buf)).collect();
        for folder in &folders {
            std::fs::create_dir_all(folder)?;
        }
        package.files.par_iter().try_for_each(|(path, bytes)| std::fs::write(staging.join(path), bytes))?;
        let previous = parent.join(format!(".{name}.previous-{}", std::process::id()));
        if out.exists() {
            std::fs::rename(out, &previous)?;
        }
        if let Err(e) = std::fs::rename(&staging, out) {
            // Put the old package back before reporting.
            if previous.exists() {
                let _ = std::fs::rename(&previous, out);
            }
            return Err(e);
        }
        if previous.exists() {
            remove(&previous)?;
        }
        Ok(())
    })();
    if result.is_err() && staging.exists() {
        let _ = remove(&staging);
    }
    result
}

/// Removes a folder and everything in it, the files in parallel. A link is removed, never
/// followed, as `std::fs::remove_dir_all` does.
fn remove(folder: &Path) -> std::io::Result<()> {
    if !std::fs::symlink_metadata(folder)?.is_dir() {
        return std::fs::remove_file(folder);
    }
    let mut files = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    let mut i = 0;
    while let Some(dir) = folders.get(i).cloned() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            match entry.file_type()?.is_dir() {
                true => folders.push(entry.path()),
                false => files.push(entry.path()),
            }
        }
        i += 1;
    }
    files.par_iter().try_for_each(std::fs::remove_file)?;
    for dir in folders.iter().rev() {
        std::fs::remove_dir(dir)?;
    }
    Ok(())
}
