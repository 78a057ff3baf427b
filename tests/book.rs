//! The book's rule pages are generated from the rules' docs in the code: this fails when they
//! drift. Run with `MCRED_BLESS=1` to write them anew.

use std::path::Path;

#[test]
fn rule_pages_match_the_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/rules");
    let bless = std::env::var_os("MCRED_BLESS").is_some();
    let mut pages: Vec<(String, String)> =
        mcred::rules::ALL.iter().map(|r| (format!("{}.md", r.id), r.page())).collect();
    pages.push(("README.md".into(), mcred::rules::index_page()));
    let mut stale = Vec::new();
    for (name, text) in &pages {
        let path = dir.join(name);
        let text = format!("{}\n", text.trim_end());
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            if bless {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &text).unwrap();
            } else {
                stale.push(name.clone());
            }
        }
    }
    // A page for a rule that no longer exists is drift too.
    for entry in std::fs::read_dir(&dir).into_iter().flatten() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !pages.iter().any(|(n, _)| *n == name) {
            stale.push(format!("{name} (no such rule)"));
        }
    }
    assert!(
        stale.is_empty(),
        "book/src/rules drifted from the code: {stale:?}; run `MCRED_BLESS=1 cargo test --test book`"
    );
}

#[test]
fn the_table_of_contents_lists_every_rule() {
    let summary = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/SUMMARY.md")).unwrap();
    let missing: Vec<&str> =
        mcred::rules::ALL.iter().map(|r| r.id).filter(|id| !summary.contains(&format!("(rules/{id}.md)"))).collect();
    assert!(missing.is_empty(), "book/src/SUMMARY.md lists no page for {missing:?}");
}
