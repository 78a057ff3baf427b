//! `mcred init` and `mcred new`: what they write lints clean at once, and a stack they add to
//! keeps its comments, order and layout.

mod common;

use std::path::Path;

use common::{brief, catalog, lint, mcred};

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

#[test]
fn init_writes_a_catalog_that_lints_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = mcred(dir.path(), &["init", "ours"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
    let root = dir.path().join("ours");
    let config = mcred::config::Config::load(&root.join("mcred.toml")).unwrap();
    let linted = mcred::lint::lint(&config.catalog, &config, &root).unwrap();
    assert_eq!(linted.diagnostics, vec![]);
    insta::assert_snapshot!("init_credential", read(&root, "credentials/first-pathway/first-credential.yaml"));
    for yaml in [".github/workflows/mcred.yml", ".pre-commit-config.yaml"] {
        let parsed: Result<serde_json::Value, _> = serde_saphyr::from_str(&read(&root, yaml));
        assert!(parsed.is_ok(), "{yaml}: {parsed:?}");
    }
    assert!(read(&root, ".github/workflows/mcred.yml").contains("mcred lint --format github"));
    // A second init in the same folder refuses, and writes nothing.
    let (code, _, stderr) = mcred(dir.path(), &["init", "ours"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("exists already"), "{stderr}");
}

const STACK: &str = "\
# The pathway for new teachers: keep the order, it follows the induction year.
kind: stack
id: induction
title: Induction
version: 1.0.0
status: draft
summary: The first year, step by step.
credentials:
  # Term 1
  - induction-demonstrate-understanding   # the opening step
award: false # no badge yet
";

#[test]
fn new_credential_joins_the_end_of_its_stack_and_everything_else_stays() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(mcred(dir.path(), &["init"]).0, 0);
    std::fs::create_dir_all(dir.path().join("credentials/induction")).unwrap();
    std::fs::write(dir.path().join("credentials/induction/induction.yaml"), STACK).unwrap();
    let (code, stdout, stderr) = mcred(dir.path(), &["new", "stack", "induction"]);
    assert_eq!(code, 2, "the stack exists: {stdout}");
    assert!(stderr.contains("exists already"), "{stderr}");
    std::fs::remove_file(dir.path().join("credentials/induction/induction.yaml")).unwrap();
    assert_eq!(mcred(dir.path(), &["new", "stack", "induction"]).0, 0);
    // Put back the author's own stack text, with its comments.
    std::fs::write(dir.path().join("credentials/induction/induction.yaml"), STACK).unwrap();

    let (code, stdout, stderr) = mcred(
        dir.path(),
        &[
            "new",
            "credential",
            "induction-partner-with-families",
            "--stack",
            "induction",
            "--title",
            "Induction: Partner with Families",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
    let stack = read(dir.path(), "credentials/induction/induction.yaml");
    assert_eq!(
        stack,
        STACK.replace(
            "  - induction-demonstrate-understanding   # the opening step\n",
            "  - induction-demonstrate-understanding   # the opening step\n  - induction-partner-with-families\n"
        )
    );
    assert_eq!(brief(&lint(&dir.path().join("credentials"))), Vec::<String>::new());
}

#[test]
fn new_credential_follows_a_flow_list_and_tells_about_a_published_stack() {
    let dir = catalog(&[
        ("mcred.toml", b"catalog = \"catalog\"\n"),
        (
            "catalog/wm.yaml",
            b"kind: stack\nid: wm\ntitle: Working Memory\nversion: 1.0.0\nstatus: published\nsummary: A pathway.\ncredentials: [wm-first]   # in order\n",
        ),
    ]);
    // The stack's first credential, published.
    assert_eq!(mcred(dir.path(), &["new", "credential", "wm-first"]).0, 0);
    let first = read(dir.path(), "catalog/wm-first.yaml").replace("status: draft", "status: published");
    std::fs::write(dir.path().join("catalog/wm-first.yaml"), first).unwrap();
    assert_eq!(brief(&lint(&dir.path().join("catalog"))), Vec::<String>::new());

    let (code, stdout, _) = mcred(dir.path(), &["new", "credential", "wm-second", "--stack", "wm"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("note: the stack `wm` is published and the new credential is a draft"), "{stdout}");
    assert!(read(dir.path(), "catalog/wm.yaml").contains("credentials: [wm-first, wm-second]   # in order\n"));
    let found = lint(&dir.path().join("catalog"));
    assert_eq!(found.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(), ["published-depends-on-draft"]);
}

#[test]
fn new_refuses_bad_input_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(mcred(dir.path(), &["init"]).0, 0);
    let before = read(dir.path(), "credentials/first-pathway/first-pathway.yaml");
    let cases: &[(&[&str], &str)] = &[
        (&["new", "credential", "first-credential", "--stack", "first-pathway"], "exists already"),
        (&["new", "credential", "Second_Step", "--stack", "first-pathway"], "not a valid id"),
        (&["new", "credential", "second-step", "--stack", "first-pathwy"], "did you mean `first-pathway`?"),
        (&["new", "stack", "first-pathway"], "exists already"),
    ];
    for (args, says) in cases {
        let (code, _, stderr) = mcred(dir.path(), args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    assert_eq!(read(dir.path(), "credentials/first-pathway/first-pathway.yaml"), before);
    assert!(!dir.path().join("credentials/first-pathway/second-step.yaml").exists());
}
