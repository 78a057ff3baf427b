//! The loaded catalog: every file, every document with its outline and typed model, and the
//! lookups the cross-file rules share, built once.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::load::{Content, SourceFile};
use crate::model::{Credential, Framework, Stack, Status};
use crate::schema::{self, Kind};

/// Every file of a catalog and what it holds.
#[derive(Debug)]
pub struct Catalog {
    /// The catalog folder; asset paths are relative to it.
    pub root: PathBuf,
    pub files: Vec<SourceFile>,
    /// One per file that parsed into a document of a known kind, in file order.
    pub docs: Vec<Document>,
    /// Per kind (in [`Kind::ALL`] order), the documents with each id, in file order.
    by_id: [HashMap<String, Vec<usize>>; 3],
    /// The ids (or, unparsed, the file stems) of files that hold no document of a known kind.
    unclassified: HashSet<String>,
}

/// One document of a known kind.
#[derive(Debug)]
pub struct Document {
    /// The index of its file in [`Catalog::files`].
    pub file: usize,
    pub kind: Kind,
    pub outline: Outline,
    /// How it breaks its schema; empty when it is valid.
    pub schema_issues: Vec<schema::Issue>,
    /// The typed document, when the schema holds.
    pub model: Option<Model>,
}

impl Document {
    /// The document file `index` holds, when it parsed into one of a known kind: checked against
    /// its schema, and typed when the schema holds.
    pub fn read(index: usize, file: &SourceFile) -> Option<Document> {
        let Content::Parsed(parsed) = &file.content else { return None };
        let kind = parsed.value.get("kind").and_then(Value::as_str).and_then(Kind::parse)?;
        let schema_issues = schema::check(kind, &parsed.value);
        let model = if schema_issues.is_empty() { typed(kind, &parsed.value) } else { None };
        Some(Document { file: index, kind, outline: Outline::read(&parsed.value), schema_issues, model })
    }
}

/// A typed document.
#[derive(Debug)]
pub enum Model {
    Credential(Box<Credential>),
    Stack(Box<Stack>),
    Framework(Box<Framework>),
}

/// What other documents refer to, read leniently from the value so that a document with a
/// schema error still takes part in the cross-file checks (one typo must not make every stack
/// that lists the credential fail too).
#[derive(Debug, Default)]
pub struct Outline {
    pub id: Option<String>,
    pub status: Option<Status>,
    /// `competency.skill` of a credential.
    pub skill: Option<String>,
    /// `competency.statement` of a credential.
    pub statement: Option<String>,
    /// `requires` of a credential: (index in the list, id).
    pub requires: Vec<(usize, String)>,
    /// `credentials` of a stack: (index in the list, id).
    pub members: Vec<(usize, String)>,
    /// `skills` of a framework: (index in the list, id).
    pub skills: Vec<(usize, String)>,
}

impl Outline {
    fn read(value: &Value) -> Outline {
        let text = |pointer: &str| value.pointer(pointer).and_then(Value::as_str).map(str::to_string);
        let ids = |pointer: &str| -> Vec<(usize, String)> {
            match value.pointer(pointer) {
                Some(Value::Array(items)) => {
                    items.iter().enumerate().filter_map(|(i, v)| v.as_str().map(|s| (i, s.to_string()))).collect()
                }
                _ => Vec::new(),
            }
        };
        let skills = match value.pointer("/skills") {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, s)| s.pointer("/id").and_then(Value::as_str).map(|id| (i, id.to_string())))
                .collect(),
            _ => Vec::new(),
        };
        // A competency written as a list is a `one-skill` finding; its first item still stands
        // for the credential, so the skill is not also reported as unmeasured.
        let competency = if value.pointer("/competency/0").is_some() { "/competency/0" } else { "/competency" };
        Outline {
            id: text("/id"),
            status: value.get("status").and_then(|s| Status::deserialize(s).ok()),
            skill: text(&format!("{competency}/skill")),
            statement: text(&format!("{competency}/statement")),
            requires: ids("/requires"),
            members: ids("/credentials"),
            skills,
        }
    }
}

/// Where a referenced asset path leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asset {
    /// An existing file inside the catalog.
    Found(PathBuf),
    /// Inside the catalog, but no file is there; `folder` when a folder is.
    Missing { folder: bool },
    /// The path leaves the catalog.
    Outside(Escape),
}

/// How a path leaves the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Escape {
    /// `/images/a.png`, `C:\\a.png`.
    Absolute,
    /// `../a.png`: more `..` than folders.
    ClimbsOut,
    /// Through a symbolic link in the catalog: the link's path from the catalog root and its
    /// target as the link says it (the same on every machine, unlike the resolved path).
    Link { link: String, target: String },
}

impl std::fmt::Display for Escape {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Escape::Absolute => f.write_str("it is an absolute path"),
            Escape::ClimbsOut => f.write_str("it climbs out of the catalog with `..`"),
            Escape::Link { link, target } => write!(f, "`{link}` is a link to `{target}`, outside the catalog"),
        }
    }
}

impl Catalog {
    /// Types the documents of the read files (in parallel) and indexes them.
    pub fn new(root: PathBuf, files: Vec<SourceFile>) -> Catalog {
        let docs = files.par_iter().enumerate().filter_map(|(index, file)| Document::read(index, file)).collect();
        Catalog::from_parts(root, files, docs)
    }

