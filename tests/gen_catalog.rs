//! The benchmark's catalog generator (`examples/gen_catalog.rs`): the same files for the same N,
//! a catalog that lints with no finding at all, and with `--mistakes`, exactly the findings it
//! says it put in.

#[allow(dead_code)]
#[path = "../examples/gen_catalog.rs"]
mod gen_catalog;

use std::collections::BTreeMap;
use std::path::Path;

use mcred::config::Config;
use mcred::report;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// `rule file` for each finding.
fn findings(dir: &Path) -> Vec<String> {
    let config = Config::load(&dir.join("mcred.toml")).unwrap_or_else(|e| panic!("{e}"));
    let linted = mcred::lint::check(&config.catalog, &config, dir).unwrap();
    let located = report::locate(&linted.catalog, &linted.diagnostics);
    located.iter().map(|d| format!("{} {}", d.diagnostic.rule, d.source.display)).collect()
}

#[test]
fn the_same_catalog_for_the_same_size_and_a_prefix_of_a_larger_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (tmp.path().join("a"), tmp.path().join("b"), tmp.path().join("c"));
    gen_catalog::generate(23, &a, 0.0).unwrap();
    gen_catalog::generate(23, &b, 0.0).unwrap();
    gen_catalog::generate(30, &c, 0.0).unwrap();
    let (a, b, c) = (files(&a), files(&b), files(&c));
    assert_eq!(a, b);
    let credentials = a.keys().filter(|k| k.starts_with("catalog/credentials/")).count();
    assert_eq!(credentials, 23);
    for (name, bytes) in a.iter().filter(|(k, _)| k.starts_with("catalog/credentials/")) {
        assert_eq!(c.get(name), Some(bytes), "{name}");
        let lines = bytes.iter().filter(|b| **b == b'\n').count();
        assert!((90..=130).contains(&lines), "{name} has {lines} lines");
    }
}

#[test]
fn a_generated_catalog_lints_clean() {
    let tmp = tempfile::tempdir().unwrap();
    gen_catalog::generate(60, tmp.path(), 0.0).unwrap();
    let found = findings(tmp.path());
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn injected_mistakes_are_found_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let injected = gen_catalog::generate(90, tmp.path(), 0.2).unwrap();
    assert_eq!(injected, 18);
    let listed = std::fs::read_to_string(tmp.path().join("mistakes.tsv")).unwrap();
    let mut expected: Vec<String> = Vec::new();
    for line in listed.lines().skip(1) {
        let (file, rules) = line.split_once('\t').unwrap();
        for rule in rules.split(',') {
            // A credential that is no document leaves its framework skill unmeasured.
            let at = if rule == "unmeasured-skill" { "catalog/generated-learning-differences.yaml" } else { file };
            expected.push(format!("{rule} {at}"));
        }
    }
    let mut found = findings(tmp.path());
    expected.sort();
    found.sort();
    assert_eq!(found, expected);
}
