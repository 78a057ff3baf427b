//! `mcred new` and `mcred init`: a new credential, stack or catalog that lints clean at once. New
//! documents start with a `yaml-language-server` line so editors offer completion from the
//! published schema; a new credential is added to its stack by editing the stack's text, so the
//! stack's comments, order and layout stay as the author wrote them.

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::config::Config;
use crate::load::Content;
use crate::schema::Kind;
use crate::suggest::did_you_mean;

/// What a scaffolding command did.
#[derive(Debug, Default)]
pub struct Scaffolded {
    /// Files written.
    pub created: Vec<PathBuf>,
    /// Files changed.
    pub edited: Vec<PathBuf>,
    /// Things the author should know next.
    pub notes: Vec<String>,
}

/// Why nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

/// Where editors find the schema of `kind`: under the catalog's base URL when it has one (the
/// package publishes `schema/`), else the schema shipped with mcred's source.
pub fn schema_url(config: &Config, name: &str) -> String {
    match &config.publish.base_url {
        Some(base) => format!("{}/schema/{name}.schema.json", base.0.trim_end_matches('/')),
        None => format!("https://raw.githubusercontent.com/mcred/mcred/main/schema/{name}.schema.json"),
    }
}

/// Ids are lowercase kebab-case (the schema's `ID_PATTERN`).
fn check_id(id: &str) -> Result<(), Refused> {
    let valid = !id.is_empty()
        && id.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    match valid {
        true => Ok(()),
        false => {
            Err(Refused(format!("`{id}` is not a valid id: ids are lowercase kebab-case, like `working-memory-plan`")))
        }
    }
}

