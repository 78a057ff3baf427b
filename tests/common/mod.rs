//! What the integration tests share: small catalogs written to a temporary folder, linted the
//! way `mcred lint` does, each finding with its rule and position; and the binary, run as a user
//! runs it.
#![allow(dead_code)]

pub mod html;

use std::path::Path;
use std::process::Command;

use mcred::config::Config;
use mcred::report;

/// A finding as a user reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    pub help: Option<String>,
}

/// A valid credential that lints clean inside [`STACK`].
pub const CREDENTIAL: &str = "\
kind: credential
id: understand
title: \"Working Memory: Demonstrate Understanding\"
version: 1.0.0
status: published
summary: The educator explains what working memory is.
competency:
  statement: Educator explains how working memory shapes learning.
key_method: Study the course resources and explain working memory in your own words.
method_components:
  - title: Analyse a case study
    description: Read the case and name the working-memory demands.
research:
  - citation: \"Gathercole, S. E., & Alloway, T. P. (2008). Working memory and learning. SAGE.\"
submission:
  - id: work-example
    kind: artifact
    prompts: [Submit a student work sample.]
  - id: reflection
    kind: reflection
    prompts: [What changed in your practice?]
scoring:
  criteria:
    - part: work-example
      criterion: Shows a working-memory demand in the sample.
      descriptors:
        pass: Names the demand and where it shows.
        not-yet: Does not yet connect the sample to working memory.
    - part: reflection
      criterion: Explains what changed, and why.
      descriptors:
        pass: Names a change and the reason for it.
        not-yet: Describes the activity without a change in practice.
";

/// A stack holding [`CREDENTIAL`].
pub const STACK: &str = "\
kind: stack
id: working-memory
title: Working Memory
version: 1.0.0
status: published
summary: Understand and support working memory.
credentials: [understand]
";

/// A catalog with one warning (no reflection) and, when `error`, one error (no research).
pub fn warned(error: bool) -> tempfile::TempDir {
    let mut credential = CREDENTIAL
        .replace("  - id: reflection\n    kind: reflection\n    prompts: [What changed in your practice?]\n", "");
    let start = credential.find("    - part: reflection").unwrap();
    credential.truncate(start);
    if error {
        credential = without_research(&credential);
    }
    catalog(&[
        ("mcred.toml", b"catalog = \"catalog\"\n"),
        ("catalog/working-memory.yaml", STACK.as_bytes()),
        ("catalog/understand.yaml", credential.as_bytes()),
    ])
}

/// `credential` without its `research` list: a `research-required` error.
pub fn without_research(credential: &str) -> String {
    let research =
        "research:\n  - citation: \"Gathercole, S. E., & Alloway, T. P. (2008). Working memory and learning. SAGE.\"\n";
    assert!(credential.contains(research));
    credential.replacen(research, "", 1)
}

/// Writes the files into a new temporary catalog folder.
pub fn catalog(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Lints the catalog at `dir` with the defaults (or its `mcred.toml`), every rule on.
pub fn lint(dir: &Path) -> Vec<Finding> {
    let config = match dir.join("mcred.toml") {
        file if file.is_file() => Config::load(&file).unwrap_or_else(|e| panic!("{e}")),
        _ => Config::defaults(dir),
    };
    let linted = mcred::lint::lint(dir, &config, dir).unwrap();
    report::locate(&linted.catalog, &linted.diagnostics)
        .iter()
        .map(|d| Finding {
            rule: d.diagnostic.rule.to_string(),
            file: d.source.display.clone(),
            line: d.start.line,
            column: d.start.column,
            end_line: d.end.line,
            end_column: d.end.column,
            message: d.diagnostic.message.clone(),
            help: d.diagnostic.help.clone(),
        })
        .collect()
}

/// Lints a catalog of [`STACK`] and one credential file with this text.
pub fn lint_credential(text: &[u8]) -> Vec<Finding> {
    let dir = catalog(&[("working-memory.yaml", STACK.as_bytes()), ("understand.yaml", text)]);
    lint(dir.path())
}

/// `rule file:line:column message` lines, for asserting and snapshots.
pub fn brief(findings: &[Finding]) -> Vec<String> {
    findings.iter().map(|f| format!("{} {}:{}:{} {}", f.rule, f.file, f.line, f.column, f.message)).collect()
}

/// Copies the folder `from` into `to`, recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Runs `mcred ARGS` in `dir`, without colour: its exit code, stdout and stderr.
pub fn mcred(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output =
        Command::new(env!("CARGO_BIN_EXE_mcred")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap();
    (
        output.status.code().expect("mcred exits by itself"),
        String::from_utf8(output.stdout).expect("mcred prints UTF-8"),
        String::from_utf8(output.stderr).expect("mcred prints UTF-8"),
    )
}