    /// The catalog of files already typed: `docs` holds the document of each file that has one,
    /// in file order.
    pub fn from_parts(root: PathBuf, files: Vec<SourceFile>, docs: Vec<Document>) -> Catalog {
        let mut unclassified = HashSet::new();
        let mut typed = docs.iter().map(|d| d.file).peekable();
        for (index, file) in files.iter().enumerate() {
            if typed.next_if_eq(&index).is_some() {
                continue;
            }
            // No document of a known kind: references to its id (or stem) are not reported again.
            let id = file.parsed().and_then(|p| p.value.get("id")).and_then(Value::as_str);
            unclassified.insert(id.unwrap_or(file.stem()).to_string());
        }
        let mut by_id: [HashMap<String, Vec<usize>>; 3] = Default::default();
        for (index, doc) in docs.iter().enumerate() {
            if let Some(id) = &doc.outline.id {
                by_id[doc.kind.index()].entry(id.clone()).or_default().push(index);
            }
        }
        Catalog { root, files, docs, by_id, unclassified }
    }

    /// The file a document was read from.
    pub fn file(&self, doc: &Document) -> &SourceFile {
        &self.files[doc.file]
    }

    /// The documents of one kind, valid or not.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Document> {
        self.docs.iter().filter(move |d| d.kind == kind)
    }

    /// The documents of one kind with a given id, in file order.
    pub fn with_id(&self, kind: Kind, id: &str) -> impl Iterator<Item = &Document> {
        self.by_id[kind.index()].get(id).into_iter().flatten().map(|&i| &self.docs[i])
    }

    /// The first document of a kind with an id.
    pub fn find(&self, kind: Kind, id: &str) -> Option<&Document> {
        self.with_id(kind, id).next()
    }

    /// Whether `id` may be a document that is already reported as unreadable, unparseable or of
    /// no known kind: references to it are then not reported a second time.
    pub fn unclassified(&self, id: &str) -> bool {
        self.unclassified.contains(id)
    }

    /// The ids of one kind, for "did you mean …?".
    pub fn ids(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.of_kind(kind).filter_map(|d| d.outline.id.as_deref())
    }

    /// The valid credentials.
    pub fn credentials(&self) -> impl Iterator<Item = (&Document, &Credential)> {
        self.docs.iter().filter_map(|d| match &d.model {
            Some(Model::Credential(c)) => Some((d, &**c)),
            _ => None,
        })
    }

    /// The valid stacks.
    pub fn stacks(&self) -> impl Iterator<Item = (&Document, &Stack)> {
        self.docs.iter().filter_map(|d| match &d.model {
            Some(Model::Stack(s)) => Some((d, &**s)),
            _ => None,
        })
    }

    /// The valid frameworks.
    pub fn frameworks(&self) -> impl Iterator<Item = (&Document, &Framework)> {
        self.docs.iter().filter_map(|d| match &d.model {
            Some(Model::Framework(f)) => Some((d, &**f)),
            _ => None,
        })
    }

    /// Where an asset path written in a document (`image`) leads. Paths are relative to the
    /// catalog root and may not leave it: not absolute, not through `..`, not through a link,
    /// even a link to nothing.
    pub fn asset(&self, written: &str) -> Asset {
        // A backslash separates folders on Windows: read it so everywhere, so a catalog means
        // the same file on every machine and `a\\..\\..\\x` climbs wherever it is built.
        let written = &written.replace('\\', "/");
        let path = Path::new(written);
        if written.starts_with(['/', '\\'])
            || path.is_absolute()
            || path.components().any(|c| matches!(c, Component::Prefix(_)))
        {
            return Asset::Outside(Escape::Absolute);
        }
        let Some(inside) = normalise(path) else { return Asset::Outside(Escape::ClimbsOut) };
        let root = self.root.canonicalize().unwrap_or_else(|_| self.root.clone());
        // Every link along the path must stay inside, resolved by the link's own text so that a
        // dangling link out is caught too.
        let mut walked = PathBuf::new();
        for part in inside.components() {
            walked.push(part);
            let on_disk = self.root.join(&walked);
            let Ok(target) = std::fs::read_link(&on_disk) else { continue };
            let resolved = match on_disk.canonicalize() {
                Ok(resolved) => resolved,
                Err(_) if target.is_absolute() => target.clone(),
                Err(_) => match normalise(&walked.parent().unwrap_or(Path::new("")).join(&target)) {
                    Some(within) => root.join(within),
                    None => PathBuf::from("/"),
                },
            };
            if !resolved.starts_with(&root) {
                let slashed = |p: &Path| p.to_string_lossy().replace('\\', "/");
                return Asset::Outside(Escape::Link { link: slashed(&walked), target: slashed(&target) });
            }
        }
        let full = self.root.join(&inside);
        if full.is_file() { Asset::Found(full) } else { Asset::Missing { folder: full.is_dir() } }
    }

    /// `written` read relative to the document's own folder, as authors often write it, when that
    /// names an existing asset: its path from the catalog root.
    pub fn asset_beside(&self, doc: &Document, written: &str) -> Option<String> {
        let folder = self.file(doc).path.parent()?.strip_prefix(&self.root).ok()?;
        if folder.as_os_str().is_empty() {
            return None;
        }
        let path = normalise(&folder.join(written))?;
        let path = path.to_string_lossy().replace('\\', "/");
        matches!(self.asset(&path), Asset::Found(_)).then_some(path)
    }
}

/// A relative path with `.` and `..` worked out, or `None` when it climbs above its start.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

fn typed(kind: Kind, value: &Value) -> Option<Model> {
    // The schema held, so this only fails where the schema is looser than the types (a number
    // too large for its field); such a document simply takes no part in the content rules.
    // Read from the value in place: the types copy what they keep, the value is not cloned.
    match kind {
        Kind::Credential => Credential::deserialize(value).ok().map(|c| Model::Credential(Box::new(c))),
        Kind::Stack => Stack::deserialize(value).ok().map(|s| Model::Stack(Box::new(s))),
        Kind::Framework => Framework::deserialize(value).ok().map(|f| Model::Framework(Box::new(f))),
    }
}
