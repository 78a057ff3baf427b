//! What templates see: the catalog as views made for pages, one struct a page element, every
//! field documented. Links are relative to the site's root (`credentials/x.html`) and present only
//! when the page they lead to is part of what is being rendered (a stack's zip holds only that
//! stack's pages), so templates never link to a page that is not there.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::catalog::{Asset, Catalog};
use crate::config::Config;
use crate::model::{Credential, EvidenceKind, Framework, PartKind, ResourceKind, Skill, Stack, Status};

/// The site as a whole: on every page as `site`.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    /// The catalog's title (`[publish] title`).
    pub title: String,
    /// Plain text: the catalog's introduction (`[publish] description`), if it has one.
    pub description: Option<String>,
    /// The language of the pages (BCP 47).
    pub language: String,
    /// Who issues the credentials, if the configuration says.
    pub issuer: Option<IssuerView>,
    /// `mcred <version>`.
    pub generator: String,
    /// The stacks, in file order.
    pub stacks: Vec<StackView>,
    /// Credentials that belong to no stack.
    pub unstacked: Vec<CredentialLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IssuerView {
    pub name: String,
    pub url: Option<String>,
    pub email: Option<String>,
}

/// A stack: a pathway of credentials.
#[derive(Debug, Clone, Serialize)]
pub struct StackView {
    pub id: String,
    pub title: String,
    /// Plain text.
    pub summary: String,
    /// Markdown: render with the `markdown` filter.
    pub description: Option<String>,
    pub version: String,
    pub status: StatusView,
    /// Whether completing the stack earns a badge of its own.
    pub award: bool,
    /// The stack's page.
    pub url: Option<String>,
    /// The stack's JSON.
    pub json_url: Option<String>,
    /// The stack's image, if it has one.
    pub image: Option<String>,
    /// The pathway, first step to last.
    pub steps: Vec<StepView>,
    /// The hours of all steps that give them.
    pub total_hours: Option<f64>,
}

/// One step of a pathway.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// 1-based.
    pub number: usize,
    pub credential: CredentialLink,
    /// What the credential requires, in the catalog.
    pub requires: Vec<CredentialLink>,
}

/// A credential, as a link to it shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CredentialLink {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub status: StatusView,
    pub estimated_hours: Option<f64>,
    /// Its page, when it is part of what is rendered.
    pub url: Option<String>,
}

/// A status and the words for it.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// `draft`, `published` or `retired`.
    pub id: &'static str,
    /// `Draft`, `Published`, `Retired`.
    pub label: &'static str,
}

