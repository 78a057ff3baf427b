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

#[cfg(test)]
mod tests {
    use super::*;

    fn package(files: &[(&str, &str)]) -> Package {
        Package { files: files.iter().map(|(p, t)| (p.to_string(), t.as_bytes().to_vec())).collect() }
    }

    #[test]
    fn a_new_package_replaces_the_old_one_whole_and_links_in_it_are_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, elsewhere) = (tmp.path().join("dist"), tmp.path().join("elsewhere"));
        std::fs::create_dir_all(elsewhere.join("deep")).unwrap();
        std::fs::write(elsewhere.join("deep/keep.txt"), "mine").unwrap();

        write(&package(&[("index.html", "one"), ("credentials/a.html", "a"), ("old/only.html", "x")]), &out).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&elsewhere, out.join("credentials/linked")).unwrap();
        write(&package(&[("index.html", "two"), ("credentials/b.html", "b")]), &out).unwrap();

        let mut left: Vec<String> = ignore::WalkBuilder::new(&out)
            .standard_filters(false)
            .build()
            .filter_map(Result::ok)
            .map(|e| e.path().strip_prefix(&out).unwrap().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["", "credentials", "credentials/b.html", "index.html"]);
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert_eq!(std::fs::read_to_string(elsewhere.join("deep/keep.txt")).unwrap(), "mine");
        // Nothing is left beside the package either.
        let beside: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(beside.len(), 2, "{beside:?}");
    }

    #[test]
    fn a_path_out_of_the_package_is_refused_before_anything_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("dist");
        for bad in ["../escape.html", "/abs.html", "a/../../b.html", "a\\..\\..\\b.html", ""] {
            let error = write(&package(&[("index.html", "x"), (bad, "x")]), &out).unwrap_err();
            assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput, "{bad}");
        }
        assert!(std::fs::read_dir(tmp.path()).unwrap().next().is_none());
    }
}
