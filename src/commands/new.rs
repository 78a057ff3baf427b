//! `mcred new` and `mcred init`: scaffold documents and catalogs, and say what was written.

use std::path::PathBuf;

use crate::cli::NewCommand;
use crate::{Env, Error, ExitStatus, Outcome, lint, load_config, report, scaffold};

pub fn run(what: NewCommand, env: &Env) -> Result<Outcome, Error> {
    let config_file = match &what {
        NewCommand::Credential { config, .. } | NewCommand::Stack { config, .. } => config.as_deref(),
    };
    let config = load_config(config_file, env)?;
    if !config.catalog.is_dir() {
        return Err(Error::Usage(format!(
            "the catalog folder {} does not exist; start one with `mcred init`",
            lint::relative_to(&config.catalog, &env.cwd).display()
        )));
    }
    let linted = lint::lint(&config.catalog, &config, &env.cwd)
        .map_err(|error| Error::Io { path: config.catalog.clone(), error })?;
    let done = match &what {
        NewCommand::Credential { id, stack, title, .. } => {
            scaffold::new_credential(&linted.catalog, &config, id, stack.as_deref(), title.as_deref())
        }
        NewCommand::Stack { id, title, .. } => scaffold::new_stack(&linted.catalog, &config, id, title.as_deref()),
    };
    done.map(|done| scaffolded(done, env)).map_err(|e| Error::Usage(e.0))
}

pub fn scaffolded(done: scaffold::Scaffolded, env: &Env) -> Outcome {
    let shown = |p: &PathBuf| report::display_path(lint::relative_to(p, &env.cwd));
    let mut stdout = String::new();
    for path in &done.created {
        stdout.push_str(&format!("Created {}\n", shown(path)));
    }
    for path in &done.edited {
        stdout.push_str(&format!("Edited  {}\n", shown(path)));
    }
    for note in &done.notes {
        stdout.push_str(&format!("note: {note}\n"));
    }
    Outcome { stdout, status: ExitStatus::Success }
}
