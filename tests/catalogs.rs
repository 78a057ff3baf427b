//! Whole catalogs, linted as a user would: the reference catalog, and a catalog written by
//! another organisation in its own style (three-level rubric, a framework, several stacks,
//! reflection switched off) — clean as written, and exactly one expected finding for each single
//! mistake listed in its `MISTAKES.md`.

mod common;

use std::path::{Path, PathBuf};

use common::copy_tree;
use mcred::config::Config;
use mcred::report::{self, Summary};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Lints the catalog configured by `config_file`; each finding as `rule file:line:col message`.
fn lint(config_file: &Path) -> Vec<String> {
    let config = Config::load(config_file).unwrap_or_else(|e| panic!("{e}"));
    let base = config_file.parent().unwrap();
    let linted = mcred::lint::lint(&config.catalog, &config, base).unwrap();
    let located = report::locate(&linted.catalog, &linted.diagnostics);
    let _ = Summary::of(linted.catalog.files.len(), &located);
    located
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}:{} {}",
                d.diagnostic.rule, d.source.display, d.start.line, d.start.column, d.diagnostic.message
            )
        })
        .collect()
}

#[test]
fn the_reference_catalog_lints_clean() {
    let found = lint(&root().join("mcred.toml"));
    assert!(found.is_empty(), "{found:#?}");
    let config = Config::load(&root().join("mcred.toml")).unwrap();
    let linted = mcred::lint::lint(&config.catalog, &config, root()).unwrap();
    let kinds = |k| linted.catalog.of_kind(k).filter(|d| d.model.is_some()).count();
    assert_eq!(kinds(mcred::schema::Kind::Credential), 15);
    assert_eq!(kinds(mcred::schema::Kind::Stack), 3);
    assert_eq!(kinds(mcred::schema::Kind::Framework), 1);
}

#[test]
fn a_catalog_written_elsewhere_lints_clean() {
    let found = lint(&root().join("tests/fixtures/catalogs/science-inquiry/mcred.toml"));
    assert!(found.is_empty(), "{found:#?}");
}

struct Mistake {
    title: String,
    file: String,
    rule: String,
    old: String,
    new: String,
}

/// The mistakes of `MISTAKES.md`: a `### N. title` heading, `- File:` and `- Rule:` lines, then
/// an `old:` and a `new:` fenced block.
fn mistakes(text: &str) -> Vec<Mistake> {
    let mut out = Vec::new();
    for section in text.split("\n### ").skip(1) {
        let title = section.lines().next().unwrap().to_string();
        let field = |name: &str| {
            section
                .lines()
                .find_map(|l| l.strip_prefix(&format!("- {name}: `")))
                .and_then(|l| l.split('`').next())
                .unwrap_or_else(|| panic!("{title}: no {name}"))
                .to_string()
        };
        let block = |label: &str| {
            let start = section.find(&format!("\n{label}:\n```")).unwrap_or_else(|| panic!("{title}: no {label}"));
            let body = &section[start..];
            let body = &body[body.find("```").unwrap()..];
            let body = &body[body.find('\n').unwrap() + 1..];
            body[..body.find("\n```").unwrap()].to_string()
        };
        out.push(Mistake { file: field("File"), rule: field("Rule"), old: block("old"), new: block("new"), title });
    }
    out
}

#[test]
fn each_single_mistake_gets_exactly_its_finding() {
    let pristine: PathBuf = root().join("tests/fixtures/catalogs/science-inquiry");
    let list = mistakes(&std::fs::read_to_string(pristine.join("MISTAKES.md")).unwrap());
    assert!(list.len() >= 12, "MISTAKES.md lists {} mistakes", list.len());
    let mut report = String::new();
    let mut failures = Vec::new();
    for mistake in &list {
        let work = tempfile::tempdir().unwrap();
        copy_tree(&pristine, work.path());
        let path = work.path().join(&mistake.file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches(&mistake.old).count(), 1, "{}: the `old` text must occur once", mistake.title);
        std::fs::write(&path, text.replacen(&mistake.old, &mistake.new, 1)).unwrap();
        let found = lint(&work.path().join("mcred.toml"));
        report.push_str(&format!("### {}\n{}\n\n", mistake.title, found.join("\n")));
        let only_rule = found.len() == 1 && found[0].starts_with(&format!("{} ", mistake.rule));
        if !only_rule {
            failures.push(format!("{} should give one `{}` finding, gave {found:#?}", mistake.title, mistake.rule));
        }
    }
    insta::assert_snapshot!("science_inquiry_mistakes", report);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
