//! Every output format reports the same findings at the same positions, and each is what its
//! consumer accepts: SARIF against the official schema, GitHub workflow commands against their
//! documented syntax, JUnit through an XML parser.

mod common;

use std::path::Path;
use std::process::Command;

use common::{CREDENTIAL, STACK, catalog, without_research};
use serde_json::Value;

/// One error (no research), one warning (a file named unlike its id, with `,` and `%` in the
/// name to exercise escaping) and a message that spans lines (its help).
fn fixture() -> tempfile::TempDir {
    let credential = without_research(CREDENTIAL);
    catalog(&[
        ("mcred.toml", b"catalog = \"catalog\"\n"),
        ("catalog/working-memory.yaml", STACK.as_bytes()),
        ("catalog/understand, 100%.yaml", credential.as_bytes()),
    ])
}

fn lint(dir: &Path, format: &str) -> (i32, String) {
    let output =
        Command::new(env!("CARGO_BIN_EXE_mcred")).args(["lint", "--format", format]).current_dir(dir).output().unwrap();
    (output.status.code().unwrap(), String::from_utf8(output.stdout).unwrap())
}

/// (rule, severity, file, line, column, end line, end column) of every finding, from the JSON
/// report: what every other format must agree with.
type Position = (String, String, String, u64, u64, u64, u64);

fn json_positions(dir: &Path) -> Vec<Position> {
    let (code, out) = lint(dir, "json");
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&out).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let n = |k: &str| d[k].as_u64().unwrap();
            let s = |k: &str| d[k].as_str().unwrap().to_string();
            (s("rule"), s("severity"), s("file"), n("line"), n("column"), n("end_line"), n("end_column"))
        })
        .collect()
}

#[test]
fn the_fixture_has_an_error_and_a_warning() {
    let dir = fixture();
    let severities: Vec<String> = json_positions(dir.path()).into_iter().map(|p| p.1).collect();
    assert_eq!(severities, ["error", "warning"]);
}

#[test]
fn sarif_validates_against_the_official_schema_and_agrees_with_json() {
    let dir = fixture();
    let (code, out) = lint(dir.path(), "sarif");
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&out).unwrap();
    let schema: Value = serde_json::from_str(include_str!("fixtures/schemas/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert_eq!(errors, Vec::<String>::new());

    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), mcred::rules::ALL.len());
    for rule in rules {
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(!rule[field]["text"].as_str().unwrap().is_empty(), "{} lacks {field}", rule["id"]);
        }
        assert!(rule["helpUri"].as_str().unwrap().starts_with("https://"));
    }
    let positions: Vec<Position> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            let region = &location["region"];
            let n = |k: &str| region[k].as_u64().unwrap();
            // The rule's index points at the rule it names.
            assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], r["ruleId"]);
            assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
            let uri = location["artifactLocation"]["uri"].as_str().unwrap();
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["level"].as_str().unwrap().to_string(),
                uri.replace("%2C", ",").replace("%20", " ").replace("%25", "%"),
                n("startLine"),
                n("startColumn"),
                n("endLine"),
                n("endColumn"),
            )
        })
        .collect();
    assert_eq!(positions, json_positions(dir.path()));
    insta::assert_snapshot!(serde_json::to_string_pretty(&run["results"]).unwrap());
}

/// Undoes a workflow command's escapes, refusing any the runner would not produce.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let code = &rest[i + 1..i + 3];
        out.push(match code {
            "25" => '%',
            "0D" => '\r',
            "0A" => '\n',
            "3A" => ':',
            "2C" => ',',
            other => panic!("unexpected escape %{other} in {text:?}"),
        });
        rest = &rest[i + 3..];
    }
    out + rest
}

#[test]
fn github_lines_follow_the_workflow_command_syntax_and_agree_with_json() {
    let dir = fixture();
    let (code, out) = lint(dir.path(), "github");
    assert_eq!(code, 1);
    let mut positions = Vec::new();
    for line in out.lines() {
        let (command, rest) = line.strip_prefix("::").unwrap().split_once(' ').unwrap();
        assert!(command == "error" || command == "warning", "{line}");
        let (properties, message) = rest.split_once("::").unwrap();
        assert!(!message.contains(['\n', '\r']));
        let properties: Vec<(&str, String)> = properties
            .split(',')
            .map(|p| {
                let (key, value) = p.split_once('=').unwrap();
                assert!(!value.contains(':'), "an unescaped `:` in {line}");
                (key, unescape(value))
            })
            .collect();
        let keys: Vec<&str> = properties.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["file", "line", "col", "endLine", "endColumn", "title"]);
        let n = |i: usize| properties[i].1.parse::<u64>().unwrap();
        positions.push((properties[5].1.clone(), command.to_string(), properties[0].1.clone(), n(1), n(2), n(3), n(4)));
        assert!(unescape(message).contains("\nhelp: "), "the help is on a line of its own: {message}");
    }
    assert_eq!(positions, json_positions(dir.path()));
    insta::assert_snapshot!(out);
}

#[test]
fn github_escaping_follows_the_runner() {
    use mcred::report::github::{data, property};
    assert_eq!(data("100% sure\r\nnext: a, b"), "100%25 sure%0D%0Anext: a, b");
    assert_eq!(property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
}

#[test]
fn junit_is_one_test_case_a_file_failed_by_errors() {
    let dir = fixture();
    let (code, out) = lint(dir.path(), "junit");
    assert_eq!(code, 1);
    let xml = roxmltree::Document::parse(&out).unwrap();
    let suite = xml.descendants().find(|n| n.has_tag_name("testsuite")).unwrap();
    assert_eq!((suite.attribute("tests"), suite.attribute("failures")), (Some("2"), Some("1")));
    let cases: Vec<(&str, bool)> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|c| (c.attribute("name").unwrap(), c.children().any(|n| n.has_tag_name("failure"))))
        .collect();
    assert_eq!(cases, [("catalog/understand, 100%.yaml", true), ("catalog/working-memory.yaml", false)]);
    let failure = xml.descendants().find(|n| n.has_tag_name("failure")).unwrap();
    assert!(
        failure
            .text()
            .unwrap()
            .contains("catalog/understand, 100%.yaml:1:1: the credential cites no research [research-required]")
    );
    let warnings = xml.descendants().find(|n| n.has_tag_name("system-out")).unwrap();
    assert!(warnings.text().unwrap().contains("[id-filename]"));
    insta::assert_snapshot!(out);
}

#[test]
fn a_clean_catalog_gives_empty_reports() {
    let dir = catalog(&[
        ("mcred.toml", b"catalog = \".\"\n"),
        ("working-memory.yaml", STACK.as_bytes()),
        ("understand.yaml", CREDENTIAL.as_bytes()),
    ]);
    assert_eq!(lint(dir.path(), "github"), (0, String::new()));
    let (code, sarif) = lint(dir.path(), "sarif");
    assert_eq!(code, 0);
    let log: Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    let (code, junit) = lint(dir.path(), "junit");
    assert_eq!(code, 0);
    assert!(roxmltree::Document::parse(&junit).unwrap().descendants().all(|n| !n.has_tag_name("failure")));
}
