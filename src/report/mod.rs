//! Turning diagnostics into what users read: each finding located at file, line and column, then
//! rendered by one of the formats.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::catalog::Catalog;
use crate::diagnostic::{At, Diagnostic, Part, Severity};
use crate::load::{SourceFile, Span};

/// The output formats of `mcred lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Code frames with the offending text underlined, for people.
    Human,
    /// The report of `mcred schema report`, for programs.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// JUnit XML: one test case a file, for CI test-result views.
    Junit,
}

/// Where a rule is documented: its source file, which holds its `explain` page.
pub fn rule_url(id: &str) -> String {
    format!("{}/blob/main/src/rules/{}.rs", env!("CARGO_PKG_REPOSITORY"), id.replace('-', "_"))
}

/// A 1-based line and column; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A diagnostic with its place in the file.
#[derive(Debug, Clone)]
pub struct Located<'a> {
    pub diagnostic: &'a Diagnostic,
    pub source: &'a SourceFile,
    /// The byte range it underlines.
    pub span: Span,
    pub start: Position,
    pub end: Position,
    /// The related place, if any: its span and label.
    pub related: Option<(Span, &'a str)>,
}

impl Located<'_> {
    /// The JSON pointer the rule reported, when it reported one.
    pub fn pointer(&self) -> Option<&str> {
        match &self.diagnostic.at {
            At::Pointer(p, _) => Some(p),
            _ => None,
        }
    }
}

/// What a lint run found, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    /// How long the run took, when it was timed.
    pub elapsed: Option<std::time::Duration>,
}

impl Summary {
    pub fn of(files: usize, diagnostics: &[Located]) -> Summary {
        let count = |s| diagnostics.iter().filter(|d| d.diagnostic.severity == s).count();
        Summary { files, errors: count(Severity::Error), warnings: count(Severity::Warning), elapsed: None }
    }
}

/// Locates every diagnostic and sorts them by file, then position.
pub fn locate<'a>(catalog: &'a Catalog, diagnostics: &'a [Diagnostic]) -> Vec<Located<'a>> {
    // One index of line starts per file with findings: thousands of findings in one file are
    // each located by a binary search, not a count from the top.
    let mut lines: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    let mut located: Vec<Located> = diagnostics
        .iter()
        .map(|diagnostic| {
            let source = &catalog.files[diagnostic.file];
            let span = resolve(source, &diagnostic.at);
            let related = diagnostic.related.as_ref().map(|(at, label)| (resolve(source, at), label.as_str()));
            let starts = lines.entry(diagnostic.file).or_insert_with(|| line_starts(&source.text));
            Located {
                diagnostic,
                source,
                start: position_in(&source.text, starts, span.start),
                end: position_in(&source.text, starts, span.end),
                span,
                related,
            }
        })
        .collect();
    located.sort_by(|a, b| {
        (a.diagnostic.file, a.start, a.end, a.diagnostic.rule).cmp(&(
            b.diagnostic.file,
            b.start,
            b.end,
            b.diagnostic.rule,
        ))
    });
    located
}

/// The bytes a diagnostic points at. A pointer to a field that is not there points at the key of
/// the nearest mapping that holds it, and at the document's `kind` for a top-level field.
pub fn resolve(source: &SourceFile, at: &At) -> Span {
    let len = source.text.len();
    let span = match at {
        At::File => 0..0,
        At::Span(span) => span.clone(),
        At::Pointer(pointer, part) => match source.parsed() {
            None => 0..0,
            Some(parsed) => {
                let (node, exact) = parsed.spans.locate(pointer);
                let key = node
                    .key
                    .clone()
                    .or_else(|| parsed.spans.locate("/kind").0.key.clone().filter(|_| !pointer.is_empty()));
                match (exact, part) {
                    (true, Part::Value) => node.value.clone(),
                    (true, Part::Key) => node.key.clone().unwrap_or_else(|| key.unwrap_or(0..0)),
                    (false, _) => key.unwrap_or(0..0),
                }
            }
        },
    };
    let start = floor_char(&source.text, span.start.min(len));
    let end = floor_char(&source.text, span.end.clamp(start, len));
    start..end
}

fn floor_char(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The line and column of a byte offset.
pub fn position(text: &str, offset: usize) -> Position {
    position_in(text, &line_starts(text), offset)
}

/// Where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

fn position_in(text: &str, starts: &[usize], offset: usize) -> Position {
    let offset = offset.min(text.len());
    let line = starts.partition_point(|&start| start <= offset).max(1);
    let start = starts[line - 1];
    Position { line, column: text.get(start..offset).map_or(offset - start, |t| t.chars().count()) + 1 }
}

/// Text as a terminal may show it: control characters (an escape sequence that clears the screen,
/// a CR that overwrites the line) become visible symbols (`␛`), so a file cannot disguise or hide
/// a finding. Tabs, line breaks and CRLF stay.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(hidden) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            out.push(c);
        } else if hidden(c) {
            out.push(symbol(c));
        } else {
            out.push(c);
        }
    }
    out.into()
}

fn hidden(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The Unicode control picture of a C0 control or DEL; a replacement character for the others.
fn symbol(c: char) -> char {
    match c as u32 {
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
        0x7f => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// A byte offset of `text` in [`visible`]`(text)`: each symbol is longer than the control it
/// stands for.
pub fn visible_offset(text: &str, offset: usize) -> usize {
    let before = &text[..offset.min(text.len())];
    visible(before).len()
}

/// `path` as seen from `base`: `catalog/a.yaml` below it, `../catalog/a.yaml` beside it. A
/// relative `path` is taken from `base`, so a path given relative or absolute reads the same.
pub fn relative(path: &std::path::Path, base: &std::path::Path) -> std::path::PathBuf {
    use std::path::{Component, PathBuf};
    fn parts(p: &std::path::Path) -> Vec<Component<'_>> {
        p.components().filter(|c| !matches!(c, Component::CurDir)).collect()
    }
    let joined = base.join(path);
    let (target, from) = (parts(&joined), parts(base));
    let common = target.iter().zip(&from).take_while(|(a, b)| a == b).count();
    // Only a shared root makes a relative path meaningful (not across Windows drives).
    if common == 0 {
        return joined;
    }
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for part in &target[common..] {
        out.push(part.as_os_str());
    }
    out
}

/// Paths as reports show them: `/`-separated.
pub fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    if std::path::MAIN_SEPARATOR == '\\' { text.replace('\\', "/") } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::relative;

    #[test]
    fn paths_are_shown_from_the_current_folder() {
        let cwd = Path::new("/repo/docs");
        assert_eq!(relative(Path::new("/repo/docs/a.yaml"), cwd), Path::new("a.yaml"));
        assert_eq!(relative(Path::new("/repo/catalog/a.yaml"), cwd), Path::new("../catalog/a.yaml"));
        assert_eq!(relative(Path::new("catalog/a.yaml"), Path::new("/repo")), Path::new("catalog/a.yaml"));
        assert_eq!(relative(Path::new("/elsewhere/a.yaml"), cwd), Path::new("../../elsewhere/a.yaml"));
    }
}
