//! The JSON Schemas of every file mcred reads or writes: generated from the typed model, shipped
//! inside the binary, compiled once, and turned into located, readable findings.

use std::sync::LazyLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use crate::diagnostic::At;
use crate::model;
use crate::suggest::did_you_mean;

/// The schemas `mcred schema NAME` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaName {
    Credential,
    Stack,
    Framework,
    Config,
    Report,
    Package,
}

impl SchemaName {
    pub const ALL: [SchemaName; 6] = [
        SchemaName::Credential,
        SchemaName::Stack,
        SchemaName::Framework,
        SchemaName::Config,
        SchemaName::Report,
        SchemaName::Package,
    ];

    /// The schema's file name in `schema/`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaName::Credential => "credential.schema.json",
            SchemaName::Stack => "stack.schema.json",
            SchemaName::Framework => "framework.schema.json",
            SchemaName::Config => "config.schema.json",
            SchemaName::Report => "report.schema.json",
            SchemaName::Package => "package.schema.json",
        }
    }

    /// The schema as shipped in the binary.
    pub fn text(self) -> &'static str {
        match self {
            SchemaName::Credential => include_str!("../schema/credential.schema.json"),
            SchemaName::Stack => include_str!("../schema/stack.schema.json"),
            SchemaName::Framework => include_str!("../schema/framework.schema.json"),
            SchemaName::Config => include_str!("../schema/config.schema.json"),
            SchemaName::Report => include_str!("../schema/report.schema.json"),
            SchemaName::Package => include_str!("../schema/package.schema.json"),
        }
    }

    /// The schema as the code describes it today; `schema/` must hold exactly this.
    pub fn generate(self) -> String {
        let schema = match self {
            SchemaName::Credential => schemars::schema_for!(model::Credential),
            SchemaName::Stack => schemars::schema_for!(model::Stack),
            SchemaName::Framework => schemars::schema_for!(model::Framework),
            SchemaName::Config => schemars::schema_for!(crate::config::ConfigFile),
            SchemaName::Report => schemars::schema_for!(crate::report::json::Report),
            SchemaName::Package => schemars::schema_for!(crate::render::package::Manifest),
        };
        let mut value = schema.to_value();
        drop_null(&mut value);
        // Readers look at the top first: what the schema is, then its body.
        if let Value::Object(map) = &mut value {
            let mut ordered = serde_json::Map::new();
            for key in ["$schema", "title", "description"] {
                if let Some(v) = map.remove(key) {
                    ordered.insert(key.into(), v);
                }
            }
            ordered.append(map);
            value = Value::Object(ordered);
        }
        let mut text = serde_json::to_string_pretty(&value).expect("a schema serializes");
        text.push('\n');
        text
    }
}

/// An optional field may be left out; it may not be `null`. schemars makes every `Option`
/// nullable, so take `null` back out.
fn drop_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(branches)) = map.get_mut("anyOf") {
                branches.retain(|b| b.get("type").is_none_or(|t| t != "null"));
                if branches.len() == 1 {
                    let Some(Value::Object(only)) = branches.pop() else { unreachable!() };
                    map.remove("anyOf");
                    map.extend(only);
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

struct Compiled {
    schema: Value,
    validator: Validator,
}

fn compile(name: SchemaName) -> Compiled {
    let schema: Value = serde_json::from_str(name.text()).expect("the shipped schemas are JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("the shipped schemas compile");
    Compiled { schema, validator }
}

static CREDENTIAL: LazyLock<Compiled> = LazyLock::new(|| compile(SchemaName::Credential));
static STACK: LazyLock<Compiled> = LazyLock::new(|| compile(SchemaName::Stack));
static FRAMEWORK: LazyLock<Compiled> = LazyLock::new(|| compile(SchemaName::Framework));
static REPORT: LazyLock<Compiled> = LazyLock::new(|| compile(SchemaName::Report));
static CONFIG: LazyLock<Compiled> = LazyLock::new(|| compile(SchemaName::Config));

/// The kinds of document a catalog holds, each with its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Credential,
    Stack,
    Framework,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Credential, Kind::Stack, Kind::Framework];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Credential => "credential",
            Kind::Stack => "stack",
            Kind::Framework => "framework",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The kind's place in [`Kind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    fn compiled(self) -> &'static Compiled {
        match self {
            Kind::Credential => &CREDENTIAL,
            Kind::Stack => &STACK,
            Kind::Framework => &FRAMEWORK,
        }
    }
}

/// One way a document breaks its schema, located and worded for the author.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub at: At,
    pub message: String,
    pub help: Option<String>,
}

