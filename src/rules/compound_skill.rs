//! `compound-skill`: a competency statement does not bundle several skills.

use super::{Context, Findings};
use crate::diagnostic::At;

rule! {
    /// ## What it does
    /// Looks for signs that a competency statement names more than one skill: a `;`, the words
    /// "as well as", or "and" followed by a second action ("designs **and implements**",
    /// "explains … **and reflects** on …"). "and" between nouns ("working memory and its role")
    /// is fine.
    ///
    /// ## Why
    /// A statement that bundles two skills is two credentials in one: a submission may show one
    /// skill and not the other, and the rubric cannot say fairly whether it earned.
    ///
    /// ## Example
    /// ```yaml
    /// competency:
    ///   statement: Educator designs a student-centered plan and implements it with students.
    /// ```
    ///
    /// ## How to fix
    /// Keep one action in the statement ("Educator designs a student-centered plan …") and give
    /// the other its own credential. Where the bundle is deliberate, set
    /// `compound-skill = "off"` in `[rules]` or allow it in the file with
    /// `# mcred: allow compound-skill`.
    id: "compound-skill",
    severity: Warning,
    summary: "the competency statement does not bundle several skills",
    reads: Document,
    check: check,
}

/// Actions a competency statement asks for, as they follow "and" ("and implements"). A noun after
/// "and" is not one of them, so "working memory and its role" passes; words that are more often
/// nouns in a statement ("research", "support", "structure") are left out on purpose.
const ACTIONS: &[&str] = &[
    "adapt",
    "adjust",
    "analyse",
    "analyze",
    "apply",
    "argue",
    "articulate",
    "assess",
    "build",
    "coach",
    "collaborate",
    "collect",
    "communicate",
    "compare",
    "conduct",
    "construct",
    "create",
    "critique",
    "define",
    "deliver",
    "demonstrate",
    "describe",
    "design",
    "develop",
    "differentiate",
    "engage",
    "establish",
    "evaluate",
    "examine",
    "explain",
    "explore",
    "facilitate",
    "formulate",
    "gather",
    "guide",
    "identify",
    "implement",
    "integrate",
    "interpret",
    "justify",
    "lead",
    "maintain",
    "manage",
    "measure",
    "mentor",
    "modify",
    "monitor",
    "observe",
    "organise",
    "organize",
    "partner",
    "plan",
    "prepare",
    "present",
    "produce",
    "provide",
    "recognise",
    "recognize",
    "refine",
    "reflect",
    "revise",
    "run",
    "scaffold",
    "select",
    "set",
    "share",
    "solve",
    "summarise",
    "summarize",
    "synthesise",
    "synthesize",
    "teach",
    "use",
    "write",
];

/// Words that may stand between "and" and the action: "and then implements".
const FILLERS: &[&str] = &["then", "also", "effectively", "successfully", "consistently", "regularly"];

fn check(cx: &Context, out: &mut Findings) {
    for (doc, credential) in cx.catalog.credentials() {
        if let Some(reason) = bundles(&credential.competency.statement.0) {
            out.report(
                doc.file,
                At::value("/competency/statement"),
                format!("the statement seems to name more than one skill: {reason}"),
            )
            .help("keep one action in the statement and give the other skill a credential of its own");
        }
    }
}

/// Why a statement looks like several skills, if it does.
pub fn bundles(statement: &str) -> Option<String> {
    if statement.contains(';') {
        return Some("it joins clauses with `;`".into());
    }
    let lower = statement.to_lowercase();
    if lower.contains(" as well as ") {
        return Some("it adds a second skill with \"as well as\"".into());
    }
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    for (i, word) in words.iter().enumerate() {
        if *word != "and" {
            continue;
        }
        let next = words[i + 1..].iter().find(|w| !FILLERS.contains(w));
        if let Some(next) = next
            && is_action(next)
        {
            return Some(format!("\"and {next}\" adds a second action"));
        }
    }
    None
}

fn is_action(word: &str) -> bool {
    let stems = [
        word.strip_suffix("ies").map(|w| format!("{w}y")),
        word.strip_suffix("es").map(str::to_string),
        word.strip_suffix('s').map(str::to_string),
    ];
    ACTIONS.contains(&word) || stems.iter().flatten().any(|s| ACTIONS.contains(&s.as_str()))
}

#[cfg(test)]
mod tests {
    use super::bundles;

    #[test]
    fn nouns_after_and_pass_actions_do_not() {
        assert_eq!(bundles("Educator demonstrates an understanding of working memory and its role in learning."), None);
        assert_eq!(bundles("Educator explains questions and hypotheses."), None);
        assert!(bundles("Educator designs a plan and implements it.").is_some());
        assert!(bundles("Educator plans lessons and then analyses the results.").is_some());
        assert!(bundles("Educators design and run fair tests.").is_some());
        assert!(bundles("Educator studies the research; applies it.").is_some());
        assert!(bundles("Educator coaches peers as well as students.").is_some());
        assert!(bundles("Educator partners with students and applies strategies.").is_some());
    }
}
