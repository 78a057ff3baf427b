//! The JSON Schemas in `schema/` are generated from the code: this fails when they drift.
//! Run with `MCRED_BLESS=1` to write them anew.

use mcred::schema::SchemaName;

#[test]
fn schema_files_match_the_code() {
    let bless = std::env::var_os("MCRED_BLESS").is_some();
    let mut stale = Vec::new();
    for name in SchemaName::ALL {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema").join(name.file_name());
        let generated = name.generate();
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if generated != on_disk {
            if bless {
                std::fs::write(&path, &generated).unwrap();
            } else {
                stale.push(name.file_name());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} drifted from the code: run `MCRED_BLESS=1 cargo test --test schemas` and review the diff"
    );
}

#[test]
fn shipped_schemas_are_what_mcred_schema_prints() {
    for name in SchemaName::ALL {
        let value: serde_json::Value = serde_json::from_str(name.text()).unwrap();
        assert_eq!(value["$schema"], "https://json-schema.org/draft/2020-12/schema", "{}", name.file_name());
        assert!(jsonschema::draft202012::new(&value).is_ok(), "{} does not compile", name.file_name());
    }
}