/// Checks a document against the schema of its kind. Every issue is kept, but an unknown key
/// that is a misspelling of a missing required one is reported once, as the misspelling.
pub fn check(kind: Kind, value: &Value) -> Vec<Issue> {
    issues(kind.compiled(), kind.as_str(), value)
}

/// Checks `mcred.toml`, as JSON, against `schema/config.schema.json`: URLs, languages, levels.
pub fn check_config(value: &Value) -> Vec<Issue> {
    issues(&CONFIG, "configuration", value)
}

fn issues(compiled: &Compiled, what: &str, value: &Value) -> Vec<Issue> {
    // Most documents are valid: answering yes or no is much cheaper than collecting errors.
    if compiled.validator.is_valid(value) {
        return Vec::new();
    }
    let errors: Vec<ValidationError> = compiled.validator.iter_errors(value).collect();
    if errors.is_empty() {
        return Vec::new();
    }
    let mut raw = Vec::new();
    for error in &errors {
        collect(&compiled.schema, error, &mut raw);
    }
    reduce(what, value, raw)
}

/// Whether a report validates against `schema/report.schema.json`.
pub fn report_errors(report: &Value) -> Vec<String> {
    REPORT.validator.iter_errors(report).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

enum Raw {
    Unknown { parent: String, key: String, suggestion: Option<String>, known: Vec<String> },
    Missing { parent: String, property: String, description: Option<String> },
    Other(Issue),
}

fn collect(schema: &Value, error: &ValidationError, out: &mut Vec<Raw>) {
    let pointer = error.instance_path().as_str().to_string();
    let instance = error.instance();
    let issue =
        |message: String, help: Option<String>| Raw::Other(Issue { at: At::value(pointer.clone()), message, help });
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let known: Vec<String> = owner(schema, error.schema_path().as_str())
                .and_then(|n| n.get("properties"))
                .and_then(Value::as_object)
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            for key in unexpected {
                let suggestion = did_you_mean(key, known.iter().map(String::as_str)).map(str::to_string);
                out.push(Raw::Unknown { parent: pointer.clone(), key: key.clone(), suggestion, known: known.clone() });
            }
        }
        ValidationErrorKind::Required { property } => {
            let property = property.as_str().unwrap_or_default().to_string();
            let description = owner(schema, error.schema_path().as_str())
                .and_then(|n| n.pointer(&format!("/properties/{}/description", escape(&property))))
                .and_then(Value::as_str)
                .map(str::to_string);
            out.push(Raw::Missing { parent: pointer, property, description });
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => article(&t.to_string()),
                TypeKind::Multiple(set) => set.iter().map(|t| article(&t.to_string())).collect::<Vec<_>>().join(" or "),
            };
            let found = describe(instance);
            let pattern =
                owner(schema, error.schema_path().as_str()).and_then(|n| n.get("pattern")).and_then(Value::as_str);
            let help = match (kind, &**instance) {
                (TypeKind::Single(jsonschema::JsonType::String), Value::Number(_) | Value::Bool(_)) => {
                    let mut help = format!(
                        "YAML read `{instance}` as {}: put it in quotes to keep it as text",
                        article(json_type(instance))
                    );
                    if let Some(form) = pattern.and_then(|p| pattern_meaning(p, "").1) {
                        help.push_str(&format!("; {form}"));
                    }
                    Some(help)
                }
                (TypeKind::Single(jsonschema::JsonType::Boolean), Value::String(text)) => {
                    Some(format!("YAML 1.2 reads `{text}` as text: write `true` or `false`"))
                }
                (
                    TypeKind::Single(jsonschema::JsonType::Integer | jsonschema::JsonType::Number),
                    Value::String(text),
                ) => {
                    let number: String = text.trim().chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
                    Some(if number.is_empty() {
                        "write a number, e.g. `10`".to_string()
                    } else {
                        format!("write the number alone, without words or quotes: `{number}`")
                    })
                }
                (TypeKind::Single(jsonschema::JsonType::Array), _) => {
                    Some("write it as a list: one `- item` per line".into())
                }
                _ => None,
            };
            out.push(issue(format!("{} should be {expected}, not {found}", name_of(&pointer)), help));
        }
        ValidationErrorKind::Enum { options } | ValidationErrorKind::Constant { expected_value: options } => {
            let options: Vec<&str> = match &**options {
                Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                other => other.as_str().into_iter().collect(),
            };
            out.push(enum_issue(&pointer, instance, &options));
        }
        ValidationErrorKind::Pattern { pattern } => {
            let (what, help) = pattern_meaning(pattern, instance.as_str().unwrap_or_default());
            out.push(issue(format!("{} is not {what}", shown(instance)), help));
        }
        ValidationErrorKind::MinItems { limit } => {
            let entries = if *limit == 1 { "one entry".to_string() } else { format!("{limit} entries") };
            out.push(issue(format!("{} needs at least {entries}", name_of(&pointer)), None));
        }
        ValidationErrorKind::MinLength { .. } => {
            out.push(issue(format!("{} must not be empty", name_of(&pointer)), None))
        }
        ValidationErrorKind::Minimum { limit } => {
            out.push(issue(format!("{} is {}; it must be at least {limit}", name_of(&pointer), shown(instance)), None))
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context }
            if context.iter().all(
                |branch| matches!(branch.as_slice(), [e] if matches!(e.kind(), ValidationErrorKind::Constant { .. })),
            ) =>
        {
            // An enum whose values carry descriptions is a `oneOf` of constants: one list.
            let options: Vec<&str> = context
                .iter()
                .filter_map(|branch| match branch[0].kind() {
                    ValidationErrorKind::Constant { expected_value } => expected_value.as_str(),
                    _ => None,
                })
                .collect();
            out.push(enum_issue(&pointer, instance, &options));
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            // Report the branch that came closest: the one whose errors reach deepest, then the
            // one with fewest errors.
            if let Some(best) = context.iter().min_by_key(|branch| {
                let depth = branch.iter().map(|e| e.instance_path().as_str().matches('/').count()).max().unwrap_or(0);
                (std::cmp::Reverse(depth), branch.len())
            }) {
                best.iter().for_each(|e| collect(schema, e, out));
            }
        }
        _ => out.push(issue(format!("{} {error}", name_of(&pointer)), None)),
    }
}