/// A credential's page: everything an educator needs to earn it.
#[derive(Debug, Clone, Serialize)]
pub struct CredentialView {
    pub id: String,
    pub title: String,
    /// Plain text.
    pub summary: String,
    pub version: String,
    pub status: StatusView,
    /// What it measures.
    pub competency: CompetencyView,
    /// Markdown: what to do.
    pub key_method: String,
    pub method_components: Vec<ComponentView>,
    /// What to submit, in order.
    pub submission: Vec<PartView>,
    /// How it is scored.
    pub rubric: RubricView,
    pub research: Vec<ResearchView>,
    pub resources: Vec<ResourceView>,
    /// Credentials to earn first.
    pub requires: Vec<CredentialLink>,
    /// Its place in each stack that lists it.
    pub pathways: Vec<PathwayView>,
    pub estimated_hours: Option<f64>,
    pub tags: Vec<String>,
    pub authors: Vec<AuthorView>,
    /// SPDX id.
    pub license: Option<String>,
    /// BCP 47.
    pub language: String,
    /// The image, relative to the site root.
    pub image: Option<String>,
    /// The Open Badges 3.0 Achievement.
    pub json_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompetencyView {
    pub statement: String,
    /// The framework skill, when the credential names one.
    pub skill: Option<SkillView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillView {
    pub id: String,
    pub statement: String,
    /// Markdown.
    pub description: Option<String>,
    /// The framework's title.
    pub framework: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComponentView {
    pub title: String,
    /// Markdown.
    pub description: String,
}

/// One part of the submission.
#[derive(Debug, Clone, Serialize)]
pub struct PartView {
    pub id: String,
    /// `overview`, `artifact` or `reflection`.
    pub kind: &'static str,
    /// `Overview`, `Classroom artifact`, `Reflection`.
    pub kind_label: &'static str,
    /// The part's title, or its kind's label.
    pub title: String,
    pub prompts: Vec<String>,
    pub word_limit: Option<u32>,
    /// The forms of evidence accepted, as words: `Text`, `Image`, `Video`, …
    pub accepts: Vec<&'static str>,
}

/// The rubric: criteria × levels.
#[derive(Debug, Clone, Serialize)]
pub struct RubricView {
    /// Highest first.
    pub levels: Vec<LevelView>,
    /// The lowest level that earns the credential.
    pub passing: LevelView,
    pub criteria: Vec<CriterionView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    pub id: String,
    pub label: String,
    /// Whether a submission at this level earns the credential.
    pub earns: bool,
    /// Whether this is the passing level.
    pub passing: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CriterionView {
    /// The submission part it scores.
    pub part: String,
    pub part_title: String,
    pub criterion: String,
    /// One a level, in the order of `rubric.levels`.
    pub descriptors: Vec<DescriptorView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DescriptorView {
    pub level: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResearchView {
    pub citation: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceView {
    pub title: String,
    pub url: Option<String>,
    /// `Article`, `Video`, …
    pub kind: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuthorView {
    pub name: String,
    pub url: Option<String>,
}

/// The credential's place in one stack.
#[derive(Debug, Clone, Serialize)]
pub struct PathwayView {
    pub stack_id: String,
    pub stack_title: String,
    pub stack_url: Option<String>,
    /// 1-based.
    pub step: usize,
    /// Steps in the stack.
    pub of: usize,
    pub previous: Option<CredentialLink>,
    pub next: Option<CredentialLink>,
}

/// The lookups every view makes, built once a build: every page looks credentials, stacks and
/// skills up by id, and a scan per lookup, or these maps built again per stack package, made a
/// build quadratic.
pub struct Index<'a> {
    catalog: &'a Catalog,
    /// The valid credentials by id, the first of each id in catalog order.
    credentials: HashMap<&'a str, &'a Credential>,
    /// For each credential id, the stacks that list it, in catalog order.
    stacks_of: HashMap<&'a str, Vec<&'a Stack>>,
    /// Each skill id with the first framework, in catalog order, that lists it.
    skills: HashMap<&'a str, (&'a Framework, &'a Skill)>,
}

impl<'a> Index<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        let mut credentials = HashMap::new();
        for (_, credential) in catalog.credentials() {
            credentials.entry(credential.id.0.as_str()).or_insert(credential);
        }
        let mut stacks_of: HashMap<&str, Vec<&Stack>> = HashMap::new();
        for (_, stack) in catalog.stacks() {
            for id in &stack.credentials {
                let listed = stacks_of.entry(id.0.as_str()).or_default();
                if !listed.last().is_some_and(|s| std::ptr::eq(*s, stack)) {
                    listed.push(stack);
                }
            }
        }
        let mut skills = HashMap::new();
        for (_, framework) in catalog.frameworks() {
            for skill in &framework.skills {
                skills.entry(skill.id.0.as_str()).or_insert((framework, skill));
            }
        }
        Index { catalog, credentials, stacks_of, skills }
    }
}

/// What one package holds: the whole catalog (the site), or one stack and its credentials (the
/// stack's zip). Its views link only to its own pages.
pub struct Contents<'a> {
    pub stacks: Vec<&'a Stack>,
    pub credentials: Vec<&'a Credential>,
    /// Whether this is the whole catalog: its page then also lists the credentials in no stack.
    pub whole: bool,
    /// The paths of its pages and JSON, relative to its root.
    pages: HashSet<String>,
}

impl<'a> Contents<'a> {
    /// Every valid document of the catalog.
    pub fn catalog(index: &Index<'a>) -> Self {
        let stacks = index.catalog.stacks().map(|(_, s)| s).collect();
        let credentials = index.catalog.credentials().map(|(_, c)| c).collect();
        Contents::new(stacks, credentials, true)
    }

    /// One stack and the credentials it lists, in its order.
    pub fn stack(index: &Index<'a>, stack: &'a Stack) -> Self {
        let mut seen = HashSet::new();
        let credentials = stack
            .credentials
            .iter()
            .filter(|id| seen.insert(id.0.as_str()))
            .filter_map(|id| index.credentials.get(id.0.as_str()).copied())
            .collect();
        Contents::new(vec![stack], credentials, false)
    }

    fn new(stacks: Vec<&'a Stack>, credentials: Vec<&'a Credential>, whole: bool) -> Self {
        let mut pages = HashSet::from(["index.html".to_string()]);
        for stack in &stacks {
            pages.extend([format!("stacks/{}.html", stack.id.0), format!("stacks/{}.json", stack.id.0)]);
        }
        for credential in &credentials {
            pages.extend([
                format!("credentials/{}.html", credential.id.0),
                format!("credentials/{}.json", credential.id.0),
            ]);
        }
        Contents { stacks, credentials, whole, pages }
    }

    /// The paths of its pages and JSON.
    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.pages.iter()
    }

    /// The images its documents name, as written (relative to the catalog root).
    pub fn images(&self) -> impl Iterator<Item = &'a str> {
        let stacks = self.stacks.iter().filter_map(|s| s.image.as_deref());
        stacks.chain(self.credentials.iter().filter_map(|c| c.image.as_deref()))
    }
}

/// Builds the views of one package's pages; links to a page outside it are left out.
pub struct Views<'a> {
    index: &'a Index<'a>,
    config: &'a Config,
    contents: &'a Contents<'a>,
}

impl<'a> Views<'a> {
    pub fn new(index: &'a Index<'a>, config: &'a Config, contents: &'a Contents<'a>) -> Self {
        Views { index, config, contents }
    }

