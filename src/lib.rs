//! mcred: lint, render and publish micro-credentials kept as YAML in a git repository.
//!
//! [`run`] does everything a command asks and returns what to print and how to exit; nothing in
//! the library prints. The data flows one way: [`load`] finds and parses files, [`catalog`] types
//! them and resolves references, [`rules`] find problems, [`report`] renders them.

pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod lint;
pub mod load;
pub mod model;
pub mod preview;
pub mod render;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod suggest;

use std::fmt;
use std::path::{Path, PathBuf};

use cli::{Cli, Command};
use config::{Config, ConfigError};

/// How a run ended, as an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: no errors.
    Success,
    /// 1: the catalog has errors (or more warnings than allowed).
    Failure,
    /// 2: mcred could not do its job.
    Error,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        }
    }
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Outcome {
    pub stdout: String,
    pub status: ExitStatus,
}

/// Why mcred could not do its job (exit 2).
#[derive(Debug)]
pub enum Error {
    Config(ConfigError),
    Io { path: PathBuf, error: std::io::Error },
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Config(e) => write!(f, "{e}"),
            Error::Io { path, error } => write!(f, "{}: {error}", path.display()),
            Error::Usage(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

/// Where a run happens and how its output is drawn.
#[derive(Debug, Clone)]
pub struct Env {
    pub cwd: PathBuf,
    pub colour: bool,
    pub width: usize,
    /// Whether the summary line says how long the run took.
    pub timed: bool,
}

/// What a long-running command (the preview) has to say while it runs.
pub type Log = std::sync::Arc<dyn Fn(&str) + Send + Sync>;

/// Runs one command. `preview` runs until the process is stopped, telling `log` what it does.
pub fn run(cli: Cli, env: &Env, log: Log) -> Result<Outcome, Error> {
    match cli.command {
        Command::Lint(args) => commands::lint::run(args, env),
        Command::Build(args) => commands::build::run(args, env),
        Command::New { what } => commands::new::run(what, env),
        Command::Preview(args) => commands::preview::run(args, env, log),
        Command::Init { dir } => {
            let dir = env.cwd.join(dir.unwrap_or_default());
            scaffold::init(&dir).map(|done| commands::new::scaffolded(done, env)).map_err(|e| Error::Usage(e.0))
        }
        Command::Rules => Ok(Outcome { stdout: commands::rules::table(), status: ExitStatus::Success }),
        Command::Explain { rule } => {
            commands::rules::explain(&rule).map(|stdout| Outcome { stdout, status: ExitStatus::Success })
        }
        Command::Schema { name } => Ok(Outcome { stdout: name.text().to_string(), status: ExitStatus::Success }),
    }
}

/// The configuration named with `--config`, or found from the current directory upward.
pub fn load_config(file: Option<&Path>, env: &Env) -> Result<Config, Error> {
    let shown = |mut e: ConfigError| {
        e.file = report::display_path(lint::relative_to(Path::new(&e.file), &env.cwd));
        Error::Config(e)
    };
    match file {
        Some(file) => {
            let file = env.cwd.join(file);
            if !file.is_file() {
                return Err(Error::Usage(format!("{}: no such configuration file", file.display())));
            }
            Config::load(&file).map_err(shown)
        }
        None => Config::discover(&env.cwd).map_err(shown),
    }
}
