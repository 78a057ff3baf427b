//! Hostile input, as a pull request from anyone can bring it: every file that is huge, deep,
//! binary, looped, linked out of the catalog or full of markup ends with exit 1 or 2 and a finding
//! at its file and line, quickly, in bounded memory, and `mcred build` publishes hostile text inert.
//!
//! Large cases are generated at run time, never committed. Each run of the binary is killed after
//! [`HARD_LIMIT`] so that a hang fails the test instead of hanging the suite, and runs under an
//! address-space limit ([`MEMORY_LIMIT_KIB`]) so that unbounded memory ends the run and fails it.
//! A test that first showed a bug says which in its doc comment ("Once a bug: …"); while a bug
//! is not fixed its test is marked `#[ignore]`, and `cargo test --test hostile -- --ignored` runs
//! it.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::html::tokenize;
use common::{CREDENTIAL, STACK, copy_tree};
use serde_json::Value;

/// How long a hostile case may take. Generous: the suite runs a debug build on 2 shared cores;
/// this catches a hang or a quadratic blow-up, it is not a benchmark.
const QUICK: Duration = Duration::from_secs(5);
/// When a run is killed.
const HARD_LIMIT: Duration = Duration::from_secs(30);
/// The address space a run may use (1 GiB): far above what any case needs (the largest, a 2 MB
/// line, peaks near 70 MB resident), far below what an unbounded expansion reaches.
const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    /// `None` when the run was killed by a signal (the hard limit, or memory).
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
    killed: bool,
}

/// Runs `mcred ARGS` in `dir` with a hard time limit and a memory limit.
fn mcred(dir: &Path, args: &[&str]) -> Run {
    // `ulimit -v` bounds the address space of the process itself: a run that tries to take more
    // fails its allocation and aborts, which the exit code shows.
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_mcred"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Drain both pipes while waiting, so that a large report cannot block the child.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let mut killed = false;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HARD_LIMIT {
            let _ = child.kill();
            killed = true;
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = started.elapsed();
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.join().unwrap()).into_owned(),
        elapsed,
        killed,
    }
}

impl Run {
    /// The run ended by itself, quickly, with `code`.
    #[track_caller]
    fn ended(&self, code: i32) -> &Run {
        assert!(!self.killed, "killed after {HARD_LIMIT:?}: a hang\n{}", self.stderr);
        assert_eq!(self.code, Some(code), "exit code\n--- stdout\n{}\n--- stderr\n{}", clip(&self.stdout), self.stderr);
        assert!(self.elapsed < QUICK, "took {:?}", self.elapsed);
        assert!(!self.stderr.contains("internal error"), "{}", self.stderr);
        self
    }
}

/// A long text cut for a failure message.
fn clip(text: &str) -> String {
    if text.len() <= 4000 {
        return text.to_string();
    }
    let mut end = 4000;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &text[..end], text.len())
}

/// A finding of the JSON report.
#[derive(Debug, Clone)]
struct Finding {
    rule: String,
    file: String,
    line: u64,
    column: u64,
    message: String,
}

/// `mcred lint --format json ARGS` in `dir`: the run and its findings.
fn lint(dir: &Path, args: &[&str]) -> (Run, Vec<Finding>) {
    let mut all = vec!["lint", "--format", "json"];
    all.extend_from_slice(args);
    let run = mcred(dir, &all);
    let findings = match serde_json::from_str::<Value>(&run.stdout) {
        Ok(report) => {
            let errors = mcred::schema::report_errors(&report);
            assert!(errors.is_empty(), "the report breaks its schema: {errors:#?}");
            report["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| Finding {
                    rule: d["rule"].as_str().unwrap().to_string(),
                    file: d["file"].as_str().unwrap().to_string(),
                    line: d["line"].as_u64().unwrap(),
                    column: d["column"].as_u64().unwrap(),
                    message: d["message"].as_str().unwrap().to_string(),
                })
                .collect()
        }
        Err(_) => Vec::new(),
    };
    (run, findings)
}

/// The one finding of `rule` in `file`.
#[track_caller]
fn only<'a>(findings: &'a [Finding], rule: &str, file: &str) -> &'a Finding {
    let matching: Vec<&Finding> = findings.iter().filter(|f| f.rule == rule && f.file == file).collect();
    assert_eq!(matching.len(), 1, "one `{rule}` finding in {file}, got: {findings:#?}");
    matching[0]
}

/// A temporary project: `mcred.toml` naming the folder `catalog`, and these files in it.
fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    project_with("", files)
}

/// [`project`] with more configuration.
fn project_with(config: &str, files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mcred.toml"), format!("catalog = \"catalog\"\n{config}")).unwrap();
    std::fs::create_dir_all(dir.path().join("catalog")).unwrap();
    for (name, bytes) in files {
        let path = dir.path().join("catalog").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// A project with the stack and a credential file of this text.
fn credential(text: &[u8]) -> tempfile::TempDir {
    project(&[("working-memory.yaml", STACK.as_bytes()), ("understand.yaml", text)])
}

/// The credential template with `old` replaced by `new`.
fn with(old: &str, new: &str) -> String {
    assert!(CREDENTIAL.contains(old), "{old}");
    CREDENTIAL.replacen(old, new, 1)
}

/// The 1-based line of the first `needle` in `text`.
fn line_of(text: &str, needle: &str) -> u64 {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    text[..at].matches('\n').count() as u64 + 1
}

/// The human report names the file and line, as `FILE:LINE:`.
#[track_caller]
fn human_names(dir: &Path, file: &str, line: u64) -> Run {
    let run = mcred(dir, &["lint"]);
    assert!(
        run.stdout.contains(&format!("{file}:{line}:")),
        "the human report should name {file}:{line}\n{}",
        clip(&run.stdout)
    );
    run
}

const FILE: &str = "catalog/understand.yaml";

// ---------------------------------------------------------------------------------------------
// Expansion and nesting

/// Twelve levels of ten aliases each: 10^12 nodes if expanded.
fn alias_bomb() -> String {
    let mut text = String::from("kind: credential\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..12u8 {
        let (prev, next) = ((b'a' + level - 1) as char, (b'a' + level) as char);
        let refs = vec![format!("*{prev}"); 10].join(", ");
        text.push_str(&format!("{next}: &{next} [{refs}]\n"));
    }
    text
}

#[test]
fn an_alias_bomb_is_refused_at_its_aliases_quickly() {
    let text = alias_bomb();
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "yaml-syntax", FILE);
    assert!(found.message.contains("alias"), "{found:?}");
    // The budget runs out somewhere among the alias lines, never before them.
    assert!((2..=13).contains(&found.line), "{found:?}");
    human_names(dir.path(), FILE, found.line);
}

