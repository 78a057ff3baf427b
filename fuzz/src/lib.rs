//! What every fuzz target checks: one input, split into the files of a small catalog, goes
//! through the loader and the whole lint pipeline (`lint`, `locate`, every report format), and,
//! when it lints clean, through rendering. [`check`] panics when a property breaks, which is what
//! the fuzzers count as a crash. `tests/properties.rs` checks the same properties
//! ([`check_catalog`]) on generated catalogs in `cargo test`:
//!
//! - nothing panics, and nothing is lost: every file is in the catalog;
//! - `lint::check` (what `mcred lint` runs, with the fast parser) and `lint::typed` (what
//!   `mcred build` runs) report exactly what `lint::lint` (the general parser) reports, and
//!   `typed` keeps every typed document;
//! - every finding lies inside its file (a line of it, a column within that line, end ≥ start);
//! - the JSON report follows `schema/report.schema.json`, SARIF is JSON, JUnit is XML, GitHub
//!   annotations are one command a line;
//! - a clean catalog renders with the shipped templates, and no page holds a `<script>` tag.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use mcred::config::Config;
use mcred::load::Content;
use mcred::report::{self, Located, Summary};

/// The line that separates two files in one input: `#%file` alone on a line. A comment to YAML,
/// so a seed made of several files still reads naturally.
pub const SEPARATOR: &[u8] = b"\n#%file\n";

/// At most this many files from one input.
const MAX_FILES: usize = 4;

/// The files an input stands for: `f0.yaml`, `f1.yaml`, … A file whose first line is
/// `#%name NAME` takes that name instead (`NAME.yaml`), so that ids can match file names.
pub fn files(data: &[u8]) -> Vec<(String, &[u8])> {
    let mut out = Vec::new();
    let mut rest = data;
    loop {
        let (file, next) = match find(rest, SEPARATOR) {
            Some(at) if out.len() + 1 < MAX_FILES => (&rest[..at], Some(&rest[at + SEPARATOR.len()..])),
            _ => (rest, None),
        };
        let index = out.len();
        let (name, file) = match file.strip_prefix(b"#%name ") {
            Some(named) => {
                let end = named.iter().position(|b| *b == b'\n').unwrap_or(named.len());
                let name: String = String::from_utf8_lossy(&named[..end])
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .take(40)
                    .collect();
                let name = if name.is_empty() { format!("f{index}") } else { name };
                (name, &named[(end + 1).min(named.len())..])
            }
            None => (format!("f{index}"), file),
        };
        // Two files of one name would be one file.
        let name = if out.iter().any(|(n, _): &(String, &[u8])| *n == format!("{name}.yaml")) {
            format!("{name}-{index}")
        } else {
            name
        };
        out.push((format!("{name}.yaml"), file));
        match next {
            Some(next) => rest = next,
            None => return out,
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A folder of this process's own, emptied before each input (the fuzzers run many inputs in one
/// process).
fn workdir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::Builder::new().prefix("mcred-fuzz-").tempdir().expect("a temporary folder");
        // Kept for the life of the process; each input gets a fresh `catalog` below it.
        dir.keep()
    })
}

/// Runs one input through the pipeline; panics when a property breaks.
pub fn check(data: &[u8]) {
    let root = workdir().join("catalog");
    if root.exists() {
        std::fs::remove_dir_all(&root).expect("the previous catalog is removed");
    }
    std::fs::create_dir_all(&root).expect("a catalog folder");
    let files = files(data);
    for (name, bytes) in &files {
        std::fs::write(root.join(name), bytes).expect("a file of the catalog is written");
    }
    check_catalog(&root, files.len());
}

