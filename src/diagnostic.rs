//! One diagnostic type for every finding: what rule, how severe, where, and how to fix it.
//! Diagnostics are data until a reporter renders them.

use serde::{Deserialize, Serialize};

use crate::load::Span;

/// How serious a finding is. `off` in the configuration silences a rule instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The catalog is wrong: `lint` exits 1 and `build` refuses to publish.
    Error,
    /// Worth fixing, but the catalog still publishes.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Which part of a located node a diagnostic points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The key that introduces the node (an unknown field, a mapping that misses a field).
    Key,
    /// The value itself.
    Value,
}

/// Where in its file a diagnostic points. Rules speak in JSON pointers; only the loader, which
/// owns the source text, speaks in spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// The file as a whole: line 1, column 1.
    File,
    /// A byte range of the source text.
    Span(Span),
    /// A node of the document, by JSON pointer (`/submission/2/prompts/0`).
    Pointer(String, Part),
}

impl At {
    /// The value at `pointer`.
    pub fn value(pointer: impl Into<String>) -> At {
        At::Pointer(pointer.into(), Part::Value)
    }
    /// The key of the node at `pointer`.
    pub fn key(pointer: impl Into<String>) -> At {
        At::Pointer(pointer.into(), Part::Key)
    }
}

/// A finding in one file of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule's stable id.
    pub rule: &'static str,
    pub severity: Severity,
    /// The index of the file in the catalog.
    pub file: usize,
    pub message: String,
    pub at: At,
    /// How to fix it.
    pub help: Option<String>,
    /// A second place in the same file that explains the first (where a key first appeared).
    pub related: Option<(At, String)>,
}
