//! Finding and reading the files of a catalog: discovery, size and UTF-8 checks, YAML parsing,
//! and the per-file `# mcred: allow RULE` comments.

mod discover;
mod fast;
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
    /// A link that leads back to itself through other links.
    LinkLoop { target: String },
    /// Not a regular file: a pipe, a socket, a device (opening one could wait forever).
    NotAFile,
    /// A folder mcred may not enter: the files in it were not read.
    Folder(String),
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
            Unreadable::LinkLoop { target } => {
                format!("the link points at `{target}`, which leads back to it through a loop of links")
            }
            Unreadable::NotAFile => {
                "this is not a regular file (a pipe, a socket or a device), so it was not read".into()
            }
            Unreadable::Folder(error) => {
                format!("the folder cannot be read ({error}), so none of its files were checked")
            }
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

    /// Builds the span index of a file read without one (see [`Spans::WhenFree`]).
    pub fn locate(&mut self) {
        if let Content::Parsed(parsed) = &self.content
            && parsed.spans == Parsed::empty().spans
            && !self.text.is_empty()
        {
            self.content = parse(&self.text);
        }
    }

    /// The file's stem: `working-memory` for `working-memory.yaml`.
    pub fn stem(&self) -> &str {
        self.path.file_stem().and_then(|s| s.to_str()).unwrap_or_default()
    }
}

/// Reads one discovered file.
pub fn read(found: &Found, display: String, max_size: u64) -> SourceFile {
    read_with(found, display, max_size, Spans::Always)
}

/// Whether a parsed file gets its span index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spans {
    Always,
    /// Only where the general parser reads the file (it builds them anyway); elsewhere
    /// [`SourceFile::locate`] builds them once a diagnostic needs them.
    WhenFree,
}

/// Reads one discovered file, with or without its span index.
pub fn read_with(found: &Found, display: String, max_size: u64, spans: Spans) -> SourceFile {
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
    let mut bytes = match read_capped(&found.path, max_size) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return unreadable(Content::Unreadable(Unreadable::TooLarge { limit: max_size }), String::new()),
        Err(e) => return unreadable(Content::Unreadable(Unreadable::Io(e.to_string())), String::new()),
    };
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // The text is the bytes read, not a copy of them.
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            return not_text(unreadable, e.as_bytes(), bad);
        }
    };
    if let Some(nul) = text.find('\0') {
        return not_text(unreadable, text.as_bytes(), nul);
    }
    let text = if text.contains('\r') { lone_cr_to_lf(text) } else { text };
    let content = match spans {
        Spans::Always => parse(&text),
        Spans::WhenFree => match fast::parse(&text, false) {
            Some((value, _)) => Content::Parsed(Parsed { value, ..Parsed::empty() }),
            None => parse(&text),
        },
    };
    let allowed = allow_comments(&text);
    SourceFile { display, path: found.path.clone(), text, content, allowed }
}

/// YAML 1.2 also ends a line at a lone CR (files saved on old Macs). Each becomes a LF, a byte
/// for a byte, so the parser, the positions and the code frames count the same lines.
fn lone_cr_to_lf(text: String) -> String {
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    String::from_utf8(bytes).expect("one ASCII byte swapped for another")
}

/// Parses a document: through the fast path for the plain YAML catalogs are written in, and
/// through the general parser (which also explains every syntax problem) for anything else.
pub fn parse(text: &str) -> Content {
    if let Some((value, Some(spans))) = fast::parse(text, true) {
        return Content::Parsed(Parsed { value, spans, problems: Vec::new() });
    }
    match yaml::parse(text) {
        Ok(parsed) => Content::Parsed(parsed),
        Err(error) => Content::Syntax(error),
    }
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
    // Room for the whole file at once (plus the byte that tells it is complete), so that reading
    // does not grow the buffer step by step; the size is only a hint.
    let hint = file.metadata().map(|m| m.len().min(max_size)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0).saturating_add(1));
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
    if memchr::memmem::find(text.as_bytes(), b"mcred:").is_none() {
        return allowed;
    }
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
