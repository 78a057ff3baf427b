//! `mcred rules` and `mcred explain`: the rules and their pages.

use crate::{Error, rules, suggest};

/// `mcred rules`: one line a rule.
pub fn table() -> String {
    let width = rules::ALL.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in rules::ALL {
        out.push_str(&format!("{:width$}  {:7}  {}\n", rule.id, rule.severity.as_str(), rule.summary));
    }
    out
}

/// `mcred explain RULE`: the rule's page.
pub fn explain(id: &str) -> Result<String, Error> {
    let Some(rule) = rules::find(id) else {
        let hint = match suggest::did_you_mean(id, rules::ALL.iter().map(|r| r.id)) {
            Some(s) => format!("; did you mean `{s}`?"),
            None => String::new(),
        };
        return Err(Error::Usage(format!("unknown rule `{id}`{hint} `mcred rules` lists every rule")));
    };
    Ok(rule.page())
}
