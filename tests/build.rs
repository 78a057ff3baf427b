//! `mcred build` as publishers run it: a package whose Achievements validate against the official
//! Open Badges 3.0 schema, whose pages link only to what is there, byte-identical across runs,
//! written all at once, with hostile text inert and templates replaceable.

mod common;
#[allow(dead_code)]
#[path = "../examples/gen_catalog.rs"]
mod gen_catalog;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::html::{Tag, tokenize};
use common::{CREDENTIAL, STACK, catalog, mcred};
use serde_json::Value;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file below `dir`: path relative to it → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let relative = path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Builds the catalog configured in `dir` into a new temporary folder.
fn build(dir: &Path, extra: &[&str]) -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let mut args = vec!["build", "--out", target.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = mcred(dir, &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let built = files(&target);
    (out, built)
}

fn achievement_validator() -> jsonschema::Validator {
    let official: Value =
        serde_json::from_str(include_str!("fixtures/schemas/ob_v3p0_achievementcredential_schema.json")).unwrap();
    // The official schema describes a whole credential; its Achievement is one of its `$defs`.
    let schema = serde_json::json!({
        "$schema": official["$schema"],
        "$ref": "#/$defs/Achievement",
        "$defs": official["$defs"],
    });
    jsonschema::draft201909::new(&schema).unwrap()
}

fn assert_achievements_validate(built: &BTreeMap<String, Vec<u8>>) -> usize {
    let validator = achievement_validator();
    let mut checked = 0;
    for (path, bytes) in built
        .iter()
        .filter(|(p, _)| p.ends_with(".json") && (p.starts_with("credentials/") || p.starts_with("stacks/")))
    {
        let value: Value = serde_json::from_slice(bytes).unwrap();
        let achievement = if path.starts_with("stacks/") { value.get("achievement").cloned() } else { Some(value) };
        let Some(achievement) = achievement else { continue };
        let errors: Vec<String> =
            validator.iter_errors(&achievement).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
        checked += 1;
    }
    checked
}

#[test]
fn the_reference_catalog_builds_into_a_valid_package() {
    let (_out, built) = build(repo(), &["--zip"]);
    // 15 credentials and 3 stacks that award a badge.
    assert_eq!(assert_achievements_validate(&built), 18);
    for page in [
        "index.html",
        "stacks/working-memory.html",
        "credentials/motivation-engage-your-peers.html",
        "assets/style.css",
        "catalog.json",
    ] {
        assert!(built.contains_key(page), "{page} missing");
    }
    assert_eq!(built.keys().filter(|p| p.starts_with("packages/")).count(), 3);
}

#[test]
fn a_catalog_written_elsewhere_builds_with_its_own_base_url_issuer_and_rubric() {
    let (_out, built) = build(&repo().join("tests/fixtures/catalogs/science-inquiry"), &[]);
    assert_eq!(assert_achievements_validate(&built), 6);
    let achievement: Value = serde_json::from_slice(&built["credentials/arguing-from-evidence.json"]).unwrap();
    assert_eq!(achievement["id"], "https://badges.riverside-science.example/credentials/arguing-from-evidence.json");
    assert_eq!(achievement["creator"]["name"], "Riverside Science Teaching Network");
    assert_eq!(achievement["inLanguage"], "en-GB");
    let rubric = &achievement["resultDescription"][0];
    assert_eq!(rubric["allowedValue"], serde_json::json!(["Exemplary", "Proficient", "Not yet"]));
    assert!(rubric["requiredLevel"].as_str().unwrap().ends_with("-proficient"));
    assert_eq!(rubric["rubricCriterionLevel"].as_array().unwrap().len(), 3);
}

#[test]
fn alignments_point_at_the_section_of_the_page_that_states_the_competency() {
    let (_out, built) = build(repo(), &[]);
    for (path, bytes) in built.iter().filter(|(p, _)| p.starts_with("credentials/") && p.ends_with(".json")) {
        let achievement: Value = serde_json::from_slice(bytes).unwrap();
        let target = achievement["alignment"][0]["targetUrl"].as_str().unwrap();
        let (page, fragment) = target.rsplit_once('#').unwrap();
        let page = page.rsplit("/credentials/").next().unwrap();
        let html = String::from_utf8_lossy(&built[&format!("credentials/{page}")]);
        assert!(html.contains(&format!("id=\"{fragment}\"")), "{path}: {target} has no such section");
    }
}

#[test]
fn the_manifest_lists_every_file_with_its_checksum_and_follows_its_schema() {
    use sha2::Digest;
    let (_out, built) = build(repo(), &["--zip"]);
    let manifest: Value = serde_json::from_slice(&built["catalog.json"]).unwrap();
    let schema: Value = serde_json::from_str(mcred::schema::SchemaName::Package.text()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&manifest).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let listed: Vec<&str> = manifest["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    let on_disk: Vec<&str> = built.keys().map(String::as_str).filter(|p| *p != "catalog.json").collect();
    assert_eq!(listed, on_disk);
    for file in manifest["files"].as_array().unwrap() {
        let bytes = &built[file["path"].as_str().unwrap()];
        let digest: String = sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(file["sha256"], digest.as_str());
        assert_eq!(file["bytes"], bytes.len());
    }
    assert_eq!(manifest["documents"].as_array().unwrap().len(), 19);
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, first) = build(repo(), &["--zip"]);
    let (_b, second) = build(repo(), &["--zip"]);
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{path} differs between two builds");
    }
}