fn enum_issue(pointer: &str, instance: &Value, options: &[&str]) -> Raw {
    let listed = options.iter().map(|o| format!("`{o}`")).collect::<Vec<_>>().join(", ");
    let help = instance
        .as_str()
        .and_then(|v| did_you_mean(v, options.iter().copied()))
        .map(|s| format!("did you mean `{s}`?"));
    Raw::Other(Issue {
        at: At::value(pointer),
        message: format!("{} is {}; expected one of {listed}", name_of(pointer), shown(instance)),
        help,
    })
}

fn reduce(what: &str, value: &Value, raw: Vec<Raw>) -> Vec<Issue> {
    let mut issues = Vec::new();
    let misspelt: Vec<(String, String)> = raw
        .iter()
        .filter_map(|r| match r {
            Raw::Unknown { parent, suggestion: Some(s), .. } => Some((parent.clone(), s.clone())),
            _ => None,
        })
        .collect();
    for r in raw {
        match r {
            Raw::Unknown { parent, key, suggestion, known } => issues.push(Issue {
                at: At::key(format!("{parent}/{}", escape(&key))),
                message: format!("unknown field `{key}` in {}", container(what, &parent)),
                help: Some(match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if !known.is_empty() && known.len() <= 12 => {
                        format!(
                            "the fields here are {}",
                            known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                        )
                    }
                    None => format!("remove it; `mcred schema {what}` lists the fields"),
                }),
            }),
            Raw::Missing { parent, property, description } => {
                if misspelt.iter().any(|(p, s)| *p == parent && *s == property) {
                    continue;
                }
                let message = format!("{} is missing the required field `{property}`", container(what, &parent));
                if let Some(swallowed) = swallowed_by(value, &parent, &property) {
                    issues.push(Issue {
                        at: At::value(format!("{parent}/{}", escape(&swallowed))),
                        message,
                        help: Some(format!(
                            "`{property}:` is inside the text of `{swallowed}`: indented under a block scalar (`>-`, `|`), it became part of that text; move it back out to the margin of `{swallowed}:`"
                        )),
                    });
                    continue;
                }
                // The field is not there, so this points at the key of the mapping that lacks it.
                let help = match description {
                    Some(d) => format!("add `{property}:`: {}", lowercase_first(&d)),
                    None => format!("add `{property}:`"),
                };
                issues.push(Issue {
                    at: At::key(format!("{parent}/{}", escape(&property))),
                    message,
                    help: Some(help),
                });
            }
            Raw::Other(issue) => issues.push(issue),
        }
    }
    issues
}

