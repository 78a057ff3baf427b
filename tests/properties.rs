//! Properties of the whole lint pipeline, for any input: YAML-shaped documents (mostly valid,
//! often nearly so) and arbitrary bytes go through `lint`, `locate`, every report format and,
//! when clean, rendering. The properties are the fuzz targets' (`fuzz/src/lib.rs`, shared so
//! they are written once): nothing panics, every finding lies inside its file, the JSON report
//! follows `schema/report.schema.json`, and `lint::check` and `lint::typed` (what `mcred lint`
//! and `mcred build` run, with the fast parser) report exactly what `lint::lint` reports.
//!
//! The suite runs a moderate number of cases so that `cargo test` stays fast; set
//! `PROPTEST_CASES` for a longer run, e.g. `PROPTEST_CASES=5000 cargo test --release --test
//! properties`. A failure is shrunk to a small input and saved under `proptest-regressions/`,
//! which is replayed first on every later run: commit it with the fix.

mod common;
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod harness;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

/// Cases per property: `PROPTEST_CASES`, or a number that keeps the suite fast.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48);
    ProptestConfig { cases, max_shrink_iters: 2_000, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------------
// YAML-shaped documents

/// A YAML node, before it is written out in one of YAML's styles.
#[derive(Debug, Clone)]
enum Node {
    Scalar(Scalar),
    Seq(Vec<Node>, bool),
    Map(Vec<(Key, Node)>, bool),
    /// `&name` before a node, then `*name` where an earlier anchor is repeated.
    Anchored(String, Box<Node>),
    Alias(String),
}

#[derive(Debug, Clone)]
struct Key(String);

#[derive(Debug, Clone)]
enum Scalar {
    Plain(String),
    Single(String),
    Double(String),
    Literal(String),
    Folded(String),
}

/// Keys that the schemas know, so that documents reach past the schema into the rules.
const FIELDS: &[&str] = &[
    "kind",
    "id",
    "title",
    "version",
    "status",
    "summary",
    "competency",
    "skill",
    "statement",
    "key_method",
    "method_components",
    "description",
    "research",
    "citation",
    "url",
    "resources",
    "submission",
    "prompts",
    "word_limit",
    "accepts",
    "scoring",
    "levels",
    "label",
    "passing",
    "criteria",
    "part",
    "criterion",
    "descriptors",
    "requires",
    "estimated_hours",
    "image",
    "tags",
    "language",
    "authors",
    "name",
    "license",
    "credentials",
    "award",
    "skills",
    "pass",
    "not-yet",
];

/// Values that mean something to some field.
const WORDS: &[&str] = &[
    "credential",
    "stack",
    "framework",
    "published",
    "draft",
    "retired",
    "1.0.0",
    "1.0",
    "pass",
    "not-yet",
    "artifact",
    "reflection",
    "overview",
    "understand",
    "working-memory",
    "wm.understand",
    "video",
    "text",
    "en",
    "en-GB",
    "CC-BY-4.0",
    "https://example.org/a",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "images/a.png",
    "../outside.png",
    "/etc/passwd",
    "~",
    "null",
    "true",
    "no",
    "yes",
    ".nan",
    "-.inf",
    "1e400",
    "18446744073709551616",
    "-9223372036854775809",
    "0x1F",
    "0o17",
    "12",
    "2.5",
    "<script>alert(1)</script>",
    "{{ 7 * 7 }}",
    "a and b; c",
    "Mémoire – 学习 🧠",
    "\u{202E}evil",
];

/// Text that YAML gives meaning to, and text that is hard to count in columns.
const PIECES: &[&str] = &[
    ":", ": ", " #", "#", "-", "- ", "[", "]", "{", "}", ",", "\"", "'", "\\", "&a", "*a", "!tag ", "!!str ", "|", ">",
    "%YAML", "---", "...", "?", "@", "`", "\t", "\r", "\r\n", "\n", "é", "\u{FEFF}", "\u{85}", "\u{2028}", "🧠",
    "\u{0301}", "ﬀ", "\u{1b}", "\u{7f}", "~", "<", ">", "&", "%", "=",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(str::to_string),
        2 => proptest::sample::select(PIECES).prop_map(str::to_string),
        2 => "[a-z -]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ];
    proptest::collection::vec(piece, 0..4).prop_map(|parts| parts.concat())
}

fn scalar() -> impl Strategy<Value = Scalar> {
    let word = proptest::sample::select(WORDS).prop_map(str::to_string);
    prop_oneof![
        6 => word.prop_map(Scalar::Plain),
        2 => text().prop_map(Scalar::Plain),
        1 => text().prop_map(Scalar::Single),
        2 => text().prop_map(Scalar::Double),
        1 => text().prop_map(Scalar::Literal),
        1 => text().prop_map(Scalar::Folded),
    ]
}

fn key() -> impl Strategy<Value = Key> {
    prop_oneof![
        8 => proptest::sample::select(FIELDS).prop_map(|k| Key(k.to_string())),
        1 => "[a-z_]{1,10}".prop_map(Key),
        1 => text().prop_map(Key),
    ]
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        8 => scalar().prop_map(Node::Scalar),
        1 => "[ab]".prop_map(Node::Alias),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            3 => (proptest::collection::vec(inner.clone(), 0..5), any::<bool>()).prop_map(|(items, flow)| Node::Seq(items, flow)),
            4 => (proptest::collection::vec((key(), inner.clone()), 0..6), any::<bool>())
                .prop_map(|(entries, flow)| Node::Map(entries, flow)),
            1 => ("[ab]", inner).prop_map(|(name, node)| Node::Anchored(name, Box::new(node))),
        ]
    })
}

