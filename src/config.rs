//! `mcred.toml`: where the catalog is, how it publishes, its default rubric, and how strict each
//! rule is. Found from the current directory upward, or named with `--config`.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::diagnostic::Severity;
use crate::model::{Id, Language, Level, Text, Url};
use crate::rules::{self, Rule};
use crate::suggest::did_you_mean;

/// The name of the configuration file.
pub const FILE_NAME: &str = "mcred.toml";

/// The largest file mcred reads by default (8 MiB): a larger one is a diagnostic, not a hang.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

/// `mcred.toml` as written. Every key has a default: a catalog with no configuration lints and
/// builds.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mcred configuration (mcred.toml)")]
pub struct ConfigFile {
    /// The catalog folder, relative to this file (default `credentials`).
    pub catalog: Option<String>,
    /// How the catalog is published.
    #[serde(default)]
    pub publish: Publish,
    /// The rubric credentials use when they do not give their own.
    #[serde(default)]
    pub scoring: ScoringDefaults,
    /// How files are read.
    #[serde(default)]
    pub lint: LintSettings,
    /// Severity per rule: `"error"`, `"warning"` or `"off"`, or a table with `severity` and the
    /// rule's options.
    #[serde(default)]
    #[schemars(schema_with = "rules_schema")]
    pub rules: toml::Table,
}

/// How the catalog is published.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publish {
    /// The catalog's title, on every page (default: the issuer's name, or "Micro-credentials").
    pub title: Option<Text>,
    /// A sentence or two that introduces the catalog on its front page.
    pub description: Option<Text>,
    /// The URL the package is published at; ids in the JSON package start with it.
    pub base_url: Option<Url>,
    /// Who issues the credentials.
    pub issuer: Option<Issuer>,
    /// The catalog's language (BCP 47).
    pub language: Option<Language>,
}

/// Who issues the credentials.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    pub name: Text,
    pub url: Option<Url>,
    pub email: Option<Text>,
}

/// The default rubric.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoringDefaults {
    /// The levels, highest first (default: Pass, Not yet).
    #[schemars(length(min = 1))]
    pub levels: Option<Vec<Level>>,
    /// The lowest level that earns a credential (default `pass`).
    pub passing: Option<Id>,
}

/// How files are read.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LintSettings {
    /// The largest file, in bytes, that is read (default 8 MiB).
    #[schemars(range(min = 1))]
    pub max_file_size: Option<u64>,
}

/// What a rule may be set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Setting {
    Error,
    Warning,
    Off,
}

fn rules_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let setting = generator.subschema_for::<Setting>();
    let mut properties = serde_json::Map::new();
    for rule in rules::ALL {
        let mut table = match rule.options {
            Some(options) => (options.schema)(generator).to_value(),
            None => serde_json::json!({ "type": "object", "additionalProperties": false, "properties": {} }),
        };
        if let Some(props) = table.get_mut("properties").and_then(|p| p.as_object_mut()) {
            props.insert("severity".into(), setting.clone().to_value());
        }
        let description = format!("{} (default: {})", rule.summary, rule.severity.as_str());
        properties.insert(
            rule.id.into(),
            serde_json::json!({ "description": description, "anyOf": [setting.clone().to_value(), table] }),
        );
    }
    serde_json::json!({ "type": "object", "additionalProperties": false, "properties": properties })
        .try_into()
        .expect("an object is a schema")
}

/// The configuration in force: the file's settings with every default filled in.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder paths in the configuration are relative to.
    pub root: PathBuf,
    /// The file it was read from, if any.
    pub file: Option<PathBuf>,
    /// The catalog folder.
    pub catalog: PathBuf,
    pub publish: Publish,
    /// The default rubric levels, highest first.
    pub levels: Vec<Level>,
    /// The default passing level.
    pub passing: Id,
    pub max_file_size: u64,
    severities: HashMap<&'static str, Option<Severity>>,
    options: HashMap<&'static str, toml::Table>,
}