/// A page shows its own document and the stacks it is in, never the whole catalog: each page is
/// the same however large the catalog around it grows, so a build grows with the catalog and not
/// with its square.
#[test]
fn a_page_is_the_same_however_large_the_catalog_around_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (small, large) = (tmp.path().join("small"), tmp.path().join("large"));
    gen_catalog::generate(20, &small, 0.0).unwrap();
    gen_catalog::generate(200, &large, 0.0).unwrap();
    let (_s, small) = build(&small, &[]);
    let (_l, large) = build(&large, &[]);
    let pages: Vec<&String> = small.keys().filter(|p| p.ends_with(".html") && *p != "index.html").collect();
    assert_eq!(pages.len(), 20 + 4, "20 credentials in 4 stacks");
    for path in pages {
        assert!(large.get(path) == Some(&small[path]), "{path} changes with the size of the catalog");
    }
    assert!(large["index.html"].len() > 5 * small["index.html"].len(), "the catalog page lists everything");
}

/// Every relative `href` and `src` in the HTML files of `built` names a file of `built`.
fn assert_links_resolve(built: &BTreeMap<String, Vec<u8>>, what: &str) {
    for (path, bytes) in built.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for attribute in ["href=\"", "src=\""] {
            for piece in html.split(attribute).skip(1) {
                let link = &piece[..piece.find('"').unwrap()];
                let link = link.split('#').next().unwrap();
                if link.is_empty() || link.contains(':') {
                    continue;
                }
                let base = Path::new(path).parent().unwrap();
                let mut target = PathBuf::new();
                for part in base.join(link).components() {
                    match part {
                        std::path::Component::ParentDir => {
                            target.pop();
                        }
                        std::path::Component::Normal(p) => target.push(p),
                        _ => {}
                    }
                }
                let target = target.to_string_lossy().replace('\\', "/");
                assert!(built.contains_key(&target), "{what}: {path} links to {link}, which is not in the package");
            }
        }
    }
}

#[test]
fn pages_link_only_to_what_the_package_holds_and_zips_are_self_contained() {
    let (_out, built) = build(repo(), &["--zip"]);
    assert_links_resolve(&built, "the site");
    for (path, bytes) in built.iter().filter(|(p, _)| p.starts_with("packages/")) {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
        let mut entries = BTreeMap::new();
        let mut names = Vec::new();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            assert_eq!(entry.last_modified(), Some(zip::DateTime::default()), "{path}: {name}");
            let mut content = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut content).unwrap();
            names.push(name.clone());
            entries.insert(name, content);
        }
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "{path}: entries are sorted");
        assert!(names.iter().any(|n| n.starts_with("stacks/")) && names.contains(&"assets/style.css".to_string()));
        assert_links_resolve(&entries, path);
    }
}