#[test]
fn an_alias_bomb_of_long_texts_stays_within_memory() {
    // One 1 MiB text, referenced 2000 times: 2 GB if expanded.
    let text = format!("kind: credential\na: &a \"{}\"\nb: [{}]\n", "x".repeat(1 << 20), vec!["*a"; 2000].join(", "));
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "yaml-syntax", FILE);
    assert_eq!(found.line, 3, "{found:?}");
}

/// Once a bug: the alias-budget message shows serde-saphyr's debug output and unbalanced
/// parentheses.
#[test]
fn an_alias_bomb_is_explained_in_words() {
    for text in [
        alias_bomb(),
        format!("kind: credential\na: &a \"{}\"\nb: [{}]\n", "x".repeat(1 << 20), vec!["*a"; 2000].join(", ")),
    ] {
        let dir = credential(text.as_bytes());
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(1);
        let message = &only(&findings, "yaml-syntax", FILE).message;
        // Once: "budget breached: Nodes { nodes: 250001 } at line 2, column 7 (defined at line 6,
        // column 7) (used: the document expands too far through aliases (`*name`)".
        assert!(!message.contains("budget breached") && !message.contains(" { "), "{message}");
        assert_eq!(message.matches('(').count(), message.matches(')').count(), "{message}");
        assert!(!message.contains(" at line "), "the report shows the position, the message need not: {message}");
    }
}

#[test]
fn flow_nesting_200k_deep_is_refused_on_its_line() {
    let text = format!("kind: credential\nsummary: {}\n", "[".repeat(200_000));
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "yaml-syntax", FILE);
    assert_eq!(found.line, 2, "{found:?}");
    assert!(found.message.contains("nests deeper"), "{found:?}");
    human_names(dir.path(), FILE, 2);
}

/// Once a bug: past about 256 levels the column is that of the 256th bracket, not of the 64th where
/// the limit is.
#[test]
fn flow_nesting_points_at_the_level_past_the_limit() {
    // At 100 levels the finding is at column 73, the 64th `[` (the document's mapping is level
    // 1); at 200k levels it is at column 265.
    for depth in [100, 300, 200_000] {
        let text = format!("kind: credential\nsummary: {}1{}\n", "[".repeat(depth), "]".repeat(depth));
        let dir = credential(text.as_bytes());
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(1);
        let found = only(&findings, "yaml-syntax", FILE);
        assert_eq!((found.line, found.column), (2, 73), "{depth} levels: {found:?}");
    }
}

#[test]
fn block_nesting_3k_deep_is_refused_at_the_limit() {
    let block: String = (0..3_000).map(|depth| format!("{}k{depth}:\n", " ".repeat(depth))).collect();
    let text = format!("kind: credential\n{block}");
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "yaml-syntax", FILE);
    assert!(found.message.contains("nests deeper"), "{found:?}");
    // 64 levels: the mapping of the document, then `k0` on line 2 down to `k62` on line 64.
    assert!((64..=67).contains(&found.line), "{found:?}");
    human_names(dir.path(), FILE, found.line);
}

// ---------------------------------------------------------------------------------------------
// Size

#[test]
fn a_40_mb_file_is_refused_unread() {
    let mut text = String::from("kind: credential\nid: understand\n");
    let line = format!("# {}\n", "y".repeat(998));
    while text.len() < 40 * 1024 * 1024 {
        text.push_str(&line);
    }
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "unreadable-file", FILE);
    assert_eq!((found.line, found.column), (1, 1));
    assert!(found.message.contains("8 MiB"), "{found:?}");
    human_names(dir.path(), FILE, 1);
}

#[test]
fn a_file_just_under_the_limit_is_read_and_checked() {
    // 7.5 MiB of list items: read, parsed and checked, with the finding on its line.
    let mut text = with("status: published", "status: publishd");
    text.push_str("tags:\n");
    let item = format!("  - {}\n", "t".repeat(75));
    while text.len() < 7 * 1024 * 1024 + 512 * 1024 {
        text.push_str(&item);
    }
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    assert_eq!(only(&findings, "schema", FILE).line, line_of(&text, "status:"), "{findings:#?}");
}

/// A credential whose `summary` (line 6) is 2 MB long, and that cites no research (an error).
fn two_mb_line() -> String {
    common::without_research(CREDENTIAL)
        .replace("summary: The educator explains what working memory is.", &format!("summary: {}", "x".repeat(2 << 20)))
}

#[test]
fn a_2_mb_line_is_located() {
    let text = two_mb_line();
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    only(&findings, "research-required", FILE);
    let long = only(&findings, "summary-length", FILE);
    assert_eq!((long.line, long.column), (6, 10), "{long:?}");
    assert!(long.message.len() < 4096, "a message of {} bytes", long.message.len());
}

#[test]
fn a_syntax_error_at_the_end_of_a_2_mb_line_is_located() {
    // A `: ` at the end of a plain value: a mapping where none may start.
    let long = "x".repeat(2 << 20);
    let text = with("summary: The educator explains what working memory is.", &format!("summary: {long}: y"));
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "yaml-syntax", FILE);
    assert_eq!(found.line, 6, "{found:?}");
    // Somewhere on the long line, past its start: columns count characters, not bytes.
    assert!(found.column > 10 && found.column <= 10 + (2 << 20) + 3, "{found:?}");
}