/// The field of the mapping at `parent` whose text holds a line `property: …`: a key swallowed by
/// a block scalar above it.
fn swallowed_by(value: &Value, parent: &str, property: &str) -> Option<String> {
    let object = value.pointer(parent)?.as_object()?;
    let prefix = format!("{property}:");
    object.iter().find_map(|(key, v)| {
        let text = v.as_str()?;
        // A literal block (`|`) keeps the line; a folded one (`>-`) joins it to the one before.
        let literal = text.lines().skip(1).any(|l| l.trim_start().starts_with(&prefix));
        let folded = text.contains(&format!(" {prefix}"));
        (literal || folded).then(|| key.clone())
    })
}

/// The schema object that holds the keyword at `path` (a keyword location such as
/// `/properties/version/$ref/type`), following `$ref`s on the way.
fn owner<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
    let resolve = |node: &'a Value| -> &'a Value {
        match node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')).and_then(|p| schema.pointer(p))
        {
            Some(target) => target,
            None => node,
        }
    };
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut node = schema;
    for segment in &segments[..segments.len().saturating_sub(1)] {
        node = if *segment == "$ref" { resolve(node) } else { node.get(unescape(segment).as_ref())? };
    }
    Some(resolve(node))
}

fn unescape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains('~') { token.replace("~1", "/").replace("~0", "~").into() } else { token.into() }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

fn pattern_meaning(pattern: &str, value: &str) -> (&'static str, Option<String>) {
    if pattern == model::ID_PATTERN {
        let fixed = kebab(value);
        ("a valid id: ids are lowercase kebab-case", (!fixed.is_empty()).then(|| format!("write it as `{fixed}`")))
    } else if pattern == model::SKILL_ID_PATTERN {
        ("a valid skill id: lowercase words joined by `-` or `.`", Some("for example `wm.understand`".into()))
    } else if pattern == model::VERSION_PATTERN {
        ("a semantic version", Some("write it as MAJOR.MINOR.PATCH, e.g. \"1.0.0\"".into()))
    } else if pattern == model::URL_PATTERN {
        ("an http(s) URL", Some("links must start with `https://` or `http://`".into()))
    } else if pattern == model::LANGUAGE_PATTERN {
        ("a BCP 47 language tag", Some("for example `en` or `en-GB`".into()))
    } else {
        ("of the expected form", None)
    }
}

fn kebab(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The field a pointer names, for messages: `` `summary` ``, `` `submission[2].prompts` ``.
pub fn name_of(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the document".into();
    }
    let mut name = String::new();
    for token in pointer.split('/').skip(1) {
        if token.parse::<usize>().is_ok() {
            name.push_str(&format!("[{token}]"));
        } else {
            if !name.is_empty() {
                name.push('.');
            }
            name.push_str(&token.replace("~1", "/").replace("~0", "~"));
        }
    }
    format!("`{name}`")
}

fn container(what: &str, parent: &str) -> String {
    if parent.is_empty() { format!("this {what}") } else { name_of(parent) }
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "empty".into(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
        other => format!("{} {}", article(json_type(other)), shown(other)),
    }
}

fn article(json_type: &str) -> String {
    match json_type {
        "object" => "a mapping".into(),
        "array" => "a list".into(),
        "string" => "a text".into(),
        "integer" => "a whole number".into(),
        "null" => "empty".into(),
        other => format!("a {other}"),
    }
}

fn shown(value: &Value) -> String {
    let mut text = match value {
        Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    };
    if text.chars().count() > 60 {
        text = text.chars().take(57).collect::<String>() + "…`";
    }
    text
}
