//! mcred: lint, render and publish micro-credentials kept as YAML in a git repository.
//!
//! [`run`] does everything a command asks and returns what to print and how to exit; nothing in
//! the library prints. The data flows one way: [`load`] finds and parses files, [`catalog`] types
//! them and resolves references, [`rules`] find problems, [`report`] renders them.

pub mod catalog;
pub mod cli;
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

use cli::{BuildArgs, Cli, Command, LintArgs, NewCommand, PreviewArgs};
use config::{Config, ConfigError};
use report::{Format, Summary};

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
        Command::Lint(args) => lint_command(args, env),
        Command::Build(args) => build_command(args, env),
        Command::New { what } => new_command(what, env),
        Command::Preview(args) => preview_command(args, env, log),
        Command::Init { dir } => {
            let dir = env.cwd.join(dir.unwrap_or_default());
            scaffold::init(&dir).map(|done| scaffolded(done, env)).map_err(|e| Error::Usage(e.0))
        }
        Command::Rules => Ok(Outcome { stdout: rules_table(), status: ExitStatus::Success }),
        Command::Explain { rule } => explain(&rule).map(|stdout| Outcome { stdout, status: ExitStatus::Success }),
        Command::Schema { name } => Ok(Outcome { stdout: name.text().to_string(), status: ExitStatus::Success }),
    }
}

fn lint_command(args: LintArgs, env: &Env) -> Result<Outcome, Error> {
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
    let mut linted = lint::lint(&root, &config, &env.cwd).map_err(|error| Error::Io { path: root.clone(), error })?;
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

fn build_command(args: BuildArgs, env: &Env) -> Result<Outcome, Error> {
    let config = load_config(args.config.as_deref(), env)?;
    if let Some(url) = &args.base_url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        return Err(Error::Usage(format!("--base-url {url}: the base URL must start with https:// or http://")));
    }
    let root = config.catalog.clone();
    if !root.is_dir() {
        return Err(Error::Usage(format!(
            "the catalog folder {} does not exist; set `catalog` in {}",
            lint::relative_to(&root, &env.cwd).display(),
            config::FILE_NAME
        )));
    }
    let started = std::time::Instant::now();
    let linted = lint::lint(&root, &config, &env.cwd).map_err(|error| Error::Io { path: root.clone(), error })?;
    let located = report::locate(&linted.catalog, &linted.diagnostics);
    let summary = Summary::of(linted.catalog.files.len(), &located);
    let style = report::human::Style { colour: env.colour, width: env.width };
    let mut stdout = report::human::render(&located, None, style);
    if summary.errors > 0 {
        stdout.push_str(&format!(
            "Not built: the catalog has {}. Nothing was written.\n",
            if summary.errors == 1 { "1 error".to_string() } else { format!("{} errors", summary.errors) }
        ));
        return Ok(Outcome { stdout, status: ExitStatus::Failure });
    }
    let options =
        render::Options { base_url: args.base_url, templates: args.templates.map(|t| env.cwd.join(t)), zip: args.zip };
    let package = render::render(&linted.catalog, &config, &options).map_err(|e| Error::Usage(e.0))?;
    let out = match args.out {
        Some(out) => env.cwd.join(out),
        None => config.root.join("dist"),
    };
    render::write(&package, &out).map_err(|error| Error::Io { path: out.clone(), error })?;
    let count = |kind| linted.catalog.of_kind(kind).filter(|d| d.model.is_some()).count();
    let elapsed = match env.timed {
        true => format!(" in {:.0} ms", started.elapsed().as_secs_f64() * 1000.0),
        false => String::new(),
    };
    let plural = report::human::plural;
    stdout.push_str(&format!(
        "Built {} and {} into {} ({}){elapsed}.\n",
        plural(count(schema::Kind::Credential), "credential"),
        plural(count(schema::Kind::Stack), "stack"),
        report::display_path(lint::relative_to(&out, &env.cwd)),
        plural(package.files.len(), "file"),
    ));
    Ok(Outcome { stdout, status: ExitStatus::Success })
}

fn preview_command(args: PreviewArgs, env: &Env, log: Log) -> Result<Outcome, Error> {
    let options = preview::Options { port: args.port, config: args.config, templates: args.templates };
    let preview = preview::start(options, env, log.clone())?;
    log(&format!("Previewing on {} (Ctrl-C to stop)", preview.url));
    if args.open {
        open_browser(&preview.url, &log);
    }
    preview.serve();
    Ok(Outcome { stdout: String::new(), status: ExitStatus::Success })
}

/// Opens `url` in the desktop's browser, if there is one.
fn open_browser(url: &str, log: &Log) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(url).spawn() {
        log(&format!("could not open a browser ({opener}: {e}); open {url} yourself"));
    }
}

fn new_command(what: NewCommand, env: &Env) -> Result<Outcome, Error> {
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

fn scaffolded(done: scaffold::Scaffolded, env: &Env) -> Outcome {
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

fn is_within(path: &Path, root: &Path) -> bool {
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(path), Ok(root)) => path.starts_with(root),
        _ => false,
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

/// `mcred rules`: one line a rule.
pub fn rules_table() -> String {
    let width = rules::ALL.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in rules::ALL {
        out.push_str(&format!("{:width$}  {:7}  {}\n", rule.id, rule.severity.as_str(), rule.summary));
    }
    out
}

/// `mcred explain RULE`: the rule's page.
pub fn explain(id: &str) -> Result<String, Error> {
    let Some(rule) = rules::find(id) else {
        let hint = match suggest::did_you_mean(id, rules::ALL.iter().map(|r| r.id)) {
            Some(s) => format!("; did you mean `{s}`?"),
            None => String::new(),
        };
        return Err(Error::Usage(format!("unknown rule `{id}`{hint} `mcred rules` lists every rule")));
    };
    Ok(rule.page())
}