#[test]
fn a_catalog_with_errors_is_not_built_and_the_previous_package_stays() {
    let dir = catalog(&[
        ("mcred.toml", b"catalog = \"catalog\"\n"),
        ("catalog/working-memory.yaml", STACK.as_bytes()),
        ("catalog/understand.yaml", CREDENTIAL.as_bytes()),
    ]);
    let (code, stdout, _) = mcred(dir.path(), &["build"]);
    assert_eq!(code, 0, "{stdout}");
    let before = files(&dir.path().join("dist"));
    assert!(before.contains_key("credentials/understand.html"));

    std::fs::write(
        dir.path().join("catalog/understand.yaml"),
        CREDENTIAL.replace("status: published", "status: publishd"),
    )
    .unwrap();
    let (code, stdout, _) = mcred(dir.path(), &["build"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("Not built: the catalog has 1 error. Nothing was written."), "{stdout}");
    assert_eq!(files(&dir.path().join("dist")), before);

    // A template that fails to render is a failed build too: exit 2, the old package intact.
    std::fs::write(dir.path().join("catalog/understand.yaml"), CREDENTIAL).unwrap();
    std::fs::create_dir_all(dir.path().join("broken")).unwrap();
    std::fs::write(dir.path().join("broken/index.html"), "{{ site.no_such_field.deeper }}").unwrap();
    let (code, _, stderr) = mcred(dir.path(), &["build", "--templates", "broken"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("index.html"), "{stderr}");
    assert_eq!(files(&dir.path().join("dist")), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with(".dist"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_template_folder_replaces_only_the_templates_it_holds() {
    let dir = catalog(&[
        ("mcred.toml", b"catalog = \"catalog\"\n"),
        ("catalog/working-memory.yaml", STACK.as_bytes()),
        ("catalog/understand.yaml", CREDENTIAL.as_bytes()),
    ]);
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(
        dir.path().join("theme/index.html"),
        "<!doctype html><title>{{ site.title }}</title><h1>Our own front page: {{ site.title }}</h1>",
    )
    .unwrap();
    let (_a, plain) = build(dir.path(), &[]);
    let (_b, themed) = build(dir.path(), &["--templates", "theme"]);
    let index = String::from_utf8_lossy(&themed["index.html"]);
    assert!(index.contains("Our own front page: Micro-credentials"), "{index}");
    for (path, bytes) in plain.iter().filter(|(p, _)| p.ends_with(".html") && *p != "index.html") {
        assert!(themed[path] == *bytes, "{path} changed");
    }
}

#[test]
fn hostile_text_is_inert_in_every_page() {
    let hostile = CREDENTIAL
        .replace("title: \"Working Memory: Demonstrate Understanding\"", "title: \"<script>alert('title')</script> {{ 7 * 7 }}\"")
        .replace("summary: The educator explains what working memory is.", "summary: \"<img src=x onerror=alert(1)> {% raw %}\"")
        .replace(
            "key_method: Study the course resources and explain working memory in your own words.",
            "key_method: |\n  [click me](javascript:alert(1)) <script>alert(2)</script>\n  <a href=\"javascript:alert(3)\" onclick=\"alert(4)\">x</a> <iframe src=\"https://example.org\"></iframe> {{ site }}",
        )
        .replace("prompts: [Submit a student work sample.]", "prompts: [\"<b onmouseover=alert(5)>bold</b> {{ root }}\"]");
    let dir = catalog(&[
        ("mcred.toml", b"catalog = \"catalog\"\n"),
        ("catalog/working-memory.yaml", STACK.as_bytes()),
        ("catalog/understand.yaml", hostile.as_bytes()),
    ]);
    let (_out, built) = build(dir.path(), &["--zip"]);
    let mut pages = 0;
    for (path, bytes) in built.iter().filter(|(p, _)| p.ends_with(".html")) {
        for Tag { name, attributes } in tokenize(&String::from_utf8_lossy(bytes)).0 {
            assert!(!["script", "iframe", "object", "embed"].contains(&name.as_str()), "{path}: <{name}>");
            for (attribute, value) in attributes {
                assert!(!attribute.starts_with("on"), "{path}: an event handler `{attribute}` on <{name}>");
                assert!(!value.to_lowercase().contains("javascript:"), "{path}: a script URL in <{name} {attribute}>");
            }
        }
        pages += 1;
    }
    assert_eq!(pages, 3);
    let page = String::from_utf8_lossy(&built["credentials/understand.html"]);
    // Template syntax in the text is printed as written, never evaluated.
    assert!(page.contains("{{ 7 * 7 }}") && !page.contains(" 49"), "template syntax in a title");
    assert!(page.contains("{{ root }}") && page.contains("{% raw %}"));
    assert!(page.contains("&lt;script&gt;alert("), "the title is shown, escaped");
}

#[test]
fn build_refuses_a_base_url_that_is_not_http() {
    let (code, _, stderr) = mcred(repo(), &["build", "--out", "/nonexistent/never", "--base-url", "ftp://example.org"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("https://"), "{stderr}");
}

#[test]
fn the_pages_and_json_of_a_small_catalog() {
    let (_out, built) = build(&repo().join("tests/fixtures/catalogs/small"), &["--zip"]);
    let mut listing = String::new();
    for (path, bytes) in &built {
        listing.push_str(&format!("{path} ({} bytes)\n", bytes.len()));
        // The stylesheet, the image and the zip are not text to review (the zip's entries are),
        // and the schemas are checked against the code in `tests/schemas.rs`.
        if (path.ends_with(".html") || path.ends_with(".json")) && !path.starts_with("schema/") {
            insta::with_settings!({ snapshot_path => "snapshots/build", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(path.replace('/', "__"), String::from_utf8_lossy(bytes));
            });
        }
        if path.ends_with(".zip") {
            let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
            let names: Vec<String> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
            listing.push_str(&format!("  {}\n", names.join("\n  ")));
        }
    }
    insta::with_settings!({ snapshot_path => "snapshots/build", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("listing", listing.replace(&format!("({} bytes)", built["assets/style.css"].len()), "(stylesheet)"));
    });
}