/// Once a bug: the code frame prints the whole 2 MB line and a 2 MB underline: 8 MB of report for
/// one finding.
#[test]
fn a_2_mb_line_gives_a_short_human_report() {
    let dir = credential(two_mb_line().as_bytes());
    let run = mcred(dir.path(), &["lint"]);
    run.ended(1);
    assert!(run.stdout.len() < 64 * 1024, "{} bytes of human report", run.stdout.len());
}

// ---------------------------------------------------------------------------------------------
// Not text

/// Bytes from a fixed linear congruential generator: junk that is the same on every run.
fn junk(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 56) as u8
        })
        .collect()
}

#[test]
fn binary_junk_is_reported_at_its_first_bad_byte() {
    for seed in 0..8 {
        let bytes = junk(64 * 1024, seed);
        let bad = match std::str::from_utf8(&bytes) {
            Ok(_) => continue,
            Err(e) => e.valid_up_to(),
        };
        let valid = std::str::from_utf8(&bytes[..bad]).unwrap();
        let nul = valid.find('\0');
        let first = nul.unwrap_or(bad);
        let line = bytes[..first].iter().filter(|b| **b == b'\n').count() as u64 + 1;
        let dir = credential(&bytes);
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(1);
        let found = only(&findings, "yaml-syntax", FILE);
        assert_eq!(found.line, line, "seed {seed}: {found:?}");
        assert!(found.message.contains("UTF-8") || found.message.contains("NUL"), "{found:?}");
        // The frame shows the text up to the bad byte only (its control characters are
        // `control_characters_never_reach_the_terminal`).
        let human = mcred(dir.path(), &["lint"]);
        human.ended(1);
        assert!(human.stdout.len() < 2 * bad + 4096, "{} bytes of report", human.stdout.len());
    }
}

#[test]
fn a_nul_byte_is_reported_where_it_is() {
    let text = with("summary: The educator", "summary: The \0educator");
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "yaml-syntax", FILE);
    assert_eq!((found.line, found.column), (6, 14), "{found:?}");
    assert!(found.message.contains("NUL"), "{found:?}");
    human_names(dir.path(), FILE, 6);
}

#[test]
fn invalid_utf8_is_reported_at_the_bad_byte() {
    // A lone continuation byte, an overlong `/`, an encoded surrogate, a truncated sequence at the
    // end of the file.
    for (bad, at_end) in [(&b"\x80"[..], false), (b"\xC0\xAF", false), (b"\xED\xA0\x80", false), (b"\xE2\x82", true)] {
        let mut bytes = with("title: \"Working Memory", "title: \"Wörking Memory").into_bytes();
        if at_end {
            bytes.extend_from_slice(bad);
        } else {
            let at = bytes.windows(6).position(|w| w == b"Memory").unwrap();
            bytes.splice(at..at, bad.iter().copied());
        }
        let line = bytes[..bytes.len() - if at_end { 2 } else { 0 }].iter().filter(|b| **b == b'\n').count() as u64 + 1;
        let dir = credential(&bytes);
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(1);
        let found = only(&findings, "yaml-syntax", FILE);
        if at_end {
            assert_eq!(found.line, line, "{bad:x?}: {found:?}");
        } else {
            // Columns count characters: `title: "Wörking ` is 16 of them.
            assert_eq!((found.line, found.column), (3, 17), "{bad:x?}: {found:?}");
        }
        assert!(found.message.contains("UTF-8"), "{found:?}");
    }
}

#[test]
fn utf16_is_named_as_such() {
    let utf16 = |big_endian: bool, bom: bool| -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" });
        }
        for unit in CREDENTIAL.encode_utf16() {
            out.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        out
    };
    for big_endian in [false, true] {
        let dir = credential(&utf16(big_endian, true));
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(1);
        let found = only(&findings, "yaml-syntax", FILE);
        assert_eq!((found.line, found.column), (1, 1));
        assert!(found.message.contains("UTF-16"), "{found:?}");
    }
    // Without a byte-order mark the text is full of NUL bytes: binary, on line 1.
    let dir = credential(&utf16(false, false));
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    assert_eq!(only(&findings, "yaml-syntax", FILE).line, 1);
}

#[test]
fn empty_files_are_one_finding_each() {
    for text in [&b""[..], b"\n\n\n", b"   \n\t\n", b"# only a comment\n", b"\xEF\xBB\xBF", b"---\n", b"---\n...\n"] {
        let dir = credential(text);
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(1);
        let found = only(&findings, "yaml-syntax", FILE);
        assert_eq!((found.line, found.column), (1, 1), "{text:?}");
        assert_eq!(findings.len(), 1, "{text:?}: {findings:#?}");
    }
}

#[test]
fn a_second_document_is_reported_at_its_separator() {
    let cases = [
        format!("{CREDENTIAL}---\n{STACK}"),
        format!("{CREDENTIAL}...\n---\nkind: stack\n"),
        format!("---\n{CREDENTIAL}---\n"),
    ];
    for text in &cases {
        let dir = credential(text.as_bytes());
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(1);
        let found = only(&findings, "yaml-syntax", FILE);
        let separator = text.rfind("---").unwrap();
        let line = text[..separator].matches('\n').count() as u64 + 1;
        assert_eq!(found.line, line, "{found:?}");
        assert!(found.message.contains("one document"), "{found:?}");
    }
}

