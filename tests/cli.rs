//! The `mcred` binary as users run it: output, exit codes, configuration errors.

mod common;

use std::path::Path;

use common::{CREDENTIAL, STACK, catalog, copy_tree, warned};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn mcred(dir: &Path, args: &[&str]) -> Run {
    let (code, stdout, stderr) = common::mcred(dir, args);
    Run { code, stdout, stderr }
}

impl Run {
    /// stdout, stderr and the exit code, as a snapshot shows them; `dir` written as `[DIR]`.
    fn shown(&self, dir: &Path) -> String {
        let text = format!("exit: {}\n--- stdout\n{}--- stderr\n{}", self.code, untimed(&self.stdout), self.stderr);
        text.replace(&dir.display().to_string(), "[DIR]")
    }
}

/// The summary line says how long the run took: `in 12 ms` becomes `in [TIME]`.
fn untimed(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        match (line.starts_with("Checked "), line.find(" in "), line.find(": ")) {
            (true, Some(start), Some(end)) if start < end => {
                out.push_str(&format!("{} in [TIME]{}", &line[..start], &line[end..]))
            }
            _ => out.push_str(line),
        }
    }
    out
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_reference_catalog_lints_clean() {
    let run = mcred(repo(), &["lint"]);
    assert_eq!(
        (run.code, untimed(&run.stdout).as_str(), run.stderr.as_str()),
        (0, "Checked 19 files in [TIME]: no problems found.\n", "")
    );
}

#[test]
fn exit_codes_follow_errors_and_thresholds() {
    let warnings = warned(false);
    let errors = warned(true);
    let case = |dir: &tempfile::TempDir, args: &[&str]| mcred(dir.path(), args).code;
    assert_eq!(case(&warnings, &["lint"]), 0, "warnings alone pass");
    assert_eq!(case(&warnings, &["lint", "--deny-warnings"]), 1);
    assert_eq!(case(&warnings, &["lint", "--max-warnings", "0"]), 1);
    assert_eq!(case(&warnings, &["lint", "--max-warnings", "1"]), 0);
    assert_eq!(case(&errors, &["lint"]), 1);
    assert_eq!(case(&errors, &["lint", "--max-warnings", "5"]), 1, "errors fail whatever the threshold");
    assert_eq!(case(&errors, &["lint", "--format", "sarcasm"]), 2);
    assert_eq!(case(&errors, &["lint", "--max-warnings", "many"]), 2);
    assert_eq!(case(&errors, &["lint", "--no-such-flag"]), 2);
    assert_eq!(case(&errors, &["lint", "nowhere/"]), 2);
    assert_eq!(case(&errors, &["lint", "--config", "missing.toml"]), 2);
}

#[test]
fn human_output_with_an_error_and_a_warning() {
    let dir = warned(true);
    insta::assert_snapshot!(mcred(dir.path(), &["lint"]).shown(dir.path()));
}

