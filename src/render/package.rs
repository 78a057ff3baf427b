//! The package's own JSON: `catalog.json`, the manifest of every document and every file with its
//! checksum, and `stacks/<id>.json`, a stack's ordered achievements. Described by
//! `schema/package.schema.json`.

use schemars::JsonSchema;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// `catalog.json`.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "mcred package manifest (catalog.json)")]
pub struct Manifest {
    /// The manifest format's version.
    pub version: u32,
    /// The mcred that built the package: `mcred 0.1.0`.
    pub generator: String,
    /// The URL the package is published at; absent when the catalog configures none (ids are
    /// then `urn:mcred:` names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Every published document, by kind and id.
    pub documents: Vec<ManifestDocument>,
    /// Every file of the package but this one, sorted by path.
    pub files: Vec<ManifestFile>,
}

/// A published document.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ManifestDocument {
    /// `credential`, `stack` or `framework`.
    pub kind: String,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The YAML file it was built from, relative to the catalog folder.
    pub source: String,
    /// Its page in the package, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Its JSON in the package, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json: Option<String>,
}

/// A file of the package.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ManifestFile {
    /// Relative to the package root, `/`-separated.
    pub path: String,
    /// Lowercase hex SHA-256 of the file's bytes.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: String,
    pub bytes: u64,
}

impl ManifestFile {
    pub fn of(path: &str, bytes: &[u8]) -> ManifestFile {
        let digest = Sha256::digest(bytes);
        ManifestFile {
            path: path.to_string(),
            sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
            bytes: bytes.len() as u64,
        }
    }
}

/// `stacks/<id>.json`: the pathway for machines.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StackPackage {
    /// This file's URL.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub description: String,
    pub version: String,
    /// The ids of the credentials' Achievements, first step to last.
    pub achievements: Vec<String>,
    /// The stack's own Open Badges 3.0 Achievement, when completing it earns a badge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement: Option<serde_json::Value>,
}