/// A title for an id that has none: `working-memory-plan` → `Working Memory Plan`.
fn title_of(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// `mcred new credential ID [--stack STACK] [--title TEXT]`.
pub fn new_credential(
    catalog: &Catalog,
    config: &Config,
    id: &str,
    stack: Option<&str>,
    title: Option<&str>,
) -> Result<Scaffolded, Refused> {
    check_id(id)?;
    if let Some(existing) = catalog.find(Kind::Credential, id) {
        return Err(Refused(format!(
            "a credential with the id `{id}` exists already: {}",
            catalog.file(existing).display
        )));
    }
    let mut done = Scaffolded::default();
    let (folder, stack_doc) = match stack {
        Some(stack_id) => {
            let Some(doc) = catalog.find(Kind::Stack, stack_id) else {
                let hint = did_you_mean(stack_id, catalog.ids(Kind::Stack))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                return Err(Refused(format!("no stack has the id `{stack_id}`{hint}")));
            };
            (catalog.file(doc).path.parent().map(Path::to_path_buf).unwrap_or_else(|| catalog.root.clone()), Some(doc))
        }
        None => (catalog.root.clone(), None),
    };
    let path = folder.join(format!("{id}.yaml"));
    if path.exists() {
        return Err(Refused(format!("{} exists already", path.display())));
    }
    // Edit the stack's text first: if it cannot be edited, nothing is written.
    let stack_edit = match stack_doc {
        Some(doc) => {
            let file = catalog.file(doc);
            let Content::Parsed(parsed) = &file.content else {
                return Err(Refused(format!("{} could not be read; fix it first (`mcred lint`)", file.display)));
            };
            Some((file.path.clone(), append_to_list(&file.text, &parsed.spans, id)?))
        }
        None => None,
    };
    let title = title.map(str::to_string).unwrap_or_else(|| title_of(id));
    std::fs::write(&path, credential_text(config, id, &title))
        .map_err(|e| Refused(format!("{}: {e}", path.display())))?;
    done.created.push(path);
    if let Some((stack_path, text)) = stack_edit {
        std::fs::write(&stack_path, text).map_err(|e| Refused(format!("{}: {e}", stack_path.display())))?;
        done.edited.push(stack_path);
        let published = stack_doc.is_some_and(|d| d.outline.status == Some(crate::model::Status::Published));
        if published {
            done.notes.push(format!(
                "the stack `{}` is published and the new credential is a draft, so `mcred lint` reports it \
                 (published-depends-on-draft) until you set `status: published`",
                stack.unwrap_or_default()
            ));
        }
    } else {
        done.notes.push(
            "the credential is in no stack yet: add its id to a stack's `credentials` (orphan-credential)".into(),
        );
    }
    Ok(done)
}

/// `mcred new stack ID [--title TEXT]`: `<catalog>/<id>/<id>.yaml`, with its first step, a
/// "Demonstrate Understanding" credential beside it (a stack holds at least one credential).
pub fn new_stack(catalog: &Catalog, config: &Config, id: &str, title: Option<&str>) -> Result<Scaffolded, Refused> {
    check_id(id)?;
    if let Some(existing) = catalog.find(Kind::Stack, id) {
        return Err(Refused(format!("a stack with the id `{id}` exists already: {}", catalog.file(existing).display)));
    }
    let first = format!("{id}-demonstrate-understanding");
    if let Some(existing) = catalog.find(Kind::Credential, &first) {
        return Err(Refused(format!(
            "a credential with the id `{first}` exists already: {}",
            catalog.file(existing).display
        )));
    }
    let folder = catalog.root.join(id);
    let (stack_path, first_path) = (folder.join(format!("{id}.yaml")), folder.join(format!("{first}.yaml")));
    if let Some(path) = [&stack_path, &first_path].into_iter().find(|p| p.exists()) {
        return Err(Refused(format!("{} exists already", path.display())));
    }
    let title = title.map(str::to_string).unwrap_or_else(|| title_of(id));
    std::fs::create_dir_all(&folder).map_err(|e| Refused(format!("{}: {e}", folder.display())))?;
    let write =
        |path: &Path, text: String| std::fs::write(path, text).map_err(|e| Refused(format!("{}: {e}", path.display())));
    write(&stack_path, stack_text(config, id, &title, &[&first]))?;
    write(&first_path, credential_text(config, &first, &format!("{title}: Demonstrate Understanding")))?;
    Ok(Scaffolded {
        created: vec![stack_path, first_path],
        notes: vec![format!("add the next steps with `mcred new credential ID --stack {id}`")],
        ..Scaffolded::default()
    })
}

/// The text of `stack` with `id` added at the end of its `credentials` list, in the list's own
/// style (block `- id` lines or a flow `[a, b]`); everything else byte for byte as it was.
pub fn append_to_list(text: &str, spans: &crate::load::SpanNode, id: &str) -> Result<String, Refused> {
    let (node, found) = spans.locate("/credentials");
    if !found {
        return Err(Refused("the stack has no `credentials` list to add to".into()));
    }
    let value = &text[node.value.clone()];
    if value.starts_with('[') {
        let close = node.value.start
            + value.rfind(']').ok_or_else(|| Refused("the stack's `credentials` list is not closed".into()))?;
        let inner = text[node.value.start + 1..close].trim();
        let insert = if inner.is_empty() { id.to_string() } else { format!(", {id}") };
        let before = text[..close].trim_end_matches([' ', '\n']).len();
        return Ok(format!("{}{insert}{}", &text[..before], &text[close..]));
    }
    if !value.starts_with('-') {
        return Err(Refused("the stack's `credentials` is not a list".into()));
    }
    let line_start = text[..node.value.start].rfind('\n').map_or(0, |i| i + 1);
    let indent = &text[line_start..node.value.start];
    // After the last item's line, so a comment at its end stays with it.
    let end = text[node.value.end..].find('\n').map_or(text.len(), |i| node.value.end + i);
    Ok(format!("{}\n{indent}- {id}{}", &text[..end], &text[end..]))
}

fn credential_text(config: &Config, id: &str, title: &str) -> String {
    let levels = &config.levels;
    let passing = levels.iter().position(|l| l.id == config.passing).unwrap_or(0);
    let descriptors = |part: &str| {
        levels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let what = match i <= passing {
                    true => {
                        format!("What {part} at \u{201c}{}\u{201d} shows, and why it earns the credential.", l.label.0)
                    }
                    false => format!("What {part} at \u{201c}{}\u{201d} still lacks, and how to get there.", l.label.0),
                };
                format!("        {}: {}\n", l.id.0, quoted(&what))
            })
            .collect::<String>()
    };
    format!(
        "# yaml-language-server: $schema={schema}
kind: credential
id: {id}
title: {title}
version: 0.1.0
status: draft
summary: >-
  One or two sentences: what the educator shows by earning this credential.
competency:
  statement: >-
    Educator shows {title_text} in their own classroom: say the one specific,
    observable thing they do.
key_method: |
  What the educator does to earn the credential, step by step, in Markdown.
method_components:
  - title: The first part of the method
    description: What the educator does in this part, in Markdown.
research:
  - citation: \"Author, A. A. (Year). Title of the work the method rests on. Publisher.\"
submission:
  - id: overview
    kind: overview
    title: Overview questions
    prompts:
      - Describe your students and teaching context.
    word_limit: 300
  - id: artifact
    kind: artifact
    title: Classroom artifact
    prompts:
      - Submit evidence from your own classroom that shows the skill.
    accepts: [text, image, video, document]
  - id: reflection
    kind: reflection
    title: Reflection
    prompts:
      - What did you learn, and what will you do differently?
    word_limit: 400
scoring:
  criteria:
    - part: overview
      criterion: Describes the teaching context the evidence comes from.
      descriptors:
{overview}    - part: artifact
      criterion: The artifact shows the skill in use with students.
      descriptors:
{artifact}    - part: reflection
      criterion: Draws a conclusion from the evidence.
      descriptors:
{reflection}estimated_hours: 10
",
        schema = schema_url(config, "credential"),
        title = quoted(title),
        title_text = title,
        overview = descriptors("an overview"),
        artifact = descriptors("an artifact"),
        reflection = descriptors("a reflection"),
    )
}

