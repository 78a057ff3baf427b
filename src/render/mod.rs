//! `mcred build`: the publishable package. Pages for educators (minijinja templates), Open
//! Badges 3.0 JSON for badge platforms, a manifest with checksums, and a zip per stack, rendered
//! in memory and written all at once.

mod archive;
pub mod context;
mod markdown;
mod ob3;
mod output;
pub mod package;
mod templates;

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::Value;
use rayon::prelude::*;

use crate::catalog::{Asset, Catalog, Model};
use crate::config::Config;
use crate::model::{Credential, Stack};
use context::{Contents, Index, Views, asset_path};
pub use output::write;
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

/// Renders a catalog that lints without errors. Pages, JSON, zips and checksums are made in
/// parallel: each is independent of the others, and at thousands of credentials they are most of
/// the time a build takes.
pub fn render(catalog: &Catalog, config: &Config, options: &Options) -> Result<Package, TemplateError> {
    let templates = templates::Templates::new(options.templates.as_deref())?;
    let ids = Ids { base: options.base_url.clone().or_else(|| config.publish.base_url.as_ref().map(|u| u.0.clone())) };
    let index = Index::new(catalog);
    let contents = Contents::catalog(&index);
    let views = Views::new(&index, config, &contents);

    let mut package = Package::default();
    package.files.extend(pages(&views, &contents, &templates)?);
    package.files.extend(json(&views, &contents, config, &ids));
    let style = templates.asset("assets/style.css")?;
    package.files.insert("assets/style.css".into(), style.into_bytes());
    package.files.extend(images(catalog, &contents));
    // The schemas, at a stable URL under the package, for editors (`yaml-language-server`).
    for name in crate::schema::SchemaName::ALL {
        package.files.insert(format!("schema/{}", name.file_name()), name.text().as_bytes().to_vec());
    }

    if options.zip {
        let zips = contents
            .stacks
            .par_iter()
            .map(|stack| {
                let bytes = stack_zip(&index, config, &templates, &package, stack)?;
                Ok((format!("packages/{}-{}.zip", stack.id.0, stack.version.0), bytes))
            })
            .collect::<Result<Vec<_>, TemplateError>>()?;
        package.files.extend(zips);
    }

    let manifest = manifest(catalog, &ids, &package);
    let mut text = serde_json::to_string_pretty(&manifest).expect("a manifest serializes");
    text.push('\n');
    package.files.insert("catalog.json".into(), text.into_bytes());
    Ok(package)
}

/// One stack's zip: its pages, linked only among themselves, with the site's JSON (ids are
/// absolute, so it is the same), stylesheet and images.
fn stack_zip(
    index: &Index,
    config: &Config,
    templates: &templates::Templates,
    site: &Package,
    stack: &Stack,
) -> Result<Vec<u8>, TemplateError> {
    let contents = Contents::stack(index, stack);
    let views = Views::new(index, config, &contents);
    let mut files: BTreeMap<String, Vec<u8>> = pages(&views, &contents, templates)?.into_iter().collect();
    let shared = contents.paths().filter(|p| p.ends_with(".json")).cloned();
    let shared = shared.chain(["assets/style.css".to_string()]).chain(contents.images().map(asset_path));
    for path in shared {
        if let Some(bytes) = site.files.get(&path) {
            files.insert(path, bytes.clone());
        }
    }
    archive::zip(&files).map_err(|e| TemplateError(format!("zip: {e}")))
}

/// The HTML pages of a package.
fn pages(
    views: &Views,
    contents: &Contents,
    templates: &templates::Templates,
) -> Result<Vec<(String, Vec<u8>)>, TemplateError> {
    // Made into a template value once: every page shares it.
    let site = to_value(views.site());
    /// A page to render.
    enum Page<'c> {
        Index,
        Stack(&'c Stack),
        Credential(&'c Credential),
    }
    let mut todo = vec![("index.html".to_string(), Page::Index)];
    todo.extend(contents.stacks.iter().map(|s| (format!("stacks/{}.html", s.id.0), Page::Stack(s))));
    todo.extend(contents.credentials.iter().map(|c| (format!("credentials/{}.html", c.id.0), Page::Credential(c))));
    todo.into_par_iter()
        .map(|(path, page)| {
            let root = if path.contains('/') { "../" } else { "" };
            let common = minijinja::context! { site => site.clone(), root => root, page => path.as_str() };
            let (template, context) = match page {
                Page::Index => ("index.html", common),
                Page::Stack(stack) => {
                    ("stack.html", minijinja::context! { stack => to_value(views.stack(stack)), ..common })
                }
                Page::Credential(credential) => (
                    "credential.html",
                    minijinja::context! { credential => to_value(views.credential(credential)), ..common },
                ),
            };
            let html = templates.render(template, context)?;
            Ok((path, html.into_bytes()))
        })
        .collect()
}

fn to_value<T: serde::Serialize>(value: T) -> Value {
    Value::from(minijinja::value::Serde(value))
}

/// Every Achievement and stack JSON.
fn json(views: &Views, contents: &Contents, config: &Config, ids: &Ids) -> Vec<(String, Vec<u8>)> {
    let pretty = |value: &serde_json::Value| {
        let mut text = serde_json::to_string_pretty(value).expect("JSON serializes");
        text.push('\n');
        text.into_bytes()
    };
    let mut out: Vec<(String, Vec<u8>)> = contents
        .credentials
        .par_iter()
        .map(|credential| {
            let achievement = ob3::credential(&views.credential(credential), config, ids);
            (format!("credentials/{}.json", credential.id.0), pretty(&achievement))
        })
        .collect();
    out.par_extend(contents.stacks.par_iter().map(|stack| {
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
        (format!("stacks/{}.json", stack.id.0), pretty(&serde_json::to_value(&document).expect("serializes")))
    }));
    out
}

/// The images the package's documents name, read from the catalog, at their place under
/// `assets/`. Only files inside the catalog are read; lint has refused any other path.
fn images(catalog: &Catalog, contents: &Contents) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for written in contents.images() {
        if let Asset::Found(path) = catalog.asset(written)
            && let Ok(bytes) = std::fs::read(path)
        {
            out.push((asset_path(written), bytes));
        }
    }
    out
}

fn manifest(catalog: &Catalog, ids: &Ids, package: &Package) -> Manifest {
    let documents = catalog
        .docs
        .iter()
        .filter_map(|doc| {
            let id = doc.outline.id.clone()?;
            let file = catalog.file(doc);
            let source =
                file.path.strip_prefix(&catalog.root).unwrap_or(&file.path).to_string_lossy().replace('\\', "/");
            let status = |s| Some(context::status(s).id.to_string());
            let (version, status, page, json) = match doc.model.as_ref()? {
                Model::Credential(c) => (
                    Some(c.version.0.clone()),
                    status(c.status),
                    Some(format!("credentials/{id}.html")),
                    Some(format!("credentials/{id}.json")),
                ),
                Model::Stack(s) => (
                    Some(s.version.0.clone()),
                    status(s.status),
                    Some(format!("stacks/{id}.html")),
                    Some(format!("stacks/{id}.json")),
                ),
                Model::Framework(f) => (f.version.as_ref().map(|v| v.0.clone()), None, None, None),
            };
            Some(ManifestDocument { kind: doc.kind.as_str().into(), id, version, status, source, page, json })
        })
        .collect();
    Manifest {
        version: 1,
        generator: format!("mcred {}", env!("CARGO_PKG_VERSION")),
        base_url: ids.base.clone(),
        documents,
        files: package.files.par_iter().map(|(path, bytes)| ManifestFile::of(path, bytes)).collect(),
    }
}
