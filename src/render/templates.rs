//! The page templates: shipped inside the binary from `templates/`, and any of them replaced by a
//! file of the same name in a folder the user names (`--templates DIR`).

use std::path::{Path, PathBuf};

use minijinja::{Environment, UndefinedBehavior, Value};

use super::markdown;

/// The templates and assets mcred ships, by name.
const SHIPPED: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("stack.html", include_str!("../../templates/stack.html")),
    ("credential.html", include_str!("../../templates/credential.html")),
    ("assets/style.css", include_str!("../../templates/assets/style.css")),
];

/// The templates of one build.
pub struct Templates {
    env: Environment<'static>,
    overrides: Option<PathBuf>,
}

/// A template that could not be read or rendered.
#[derive(Debug)]
pub struct TemplateError(pub String);

impl Templates {
    /// The shipped templates, each replaced by the file of the same name in `overrides`.
    pub fn new(overrides: Option<&Path>) -> Result<Templates, TemplateError> {
        if let Some(dir) = overrides
            && !dir.is_dir()
        {
            return Err(TemplateError(format!("{}: no such templates folder", dir.display())));
        }
        let mut env = Environment::new();
        // A template that names a field the pages do not have is a mistake to show, not a blank.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_formatter(escape);
        // `{{ field | markdown }}`, or `markdown(5)` where the field's headings start at `<h5>`.
        env.add_filter("markdown", |text: Option<String>, top: Option<u8>| {
            Value::from_safe_string(markdown::to_html(text.as_deref().unwrap_or_default(), top.unwrap_or(3)))
        });
        let dir = overrides.map(Path::to_path_buf);
        let loader_dir = dir.clone();
        env.set_loader(move |name| match source(loader_dir.as_deref(), name) {
            Ok(text) => Ok(text),
            Err(message) => Err(minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, message)),
        });
        Ok(Templates { env, overrides: dir })
    }

    /// Renders the page template `name` with `context`.
    pub fn render(&self, name: &str, context: Value) -> Result<String, TemplateError> {
        let template = self.env.get_template(name).map_err(|e| TemplateError(describe(&e)))?;
        template.render(context).map_err(|e| TemplateError(describe(&e)))
    }

    /// A static asset (the stylesheet), from the overrides when they have it.
    pub fn asset(&self, name: &str) -> Result<String, TemplateError> {
        source(self.overrides.as_deref(), name)
            .and_then(|t| t.ok_or_else(|| format!("no asset `{name}`")))
            .map_err(TemplateError)
    }
}

/// Text goes into pages with `&`, `<`, `>`, `"` and `'` escaped: all that HTML needs, in text and
/// in quoted attributes. (minijinja's own escaping also writes `/` as `&#x2f;`, which makes every
/// link in the page harder to read.)
fn escape(out: &mut minijinja::Output, state: &mut minijinja::State, value: &Value) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(text) if matches!(state.auto_escape(), minijinja::AutoEscape::Html) && !value.is_safe() => {
            // Runs of plain text are written whole: most text has nothing to escape.
            let mut plain = 0;
            for (i, byte) in text.bytes().enumerate() {
                let entity = match byte {
                    b'&' => "&amp;",
                    b'<' => "&lt;",
                    b'>' => "&gt;",
                    b'"' => "&quot;",
                    b'\'' => "&#39;",
                    _ => continue,
                };
                out.write_str(&text[plain..i])?;
                out.write_str(entity)?;
                plain = i + 1;
            }
            Ok(out.write_str(&text[plain..])?)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// A template's text: the user's file when there is one, else the shipped one.
fn source(dir: Option<&Path>, name: &str) -> Result<Option<String>, String> {
    if let Some(dir) = dir {
        let path = dir.join(name);
        if path.is_file() {
            return std::fs::read_to_string(&path).map(Some).map_err(|e| format!("{}: {e}", path.display()));
        }
    }
    Ok(SHIPPED.iter().find(|(n, _)| *n == name).map(|(_, text)| text.to_string()))
}

fn describe(error: &minijinja::Error) -> String {
    let mut text = match (error.name(), error.line()) {
        (Some(name), Some(line)) => format!("template {name}, line {line}: {}", error.kind()),
        _ => error.kind().to_string(),
    };
    if let Some(detail) = error.detail() {
        text.push_str(&format!(": {detail}"));
    }
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(&format!(" ({cause})"));
        source = cause.source();
    }
    text
}