    fn link(&self, path: String) -> Option<String> {
        self.contents.pages.contains(&path).then_some(path)
    }

    /// The site: the package's stacks, and on the whole catalog's page the credentials in no
    /// stack.
    pub fn site(&self) -> Site {
        let publish = &self.config.publish;
        let stack_views: Vec<StackView> = self.contents.stacks.iter().map(|s| self.stack(s)).collect();
        let unstacked = match self.contents.whole {
            true => self
                .contents
                .credentials
                .iter()
                .filter(|c| !self.index.stacks_of.contains_key(c.id.0.as_str()))
                .map(|c| self.credential_link(c))
                .collect(),
            false => Vec::new(),
        };
        Site {
            title: self.config.title(),
            description: publish.description.as_ref().map(|d| d.0.clone()),
            language: self.config.language(),
            issuer: publish.issuer.as_ref().map(|i| IssuerView {
                name: i.name.0.clone(),
                url: i.url.as_ref().map(|u| u.0.clone()),
                email: i.email.as_ref().map(|e| e.0.clone()),
            }),
            generator: format!("mcred {}", env!("CARGO_PKG_VERSION")),
            stacks: stack_views,
            unstacked,
        }
    }

    pub fn stack(&self, stack: &Stack) -> StackView {
        let steps: Vec<StepView> = stack
            .credentials
            .iter()
            .filter_map(|id| self.credential_by_id(&id.0))
            .enumerate()
            .map(|(i, c)| StepView {
                number: i + 1,
                credential: self.credential_link(c),
                requires: c
                    .requires
                    .iter()
                    .filter_map(|r| self.credential_by_id(&r.0))
                    .map(|r| self.credential_link(r))
                    .collect(),
            })
            .collect();
        let hours: Vec<f64> = steps.iter().filter_map(|s| s.credential.estimated_hours).collect();
        StackView {
            id: stack.id.0.clone(),
            title: stack.title.0.clone(),
            summary: stack.summary.0.clone(),
            description: stack.description.as_ref().map(|d| d.0.clone()),
            version: stack.version.0.clone(),
            status: status(stack.status),
            award: stack.award,
            url: self.link(format!("stacks/{}.html", stack.id.0)),
            json_url: self.link(format!("stacks/{}.json", stack.id.0)),
            image: stack.image.as_deref().and_then(|i| self.image(i)),
            total_hours: (!hours.is_empty()).then(|| hours.iter().sum()),
            steps,
        }
    }

