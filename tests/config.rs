//! How `mcred.toml` and the `# mcred: allow` comment change what a lint reports.

mod common;

use common::{CREDENTIAL, STACK, catalog, lint, without_research};

const COMPOUND: &str = "statement: Educator designs a plan and implements it with students.";

fn compound() -> String {
    CREDENTIAL.replace("statement: Educator explains how working memory shapes learning.", COMPOUND)
}

fn rules(dir: &std::path::Path) -> Vec<(String, String)> {
    lint(dir).into_iter().map(|f| (f.rule, f.message)).collect()
}

#[test]
fn a_rule_warns_by_default() {
    let dir = catalog(&[("stack.yaml", STACK.as_bytes()), ("understand.yaml", compound().as_bytes())]);
    let found = lint(dir.path());
    let ids: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(ids, ["id-filename", "compound-skill"]);
}

#[test]
fn the_allow_comment_silences_a_rule_in_its_file_only() {
    let allowed = format!("# mcred: allow compound-skill\n{}", compound());
    let other = compound()
        .replace("id: understand", "id: plan")
        .replace(COMPOUND, "statement: Educator builds a plan and shares it with peers.");
    let stack = STACK.replace("credentials: [understand]", "credentials: [understand, plan]");
    let dir = catalog(&[
        ("stack.yaml", stack.as_bytes()),
        ("understand.yaml", allowed.as_bytes()),
        ("plan.yaml", other.as_bytes()),
    ]);
    let found: Vec<(String, String)> =
        lint(dir.path()).into_iter().filter(|f| f.rule == "compound-skill").map(|f| (f.file, f.rule)).collect();
    assert_eq!(found, [("plan.yaml".to_string(), "compound-skill".to_string())]);
}

#[test]
fn the_allow_comment_takes_several_rules() {
    let allowed = format!("{}# mcred: allow compound-skill, id-filename\n", compound());
    let dir = catalog(&[("stack.yaml", STACK.as_bytes()), ("understand.yaml", allowed.as_bytes())]);
    // The stack's file is named `stack.yaml` but its id is `working-memory`: only it remains.
    let found = lint(dir.path());
    assert_eq!(
        found.iter().map(|f| (f.file.as_str(), f.rule.as_str())).collect::<Vec<_>>(),
        [("stack.yaml", "id-filename")]
    );
}

#[test]
fn severities_are_configurable_and_off_silences() {
    let files = |toml: &'static str| {
        catalog(&[
            ("mcred.toml", toml.as_bytes()),
            ("working-memory.yaml", STACK.as_bytes()),
            ("understand.yaml", compound().into_bytes().leak()),
        ])
    };
    let dir = files("[rules]\ncompound-skill = \"error\"\n");
    let found = lint(dir.path());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, "compound-skill");
    assert_eq!(mcred::diagnostic::Severity::Error.as_str(), "error");
    let dir = files("[rules]\ncompound-skill = \"off\"\n");
    assert_eq!(rules(dir.path()), vec![]);
    let dir = files("[rules.compound-skill]\nseverity = \"off\"\n");
    assert_eq!(rules(dir.path()), vec![]);
}

#[test]
fn an_error_made_a_warning_lets_lint_pass() {
    let credential = without_research(CREDENTIAL);
    let dir = catalog(&[
        ("mcred.toml", b"catalog = \".\"\n[rules]\nresearch-required = \"warning\"\n"),
        ("working-memory.yaml", STACK.as_bytes()),
        ("understand.yaml", credential.as_bytes()),
    ]);
    let output =
        std::process::Command::new(env!("CARGO_BIN_EXE_mcred")).arg("lint").current_dir(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 warning"));
}

#[test]
fn the_configuration_is_found_from_a_subfolder_and_named_from_elsewhere() {
    let dir = catalog(&[
        ("repo/mcred.toml", b"catalog = \"catalog\"\n"),
        ("repo/catalog/working-memory.yaml", STACK.as_bytes()),
        ("repo/catalog/understand.yaml", CREDENTIAL.as_bytes()),
        ("repo/docs/notes.txt", b"not a catalog\n"),
    ]);
    let run = |cwd: &str, args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_mcred"))
            .args(args)
            .current_dir(dir.path().join(cwd))
            .output()
            .unwrap();
        // The summary line ends with the time taken: compare what comes before it.
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        (output.status.code(), stdout.split(" in ").next().unwrap_or_default().to_string())
    };
    assert_eq!(run("repo/docs", &["lint"]), (Some(0), "Checked 2 files".to_string()));
    assert_eq!(run(".", &["lint", "--config", "repo/mcred.toml"]), (Some(0), "Checked 2 files".to_string()));
}

#[test]
fn a_three_level_rubric_is_inherited_from_the_configuration() {
    let toml = "[scoring]\nlevels = [{ id = \"exemplary\", label = \"Exemplary\" }, { id = \"proficient\", label = \"Proficient\" }, { id = \"not-yet\", label = \"Not yet\" }]\npassing = \"proficient\"\n";
    let dir = catalog(&[
        ("mcred.toml", toml.as_bytes()),
        ("working-memory.yaml", STACK.as_bytes()),
        ("understand.yaml", CREDENTIAL.as_bytes()),
    ]);
    let found = lint(dir.path());
    let shown: Vec<String> =
        found.iter().map(|f| format!("{}:{} {} {}", f.line, f.column, f.rule, f.message)).collect();
    assert_eq!(
        shown,
        [
            "26:7 rubric-coverage the criterion has no descriptor for the levels `exemplary` and `proficient`",
            "27:9 rubric-coverage there is no level `pass` to describe",
            "31:7 rubric-coverage the criterion has no descriptor for the levels `exemplary` and `proficient`",
            "32:9 rubric-coverage there is no level `pass` to describe",
        ]
    );
}
