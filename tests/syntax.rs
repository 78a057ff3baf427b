//! The traps of YAML itself: every one is a finding at its exact position, never a crash, never
//! a silently different value.

mod common;

use common::{CREDENTIAL, brief, lint_credential};

fn with(old: &str, new: &str) -> String {
    assert!(CREDENTIAL.contains(old), "{old}");
    CREDENTIAL.replacen(old, new, 1)
}

#[test]
fn the_template_is_clean() {
    assert_eq!(brief(&lint_credential(CREDENTIAL.as_bytes())), Vec::<String>::new());
}

#[test]
fn a_duplicate_key_is_reported_at_the_second_one() {
    let text = with("summary: The educator", "title: Working Memory\nsummary: The educator");
    assert_eq!(
        brief(&lint_credential(text.as_bytes())),
        ["duplicate-key understand.yaml:6:1 the key `title` appears twice in this mapping"]
    );
}

#[test]
fn a_tab_in_indentation_is_a_syntax_error_on_its_line() {
    let text = with("  - title: Analyse", "\t- title: Analyse");
    let found = lint_credential(text.as_bytes());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].rule.as_str(), found[0].line), ("yaml-syntax", 11));
    assert!(found[0].message.contains("tabs"), "{}", found[0].message);
}

#[test]
fn invalid_utf8_points_at_the_bad_byte_in_characters() {
    let mut bytes = with("title: \"Working Memory: Demonstrate Understanding\"", "title: \"Mémoire de travail \u{1}\"")
        .into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xFF;
    let found = lint_credential(&bytes);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].rule.as_str(), found[0].line, found[0].column), ("yaml-syntax", 3, 28));
    assert!(found[0].message.contains("UTF-8"), "{}", found[0].message);
}

#[test]
fn positions_hold_with_a_bom_crlf_and_non_ascii_text() {
    let text =
        with("status: published", "status: publishd").replace("title: \"Working", "title: \"Überblick – Working");
    let text = format!("\u{FEFF}{}", text.replace('\n', "\r\n"));
    let found = lint_credential(text.as_bytes());
    assert_eq!(
        brief(&found),
        ["schema understand.yaml:5:9 `status` is `publishd`; expected one of `draft`, `published`, `retired`"]
    );
    assert_eq!((found[0].end_line, found[0].end_column), (5, 17));
    assert_eq!(found[0].help.as_deref(), Some("did you mean `published`?"));
}

#[test]
fn yaml_1_1_booleans_stay_text() {
    // `no`, `on` and `yes` are text in YAML 1.2: a prompt that says "no" is a prompt.
    let text = with("prompts: [Submit a student work sample.]", "prompts: [no, on, yes]");
    assert_eq!(brief(&lint_credential(text.as_bytes())), Vec::<String>::new());
    let text = with("status: published", "status: yes");
    assert_eq!(
        brief(&lint_credential(text.as_bytes())),
        ["schema understand.yaml:5:9 `status` is `yes`; expected one of `draft`, `published`, `retired`"]
    );
}

#[test]
fn a_float_where_a_version_belongs_says_to_quote_it() {
    let found = lint_credential(with("version: 1.0.0", "version: 1.0").as_bytes());
    assert_eq!(brief(&found), ["schema understand.yaml:4:10 `version` should be a text, not a number `1.0`"]);
    assert!(found[0].help.as_deref().unwrap().contains("quotes"), "{:?}", found[0].help);
}

#[test]
fn a_key_swallowed_by_a_folded_block_is_named() {
    let text = with(
        "summary: The educator explains what working memory is.\ncompetency:",
        "summary: >-\n  The educator explains what working memory is.\n  competency:",
    );
    let text = text.replace("\n  statement: Educator", "\n    statement: Educator");
    let found = lint_credential(text.as_bytes());
    assert_eq!(
        brief(&found),
        ["schema understand.yaml:7:3 this credential is missing the required field `competency`"]
    );
    assert!(found[0].help.as_deref().unwrap().contains("inside the text of `summary`"), "{:?}", found[0].help);
}

#[test]
fn a_second_document_is_reported_at_its_separator() {
    let text = format!("{CREDENTIAL}---\nkind: stack\n");
    let found = lint_credential(text.as_bytes());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].rule.as_str(), found[0].line), ("yaml-syntax", 34));
    assert!(found[0].message.contains("one document"), "{}", found[0].message);
}

#[test]
fn an_empty_file_is_reported_once() {
    for text in ["", "\n\n", "# a comment and nothing else\n"] {
        let found = lint_credential(text.as_bytes());
        // The stack lists the credential the empty file should hold; that is not a second finding.
        let rules: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["yaml-syntax"], "{text:?}: {found:#?}");
        assert_eq!((found[0].line, found[0].column), (1, 1));
    }
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    let mut text = String::from("kind: credential\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..12u8 {
        let (prev, next) = ((b'a' + level - 1) as char, (b'a' + level) as char);
        let refs = vec![format!("*{prev}"); 10].join(", ");
        text.push_str(&format!("{next}: &{next} [{refs}]\n"));
    }
    let started = std::time::Instant::now();
    let found = lint_credential(text.as_bytes());
    assert!(started.elapsed().as_secs() < 5);
    assert!(found.iter().any(|f| f.rule == "yaml-syntax" && f.file == "understand.yaml"), "{found:#?}");
}

#[test]
fn extreme_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("kind: credential\nsummary: {}\n", "[".repeat(100_000));
    let found = lint_credential(deep.as_bytes());
    assert!(
        found.iter().any(|f| f.rule == "yaml-syntax" && f.line == 2 && f.message.contains("nests deeper")),
        "{found:#?}"
    );
    let block: String = (0..3_000).map(|depth| format!("{}k{depth}:\n", " ".repeat(depth))).collect();
    let found = lint_credential(format!("kind: credential\n{block}").as_bytes());
    assert!(found.iter().any(|f| f.rule == "yaml-syntax"), "{found:#?}");
}