/// A configuration that cannot be used: mcred stops with exit 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message)?,
            None => write!(f, "{}: {}", self.file, self.message)?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl Config {
    /// The defaults, for a catalog with no `mcred.toml`.
    pub fn defaults(root: &Path) -> Config {
        Self::from_file(ConfigFile::default(), root, None).expect("the defaults are valid")
    }

    /// Finds `mcred.toml` in `dir` or the nearest folder above it; the defaults when there is none.
    pub fn discover(dir: &Path) -> Result<Config, ConfigError> {
        for folder in dir.ancestors() {
            let candidate = folder.join(FILE_NAME);
            if candidate.is_file() {
                return Self::load(&candidate);
            }
        }
        Ok(Self::defaults(dir))
    }

    /// Reads the configuration at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let error = |line, message: String, help| ConfigError { file: shown.clone(), line, message, help };
        let text = std::fs::read_to_string(path)
            .map_err(|e| error(None, format!("cannot read the configuration: {e}"), None))?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let (message, help) = explain_toml_error(e.message());
            error(line, message, help)
        })?;
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let root = if root.as_os_str().is_empty() { PathBuf::from(".") } else { root };
        let config = Self::from_file(file, &root, Some(path.to_path_buf())).map_err(|(message, help)| {
            let line = line_of_key(&text, &message);
            error(line, message, help)
        })?;
        // The types read the values; the schema holds their form too (an http(s) URL, a language
        // tag), so `issuer.url = "javascript:…"` never reaches a page.
        let as_json = toml::from_str::<toml::Value>(&text).ok().and_then(|v| serde_json::to_value(v).ok());
        if let Some(issue) = as_json.as_ref().and_then(|v| crate::schema::check_config(v).into_iter().next()) {
            let crate::diagnostic::At::Pointer(pointer, _) = &issue.at else {
                unreachable!("schema issues have pointers")
            };
            let key = pointer.trim_start_matches('/').replace('/', ".");
            let message = match issue.message.contains(&format!("`{key}`")) {
                true => issue.message,
                false => format!("`{key}`: {}", issue.message),
            };
            // The innermost part of the key that is written on a line of its own.
            let line = key.rsplit('.').find_map(|part| line_of_key(&text, &format!("`{part}`")));
            return Err(error(line, message, issue.help));
        }
        Ok(config)
    }

    fn from_file(file: ConfigFile, root: &Path, path: Option<PathBuf>) -> Result<Config, (String, Option<String>)> {
        let levels = file.scoring.levels.unwrap_or_else(default_levels);
        let passing = file.scoring.passing.unwrap_or_else(|| Id("pass".into()));
        if !levels.iter().any(|l| l.id == passing) {
            let known: Vec<&str> = levels.iter().map(|l| l.id.0.as_str()).collect();
            return Err((
                format!("`scoring.passing` is `{}`, which is not one of the levels ({})", passing.0, known.join(", ")),
                did_you_mean(&passing.0, known.iter().copied()).map(|s| format!("did you mean `{s}`?")),
            ));
        }
        let mut severities = HashMap::new();
        let mut options = HashMap::new();
        for (key, value) in file.rules {
            let Some(rule) = rules::find(&key) else {
                return Err((
                    format!("unknown rule `{key}` in [rules]"),
                    Some(match did_you_mean(&key, rules::ALL.iter().map(|r| r.id)) {
                        Some(s) => format!("did you mean `{s}`? `mcred rules` lists every rule"),
                        None => "`mcred rules` lists every rule".into(),
                    }),
                ));
            };
            let (setting, table) = match value {
                toml::Value::String(s) => (parse_setting(rule, &s)?, None),
                toml::Value::Table(mut table) => {
                    let setting = match table.remove("severity") {
                        Some(toml::Value::String(s)) => parse_setting(rule, &s)?,
                        Some(_) => {
                            return Err((
                                format!("`rules.{}.severity` must be \"error\", \"warning\" or \"off\"", rule.id),
                                None,
                            ));
                        }
                        None => Some(rule.severity),
                    };
                    match rule.options {
                        Some(spec) => (spec.validate)(table.clone())
                            .map_err(|e| (format!("in [rules.{}]: {e}", rule.id), None))?,
                        None if !table.is_empty() => {
                            return Err((format!("rule `{}` takes no options, only `severity`", rule.id), None));
                        }
                        None => {}
                    }
                    (setting, Some(table))
                }
                _ => {
                    return Err((
                        format!("`rules.{}` must be \"error\", \"warning\", \"off\" or a table", rule.id),
                        None,
                    ));
                }
            };
            severities.insert(rule.id, setting);
            if let Some(table) = table {
                options.insert(rule.id, table);
            }
        }
        let catalog = file.catalog.as_deref().unwrap_or("credentials");
        if !inside(root, catalog) {
            return Err((
                format!("`catalog` is `{catalog}`, which is not a folder inside {}", root.display()),
                Some("name the catalog folder relative to mcred.toml, without `..`: mcred reads only below it".into()),
            ));
        }
        Ok(Config {
            root: root.to_path_buf(),
            file: path,
            catalog: root.join(catalog),
            publish: file.publish,
            levels,
            passing,
            max_file_size: file.lint.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            severities,
            options,
        })
    }

    /// Turns every rule off but those named, which keep their configured severity.
    pub fn only(&mut self, ids: &[&str]) {
        for rule in rules::ALL {
            if !ids.contains(&rule.id) {
                self.severities.insert(rule.id, None);
            }
        }
    }

    /// The title of the published catalog.
    pub fn title(&self) -> String {
        match (&self.publish.title, &self.publish.issuer) {
            (Some(title), _) => title.0.clone(),
            (None, Some(issuer)) => issuer.name.0.clone(),
            (None, None) => "Micro-credentials".into(),
        }
    }

    /// The language of the published catalog (default `en`).
    pub fn language(&self) -> String {
        self.publish.language.as_ref().map(|l| l.0.clone()).unwrap_or_else(|| "en".into())
    }

    /// How a rule reports here; `None` when it is off.
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        self.severities.get(rule.id).copied().unwrap_or(Some(rule.severity))
    }

    /// A rule's options as configured, its defaults filled in.
    pub fn options<T: DeserializeOwned + Default>(&self, rule: &Rule) -> T {
        match self.options.get(rule.id) {
            // Validated when the configuration was read.
            Some(table) => T::deserialize(table.clone()).unwrap_or_default(),
            None => T::default(),
        }
    }
}

