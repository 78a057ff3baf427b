//! Open Badges 3.0: each credential (and each stack that awards a badge) as an `Achievement`,
//! JSON-LD that badge platforms import as it is.

use serde_json::{Value, json};

use super::Ids;
use super::context::{CredentialView, StackView};
use crate::config::Config;

/// The JSON-LD contexts of an Open Badges 3.0 document.
pub const CONTEXT: [&str; 2] =
    ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"];

/// The Achievement of a credential.
pub fn credential(view: &CredentialView, config: &Config, ids: &Ids) -> Value {
    let id = ids.url(&format!("credentials/{}.json", view.id));
    let page = ids.url(&format!("credentials/{}.html", view.id));
    let mut achievement = json!({
        "@context": CONTEXT,
        "id": id,
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": view.title,
        "description": view.summary,
        "criteria": { "id": page, "narrative": narrative(view) },
    });
    let object = achievement.as_object_mut().expect("an object");
    let mut alignment = json!({
        "type": ["Alignment"],
        "targetName": view.competency.statement,
        "targetType": "ceasn:Competency",
        "targetUrl": format!("{page}#measures"),
    });
    if let Some(skill) = &view.competency.skill {
        alignment["targetCode"] = json!(skill.id);
        alignment["targetFramework"] = json!(skill.framework);
        if let Some(description) = &skill.description {
            alignment["targetDescription"] = json!(description);
        }
    }
    object.insert("alignment".into(), json!([alignment]));
    object.insert("resultDescription".into(), results(view, &id));
    object.insert("version".into(), json!(view.version));
    object.insert("inLanguage".into(), json!(view.language));
    if !view.tags.is_empty() {
        object.insert("tag".into(), json!(view.tags));
    }
    if let Some(creator) = creator(config, ids) {
        object.insert("creator".into(), creator);
    }
    if let Some(image) = &view.image {
        object.insert("image".into(), json!({ "id": ids.url(image), "type": "Image", "caption": view.title }));
    }
    achievement
}

/// The Achievement of a stack that awards a badge: earned by earning every step.
pub fn stack(view: &StackView, config: &Config, ids: &Ids) -> Value {
    let steps: Vec<String> = view.steps.iter().map(|s| format!("{}. {}", s.number, s.credential.title)).collect();
    let mut achievement = json!({
        "@context": CONTEXT,
        "id": ids.url(&format!("stacks/{}.json#achievement", view.id)),
        "type": ["Achievement"],
        "achievementType": "LearningProgram",
        "name": view.title,
        "description": view.summary,
        "criteria": {
            "id": ids.url(&format!("stacks/{}.html", view.id)),
            "narrative": format!("Earn every micro-credential of the stack, in order:\n\n{}", steps.join("\n")),
        },
        "version": view.version,
        "inLanguage": config.language(),
    });
    if let Some(creator) = creator(config, ids) {
        achievement["creator"] = creator;
    }
    if let Some(image) = &view.image {
        achievement["image"] = json!({ "id": ids.url(image), "type": "Image", "caption": view.title });
    }
    achievement
}

/// The rubric: one result description a criterion, one level a rubric level, the passing level
/// required.
fn results(view: &CredentialView, id: &str) -> Value {
    let criteria: Vec<Value> = view
        .rubric
        .criteria
        .iter()
        .enumerate()
        .map(|(index, criterion)| {
            let base = format!("{id}#criterion-{}", index + 1);
            let levels: Vec<Value> = view
                .rubric
                .levels
                .iter()
                .zip(&criterion.descriptors)
                .map(|(level, descriptor)| {
                    json!({
                        "id": format!("{base}-{}", level.id),
                        "type": ["RubricCriterionLevel"],
                        "name": level.label,
                        "level": level.id,
                        "description": descriptor.text,
                    })
                })
                .collect();
            json!({
                "id": base,
                "type": ["ResultDescription"],
                "name": format!("{}: {}", criterion.part_title, criterion.criterion),
                "resultType": "RubricCriterionLevel",
                "allowedValue": view.rubric.levels.iter().map(|l| l.label.clone()).collect::<Vec<_>>(),
                "requiredLevel": format!("{base}-{}", view.rubric.passing.id),
                "rubricCriterionLevel": levels,
            })
        })
        .collect();
    json!(criteria)
}

fn creator(config: &Config, ids: &Ids) -> Option<Value> {
    let issuer = config.publish.issuer.as_ref()?;
    let mut profile = json!({
        "id": issuer.url.as_ref().map(|u| u.0.clone()).unwrap_or_else(|| ids.url("#issuer")),
        "type": ["Profile"],
        "name": issuer.name.0,
    });
    if let Some(url) = &issuer.url {
        profile["url"] = json!(url.0);
    }
    if let Some(email) = &issuer.email {
        profile["email"] = json!(email.0);
    }
    Some(profile)
}

/// What an educator does to earn the credential, as Markdown: the key method, its components,
/// what to submit and how it is scored.
fn narrative(view: &CredentialView) -> String {
    let mut text = format!("## Key method\n\n{}\n", view.key_method.trim_end());
    if !view.method_components.is_empty() {
        text.push_str("\n## Method components\n\n");
        for component in &view.method_components {
            text.push_str(&format!("### {}\n\n{}\n\n", component.title, component.description.trim_end()));
        }
    }
    text.push_str("\n## What to submit\n\n");
    for part in &view.submission {
        text.push_str(&format!("### {} ({})\n\n", part.title, part.kind_label));
        for prompt in &part.prompts {
            text.push_str(&format!("- {prompt}\n"));
        }
        if let Some(limit) = part.word_limit {
            text.push_str(&format!("\nWord limit: {limit}.\n"));
        }
        if !part.accepts.is_empty() {
            text.push_str(&format!("\nAccepted evidence: {}.\n", part.accepts.join(", ")));
        }
        text.push('\n');
    }
    let levels: Vec<&str> = view.rubric.levels.iter().map(|l| l.label.as_str()).collect();
    text.push_str(&format!(
        "## How it is scored\n\nEach criterion is scored {}; a submission earns the credential at {} or above on every criterion.\n\n",
        levels.join(" / "),
        view.rubric.passing.label
    ));
    for criterion in &view.rubric.criteria {
        text.push_str(&format!("- **{}**: {}\n", criterion.part_title, criterion.criterion));
    }
    text.trim_end().to_string()
}
