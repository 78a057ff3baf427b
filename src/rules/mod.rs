//! The lint rules, one file each, and the registry that lists them. A rule reads the catalog and
//! reports findings by JSON pointer; the runner applies the configured severities and the
//! per-file `# mcred: allow RULE` comments.

use crate::catalog::Catalog;
use crate::config::{Config, RuleOptions};
use crate::diagnostic::{At, Diagnostic, Severity};

/// Declares a file's rule: its doc comment (what it does, why, an example, how to fix) becomes
/// its `explain` page.
macro_rules! rule {
    (
        $(#[doc = $doc:literal])*
        id: $id:literal,
        severity: $severity:ident,
        summary: $summary:literal,
        reads: $reads:ident,
        check: $check:path
        $(, options: $options:ty)?
        $(,)?
    ) => {
        /// The rule, as the registry lists it.
        pub static RULE: $crate::rules::Rule = $crate::rules::Rule {
            id: $id,
            severity: $crate::diagnostic::Severity::$severity,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            options: rule!(@options $($options)?),
            reads: $crate::rules::Reads::$reads,
            check: $check,
        };
    };
    (@options) => { None };
    (@options $options:ty) => { Some($crate::config::RuleOptions::of::<$options>()) };
}

mod artifact_required;
mod asset_outside_catalog;
mod compound_skill;
mod duplicate_id;
mod duplicate_key;
mod grain_size;
mod id_filename;
mod missing_asset;
mod one_skill;
mod orphan_credential;
mod passing_level;
mod published_depends_on_draft;
mod reflection_required;
mod requires_cycle;
mod research_required;
mod rubric_coverage;
mod schema;
mod skill_reused;
mod stack_duplicate;
mod stack_order;
mod summary_length;
mod unknown_kind;
mod unknown_reference;
mod unknown_skill;
mod unmeasured_skill;
mod unreadable_file;
mod yaml_syntax;

/// Every rule, in the order `mcred rules` lists them: reading files first, then each document,
/// then the catalog as a whole.
pub static ALL: &[&Rule] = &[
    &unreadable_file::RULE,
    &yaml_syntax::RULE,
    &duplicate_key::RULE,
    &unknown_kind::RULE,
    &schema::RULE,
    &duplicate_id::RULE,
    &id_filename::RULE,
    &one_skill::RULE,
    &compound_skill::RULE,
    &skill_reused::RULE,
    &unknown_skill::RULE,
    &unmeasured_skill::RULE,
    &unknown_reference::RULE,
    &stack_duplicate::RULE,
    &stack_order::RULE,
    &requires_cycle::RULE,
    &orphan_credential::RULE,
    &published_depends_on_draft::RULE,
    &research_required::RULE,
    &artifact_required::RULE,
    &reflection_required::RULE,
    &rubric_coverage::RULE,
    &passing_level::RULE,
    &grain_size::RULE,
    &missing_asset::RULE,
    &asset_outside_catalog::RULE,
    &summary_length::RULE,
];

/// A lint rule.
pub struct Rule {
    /// The stable id: renaming it breaks every configuration that names it.
    pub id: &'static str,
    /// The severity when the configuration does not say.
    pub severity: Severity,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Markdown: what it does, why, a failing example, how to fix.
    pub doc: &'static str,
    /// The options it takes in `[rules.ID]`, besides `severity`.
    pub options: Option<RuleOptions>,
    /// What it reads: one document, or the catalog as a whole.
    reads: Reads,
    check: fn(&Context, &mut Findings),
}

/// What a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reads {
    /// One document at a time: its file, its value, its typed model and the configuration, never
    /// another document. Such rules run as each file is read, in parallel, so that a file's
    /// parsed value can be let go of as soon as it has been checked.
    Document,
    /// The catalog as a whole (the documents' outlines), after every file is read. Always
    /// correct for any rule, only slower.
    Catalog,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

impl Rule {
    /// The doc as Markdown, without the leading space `///` leaves on each line.
    pub fn doc(&self) -> String {
        self.doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n")
    }

    /// The rule's page: what `mcred explain` prints and the book shows.
    pub fn page(&self) -> String {
        let mut summary = self.summary.to_string();
        if let Some(first) = summary.get(..1) {
            summary.replace_range(..1, &first.to_uppercase());
        }
        format!(
            "# {}\n\n{summary}.\n\nDefault severity: {}. Set it in `mcred.toml` under `[rules]`, or allow it in one file \
             with `# mcred: allow {}`.\n\n{}",
            self.id,
            self.severity.as_str(),
            self.id,
            self.doc()
        )
    }
}

/// The book's index of rules: a table with a link to each rule's page.
pub fn index_page() -> String {
    let mut page = String::from(
        "# Rules\n\nEvery rule has a stable id, a default severity and a page. Change a rule's severity in \
         `mcred.toml` (`[rules]`), or allow it in one file with `# mcred: allow RULE`.\n\n\
         | Rule | Default | What it checks |\n|---|---|---|\n",
    );
    for rule in ALL {
        page.push_str(&format!(
            "| [`{}`]({}.md) | {} | {} |\n",
            rule.id,
            rule.id,
            rule.severity.as_str(),
            rule.summary.replace('|', "\\|")
        ));
    }
    page
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

/// What a rule reads.
pub struct Context<'a> {
    pub catalog: &'a Catalog,
    pub config: &'a Config,
    /// The rule being run, for its options.
    pub rule: &'static Rule,
}

impl Context<'_> {
    /// The rule's options, as configured.
    pub fn options<T: serde::de::DeserializeOwned + Default>(&self) -> T {
        self.config.options(self.rule)
    }
}

