//! `mcred lint`: lint the catalog (or some of its paths) and report in the chosen format.

use std::path::{Path, PathBuf};

use crate::cli::LintArgs;
use crate::report::{self, Format, Summary};
use crate::{Env, Error, ExitStatus, Outcome, config, diagnostic, lint, load_config};

pub fn run(args: LintArgs, env: &Env) -> Result<Outcome, Error> {
    let config = load_config(args.config.as_deref(), env)?;
    let paths: Vec<PathBuf> = args.paths.iter().map(|p| env.cwd.join(p)).collect();
    for path in &paths {
        if !path.exists() {
            return Err(Error::Usage(format!("{}: no such file or folder", path.display())));
        }
    }
    // With no configuration file, one path named on the command line outside the default catalog
    // is the catalog: a folder itself, a file its folder.
    let root = match (&config.file, paths.as_slice()) {
        (None, [only]) if !is_within(only, &config.catalog) => match only.is_dir() {
            true => only.clone(),
            false => only.parent().map(Path::to_path_buf).unwrap_or_else(|| env.cwd.clone()),
        },
        _ => config.catalog.clone(),
    };
    if !root.exists() {
        return Err(Error::Usage(format!(
            "the catalog folder {} does not exist; set `catalog` in {} or name the folder: `mcred lint DIR`",
            lint::relative_to(&root, &env.cwd).display(),
            config::FILE_NAME
        )));
    }
    let outside: Vec<&PathBuf> = paths.iter().filter(|p| !is_within(p, &root)).collect();
    if let Some(path) = outside.first() {
        return Err(Error::Usage(format!(
            "{} is outside the catalog {}; lint it with its own configuration (`--config`)",
            path.display(),
            root.display()
        )));
    }
    let started = std::time::Instant::now();
    let mut linted = lint::check(&root, &config, &env.cwd).map_err(|error| Error::Io { path: root.clone(), error })?;
    let reported = if paths.is_empty() { vec![true; linted.catalog.files.len()] } else { linted.only(&paths) };
    let located = report::locate(&linted.catalog, &linted.diagnostics);
    let mut summary = Summary::of(reported.iter().filter(|r| **r).count(), &located);
    summary.elapsed = env.timed.then(|| started.elapsed());
    let shown: Vec<_> = if args.quiet {
        located.iter().filter(|d| d.diagnostic.severity == diagnostic::Severity::Error).cloned().collect()
    } else {
        located.clone()
    };
    let style = report::human::Style { colour: env.colour, width: env.width };
    let stdout = match args.format {
        // Quiet is for hooks and scripts: the errors, and not a word when there are none.
        Format::Human => report::human::render(&shown, (!args.quiet).then_some(summary), style),
        Format::Json => report::json::render(&shown, summary),
        Format::Sarif => report::sarif::render(&shown),
        Format::Github => report::github::render(&shown),
        Format::Junit => report::junit::render(&linted.catalog, &reported, &shown, summary),
    };
    let too_many_warnings =
        args.deny_warnings && summary.warnings > 0 || args.max_warnings.is_some_and(|max| summary.warnings > max);
    let status = if summary.errors > 0 || too_many_warnings { ExitStatus::Failure } else { ExitStatus::Success };
    Ok(Outcome { stdout, status })
}

/// Whether a path named on the command line is in the catalog (a link out of the catalog is,
/// where it is listed), or holds it (`mcred lint .` at the repository's root).
fn is_within(path: &Path, root: &Path) -> bool {
    match root.canonicalize() {
        Ok(root) => {
            let path = lint::place(path);
            path.starts_with(&root) || root.starts_with(&path)
        }
        Err(_) => false,
    }
}
