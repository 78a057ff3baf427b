//! The command line: every subcommand and flag, parsed with clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::report::Format;
use crate::schema::SchemaName;

/// Author, validate and publish competency-based micro-credentials.
#[derive(Debug, Parser)]
#[command(name = "mcred", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the catalog: every file, every document, every cross reference.
    Lint(LintArgs),
    /// Render the catalog into a publishable package: pages, Open Badges 3.0 JSON, a manifest.
    Build(BuildArgs),
    /// Start a credential or a stack: a skeleton that lints clean, added to its stack.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Start a catalog repository: mcred.toml, an example stack and credential, CI and pre-commit.
    Init {
        /// The folder (default: the current one).
        dir: Option<PathBuf>,
    },
    /// Serve the site on 127.0.0.1 as you write: it renders again on every change, and open
    /// pages reload themselves.
    Preview(PreviewArgs),
    /// List every rule: id, default severity, summary.
    Rules,
    /// Explain a rule: what it checks, why, an example, how to fix it.
    Explain {
        /// The rule's id, e.g. `one-skill`.
        rule: String,
    },
    /// Print a JSON Schema shipped with mcred.
    Schema {
        /// Which schema.
        name: SchemaName,
    },
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A credential, added at the end of its stack's pathway.
    Credential {
        /// The credential's id (lowercase kebab-case).
        id: String,
        /// The stack to add it to.
        #[arg(long, value_name = "ID")]
        stack: Option<String>,
        /// Its title (default: from the id).
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The configuration file (default: `mcred.toml` here or in a folder above).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// A stack, with a first "Demonstrate Understanding" credential.
    Stack {
        /// The stack's id (lowercase kebab-case).
        id: String,
        /// Its title (default: from the id).
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The configuration file (default: `mcred.toml` here or in a folder above).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The port on 127.0.0.1.
    #[arg(long, default_value_t = 4000)]
    pub port: u16,
    /// Open the preview in a browser.
    #[arg(long)]
    pub open: bool,
    /// A folder of templates that replace the shipped ones, file by file.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The configuration file (default: `mcred.toml` here or in a folder above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to write the package (default: `dist/` beside `mcred.toml`).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The URL the package is published at (default: `[publish] base_url`).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Also write a zip package per stack, under `packages/`.
    #[arg(long)]
    pub zip: bool,
    /// A folder of templates that replace the shipped ones, file by file.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The configuration file (default: `mcred.toml` here or in a folder above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or folders to report on (default: the whole catalog). References still resolve
    /// against the whole catalog.
    pub paths: Vec<PathBuf>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The configuration file (default: `mcred.toml` here or in a folder above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Fail (exit 1) on any warning.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Print errors only.
    #[arg(long)]
    pub quiet: bool,
}
