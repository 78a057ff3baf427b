//! Every rule against its fixtures. `tests/fixtures/rules/<rule-id>/pass/` and `fail/` are small
//! catalogs, linted with only that rule enabled (and the fixture's own `mcred.toml`, if it has
//! one). `pass` must give no finding; `fail` must give exactly the findings its `expect.txt`
//! lists (`FILE:LINE:COLUMN`, one a line), and its rendered diagnostics are snapshotted.

use std::path::{Path, PathBuf};

use mcred::config::Config;
use mcred::report::{self, Summary, human};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

struct Run {
    positions: Vec<String>,
    rules: Vec<&'static str>,
    rendered: String,
}

fn lint(rule: &str, case: &Path) -> Run {
    let mut config = match case.join("mcred.toml") {
        toml if toml.is_file() => Config::load(&toml).unwrap_or_else(|e| panic!("{e}")),
        _ => Config::defaults(case),
    };
    config.only(&[rule]);
    let linted = mcred::lint::lint(case, &config, case).unwrap();
    let located = report::locate(&linted.catalog, &linted.diagnostics);
    let summary = Summary::of(linted.catalog.files.len(), &located);
    Run {
        positions: located
            .iter()
            .map(|d| format!("{}:{}:{}", d.source.display, d.start.line, d.start.column))
            .collect(),
        rules: located.iter().map(|d| d.diagnostic.rule).collect(),
        rendered: human::render(&located, Some(summary), human::Style { colour: false, width: 90 }),
    }
}

#[test]
fn every_rule_has_a_passing_and_a_failing_fixture() {
    let missing: Vec<String> = mcred::rules::ALL
        .iter()
        .flat_map(|r| ["pass", "fail"].map(|case| fixtures().join(r.id).join(case)))
        .filter(|dir| !dir.is_dir())
        .map(|dir| dir.strip_prefix(fixtures()).unwrap().display().to_string())
        .collect();
    assert!(missing.is_empty(), "fixtures missing: {missing:?}");
}

#[test]
fn rules_give_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    for rule in mcred::rules::ALL {
        let dir = fixtures().join(rule.id);
        let pass = dir.join("pass");
        if pass.is_dir() {
            let run = lint(rule.id, &pass);
            if !run.positions.is_empty() {
                failures.push(format!("{}/pass should be clean:\n{}", rule.id, run.rendered));
            }
        }
        let fail = dir.join("fail");
        if !fail.is_dir() {
            continue;
        }
        let run = lint(rule.id, &fail);
        let expected: Vec<String> = std::fs::read_to_string(fail.join("expect.txt"))
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        if expected.is_empty() {
            failures.push(format!("{}/fail/expect.txt lists no finding", rule.id));
        }
        if run.positions != expected {
            failures
                .push(format!("{}/fail: expected {expected:?}, got {:?}:\n{}", rule.id, run.positions, run.rendered));
        }
        if run.rules.iter().any(|r| *r != rule.id) {
            failures.push(format!("{}/fail reported other rules: {:?}", rule.id, run.rules));
        }
        insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(rule.id, run.rendered);
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