/// Whether `catalog`, relative to `root`, stays below it: no absolute path, no `..` above it, no
/// link out. A pull request that points `catalog` at `../secrets` would otherwise have CI print
/// files from elsewhere in its log.
fn inside(root: &Path, catalog: &str) -> bool {
    let path = Path::new(catalog);
    let mut depth = 0i32;
    for component in path.components() {
        match component {
            std::path::Component::Normal(_) => depth += 1,
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            std::path::Component::RootDir | std::path::Component::Prefix(_) => return false,
        }
    }
    match (root.join(path).canonicalize(), root.canonicalize()) {
        (Ok(target), Ok(root)) => target.starts_with(root),
        // Not there yet: nothing to read, and `mcred lint` says the folder does not exist.
        _ => true,
    }
}

fn default_levels() -> Vec<Level> {
    vec![
        Level { id: Id("pass".into()), label: Text("Pass".into()) },
        Level { id: Id("not-yet".into()), label: Text("Not yet".into()) },
    ]
}

fn parse_setting(rule: &Rule, text: &str) -> Result<Option<Severity>, (String, Option<String>)> {
    match text {
        "error" => Ok(Some(Severity::Error)),
        "warning" => Ok(Some(Severity::Warning)),
        "off" => Ok(None),
        other => Err((
            format!("`rules.{}` is \"{other}\"; it must be \"error\", \"warning\" or \"off\"", rule.id),
            did_you_mean(other, ["error", "warning", "off"]).map(|s| format!("did you mean \"{s}\"?")),
        )),
    }
}

/// toml says "unknown field `x`, expected one of `a`, `b`"; say it as a suggestion.
fn explain_toml_error(message: &str) -> (String, Option<String>) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, tail)) = rest.split_once('`')
    {
        let known: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
        let help = match did_you_mean(field, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => {
                format!("the keys here are {}", known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "))
            }
        };
        return (format!("unknown key `{field}`"), Some(help));
    }
    (message.to_string(), None)
}

/// The line a message's first quoted key sits on, so semantic errors point somewhere too.
fn line_of_key(text: &str, message: &str) -> Option<usize> {
    let key = message.split('`').nth(1)?;
    let last = key.rsplit('.').next()?;
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with(last) && l[last.len()..].trim_start().starts_with('=')
                || l.starts_with(&format!("[rules.{last}]"))
                || l.starts_with(&format!("\"{last}\""))
        })
        .map(|i| i + 1)
}

/// The options of a rule that has some: checked when the configuration is read, described in
/// `config.schema.json`.
#[derive(Clone, Copy)]
pub struct RuleOptions {
    pub validate: fn(toml::Table) -> Result<(), String>,
    pub schema: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
}

impl RuleOptions {
    pub const fn of<T: DeserializeOwned + JsonSchema>() -> RuleOptions {
        RuleOptions { validate: validate::<T>, schema: schema::<T> }
    }
}

fn validate<T: DeserializeOwned>(table: toml::Table) -> Result<(), String> {
    T::deserialize(table).map(drop).map_err(|e| {
        let (message, help) = explain_toml_error(&e.to_string());
        match help {
            Some(help) => format!("{message} ({help})"),
            None => message,
        }
    })
}

fn schema<T: JsonSchema>(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let mut schema = T::json_schema(generator);
    schema.remove("title");
    schema
}

impl fmt::Debug for RuleOptions {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("RuleOptions")
    }
}
