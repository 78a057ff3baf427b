//! Finding and reading the files of a catalog: discovery, size and UTF-8 checks, YAML parsing,
//! and the per-file `# mcred: allow RULE` comments.

mod discover;
mod yaml;

use std::path::{Path, PathBuf};

pub use discover::{Found, discover};
pub use yaml::{Parsed, Span, SpanNode, SyntaxError};

/// One file of the catalog, as read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown to users: relative to the current directory, `/`-separated.
    pub display: String,
    /// The path on disk.
    pub path: PathBuf,
    /// The text, without a byte-order mark; empty when the file could not be read as text.
    pub text: String,
    pub content: Content,
    /// Rules allowed in this file by `# mcred: allow RULE` comments.
    pub allowed: Vec<String>,
}

/// What reading a file gave.
#[derive(Debug, Clone)]
pub enum Content {
    /// A document, parsed.
    Parsed(Parsed),
    /// Not valid YAML, or not one document.
    Syntax(SyntaxError),
    /// Not UTF-8 text: invalid UTF-8, UTF-16, binary. `span` is the first bad byte, in the text
    /// as read with replacement characters.
    NotText { message: String, span: Span },
    /// Not read at all.
    Unreadable(Unreadable),
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Larger than the configured limit, in bytes.
    TooLarge { limit: u64 },
    /// A link that leads out of the catalog; `target` as the link says it.
    LinkOutside { target: String },
    /// A link to nothing.
    BrokenLink { target: String },
    /// The operating system refused.
    Io(String),
}

impl Unreadable {
    /// What went wrong, in a sentence.
    pub fn message(&self) -> String {
        match self {
            Unreadable::TooLarge { limit } => {
                format!("the file is larger than the {} limit, so it was not read", size(*limit))
            }
            Unreadable::LinkOutside { target } => {
                format!("the link points outside the catalog, to `{target}`; it was not read")
            }
            Unreadable::BrokenLink { target } => format!("the link points at `{target}`, which does not exist"),
            Unreadable::Io(error) => format!("cannot read the file: {error}"),
        }
    }
}

impl SourceFile {
    /// The parsed document, when the file is one.
    pub fn parsed(&self) -> Option<&Parsed> {
        match &self.content {
            Content::Parsed(p) => Some(p),
            _ => None,
        }
    }

    /// The file's stem: `working-memory` for `working-memory.yaml`.
    pub fn stem(&self) -> &str {
        self.path.file_stem().and_then(|s| s.to_str()).unwrap_or_default()
    }
}

/// Reads one discovered file.
pub fn read(found: &Found, display: String, max_size: u64) -> SourceFile {
    let unreadable = |content: Content, text: String| SourceFile {
        display: display.clone(),
        path: found.path.clone(),
        text,
        content,
        allowed: Vec::new(),
    };
    if let Some(problem) = &found.problem {
        return unreadable(Content::Unreadable(problem.clone()), String::new());
    }
    let bytes = match read_capped(&found.path, max_size) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return unreadable(Content::Unreadable(Unreadable::TooLarge { limit: max_size }), String::new()),
        Err(e) => return unreadable(Content::Unreadable(Unreadable::Io(e.to_string())), String::new()),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(e) => return not_text(unreadable, bytes, e.valid_up_to()),
    };
    if let Some(nul) = text.find('\0') {
        return not_text(unreadable, bytes, nul);
    }
    let content = match yaml::parse(&text) {
        Ok(parsed) => Content::Parsed(parsed),
        Err(error) => Content::Syntax(error),
    };
    let allowed = allow_comments(&text);
    SourceFile { display, path: found.path.clone(), text, content, allowed }
}

/// A file that is not UTF-8 text. Its code frame shows the text up to the first bad byte, so that
/// no binary reaches a terminal, and underlines a stand-in for the bad byte.
fn not_text(unreadable: impl Fn(Content, String) -> SourceFile, bytes: &[u8], bad: usize) -> SourceFile {
    let message = if utf16(bytes) {
        "the file is UTF-16; mcred reads UTF-8 only: save it as UTF-8".to_string()
    } else if bytes[bad] == 0 {
        "the file holds a NUL byte: it is binary, not YAML text".to_string()
    } else {
        format!("the file is not valid UTF-8: byte 0x{:02X} cannot start a character here", bytes[bad])
    };
    if utf16(bytes) {
        return unreadable(Content::NotText { message, span: 0..0 }, String::new());
    }
    // The bytes before the bad one are valid UTF-8; a visible stand-in marks the bad one.
    let mut text = String::from_utf8_lossy(&bytes[..bad]).into_owned();
    let start = text.len();
    text.push(if bytes[bad] == 0 { '\u{2400}' } else { '\u{FFFD}' });
    let span = start..text.len();
    unreadable(Content::NotText { message, span }, text)
}

fn utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

fn read_capped(path: &Path, max_size: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    // Read one byte past the cap to tell "exactly at the cap" from "over it", whatever the
    // metadata says (a FIFO or a file still growing).
    file.take(max_size + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max_size).then_some(bytes))
}

fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{bytes}-byte")
    }
}

/// `# mcred: allow rule-a, rule-b` anywhere in the file allows those rules in it.
fn allow_comments(text: &str) -> Vec<String> {
    let mut allowed = Vec::new();
    for line in text.lines() {
        let Some(hash) = line.find('#') else { continue };
        let comment = line[hash + 1..].trim();
        if let Some(rest) = comment.strip_prefix("mcred:")
            && let Some(ids) = rest.trim().strip_prefix("allow")
        {
            allowed.extend(ids.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    allowed
}