#[test]
fn document_markers_around_one_document_are_one_document() {
    for text in [format!("---\n{CREDENTIAL}"), format!("%YAML 1.2\n---\n{CREDENTIAL}...\n# the end\n")] {
        let dir = credential(text.as_bytes());
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(0);
        assert!(findings.is_empty(), "{findings:#?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Many findings

/// A credential with `count` unknown fields, one a line, after the valid ones.
fn unknown_fields(count: usize) -> String {
    let mut text = CREDENTIAL.to_string();
    for i in 0..count {
        text.push_str(&format!("unknown_{i}: {i}\n"));
    }
    text
}

#[test]
fn thousands_of_findings_are_all_in_the_json_report() {
    let text = unknown_fields(3_000);
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let schema: Vec<&Finding> = findings.iter().filter(|f| f.rule == "schema").collect();
    assert_eq!(schema.len(), 3_000);
    let first = line_of(&text, "unknown_0:");
    for (i, found) in schema.iter().enumerate() {
        assert_eq!((found.file.as_str(), found.line, found.column), (FILE, first + i as u64, 1), "{found:?}");
    }
}

#[test]
fn thousands_of_findings_show_a_hundred_frames_at_most_then_a_count() {
    let dir = credential(unknown_fields(3_000).as_bytes());
    let run = mcred(dir.path(), &["lint"]);
    run.ended(1);
    // A code frame opens with `╭─[FILE:LINE:COLUMN]`.
    let frames = run.stdout.matches(&format!("[{FILE}:")).count();
    assert!(frames <= 100, "{frames} code frames for one file");
    assert!(frames >= 10, "the first findings are shown: {frames}");
    let rest = 3_000 - frames;
    let count_line = run.stdout.lines().find(|l| l.contains(&rest.to_string()) && l.contains(FILE));
    assert!(count_line.is_some(), "a line should say the {rest} other findings of {FILE}\n{}", clip(&run.stdout));
    assert!(run.stdout.contains("3000 errors"), "the summary counts every finding\n{}", clip(&run.stdout));
    assert!(run.stdout.len() < 256 * 1024, "{} bytes of report", run.stdout.len());
}

/// Once a bug: each finding's line and column is counted from the start of the file, so 20k
/// findings in one file take over 20 s.
#[test]
fn twenty_thousand_findings_in_one_file_are_quick() {
    // 20k repeated keys: 20k `duplicate-key` findings in a 250 KB file.
    let mut text = CREDENTIAL.to_string();
    for i in 0..20_000 {
        text.push_str(&format!("title: repeated {i}\n"));
    }
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    assert_eq!(findings.iter().filter(|f| f.rule == "duplicate-key").count(), 20_000);
}

/// Once a bug: each key of a mapping is compared with every earlier one, so a mapping of 50k keys
/// takes minutes.
#[test]
fn a_mapping_of_50k_keys_is_quick() {
    // 50k distinct keys in one nested mapping (about 600 KB): one schema finding.
    let mut text = with("competency:\n", "competency:\n  huge:\n");
    let at = text.find("  huge:\n").unwrap() + "  huge:\n".len();
    let keys: String = (0..50_000).map(|i| format!("    k{i}: {i}\n")).collect();
    text.insert_str(at, &keys);
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    assert_eq!(only(&findings, "schema", FILE).line, line_of(&text, "  huge:"));
}

// ---------------------------------------------------------------------------------------------
// Folders, links and permissions

#[test]
fn a_folder_named_yaml_is_a_folder() {
    let broken = with("status: published", "status: publishd");
    let dir = project(&[
        ("working-memory.yaml", STACK.as_bytes()),
        ("understand.yaml", CREDENTIAL.as_bytes()),
        ("folder.yaml/empty.yml/inner.yaml", broken.as_bytes()),
    ]);
    std::fs::create_dir_all(dir.path().join("catalog/nothing.yaml")).unwrap();
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    // The folders are not files (no finding about them); the file inside is read.
    let inner = "catalog/folder.yaml/empty.yml/inner.yaml";
    assert_eq!(only(&findings, "schema", inner).line, 5);
    for folder in ["catalog/folder.yaml", "catalog/folder.yaml/empty.yml", "catalog/nothing.yaml"] {
        assert!(findings.iter().all(|f| f.file != folder), "{findings:#?}");
    }
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_with_a_finding_each() {
    let dir = credential(CREDENTIAL.as_bytes());
    let catalog = dir.path().join("catalog");
    symlink("b.yaml", &catalog.join("a.yaml"));
    symlink("a.yaml", &catalog.join("b.yaml"));
    symlink("self.yaml", &catalog.join("self.yaml"));
    // A folder link back up: a loop for a walker that follows links.
    symlink("..", &catalog.join("up"));
    symlink(".", &catalog.join("here.yaml"));
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    for file in ["a.yaml", "b.yaml", "self.yaml"] {
        let found = only(&findings, "unreadable-file", &format!("catalog/{file}"));
        assert_eq!((found.line, found.column), (1, 1));
    }
    assert_eq!(findings.len(), 3, "{findings:#?}");
}

/// Once a bug: a link loop is reported as a link to a file that does not exist, which it does.
#[cfg(unix)]
#[test]
fn a_symlink_loop_is_called_a_loop() {
    let dir = credential(CREDENTIAL.as_bytes());
    let catalog = dir.path().join("catalog");
    symlink("b.yaml", &catalog.join("a.yaml"));
    symlink("a.yaml", &catalog.join("b.yaml"));
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "unreadable-file", "catalog/a.yaml");
    // Once: "the link points at `b.yaml`, which does not exist" – but b.yaml is right there.
    assert!(found.message.contains("loop") || found.message.contains("cycle"), "{found:?}");
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_names_its_target() {
    let dir = credential(CREDENTIAL.as_bytes());
    symlink("gone/nowhere.yaml", &dir.path().join("catalog/dangling.yaml"));
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "unreadable-file", "catalog/dangling.yaml");
    assert_eq!((found.line, found.column), (1, 1));
    assert!(found.message.contains("gone/nowhere.yaml"), "{found:?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    human_names(dir.path(), "catalog/dangling.yaml", 1);
}

/// Whether this process can read a file whatever its mode says: root can.
#[cfg(unix)]
fn reads_despite_mode(path: &Path) -> bool {
    std::fs::read(path).is_ok()
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_finding_or_read_by_root() {
    use std::os::unix::fs::PermissionsExt;
    let broken = with("status: published", "status: publishd");
    let dir = credential(broken.as_bytes());
    let file = dir.path().join("catalog/understand.yaml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    if reads_despite_mode(&file) {
        // Root (as in CI): mode 000 does not stop reading, so the file is read and checked.
        eprintln!("note: running as a user whom mode 000 does not stop (root); the file is read");
        assert_eq!(only(&findings, "schema", FILE).line, 5, "{findings:#?}");
    } else {
        let found = only(&findings, "unreadable-file", FILE);
        assert_eq!((found.line, found.column), (1, 1));
        assert!(found.message.contains("ermission"), "{found:?}");
    }
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// Runs `mcred ARGS` in `dir` as the unprivileged user `nobody`, when this process is root and
/// `setpriv` is there; `None` otherwise.
#[cfg(unix)]
fn as_nobody(dir: &Path, args: &[&str]) -> Option<Run> {
    let root = std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .is_some_and(|l| l.split_whitespace().nth(1) == Some("0"));
    let setpriv = Path::new("/usr/bin/setpriv");
    if !root || !setpriv.exists() {
        return None;
    }
    let binary = env!("CARGO_BIN_EXE_mcred");
    // `nobody` must be able to run the binary at all (a checkout under /root is closed to it).
    let drop = ["--reuid=65534", "--regid=65534", "--clear-groups", "--"];
    let runs = Command::new(setpriv).args(drop).arg(binary).arg("--version").output().ok()?;
    if !runs.status.success() {
        eprintln!("note: `nobody` cannot run {binary}; mode 000 is not tested as another user");
        return None;
    }
    let started = Instant::now();
    let output =
        Command::new(setpriv).args(drop).arg(binary).args(args).current_dir(dir).env("NO_COLOR", "1").output().ok()?;
    Some(Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
        killed: false,
    })
}

/// Lets `nobody` into `dir` and everything in it (the temporary folder is private to its owner).
#[cfg(unix)]
fn open_to_all(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in walk(dir) {
        let mode = if entry.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if dir.is_dir() && !dir.is_symlink() {
        for entry in std::fs::read_dir(dir).unwrap() {
            out.extend(walk(&entry.unwrap().path()));
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_finding_for_a_user_it_stops() {
    use std::os::unix::fs::PermissionsExt;
    let dir = credential(CREDENTIAL.as_bytes());
    open_to_all(dir.path());
    let file = dir.path().join("catalog/understand.yaml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    // As root, run the binary as `nobody`, whom mode 000 does stop; as anyone else, as is.
    let run = match as_nobody(dir.path(), &["lint", "--format", "json"]) {
        Some(run) => run,
        None if reads_despite_mode(&file) => {
            eprintln!("note: root without setpriv: mode 000 cannot be tested here");
            return;
        }
        None => mcred(dir.path(), &["lint", "--format", "json"]),
    };
    run.ended(1);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<&Value> = report["diagnostics"].as_array().unwrap().iter().filter(|d| d["file"] == FILE).collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0]["rule"].as_str(), found[0]["line"].as_u64()), (Some("unreadable-file"), Some(1)));
    assert!(found[0]["message"].as_str().unwrap().contains("ermission"), "{found:?}");
}

/// Once a bug: a folder mcred may not enter is skipped without a word, and the files in it are
/// lost.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_a_finding() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("working-memory.yaml", STACK.as_bytes()), ("private/understand.yaml", CREDENTIAL.as_bytes())]);
    open_to_all(dir.path());
    let folder = dir.path().join("catalog/private");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o000)).unwrap();
    let run = match as_nobody(dir.path(), &["lint", "--format", "json"]) {
        Some(run) => run,
        None if std::fs::read_dir(&folder).is_ok() => return,
        None => mcred(dir.path(), &["lint", "--format", "json"]),
    };
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Once: exit 0, "Checked 1 file", the credential in the folder silently gone.
    run.ended(1);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let files: Vec<&str> =
        report["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["file"].as_str()).collect();
    assert!(files.iter().any(|f| f.starts_with("catalog/private")), "{report:#}");
}

/// A project whose catalog links to `secret.yaml` beside it, and a credential that lints clean.
#[cfg(unix)]
fn linked_out() -> tempfile::TempDir {
    let dir = credential(CREDENTIAL.as_bytes());
    std::fs::write(dir.path().join("secret.yaml"), "kind: credential\nid: secret\ntitle: SECRET-CONTENT\n").unwrap();
    let catalog = dir.path().join("catalog");
    symlink("../secret.yaml", &catalog.join("relative.yaml"));
    symlink(dir.path().join("secret.yaml").to_str().unwrap(), &catalog.join("absolute.yaml"));
    std::fs::create_dir_all(catalog.join("nested")).unwrap();
    symlink("../../secret.yaml", &catalog.join("nested/climbing.yaml"));
    dir
}

#[cfg(unix)]
#[test]
fn links_out_of_the_catalog_are_findings_and_never_read() {
    let dir = linked_out();
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    for file in ["catalog/relative.yaml", "catalog/absolute.yaml", "catalog/nested/climbing.yaml"] {
        let found = only(&findings, "unreadable-file", file);
        assert_eq!((found.line, found.column), (1, 1));
        assert!(found.message.contains("outside the catalog"), "{found:?}");
    }
    assert_eq!(findings.len(), 3, "{findings:#?}");
    let human = mcred(dir.path(), &["lint"]);
    assert!(!run.stdout.contains("SECRET") && !human.stdout.contains("SECRET"), "{}", human.stdout);
    // Nor does the absolute path of the machine reach the report (the link's own text does).
    let build = mcred(dir.path(), &["build"]);
    build.ended(1);
    assert!(!dir.path().join("dist").exists());
}

/// Once a bug: `mcred lint DIR` drops findings in links out of the catalog: exit 0, the files not
/// even counted.
#[cfg(unix)]
#[test]
fn links_out_of_the_catalog_are_findings_when_the_catalog_is_named() {
    let dir = linked_out();
    for args in [&["catalog"][..], &["catalog/relative.yaml"], &["."]] {
        let (run, findings) = lint(dir.path(), args);
        // Once `mcred lint catalog` says "Checked 1 file: no problems found" and exits 0.
        run.ended(1);
        only(&findings, "unreadable-file", "catalog/relative.yaml");
    }
}

/// Once a bug (leak): `catalog` in mcred.toml may name any folder (`../secrets`, `/`): its YAML
/// files are read and their text shown in code frames, in a CI log anyone can read.
#[test]
fn the_configured_catalog_stays_inside_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let absolute = dir.path().join("secrets").to_string_lossy().into_owned();
    for catalog in ["../secrets", absolute.as_str()] {
        std::fs::create_dir_all(dir.path().join("secrets")).unwrap();
        std::fs::write(dir.path().join("secrets/ci.yaml"), "token: SECRET-TOKEN\n").unwrap();
        let project = dir.path().join("project");
        std::fs::create_dir_all(&project).unwrap();
        std::fs::write(project.join("mcred.toml"), format!("catalog = \"{catalog}\"\n")).unwrap();
        let run = mcred(&project, &["lint"]);
        // Once: exit 1, and the frame of `../secrets/ci.yaml` shows `token: SECRET-TOKEN`.
        assert!(!run.stdout.contains("SECRET") && !run.stderr.contains("SECRET"), "{catalog}: {}", run.stdout);
        run.ended(2);
        assert!(run.stderr.contains("mcred.toml"), "{}", run.stderr);
    }
}

/// Once a bug: a FIFO named `*.yaml` is skipped without a word.
#[cfg(unix)]
#[test]
fn a_fifo_named_yaml_is_a_finding() {
    let dir = credential(CREDENTIAL.as_bytes());
    let fifo = dir.path().join("catalog/pipe.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    only(&findings, "unreadable-file", "catalog/pipe.yaml");
}

/// Once a bug: a link `*.yaml` to a FIFO inside the catalog hangs `mcred lint` forever (open
/// blocks).
#[cfg(unix)]
#[test]
fn a_link_to_a_fifo_does_not_hang() {
    let dir = credential(CREDENTIAL.as_bytes());
    let made = Command::new("mkfifo").arg(dir.path().join("catalog/pipe")).status().unwrap();
    assert!(made.success());
    symlink("pipe", &dir.path().join("catalog/pipe.yaml"));
    let (run, findings) = lint(dir.path(), &[]);
    // Once: killed after the hard limit.
    run.ended(1);
    only(&findings, "unreadable-file", "catalog/pipe.yaml");
}

// ---------------------------------------------------------------------------------------------
// Paths and URLs in documents

/// A project whose credential names `image`, with `secret.png` beside the catalog.
fn with_image(image: &str) -> (tempfile::TempDir, String) {
    let text = with("status: published\n", &format!("status: published\nimage: '{image}'\n"));
    let dir = credential(text.as_bytes());
    std::fs::write(dir.path().join("secret.png"), b"SECRET-IMAGE").unwrap();
    std::fs::create_dir_all(dir.path().join("catalog/images")).unwrap();
    (dir, text)
}

#[test]
fn image_paths_out_of_the_catalog_are_findings_on_their_line() {
    let absolute = std::env::temp_dir().join("secret.png");
    for image in ["../secret.png", "images/../../secret.png", "./images/../../secret.png", absolute.to_str().unwrap()] {
        let (dir, text) = with_image(image);
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(1);
        let found = only(&findings, "asset-outside-catalog", FILE);
        assert_eq!((found.line, found.column), (line_of(&text, "image:"), 8), "{image}: {found:?}");
        let build = mcred(dir.path(), &["build"]);
        build.ended(1);
        assert!(!dir.path().join("dist").exists(), "{image}");
    }
}

#[cfg(unix)]
#[test]
fn an_image_through_a_link_out_of_the_catalog_is_a_finding() {
    let (dir, text) = with_image("shared/secret.png");
    symlink("..", &dir.path().join("catalog/shared"));
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "asset-outside-catalog", FILE);
    assert_eq!(found.line, line_of(&text, "image:"), "{found:?}");
    assert!(found.message.contains("`shared` is a link to `..`"), "{found:?}");
}

/// Once a bug (security): an image file named with backslashes (`a\..\..\x.png`) is published as
/// `assets/a/../../x.png`, and `mcred build` writes it outside the output folder.
#[cfg(unix)]
#[test]
fn build_never_writes_outside_its_output_folder() {
    // One file whose name holds backslashes: on Unix a backslash is no separator, so the path
    // stays inside the catalog and lints clean; the published path splits at the backslashes.
    let name = "a\\..\\..\\..\\..\\ESCAPED.png";
    let (dir, _) = with_image(name);
    std::fs::write(dir.path().join("catalog").join(name), b"attacker's bytes").unwrap();
    let project = dir.path().join("deep/er");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::rename(dir.path().join("mcred.toml"), project.join("mcred.toml")).unwrap();
    std::fs::rename(dir.path().join("catalog"), project.join("catalog")).unwrap();
    let run = mcred(&project, &["build", "--zip"]);
    let escaped: Vec<_> = walk(dir.path())
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "ESCAPED.png"))
        .filter(|p| !p.starts_with(project.join("dist")))
        .collect();
    assert!(escaped.is_empty(), "written outside dist/: {escaped:?}\n{}{}", run.stdout, run.stderr);
    // Either refused at lint time or published inside the package.
    assert!(matches!(run.code, Some(0 | 1)), "{run:?}");
    let manifest = std::fs::read_to_string(project.join("dist/catalog.json")).unwrap_or_default();
    assert!(!manifest.contains("/../"), "a package path climbs: {manifest}");
}

#[test]
fn urls_other_than_http_are_findings_on_their_line() {
    let urls = [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "https://",
        "http://exa mple.org",
    ];
    for url in urls {
        let field = format!("url: \"{url}\"");
        let text = with(
            "  - citation: \"Gathercole, S. E., & Alloway, T. P. (2008). Working memory and learning. SAGE.\"\n",
            &format!(
                "  - citation: \"Gathercole, S. E., & Alloway, T. P. (2008). Working memory and learning. SAGE.\"\n    {field}\nresources:\n  - title: A\n    {field}\nauthors:\n  - name: A\n    {field}\n"
            ),
        );
        let dir = credential(text.as_bytes());
        let (run, findings) = lint(dir.path(), &[]);
        run.ended(1);
        let schema: Vec<&Finding> = findings.iter().filter(|f| f.rule == "schema").collect();
        let lines: Vec<u64> = schema.iter().map(|f| f.line).collect();
        let first = line_of(&text, &field);
        assert_eq!(lines, [first, first + 3, first + 6], "{url}: {findings:#?}");
        for found in schema {
            assert_eq!(found.column, 10, "{url}: {found:?}");
        }
    }
}

#[test]
fn a_base_url_other_than_http_is_refused() {
    let dir = project(&[("working-memory.yaml", STACK.as_bytes()), ("understand.yaml", CREDENTIAL.as_bytes())]);
    for url in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"] {
        let run = mcred(dir.path(), &["build", "--base-url", url]);
        run.ended(2);
        assert!(run.stderr.contains("--base-url"), "{url}: {}", run.stderr);
        assert!(!dir.path().join("dist").exists());
    }
}

/// Once a bug (script in pages): URLs in mcred.toml are not checked; `issuer.url = "javascript:…"`
/// becomes a link on every page.
#[test]
fn urls_other_than_http_in_the_configuration_are_refused() {
    for setting in [
        "issuer = { name = \"A\", url = \"javascript:alert(document.domain)\" }",
        "issuer = { name = \"A\", url = \"file:///etc/passwd\" }",
        "base_url = \"javascript:alert(1)\"",
    ] {
        let dir = project_with(
            &format!("[publish]\n{setting}\n"),
            &[("working-memory.yaml", STACK.as_bytes()), ("understand.yaml", CREDENTIAL.as_bytes())],
        );
        // Once: lint exits 0 and build publishes `<a href="javascript:alert(document.domain)">`.
        for command in ["lint", "build"] {
            let run = mcred(dir.path(), &[command]);
            run.ended(2);
            assert!(run.stderr.contains("mcred.toml"), "{command} {setting}: {}", run.stderr);
        }
        assert!(!dir.path().join("dist").exists());
    }
}

// ---------------------------------------------------------------------------------------------
// Control characters

/// Once a bug: control characters from a YAML value (ESC, CR) reach the terminal raw through
/// messages and code frames.
#[test]
fn control_characters_never_reach_the_terminal() {
    // `\e[2J` clears a terminal; a CR lets a line overwrite the finding before it.
    let text = with("status: published", "status: \"\\e[2J\\e[31mfixed\\e[0m\\rall clear\"");
    let dir = credential(text.as_bytes());
    let run = mcred(dir.path(), &["lint"]);
    run.ended(1);
    let raw: Vec<char> = run.stdout.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(raw.is_empty(), "raw control characters {raw:?} in\n{}", run.stdout);
    let run = mcred(dir.path(), &["lint", "--format", "github"]);
    run.ended(1);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    // A file name is text from the pull request too.
    let dir = credential(CREDENTIAL.as_bytes());
    std::fs::write(dir.path().join("catalog/\u{1b}[2Jname\rx.yaml"), "kind: credential\n").unwrap();
    let run = mcred(dir.path(), &["lint"]);
    run.ended(1);
    let raw: Vec<char> = run.stdout.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(raw.is_empty(), "raw control characters {raw:?} in\n{}", run.stdout);
}

#[test]
fn a_file_with_old_mac_line_breaks_is_checked() {
    let text = with("status: published", "status: publishd").replace('\n', "\r");
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    only(&findings, "schema", FILE);
}

/// Once a bug: lines are counted at `\n` only, but YAML 1.2 also breaks lines at a lone `\r`: a
/// file saved with CR line ends gets every finding on line 1.
#[test]
fn old_mac_line_breaks_count_as_lines() {
    let text = with("status: published", "status: publishd").replace('\n', "\r");
    let dir = credential(text.as_bytes());
    let (run, findings) = lint(dir.path(), &[]);
    run.ended(1);
    let found = only(&findings, "schema", FILE);
    // Once: line 1, column 107.
    assert_eq!((found.line, found.column), (5, 9), "{found:?}");
}

// ---------------------------------------------------------------------------------------------
// Build: hostile text published inert

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fields of the fixture by marker: `Fnn` is hostile text in one field.
const TEXT_FIELDS: &[(&str, &str)] = &[
    ("F01", "credential title"),
    ("F02", "credential summary"),
    ("F03", "competency statement"),
    ("F04", "key_method (Markdown)"),
    ("F05", "method component title"),
    ("F06", "method component description (Markdown)"),
    ("F07", "research citation"),
    ("F09", "resource title"),
    ("F11", "submission part title"),
    ("F12", "submission prompt"),
    ("F13", "reflection title"),
    ("F14", "reflection prompt"),
    ("F15", "level label"),
    ("F16", "level label"),
    ("F17", "criterion"),
    ("F18", "descriptor"),
    ("F19", "descriptor"),
    ("F20", "criterion"),
    ("F21", "descriptor"),
    ("F22", "descriptor"),
    ("F23", "tag"),
    ("F24", "author name"),
    ("F26", "licence"),
    ("F30", "stack title"),
    ("F31", "stack summary"),
    ("F32", "stack description (Markdown)"),
    ("F40", "framework title"),
    ("F42", "skill statement"),
    ("F43", "skill description (Markdown)"),
    ("F50", "site title (mcred.toml)"),
    ("F52", "issuer name (mcred.toml)"),
    ("F54", "issuer email (mcred.toml)"),
];

/// Builds `tests/fixtures/hostile/build` (hostile text in every text field), with images whose
/// file names are markup too.
fn build_hostile() -> (tempfile::TempDir, std::collections::BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("tests/fixtures/hostile/build"), dir.path());
    let catalog = dir.path().join("catalog");
    std::fs::create_dir_all(catalog.join("images")).unwrap();
    let images = [
        ("hostile.yaml", "images/x\"onerror=\"alert('I1')\".png"),
        ("hostile-stack.yaml", "images/<svg onload=alert('I2')>.png"),
    ];
    for (file, image) in images {
        std::fs::write(catalog.join(image), b"\x89PNG\r\n\x1a\n").unwrap();
        let path = catalog.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let quoted = image.replace('\'', "''");
        std::fs::write(&path, text.replacen("version: 1.0.0\n", &format!("version: 1.0.0\nimage: '{quoted}'\n"), 1))
            .unwrap();
    }
    let out = dir.path().join("site");
    let run = mcred(dir.path(), &["build", "--zip", "--out", out.to_str().unwrap()]);
    run.ended(0);
    let mut built = std::collections::BTreeMap::new();
    for path in walk(&out).into_iter().filter(|p| p.is_file()) {
        let relative = path.strip_prefix(&out).unwrap().to_string_lossy().replace('\\', "/");
        built.insert(relative, std::fs::read(&path).unwrap());
    }
    // The pages inside the zip packages are pages too.
    for (name, bytes) in built.clone().iter().filter(|(p, _)| p.ends_with(".zip")) {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            let entry_name = entry.name().unwrap().to_string();
            assert!(!entry_name.split('/').any(|p| p == ".."), "{name}: the entry {entry_name} climbs");
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            built.insert(format!("{name}!/{entry_name}"), content);
        }
    }
    (dir, built)
}

