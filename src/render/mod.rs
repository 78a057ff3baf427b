//! `mcred build`: the publishable package. Pages for educators (minijinja templates), Open
//! Badges 3.0 JSON for badge platforms, a manifest with checksums, and a zip per stack, rendered
//! in memory and written all at once.

mod archive;
pub mod context;
mod markdown;
mod ob3;
pub mod package;
mod templates;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use minijinja::Value;

use crate::catalog::{Asset, Catalog};
use crate::config::Config;
use crate::schema::Kind;
use context::{Site, Views, asset_path};
use package::{Manifest, ManifestDocument, ManifestFile, StackPackage};
pub use templates::TemplateError;

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The URL the package is published at (overrides `[publish] base_url`).
    pub base_url: Option<String>,
    /// A folder whose templates replace the shipped ones.
    pub templates: Option<PathBuf>,
    /// Also write a zip package per stack.
    pub zip: bool,
}

/// The package, in memory: path (relative, `/`-separated) → bytes.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Package {
    pub files: BTreeMap<String, Vec<u8>>,
}

/// The ids in the package: URLs under the base URL, or `urn:mcred:` names when there is none.
pub struct Ids {
    base: Option<String>,
}

impl Ids {
    pub fn url(&self, path: &str) -> String {
        match &self.base {
            Some(base) => format!("{}/{path}", base.trim_end_matches('/')),
            None => format!("urn:mcred:{path}"),
        }
    }
}

/// Renders a catalog that lints without errors.
pub fn render(catalog: &Catalog, config: &Config, options: &Options) -> Result<Package, TemplateError> {
    let templates = templates::Templates::new(options.templates.as_deref())?;
    let ids = Ids { base: options.base_url.clone().or_else(|| config.publish.base_url.as_ref().map(|u| u.0.clone())) };
    let stacks = context::ids(catalog, Kind::Stack);
    let credentials = context::ids(catalog, Kind::Credential);

    let mut all_pages: BTreeSet<String> = BTreeSet::from(["index.html".to_string()]);
    all_pages.extend(stacks.iter().map(|id| format!("stacks/{id}.html")));
    all_pages
        .extend(credentials.iter().flat_map(|id| [format!("credentials/{id}.html"), format!("credentials/{id}.json")]));
    all_pages.extend(stacks.iter().map(|id| format!("stacks/{id}.json")));
    let stack_ids: Vec<&str> = stacks.iter().map(String::as_str).collect();

    let mut package = Package::default();
    pages(catalog, config, &templates, &all_pages, &stack_ids, &mut package.files)?;
    json(catalog, config, &ids, &all_pages, &mut package.files);
    let style = templates.asset("assets/style.css")?;
    package.files.insert("assets/style.css".into(), style.into_bytes());
    for (written, bytes) in images(catalog, None) {
        package.files.insert(asset_path(&written), bytes);
    }
    // The schemas, at a stable URL under the package, for editors (`yaml-language-server`).
    for name in crate::schema::SchemaName::ALL {
        package.files.insert(format!("schema/{}", name.file_name()), name.text().as_bytes().to_vec());
    }

    if options.zip {
        for (_, stack) in catalog.stacks() {
            let members: Vec<&str> = stack.credentials.iter().map(|c| c.0.as_str()).collect();
            let mut pages: BTreeSet<String> = BTreeSet::from([
                "index.html".to_string(),
                format!("stacks/{}.html", stack.id.0),
                format!("stacks/{}.json", stack.id.0),
            ]);
            pages.extend(
                members.iter().flat_map(|id| [format!("credentials/{id}.html"), format!("credentials/{id}.json")]),
            );
            let mut files = BTreeMap::new();
            self::pages(catalog, config, &templates, &pages, &[stack.id.0.as_str()], &mut files)?;
            // The JSON is the same as the site's: ids are absolute.
            for path in pages.iter().filter(|p| p.ends_with(".json")) {
                if let Some(bytes) = package.files.get(path) {
                    files.insert(path.clone(), bytes.clone());
                }
            }
            files.insert("assets/style.css".into(), package.files["assets/style.css"].clone());
            for (written, bytes) in images(catalog, Some(&members).map(|m| (stack.id.0.as_str(), m.as_slice()))) {
                files.insert(asset_path(&written), bytes);
            }
            let bytes = archive::zip(&files).map_err(|e| TemplateError(format!("zip: {e}")))?;
            package.files.insert(format!("packages/{}-{}.zip", stack.id.0, stack.version.0), bytes);
        }
    }

    let manifest = manifest(catalog, &ids, &package);
    let mut text = serde_json::to_string_pretty(&manifest).expect("a manifest serializes");
    text.push('\n');
    package.files.insert("catalog.json".into(), text.into_bytes());
    Ok(package)
}