/// A document: a mapping that usually starts with a known `kind` and an `id`.
fn document() -> impl Strategy<Value = String> {
    let kind = prop_oneof![
        3 => Just("credential"),
        2 => Just("stack"),
        1 => Just("framework"),
        1 => Just("badge"),
    ];
    (
        kind,
        proptest::sample::select(&["understand", "working-memory", "x", "Bad Id"][..]),
        proptest::collection::vec((key(), node()), 0..10),
    )
        .prop_map(|(kind, id, mut entries)| {
            entries.insert(0, (Key("id".into()), Node::Scalar(Scalar::Plain(id.into()))));
            entries.insert(0, (Key("kind".into()), Node::Scalar(Scalar::Plain(kind.into()))));
            let mut out = String::new();
            write_map(&entries, 0, &mut out);
            out
        })
}

/// A document, then sometimes damaged: bytes inserted, removed or repeated at a few places.
fn damaged_document() -> impl Strategy<Value = Vec<u8>> {
    let edit = (any::<prop::sample::Index>(), 0u8..4, proptest::sample::select(PIECES), any::<u8>());
    (document(), proptest::collection::vec(edit, 0..3)).prop_map(|(text, edits)| {
        let mut bytes = text.into_bytes();
        for (at, how, piece, byte) in edits {
            let at = at.index(bytes.len() + 1);
            match how {
                0 => {
                    bytes.splice(at..at, piece.bytes());
                }
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, byte),
                _ => {
                    let end = (at + 16).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    bytes.splice(at..at, copy);
                }
            }
        }
        bytes
    })
}