/// Tags that run or load something, or change where links go.
const ACTIVE_TAGS: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "svg", "math", "style",
    "portal", "template",
];

/// A URL that runs script or reads local files, once browsers strip what they strip.
fn active_url(value: &str) -> bool {
    let squeezed: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>();
    let lower = squeezed.to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:", "file:"].iter().any(|scheme| lower.starts_with(scheme))
}

#[test]
fn hostile_text_in_every_field_builds_inert() {
    let (_dir, built) = build_hostile();
    let pages: Vec<(&String, String)> = built
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b.clone()).expect("pages are UTF-8")))
        .collect();
    assert!(pages.len() >= 6, "the site and its zip: {:?}", built.keys().collect::<Vec<_>>());
    let mut texts = String::new();
    for (path, html) in &pages {
        let (tags, text) = tokenize(html);
        for tag in &tags {
            assert!(!ACTIVE_TAGS.contains(&tag.name.as_str()), "{path}: <{}> {:?}", tag.name, tag.attributes);
            for (attribute, value) in &tag.attributes {
                assert!(!attribute.starts_with("on"), "{path}: event handler {attribute}={value:?} on <{}>", tag.name);
                assert!(
                    !["srcdoc", "formaction", "style", "http-equiv"].contains(&attribute.as_str()),
                    "{path}: {attribute}={value:?} on <{}>",
                    tag.name
                );
                assert!(!active_url(value), "{path}: an active URL in <{} {attribute}={value:?}>", tag.name);
            }
            if tag.name == "link" {
                let href = tag.attributes.iter().find(|(a, _)| a == "href").map(|(_, v)| v.as_str()).unwrap_or("");
                assert!(href.ends_with("assets/style.css"), "{path}: <link href={href:?}>");
            }
            if tag.name == "meta" {
                let names: Vec<&str> = tag.attributes.iter().map(|(a, _)| a.as_str()).collect();
                assert!(names.iter().all(|a| ["charset", "name", "content"].contains(a)), "{path}: {tag:?}");
            }
        }
        // The raw text of a page never holds markup from YAML unescaped.
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script") && !lower.contains("<svg") && !lower.contains("<iframe"), "{path}");
        texts.push_str(&text);
    }
    // Template syntax is printed as written, field by field: shown, never evaluated.
    for (marker, field) in TEXT_FIELDS {
        for written in [
            format!("{{{{ {marker} }}}}"),
            format!("{{% raw %}}{marker}{{% endraw %}}"),
            format!("{{# {marker} #}}"),
            format!("${{{marker}}}"),
        ] {
            assert!(texts.contains(&written), "the {field} should show `{written}` as written");
        }
        // The markup itself shows as text in the page, too.
        assert!(texts.contains(&format!("<script>alert('{marker}')</script>")), "the {field}: escaped markup");
    }
}