/// The HTML pages among `pages`, for the stacks in `stacks`.
fn pages(
    catalog: &Catalog,
    config: &Config,
    templates: &templates::Templates,
    pages: &BTreeSet<String>,
    stacks: &[&str],
    out: &mut BTreeMap<String, Vec<u8>>,
) -> Result<(), TemplateError> {
    let views = Views::new(catalog, config, pages);
    let site: Site = views.site(stacks);
    let page = |path: &str, root: &str, extra: Option<(&str, Value)>| -> Result<Vec<u8>, TemplateError> {
        let mut context =
            BTreeMap::from([("site", to_value(&site)), ("root", Value::from(root)), ("page", Value::from(path))]);
        let name = match &extra {
            Some((key, _)) => format!("{key}.html"),
            None => "index.html".to_string(),
        };
        if let Some((key, value)) = extra {
            context.insert(key, value);
        }
        templates.render(&name, to_value(&context)).map(String::into_bytes)
    };
    out.insert("index.html".into(), page("index.html", "", None)?);
    for (_, stack) in catalog.stacks() {
        let path = format!("stacks/{}.html", stack.id.0);
        if pages.contains(&path) {
            let bytes = page(&path, "../", Some(("stack", to_value(views.stack(stack)))))?;
            out.insert(path, bytes);
        }
    }
    for (_, credential) in catalog.credentials() {
        let path = format!("credentials/{}.html", credential.id.0);
        if pages.contains(&path) {
            let bytes = page(&path, "../", Some(("credential", to_value(views.credential(credential)))))?;
            out.insert(path, bytes);
        }
    }
    Ok(())
}

fn to_value<T: serde::Serialize>(value: T) -> Value {
    Value::from(minijinja::value::Serde(value))
}

/// Every Achievement and stack JSON.
fn json(catalog: &Catalog, config: &Config, ids: &Ids, pages: &BTreeSet<String>, out: &mut BTreeMap<String, Vec<u8>>) {
    let views = Views::new(catalog, config, pages);
    let pretty = |value: &serde_json::Value| {
        let mut text = serde_json::to_string_pretty(value).expect("JSON serializes");
        text.push('\n');
        text.into_bytes()
    };
    for (_, credential) in catalog.credentials() {
        let achievement = ob3::credential(&views.credential(credential), config, ids);
        out.insert(format!("credentials/{}.json", credential.id.0), pretty(&achievement));
    }
    for (_, stack) in catalog.stacks() {
        let view = views.stack(stack);
        let document = StackPackage {
            id: ids.url(&format!("stacks/{}.json", stack.id.0)),
            kind: "Stack".into(),
            name: view.title.clone(),
            description: view.summary.clone(),
            version: view.version.clone(),
            achievements: view
                .steps
                .iter()
                .map(|s| ids.url(&format!("credentials/{}.json", s.credential.id)))
                .collect(),
            achievement: view.award.then(|| ob3::stack(&view, config, ids)),
        };
        out.insert(
            format!("stacks/{}.json", stack.id.0),
            pretty(&serde_json::to_value(&document).expect("serializes")),
        );
    }
}