/// Lints the catalog at `root`, which holds `expected` files, and checks every property.
pub fn check_catalog(root: &Path, expected: usize) {
    let config = Config::defaults(root);
    let linted = mcred::lint::lint(root, &config, root).expect("the catalog folder is read");
    assert_eq!(linted.catalog.files.len(), expected, "a file of the catalog was lost");
    let located = report::locate(&linted.catalog, &linted.diagnostics);
    for found in &located {
        inside(found);
    }

    // `check` (what `mcred lint` runs: the fast parser, files let go of when they have no finding)
    // reports exactly what `lint` (the general parser, everything kept) reports.
    let checked = mcred::lint::check(root, &config, root).expect("the catalog folder is read");
    let checked_located = report::locate(&checked.catalog, &checked.diagnostics);
    assert_eq!(brief(&checked_located), brief(&located), "`check` and `lint` disagree");
    // `typed` (what `mcred build` runs) too; the pages below are rendered from it, as a build does.
    let typed = mcred::lint::typed(root, &config, root).expect("the catalog folder is read");
    assert_eq!(
        brief(&report::locate(&typed.catalog, &typed.diagnostics)),
        brief(&located),
        "`typed` and `lint` disagree"
    );
    let models = |linted: &mcred::lint::Linted| -> Vec<Option<String>> {
        linted.catalog.docs.iter().filter(|d| d.model.is_some()).map(|d| d.outline.id.clone()).collect()
    };
    assert_eq!(models(&typed), models(&linted), "`typed` lost a typed document");

    let summary = Summary::of(linted.catalog.files.len(), &located);
    let json: serde_json::Value =
        serde_json::from_str(&report::json::render(&located, summary)).expect("the JSON report is JSON");
    let errors = mcred::schema::report_errors(&json);
    assert!(errors.is_empty(), "the JSON report breaks its schema: {errors:?}");
    assert_eq!(json["diagnostics"].as_array().map(Vec::len), Some(located.len()), "a finding is missing from JSON");

    let style = report::human::Style { colour: false, width: 100 };
    let _ = report::human::render(&located, Some(summary), style);
    let sarif: serde_json::Value = serde_json::from_str(&report::sarif::render(&located)).expect("SARIF is JSON");
    assert!(sarif["runs"].is_array());
    for line in report::github::render(&located).lines() {
        assert!(line.starts_with("::error ") || line.starts_with("::warning "), "not one command a line: {line:?}");
    }
    let all = vec![true; linted.catalog.files.len()];
    let junit = report::junit::render(&linted.catalog, &all, &located, summary);
    if let Err(e) = roxmltree::Document::parse(&junit) {
        panic!("JUnit is not XML: {e}");
    }

    if summary.errors == 0 {
        let options = mcred::render::Options { base_url: None, templates: None, zip: false };
        let package = mcred::render::render(&typed.catalog, &config, &options)
            .unwrap_or_else(|e| panic!("a clean catalog fails to render: {}", e.0));
        for (path, bytes) in &package.files {
            assert!(!path.split('/').any(|p| p == ".."), "a published path climbs: {path}");
            if path.ends_with(".html") {
                let page = String::from_utf8_lossy(bytes).to_ascii_lowercase();
                assert!(!page.contains("<script"), "{path} holds a <script> tag");
            }
        }
    }
}

/// What a user reads of each finding.
fn brief(located: &[Located]) -> Vec<String> {
    located
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}:{}-{}:{} {} | {:?}",
                d.diagnostic.rule,
                d.source.display,
                d.start.line,
                d.start.column,
                d.end.line,
                d.end.column,
                d.diagnostic.message,
                d.diagnostic.help
            )
        })
        .collect()
}

/// A finding's position lies inside its file: on one of its lines, at most one column past the
/// line's last character, the end not before the start; and its span is a range of the text.
fn inside(found: &Located) {
    let text = &found.source.text;
    assert!(
        found.span.start <= found.span.end && found.span.end <= text.len(),
        "{:?} in {} bytes",
        found.span,
        text.len()
    );
    assert!(text.is_char_boundary(found.span.start) && text.is_char_boundary(found.span.end));
    let lines: Vec<&str> = text.split('\n').collect();
    for (what, at) in [("start", found.start), ("end", found.end)] {
        assert!(at.line >= 1 && at.line <= lines.len(), "{what} line {} of {} lines", at.line, lines.len());
        let chars = lines[at.line - 1].chars().count();
        assert!(at.column >= 1 && at.column <= chars + 1, "{what} column {} of a {chars}-character line", at.column);
    }
    assert!(found.start <= found.end, "{:?} after {:?}", found.start, found.end);
    // The text read is the file on disk (a BOM aside), or, for a file that is not UTF-8 text, the
    // valid text before the first bad byte: lines in the report are lines of the file.
    let disk = std::fs::read(&found.source.path).expect("the file is there");
    // Lines as YAML 1.2 breaks them: at LF, CRLF, and a lone CR.
    let lone_cr =
        disk.windows(2).filter(|w| w[0] == b'\r' && w[1] != b'\n').count() + usize::from(disk.last() == Some(&b'\r'));
    let disk_lines = disk.iter().filter(|b| **b == b'\n').count() + lone_cr + 1;
    assert!(found.end.line <= disk_lines, "line {} of a {disk_lines}-line file", found.end.line);
    if let Content::Parsed(_) | Content::Syntax(_) = found.source.content {
        let disk = disk.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&disk);
        // Byte for byte, but that a lone CR (a line break in YAML 1.2) may be read as LF.
        let same =
            text.len() == disk.len() && text.bytes().zip(disk).all(|(t, d)| t == *d || (*d == b'\r' && t == b'\n'));
        assert!(same, "the text read is not the file");
    }
}
