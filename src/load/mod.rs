//! Finding and reading the files of a catalog: discovery, size and UTF-8 checks, YAML parsing,
//! and the per-file `# mcred: allow RULE` comments.

mod discover;
mod yaml;

use std::path::{Path, PathBuf};

pub use discover::discover;
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
    /// Not read at all: too large, a link out of the catalog or to nothing, an I/O error.
    Unreadable { message: String },
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
pub fn read(found: &discover::Found, display: String, max_size: u64) -> SourceFile {
    let unreadable = |content: Content, text: String| SourceFile {
        display: display.clone(),
        path: found.path.clone(),
        text,
        content,
        allowed: Vec::new(),
    };
    if let Some(problem) = &found.problem {
        return unreadable(Content::Unreadable { message: problem.clone() }, String::new());
    }
    let bytes = match read_capped(&found.path, max_size) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            let message = format!("the file is larger than the {} limit, so it was not read", size(max_size));
            return unreadable(Content::Unreadable { message }, String::new());
        }
        Err(e) => return unreadable(Content::Unreadable { message: format!("cannot read the file: {e}") }, String::new()),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(e) => {
            // Keep the valid text before the bad byte so the report can show where it is.
            let good = e.valid_up_to();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let start = String::from_utf8_lossy(&bytes[..good]).len();
            let message = match utf16(bytes) {
                true => "the file is UTF-16; mcred reads UTF-8 only: save it as UTF-8".to_string(),
                false => format!("the file is not valid UTF-8: byte 0x{:02X} cannot start a character here", bytes[good]),
            };
            let span = start..start + '\u{FFFD}'.len_utf8();
            return unreadable(Content::NotText { message, span }, text);
        }
    };
    if let Some(nul) = text.find('\0') {
        let message = "the file holds a NUL byte: it is binary, not YAML text".to_string();
        return unreadable(Content::NotText { message, span: nul..nul + 1 }, text);
    }
    let content = match yaml::parse(&text) {
        Ok(parsed) => Content::Parsed(parsed),
        Err(error) => Content::Syntax(error),
    };
    let allowed = allow_comments(&text);
    SourceFile { display, path: found.path.clone(), text, content, allowed }
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
    if bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 {
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
        if let Some(rest) = comment.strip_prefix("mcred:") {
            if let Some(ids) = rest.trim().strip_prefix("allow") {
                allowed.extend(ids.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string));
            }
        }
    }
    allowed
}