#[test]
fn hostile_text_reaches_the_badges_unchanged() {
    let (dir, built) = build_hostile();
    let source = std::fs::read_to_string(dir.path().join("catalog/hostile.yaml")).unwrap();
    let achievement: Value = serde_json::from_slice(&built["credentials/hostile.json"]).unwrap();
    let title = achievement["name"].as_str().unwrap();
    // JSON is data, not a page: the text is kept exactly as written, for the badge platform to escape.
    assert!(title.starts_with("<script>alert('F01')</script>") && title.contains("{{ F01 }}"), "{title}");
    assert!(source.contains("alert('F01')"));
    let narrative = achievement["criteria"]["narrative"].as_str().unwrap();
    assert!(narrative.contains("{{ F04 }}"), "{narrative}");
}

// ---------------------------------------------------------------------------------------------
// What the fuzzer found

/// Each folder of `tests/fixtures/hostile/fuzz/` is a catalog the fuzzer (`fuzz/`) made: a crash,
/// a hang or a slow input it found, or, while it has found none, inputs of its corpus that reached
/// new code late in a run (C1 control characters, tags, repeated `kind`, a quote left open). Each
/// lints with exit 1 or 2, quickly, every finding inside its file.
#[test]
fn fuzz_findings_lint_cleanly() {
    let found = repo().join("tests/fixtures/hostile/fuzz");
    let mut cases: Vec<_> =
        std::fs::read_dir(&found).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mcred.toml"), "catalog = \"catalog\"\n").unwrap();
        copy_tree(&case, &dir.path().join("catalog"));
        let (run, findings) = lint(dir.path(), &[]);
        assert!(matches!(run.code, Some(1 | 2)), "{}: {run:?}", case.display());
        run.ended(run.code.unwrap());
        for found in &findings {
            let bytes = std::fs::read(dir.path().join(&found.file)).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let lines: Vec<&str> = text.split('\n').collect();
            assert!(found.line as usize <= lines.len(), "{}: {found:?}", case.display());
            let chars = lines[found.line as usize - 1].chars().count() as u64;
            assert!(found.column <= chars + 1, "{}: {found:?}", case.display());
        }
    }
}