/// The valid credential of the tests with a few of its lines changed: a value replaced, a line
/// removed, repeated or moved, an indent changed. Such documents pass the parser and often the
/// schema, and so reach the rules about content.
fn changed_credential() -> impl Strategy<Value = String> {
    let edit = (any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0u8..10, scalar(), node());
    proptest::collection::vec(edit, 1..3).prop_map(|edits| {
        let mut lines: Vec<String> = common::CREDENTIAL.lines().map(str::to_string).collect();
        for (at, other, how, scalar, node) in edits {
            let at = at.index(lines.len());
            match how {
                0..=5 => {
                    // A new value after the key (or after `- `).
                    let line = &lines[at];
                    let cut = line.find(": ").map(|i| i + 2).or_else(|| line.find("- ").map(|i| i + 2));
                    if let Some(cut) = cut {
                        let mut value = String::new();
                        if how < 5 {
                            write_scalar(&scalar, 0, true, &mut value);
                        } else {
                            write_flow(&node, &mut value);
                        }
                        lines[at] = format!("{}{value}", &line[..cut]);
                    }
                }
                6 => {
                    lines.remove(at);
                }
                7 => {
                    let line = lines[at].clone();
                    lines.insert(other.index(lines.len() + 1), line);
                }
                8 => {
                    let other = other.index(lines.len());
                    lines.swap(at, other);
                }
                _ => lines[at] = format!("  {}", lines[at]),
            }
            if lines.is_empty() {
                lines.push(String::new());
            }
        }
        lines.join("\n") + "\n"
    })
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

/// A scalar on one line (flow context) or as a block scalar (block context, indented).
fn write_scalar(scalar: &Scalar, depth: usize, flow: bool, out: &mut String) {
    match scalar {
        Scalar::Plain(s) => out.push_str(s),
        Scalar::Single(s) => {
            out.push('\'');
            out.push_str(&s.replace('\'', "''"));
            out.push('\'');
        }
        Scalar::Double(s) => out.push_str(&serde_json::to_string(s).unwrap()),
        Scalar::Literal(s) | Scalar::Folded(s) if !flow => {
            out.push_str(if matches!(scalar, Scalar::Literal(_)) { "|" } else { ">-" });
            for line in s.split('\n') {
                out.push('\n');
                out.push_str(&indent(depth + 1));
                out.push_str(line);
            }
        }
        Scalar::Literal(s) | Scalar::Folded(s) => out.push_str(&serde_json::to_string(s).unwrap()),
    }
}

fn write_flow(node: &Node, out: &mut String) {
    match node {
        Node::Scalar(s) => write_scalar(s, 0, true, out),
        Node::Alias(name) => {
            out.push('*');
            out.push_str(name);
        }
        Node::Anchored(name, node) => {
            out.push('&');
            out.push_str(name);
            out.push(' ');
            write_flow(node, out);
        }
        Node::Seq(items, _) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_flow(item, out);
            }
            out.push(']');
        }
        Node::Map(entries, _) => {
            out.push('{');
            for (i, (Key(k), v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push_str(": ");
                write_flow(v, out);
            }
            out.push('}');
        }
    }
}

/// The value after `key:` (or `-`): on the same line when it is a scalar or flow, below it when
/// it is a block collection.
fn write_value(node: &Node, depth: usize, out: &mut String) {
    match node {
        Node::Seq(items, false) if !items.is_empty() => {
            out.push('\n');
            write_seq(items, depth + 1, out);
        }
        Node::Map(entries, false) if !entries.is_empty() => {
            out.push('\n');
            write_map(entries, depth + 1, out);
        }
        Node::Scalar(s) => {
            out.push(' ');
            write_scalar(s, depth, false, out);
            out.push('\n');
        }
        other => {
            out.push(' ');
            write_flow(other, out);
            out.push('\n');
        }
    }
}

fn write_map(entries: &[(Key, Node)], depth: usize, out: &mut String) {
    for (Key(key), value) in entries {
        out.push_str(&indent(depth));
        out.push_str(key);
        out.push(':');
        write_value(value, depth, out);
    }
}

fn write_seq(items: &[Node], depth: usize, out: &mut String) {
    for item in items {
        out.push_str(&indent(depth));
        out.push('-');
        write_value(item, depth, out);
    }
}

// ---------------------------------------------------------------------------------------------
// The properties

/// Lints a catalog of these files and checks every property of the result: the fuzz targets'
/// checks, which panic when a property breaks (proptest then shrinks the input).
fn check(files: &[(&str, &[u8])]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    harness::check_catalog(dir.path(), files.len());
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn yaml_shaped_documents(text in damaged_document()) {
        check(&[("doc.yaml", &text)])?;
    }

    #[test]
    fn yaml_shaped_documents_beside_a_valid_catalog(text in damaged_document(), name in "[a-z]{1,8}") {
        // The stack lists `understand`: a generated document of that id meets the cross-file rules.
        check(&[
            ("working-memory.yaml", common::STACK.as_bytes()),
            ("understand.yaml", common::CREDENTIAL.as_bytes()),
            (&format!("{name}-doc.yaml"), &text),
        ])?;
    }

    #[test]
    fn a_valid_credential_changed_a_little(text in changed_credential()) {
        check(&[("understand.yaml", text.as_bytes()), ("working-memory.yaml", common::STACK.as_bytes())])?;
    }

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check(&[("bytes.yaml", &bytes)])?;
    }

    #[test]
    fn valid_text_then_arbitrary_bytes(cut in any::<prop::sample::Index>(), tail in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut bytes = common::CREDENTIAL.as_bytes().to_vec();
        let at = cut.index(bytes.len());
        bytes.truncate(at);
        bytes.extend_from_slice(&tail);
        check(&[("understand.yaml", &bytes), ("working-memory.yaml", common::STACK.as_bytes())])?;
    }
}