    fn credential_by_id(&self, id: &str) -> Option<&'a Credential> {
        self.index.credentials.get(id).copied()
    }

    pub fn credential_link(&self, credential: &Credential) -> CredentialLink {
        CredentialLink {
            id: credential.id.0.clone(),
            title: credential.title.0.clone(),
            summary: credential.summary.0.clone(),
            status: status(credential.status),
            estimated_hours: credential.estimated_hours,
            url: self.link(format!("credentials/{}.html", credential.id.0)),
        }
    }

    /// An asset's path in the site, when it is a file of the catalog.
    pub fn image(&self, written: &str) -> Option<String> {
        match self.index.catalog.asset(written) {
            Asset::Found(_) => Some(asset_path(written)),
            _ => None,
        }
    }

    pub fn credential(&self, credential: &Credential) -> CredentialView {
        let levels = credential.scoring.levels.clone().unwrap_or_else(|| self.config.levels.clone());
        let passing_id = credential.scoring.passing.clone().unwrap_or_else(|| self.config.passing.clone());
        let passing_index = levels.iter().position(|l| l.id == passing_id).unwrap_or(0);
        let level_views: Vec<LevelView> = levels
            .iter()
            .enumerate()
            .map(|(i, l)| LevelView {
                id: l.id.0.clone(),
                label: l.label.0.clone(),
                earns: i <= passing_index,
                passing: i == passing_index,
            })
            .collect();
        let parts: Vec<PartView> = credential.submission.iter().map(part).collect();
        let criteria = credential
            .scoring
            .criteria
            .iter()
            .map(|c| CriterionView {
                part: c.part.0.clone(),
                part_title: parts
                    .iter()
                    .find(|p| p.id == c.part.0)
                    .map(|p| p.title.clone())
                    .unwrap_or_else(|| c.part.0.clone()),
                criterion: c.criterion.0.clone(),
                descriptors: levels
                    .iter()
                    .map(|l| DescriptorView {
                        level: l.id.0.clone(),
                        text: c.descriptors.get(&l.id).map(|t| t.0.clone()).unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect();
        let skill = credential.competency.skill.as_ref().and_then(|id| {
            self.index.skills.get(id.0.as_str()).map(|(f, s)| SkillView {
                id: s.id.0.clone(),
                statement: s.statement.0.clone(),
                description: s.description.as_ref().map(|d| d.0.clone()),
                framework: f.title.0.clone(),
            })
        });
        let pathways = self
            .index
            .stacks_of
            .get(credential.id.0.as_str())
            .into_iter()
            .flatten()
            .filter_map(|stack| {
                let members: Vec<&Credential> =
                    stack.credentials.iter().filter_map(|id| self.credential_by_id(&id.0)).collect();
                let position = members.iter().position(|c| c.id == credential.id)?;
                Some(PathwayView {
                    stack_id: stack.id.0.clone(),
                    stack_title: stack.title.0.clone(),
                    stack_url: self.link(format!("stacks/{}.html", stack.id.0)),
                    step: position + 1,
                    of: members.len(),
                    previous: position.checked_sub(1).map(|i| self.credential_link(members[i])),
                    next: members.get(position + 1).map(|c| self.credential_link(c)),
                })
            })
            .collect();
        CredentialView {
            id: credential.id.0.clone(),
            title: credential.title.0.clone(),
            summary: credential.summary.0.clone(),
            version: credential.version.0.clone(),
            status: status(credential.status),
            competency: CompetencyView { statement: credential.competency.statement.0.clone(), skill },
            key_method: credential.key_method.0.clone(),
            method_components: credential
                .method_components
                .iter()
                .map(|c| ComponentView { title: c.title.0.clone(), description: c.description.0.clone() })
                .collect(),
            submission: parts,
            rubric: RubricView { passing: level_views[passing_index].clone(), levels: level_views, criteria },
            research: credential
                .research
                .iter()
                .map(|r| ResearchView { citation: r.citation.0.clone(), url: r.url.as_ref().map(|u| u.0.clone()) })
                .collect(),
            resources: credential
                .resources
                .iter()
                .map(|r| ResourceView {
                    title: r.title.0.clone(),
                    url: r.url.as_ref().map(|u| u.0.clone()),
                    kind: r.kind.map(resource_kind),
                })
                .collect(),
            requires: credential
                .requires
                .iter()
                .filter_map(|r| self.credential_by_id(&r.0))
                .map(|r| self.credential_link(r))
                .collect(),
            pathways,
            estimated_hours: credential.estimated_hours,
            tags: credential.tags.iter().map(|t| t.0.clone()).collect(),
            authors: credential
                .authors
                .iter()
                .map(|a| AuthorView { name: a.name.0.clone(), url: a.url.as_ref().map(|u| u.0.clone()) })
                .collect(),
            license: credential.license.as_ref().map(|l| l.0.clone()),
            language: credential.language.as_ref().map(|l| l.0.clone()).unwrap_or_else(|| self.config.language()),
            image: credential.image.as_deref().and_then(|i| self.image(i)),
            json_url: self.link(format!("credentials/{}.json", credential.id.0)),
        }
    }
}

/// Where an asset written in a document (`images/a.png`) is published: under `assets/`, read as
/// lint read it (`\\` is a separator, as on Windows, and lint refuses any `..` that climbs).
pub fn asset_path(written: &str) -> String {
    let clean: Vec<&str> = written.split(['/', '\\']).filter(|p| !p.is_empty() && *p != ".").collect();
    format!("assets/{}", clean.join("/"))
}

/// A status and the words a page shows for it.
pub fn status(status: Status) -> StatusView {
    match status {
        Status::Draft => StatusView { id: "draft", label: "Draft" },
        Status::Published => StatusView { id: "published", label: "Published" },
        Status::Retired => StatusView { id: "retired", label: "Retired" },
    }
}

fn part(part: &crate::model::SubmissionPart) -> PartView {
    let (kind, kind_label) = match part.kind {
        PartKind::Overview => ("overview", "Overview"),
        PartKind::Artifact => ("artifact", "Classroom artifact"),
        PartKind::Reflection => ("reflection", "Reflection"),
    };
    PartView {
        id: part.id.0.clone(),
        kind,
        kind_label,
        title: part.title.as_ref().map(|t| t.0.clone()).unwrap_or_else(|| kind_label.to_string()),
        prompts: part.prompts.iter().map(|p| p.0.clone()).collect(),
        word_limit: part.word_limit,
        accepts: part.accepts.iter().map(|e| evidence(*e)).collect(),
    }
}

fn evidence(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Text => "Text",
        EvidenceKind::Image => "Image",
        EvidenceKind::Video => "Video",
        EvidenceKind::Audio => "Audio",
        EvidenceKind::Document => "Document",
        EvidenceKind::Presentation => "Presentation",
        EvidenceKind::Link => "Link",
    }
}

fn resource_kind(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Article => "Article",
        ResourceKind::Video => "Video",
        ResourceKind::Book => "Book",
        ResourceKind::Website => "Website",
        ResourceKind::Tool => "Tool",
        ResourceKind::Course => "Course",
        ResourceKind::Other => "Other",
    }
}