#[test]
fn quiet_prints_errors_only() {
    let dir = warned(true);
    let run = mcred(dir.path(), &["lint", "--quiet"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("research-required") && !run.stdout.contains("reflection-required"), "{}", run.stdout);
    assert!(!run.stdout.contains("Checked"), "{}", run.stdout);
    let clean = warned(false);
    assert_eq!(mcred(clean.path(), &["lint", "--quiet"]).stdout, "");
}

#[test]
fn json_output_is_the_documented_report() {
    let dir = warned(true);
    let run = mcred(dir.path(), &["lint", "--format", "json"]);
    assert_eq!(run.code, 1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(mcred::schema::report_errors(&report), Vec::<String>::new());
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn lint_reports_only_the_paths_named_but_resolves_against_the_whole_catalog() {
    let dir = catalog(&[
        ("mcred.toml", b"catalog = \"catalog\"\n"),
        (
            "catalog/stacks/working-memory.yaml",
            STACK.replace("credentials: [understand]", "credentials: [understand, missing]").as_bytes(),
        ),
        ("catalog/credentials/understand.yaml", CREDENTIAL.replace("status: published", "status: publishd").as_bytes()),
    ]);
    let run = mcred(dir.path(), &["lint", "catalog/credentials", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rules: Vec<&str> =
        report["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["schema"], "the stack's finding is outside the path named");
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn rules_lists_every_rule() {
    let run = mcred(repo(), &["rules"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn explain_prints_a_rule_page_and_refuses_unknown_rules() {
    let run = mcred(repo(), &["explain", "stack-order"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.stdout);
    let run = mcred(repo(), &["explain", "stack-ordre"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: unknown rule `stack-ordre`; did you mean `stack-order`? `mcred rules` lists every rule\n"
    );
}

#[test]
fn schema_prints_the_shipped_files() {
    for name in ["credential", "stack", "framework", "config", "report"] {
        let run = mcred(repo(), &["schema", name]);
        assert_eq!(run.code, 0);
        assert_eq!(run.stdout, std::fs::read_to_string(repo().join(format!("schema/{name}.schema.json"))).unwrap());
    }
    assert_eq!(mcred(repo(), &["schema", "nonsense"]).code, 2);
}

#[test]
fn configuration_errors_name_the_key_and_exit_2() {
    let cases: &[(&str, &str)] = &[
        ("unknown-key", "catalog = \"catalog\"\nrulez = {}\n"),
        ("unknown-nested-key", "[publish]\nbase_uri = \"https://example.org\"\n"),
        ("unknown-rule", "[rules]\ncompound-skills = \"off\"\n"),
        ("bad-severity", "[rules]\ncompound-skill = \"warn\"\n"),
        ("bad-option", "[rules.grain-size]\nmax_hour = 20\n"),
        ("options-on-a-rule-without", "[rules.one-skill]\nmax = 2\n"),
        ("passing-not-a-level", "[scoring]\nlevels = [{ id = \"met\", label = \"Met\" }]\npassing = \"pass\"\n"),
        ("not-toml", "catalog = \n"),
    ];
    let mut shown = String::new();
    for (name, toml) in cases {
        let dir = catalog(&[("mcred.toml", toml.as_bytes())]);
        let run = mcred(dir.path(), &["lint"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        shown.push_str(&format!("## {name}\n{}", run.stderr));
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn the_readme_example_is_what_mcred_prints() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme.find("```text\n").unwrap() + "```text\n".len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("credentials"), &dir.path().join("credentials"));
    std::fs::copy(repo().join("mcred.toml"), dir.path().join("mcred.toml")).unwrap();
    let file = dir.path().join("credentials/working-memory/working-memory-demonstrate-understanding.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("  passing: pass", "  pasing: pass", 1)).unwrap();
    let run = mcred(dir.path(), &["lint"]);
    assert_eq!(run.code, 1);
    assert_eq!(untimed(&run.stdout), untimed(shown));
}

#[test]
fn the_pre_commit_hook_runs_mcred_lint_on_the_whole_catalog() {
    #[derive(serde::Deserialize)]
    struct Hook {
        id: String,
        entry: String,
        language: String,
        pass_filenames: bool,
        files: String,
    }
    let text = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<Hook> = serde_saphyr::from_str(&text).unwrap();
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(
        (hook.id.as_str(), hook.entry.as_str(), hook.language.as_str()),
        ("mcred-lint", "mcred lint --quiet", "rust")
    );
    assert!(!hook.pass_filenames, "cross-file rules need the whole catalog");
    assert!(hook.files.contains("ya?ml") && hook.files.contains("mcred"));
}

#[test]
fn every_yaml_example_in_the_readme_parses() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let blocks: Vec<&str> = readme.split("```yaml\n").skip(1).map(|b| &b[..b.find("```").unwrap()]).collect();
    assert!(blocks.len() >= 3);
    for block in blocks {
        let parsed: Result<serde_json::Value, _> = serde_saphyr::from_str(block);
        assert!(parsed.is_ok(), "{block}: {parsed:?}");
    }
}

#[test]
fn a_file_with_thousands_of_findings_shows_a_capped_number_of_frames() {
    let mut text = String::from("kind: credential\n");
    for i in 0..2_000 {
        text.push_str(&format!("unknown-{i}: x\n"));
    }
    let dir = catalog(&[("mcred.toml", b"catalog = \".\"\n"), ("broken.yaml", text.as_bytes())]);
    let run = mcred(dir.path(), &["lint"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.matches("╭─[broken.yaml:").count(), mcred::report::human::FRAMES_PER_FILE);
    let more = 2_000 + 10 - mcred::report::human::FRAMES_PER_FILE;
    assert!(
        run.stdout.contains(&format!("… and {more} more findings in broken.yaml")),
        "{}",
        &run.stdout[run.stdout.len() - 300..]
    );
    let json = mcred(dir.path(), &["lint", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 2_010, "the JSON report keeps every finding");
}