/// Where a rule puts what it finds.
pub struct Findings<'a> {
    rule: &'static Rule,
    severity: Severity,
    out: &'a mut Vec<Diagnostic>,
}

/// A finding being reported; add help or a related place to it.
pub struct Finding<'a>(&'a mut Diagnostic);

impl Findings<'_> {
    /// Reports a finding in file `file` at `at`.
    pub fn report(&mut self, file: usize, at: At, message: impl Into<String>) -> Finding<'_> {
        self.out.push(Diagnostic {
            rule: self.rule.id,
            severity: self.severity,
            file,
            message: message.into(),
            at,
            help: None,
            related: None,
        });
        Finding(self.out.last_mut().expect("just pushed"))
    }
}

impl Finding<'_> {
    /// How to fix it.
    pub fn help(self, help: impl Into<String>) -> Self {
        self.0.help = Some(help.into());
        self
    }

    /// A second place in the same file that explains the first.
    pub fn related(self, at: At, label: impl Into<String>) -> Self {
        self.0.related = Some((at, label.into()));
        self
    }
}

/// Runs every enabled rule over the catalog.
pub fn run(catalog: &Catalog, config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for &rule in ALL {
        run_rule(rule, catalog, config, &mut out);
    }
    finish(catalog, out)
}

fn run_rule(rule: &'static Rule, catalog: &Catalog, config: &Config, out: &mut Vec<Diagnostic>) {
    let Some(severity) = config.severity(rule) else { return };
    let cx = Context { catalog, config, rule };
    (rule.check)(&cx, &mut Findings { rule, severity, out });
}

/// Runs the rules that read one document on `single`, a catalog of one file: what they find
/// there, in rule order, for [`run_rest`] to merge.
pub fn run_document(single: &Catalog, config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // In registry order, which is the order `run_rest` merges them in.
    for &rule in ALL.iter().filter(|r| r.reads == Reads::Document) {
        run_rule(rule, single, config, &mut out);
    }
    out
}

/// Runs the rules that read the whole catalog, and merges in what [`run_document`] found in
/// each file (`per_file[i]` for file `i`): the same findings, in the same order, as [`run`].
pub fn run_rest(catalog: &Catalog, config: &Config, per_file: Vec<Vec<Diagnostic>>) -> Vec<Diagnostic> {
    let mut out = Vec::with_capacity(per_file.iter().map(Vec::len).sum());
    let mut per_file: Vec<std::iter::Peekable<std::vec::IntoIter<Diagnostic>>> =
        per_file.into_iter().map(|found| found.into_iter().peekable()).collect();
    for &rule in ALL {
        if rule.reads == Reads::Document {
            // Each file's findings are in rule order: take this rule's, file by file.
            for found in &mut per_file {
                while let Some(d) = found.next_if(|d| d.rule == rule.id) {
                    out.push(d);
                }
            }
        } else {
            run_rule(rule, catalog, config, &mut out);
        }
    }
    debug_assert!(per_file.iter_mut().all(|found| found.peek().is_none()), "a finding of no listed rule");
    out.extend(per_file.into_iter().flatten());
    finish(catalog, out)
}

fn finish(catalog: &Catalog, mut out: Vec<Diagnostic>) -> Vec<Diagnostic> {
    out.retain(|d| !catalog.files[d.file].allowed.iter().any(|a| a == d.rule));
    drop_superseded(&mut out);
    out
}

/// A schema error at a spot another rule explains better (a `competency` written as a list is a
/// `one-skill` finding, not a type error) is dropped: one mistake, one diagnostic.
fn drop_superseded(diagnostics: &mut Vec<Diagnostic>) {
    // Per file, the pointers other rules report at (looked up per file: a catalog with many
    // findings must not compare each with every other).
    let mut explained: std::collections::HashMap<usize, Vec<&str>> = std::collections::HashMap::new();
    for d in diagnostics.iter().filter(|d| d.rule != schema::RULE.id) {
        if let At::Pointer(p, _) = &d.at
            && !p.is_empty()
        {
            explained.entry(d.file).or_default().push(p);
        }
    }
    let superseded: Vec<bool> = diagnostics
        .iter()
        .map(|d| {
            let At::Pointer(pointer, _) = &d.at else { return false };
            d.rule == schema::RULE.id
                && explained.get(&d.file).is_some_and(|ps| {
                    ps.iter().any(|p| pointer == p || pointer.strip_prefix(p).is_some_and(|rest| rest.starts_with('/')))
                })
        })
        .collect();
    let mut index = 0;
    diagnostics.retain(|_| {
        index += 1;
        !superseded[index - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut ids: Vec<&str> = ALL.iter().map(|r| r.id).collect();
        assert!(ids.iter().all(|id| regex_like_kebab(id)), "{ids:?}");
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len(), "two rules share an id");
    }

    fn regex_like_kebab(id: &str) -> bool {
        !id.is_empty() && id.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()))
    }

    #[test]
    fn every_rule_documents_what_why_example_and_fix() {
        for rule in ALL {
            let doc = rule.doc();
            for heading in ["## What it does", "## Why", "## Example", "## How to fix"] {
                assert!(doc.contains(heading), "{} lacks `{heading}`", rule.id);
            }
        }
    }
}