/// The images documents name, read from the catalog: all of them, or those of one stack and its
/// credentials. Only files inside the catalog are read; lint has refused any other path.
fn images(catalog: &Catalog, stack: Option<(&str, &[&str])>) -> Vec<(String, Vec<u8>)> {
    let wanted = |kind: Kind, id: &str| match stack {
        None => true,
        Some((stack, members)) => {
            (kind == Kind::Stack && id == stack) || (kind == Kind::Credential && members.contains(&id))
        }
    };
    let mut out = Vec::new();
    for doc in &catalog.docs {
        let Some(id) = doc.outline.id.as_deref() else { continue };
        if doc.model.is_none() || !wanted(doc.kind, id) {
            continue;
        }
        let Some(written) = catalog.file(doc).parsed().and_then(|p| p.value.get("image")).and_then(|v| v.as_str())
        else {
            continue;
        };
        if let Asset::Found(path) = catalog.asset(written)
            && let Ok(bytes) = std::fs::read(path)
        {
            out.push((written.to_string(), bytes));
        }
    }
    out
}

fn manifest(catalog: &Catalog, ids: &Ids, package: &Package) -> Manifest {
    let documents = catalog
        .docs
        .iter()
        .filter(|d| d.model.is_some())
        .filter_map(|doc| {
            let id = doc.outline.id.clone()?;
            let file = catalog.file(doc);
            let source =
                file.path.strip_prefix(&catalog.root).unwrap_or(&file.path).to_string_lossy().replace('\\', "/");
            let value = &file.parsed()?.value;
            let text = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_string);
            let (page, json) = match doc.kind {
                Kind::Credential => (Some(format!("credentials/{id}.html")), Some(format!("credentials/{id}.json"))),
                Kind::Stack => (Some(format!("stacks/{id}.html")), Some(format!("stacks/{id}.json"))),
                Kind::Framework => (None, None),
            };
            Some(ManifestDocument {
                kind: doc.kind.as_str().into(),
                id,
                version: text("version"),
                status: text("status"),
                source,
                page,
                json,
            })
        })
        .collect();
    Manifest {
        version: 1,
        generator: format!("mcred {}", env!("CARGO_PKG_VERSION")),
        base_url: ids.base.clone(),
        documents,
        files: package.files.iter().map(|(path, bytes)| ManifestFile::of(path, bytes)).collect(),
    }
}

/// Whether a package path is relative and stays below the package root.
fn contained(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path.split(['/', '\\']).all(|part| !part.is_empty() && part != "." && part != "..")
        && Path::new(path).components().all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Writes the package to `out` all at once: into a new folder beside it, then swapped in, so a
/// failed or interrupted build leaves the previous package as it was.
pub fn write(package: &Package, out: &Path) -> std::io::Result<()> {
    // Every path stays inside the package, whatever a document wrote: checked once more here,
    // where a mistake would write outside the output folder.
    if let Some(bad) = package.files.keys().find(|p| !contained(p)) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("refusing to write `{bad}`: it leaves the package"),
        ));
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "dist".into());
    let staging = parent.join(format!(".{name}.building-{}", std::process::id()));
    let result = (|| {
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        for (path, bytes) in &package.files {
            let target = staging.join(path);
            if let Some(folder) = target.parent() {
                std::fs::create_dir_all(folder)?;
            }
            std::fs::write(target, bytes)?;
        }
        let previous = parent.join(format!(".{name}.previous-{}", std::process::id()));
        if out.exists() {
            std::fs::rename(out, &previous)?;
        }
        if let Err(e) = std::fs::rename(&staging, out) {
            // Put the old package back before reporting.
            if previous.exists() {
                let _ = std::fs::rename(&previous, out);
            }
            return Err(e);
        }
        if previous.exists() {
            std::fs::remove_dir_all(&previous)?;
        }
        Ok(())
    })();
    if result.is_err() && staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}