fn stack_text(config: &Config, id: &str, title: &str, credentials: &[&str]) -> String {
    let list = if credentials.is_empty() {
        "credentials: []".to_string()
    } else {
        format!("credentials:\n{}", credentials.iter().map(|c| format!("  - {c}\n")).collect::<String>().trim_end())
    };
    format!(
        "# yaml-language-server: $schema={schema}
kind: stack
id: {id}
title: {title}
version: 0.1.0
status: draft
summary: >-
  One or two sentences: the pathway this stack offers educators.
description: |
  Who the pathway is for, and how its steps build on each other, in Markdown.
{list}
",
        schema = schema_url(config, "stack"),
        title = quoted(title),
    )
}

/// `mcred init [DIR]`: a new catalog repository that lints clean at once.
pub fn init(dir: &Path) -> Result<Scaffolded, Refused> {
    let config_path = dir.join(crate::config::FILE_NAME);
    if config_path.exists() {
        return Err(Refused(format!("{} exists already: this folder holds a catalog", config_path.display())));
    }
    let config = Config::defaults(dir);
    let files: Vec<(PathBuf, String)> = vec![
        (config_path, INIT_CONFIG.to_string()),
        (
            dir.join("credentials/first-pathway/first-pathway.yaml"),
            stack_text(&config, "first-pathway", "First Pathway", &["first-credential"]),
        ),
        (
            dir.join("credentials/first-pathway/first-credential.yaml"),
            credential_text(&config, "first-credential", "First Credential"),
        ),
        (dir.join(".github/workflows/mcred.yml"), INIT_WORKFLOW.to_string()),
        (dir.join(".pre-commit-config.yaml"), INIT_PRE_COMMIT.to_string()),
        (dir.join(".gitignore"), "/dist\n".to_string()),
    ];
    if let Some((path, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(Refused(format!("{} exists already; nothing was written", path.display())));
    }
    let mut done = Scaffolded::default();
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Refused(format!("{}: {e}", parent.display())))?;
        }
        std::fs::write(&path, text).map_err(|e| Refused(format!("{}: {e}", path.display())))?;
        done.created.push(path);
    }
    done.notes.push("set `[publish] base_url` and `issuer` in mcred.toml before you publish".into());
    Ok(done)
}

const INIT_CONFIG: &str = r#"# mcred's configuration: https://github.com/mcred/mcred
catalog = "credentials"

[publish]
title = "Our micro-credentials"
# base_url = "https://credentials.example.org"
# issuer = { name = "Our organisation", url = "https://example.org" }
language = "en"

[scoring]
levels = [{ id = "pass", label = "Pass" }, { id = "not-yet", label = "Not yet" }]
passing = "pass"

[rules]
# reflection-required = "off"
"#;

const INIT_WORKFLOW: &str = r#"name: mcred
on: [push, pull_request]
jobs:
  lint:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v4
      - run: cargo install --locked --git https://github.com/mcred/mcred mcred
      - run: mcred lint --format github
      - run: mcred lint --format sarif > mcred.sarif
        if: always()
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: mcred.sarif
"#;

const INIT_PRE_COMMIT: &str = r#"repos:
  - repo: https://github.com/mcred/mcred
    rev: main
    hooks:
      - id: mcred-lint
"#;
