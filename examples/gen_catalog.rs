//! Writes a large, realistic catalog for benchmarks: `mcred.toml`, N credentials of about a
//! hundred lines each in stacks of five, and one framework with the skill of each credential.
//!
//! ```text
//! cargo run --release --example gen_catalog -- N DIR [--mistakes FRACTION]
//! ```
//!
//! The credentials are modelled on the reference catalog in `credentials/`: each stack takes one
//! topic (a learning difference in a teaching context, `Working Memory in Primary Mathematics`)
//! through the same five steps, from "Demonstrate Understanding" to "Engage Your Peers", each
//! step requiring the one before. The text varies with the topic and a seeded choice of
//! sentences, so no two files are alike, and the output is the same for the same N on every
//! machine. Credential `i` does not depend on N: a smaller catalog is a prefix of a larger one.
//!
//! Without `--mistakes` the catalog lints with no diagnostic at all. `--mistakes 0.05` puts one
//! mistake into 5% of the credentials (rounded), spread evenly, cycling through a fixed list of
//! kinds; `DIR/mistakes.tsv` lists each file with the rules expected to report it, and the
//! command prints how many it injected.
//!
//! Layout, so that the credential files alone can be handed to other validators:
//!
//! ```text
//! DIR/mcred.toml
//! DIR/catalog/generated-learning-differences.yaml   (the framework)
//! DIR/catalog/stacks/<topic>.yaml
//! DIR/catalog/credentials/<topic>/<topic>-<step>.yaml
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: gen_catalog N DIR [--mistakes FRACTION]\n\
    writes N credentials in stacks of five into DIR (which must not exist or be empty);\n\
    --mistakes FRACTION (0 to 1) puts one known mistake into that share of the credentials";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("gen_catalog: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut positional = Vec::new();
    let mut mistakes = 0.0;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--mistakes" => {
                let value = args.next().ok_or("--mistakes needs a fraction, e.g. 0.05")?;
                mistakes = value.parse::<f64>().map_err(|_| format!("--mistakes {value}: not a number"))?;
                if !(0.0..=1.0).contains(&mistakes) {
                    return Err(format!("--mistakes {value}: the fraction must be between 0 and 1"));
                }
            }
            "-h" | "--help" => return Err(USAGE.into()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            _ => positional.push(arg),
        }
    }
    let [n, dir] = positional.as_slice() else { return Err(USAGE.into()) };
    let n: usize = n.parse().map_err(|_| format!("N must be a whole number, not `{n}`"))?;
    let dir = PathBuf::from(dir);
    if dir.exists() && std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?.next().is_some() {
        return Err(format!("{} is not empty; give a new folder", dir.display()));
    }
    let injected = generate(n, &dir, mistakes).map_err(|e| format!("{}: {e}", dir.display()))?;
    let stacks = n.div_ceil(5);
    let mut summary = format!("wrote {n} credentials in {stacks} stacks and 1 framework to {}", dir.display());
    if mistakes > 0.0 {
        let _ = write!(
            summary,
            "\ninjected {} mistakes into {} of {n} credentials; expected findings in {}",
            injected,
            injected,
            dir.join("mistakes.tsv").display()
        );
    }
    Ok(summary)
}

/// Writes the catalog; returns how many mistakes it injected.
pub fn generate(n: usize, dir: &Path, fraction: f64) -> std::io::Result<usize> {
    let catalog = dir.join("catalog");
    std::fs::create_dir_all(catalog.join("stacks"))?;
    std::fs::create_dir_all(catalog.join("credentials"))?;
    std::fs::write(dir.join("mcred.toml"), CONFIG)?;

    let wanted = (fraction * n as f64).round() as usize;
    // Evenly spread: the j-th mistake goes to credential floor((j + 1/2) * n / wanted).
    let mut mistaken: Vec<Option<Mistake>> = vec![None; n];
    for j in 0..wanted {
        let at = ((2 * j + 1) * n) / (2 * wanted);
        mistaken[at.min(n - 1)] = Some(MISTAKES[j % MISTAKES.len()]);
    }

    let mut framework = String::from(FRAMEWORK_HEAD);
    let mut expected = String::from("file\trules\n");
    for stack in 0..n.div_ceil(5) {
        let topic = Topic::new(stack);
        let folder = catalog.join("credentials").join(&topic.slug);
        std::fs::create_dir_all(&folder)?;
        let members: Vec<usize> = (stack * 5..(stack * 5 + 5).min(n)).collect();
        for &i in &members {
            let step = &STEPS[i % 5];
            let mut text = credential(i, &topic, step);
            let file = folder.join(format!("{}-{}.yaml", topic.slug, step.slug));
            if let Some(mistake) = mistaken[i] {
                text = mistake.apply(&text);
                let shown = file.strip_prefix(dir).unwrap_or(&file).to_string_lossy().replace('\\', "/");
                let _ = writeln!(expected, "{shown}\t{}", mistake.rules);
            }
            std::fs::write(&file, text)?;
            skill(&mut framework, &topic, step);
        }
        std::fs::write(catalog.join("stacks").join(format!("{}.yaml", topic.slug)), stack_file(&topic, &members))?;
    }
    std::fs::write(catalog.join("generated-learning-differences.yaml"), framework)?;
    if fraction > 0.0 {
        std::fs::write(dir.join("mistakes.tsv"), expected)?;
    }
    Ok(wanted)
}

const CONFIG: &str = r#"# A generated catalog for benchmarks (examples/gen_catalog.rs).
catalog = "catalog"

[publish]
title = "Generated Learning Differences Catalog"
base_url = "https://credentials.example.org"
issuer = { name = "Generated Learning Collaborative", url = "https://credentials.example.org" }
language = "en"

[scoring]
levels = [{ id = "pass", label = "Pass" }, { id = "not-yet", label = "Not yet" }]
passing = "pass"
"#;

const FRAMEWORK_HEAD: &str = r#"kind: framework
id: generated-learning-differences
title: Generated Learning Differences
summary: >-
  The skills measured by the generated catalog: for each topic, understanding it, partnering
  with students, planning, applying strategies in class and engaging colleagues.
skills:
"#;

/// A mistake an author makes, and the rules that must report it.
#[derive(Debug, Clone, Copy)]
struct Mistake {
    /// The rules that report it, `,`-separated, as `mistakes.tsv` lists them.
    rules: &'static str,
    apply: fn(&str) -> String,
}

impl Mistake {
    fn apply(&self, text: &str) -> String {
        (self.apply)(text)
    }
}

const MISTAKES: &[Mistake] = &[
    // A misspelt field: one `schema` finding, with "did you mean `summary`?".
    Mistake { rules: "schema", apply: |t| t.replacen("\nsummary: ", "\nsumary: ", 1) },
    // A typo in the part a criterion scores.
    Mistake { rules: "rubric-coverage", apply: |t| t.replacen("  - part: reflection\n", "  - part: reflecton\n", 1) },
    // An unquoted number where text is expected is fine for YAML and wrong for the schema.
    Mistake { rules: "schema", apply: |t| t.replacen("\nversion: 1.", "\nversion: 1", 1) },
    // A passing level that is not a level.
    Mistake { rules: "passing-level", apply: |t| t.replacen("  passing: pass\n", "  passing: passed\n", 1) },
    // Far too big for one credential.
    Mistake { rules: "grain-size", apply: |t| replace_line(t, "estimated_hours: ", "estimated_hours: 90") },
    // A second skill in the statement.
    Mistake {
        rules: "compound-skill",
        apply: |t| t.replacen("\n    Educator ", "\n    Educator coaches colleagues and applies new methods; ", 1),
    },
    // A key written twice.
    Mistake {
        rules: "duplicate-key",
        apply: |t| t.replacen("\nstatus: published\n", "\nstatus: published\nstatus: draft\n", 1),
    },
    // A quote left open: the file is no document, so its skill goes unmeasured.
    Mistake { rules: "yaml-syntax,unmeasured-skill", apply: |t| t.replacen("\ntitle: \"", "\ntitle: \"\"", 1) },
    // No artifact: the classroom evidence part made an overview.
    Mistake { rules: "artifact-required", apply: |t| t.replacen("    kind: artifact\n", "    kind: overview\n", 1) },
];

fn replace_line(text: &str, prefix: &str, line: &str) -> String {
    text.lines().map(|l| if l.starts_with(prefix) { line } else { l }).collect::<Vec<_>>().join("\n") + "\n"
}

/// What a stack is about: a learning difference in a teaching context.
struct Topic {
    /// `Working Memory in Primary Mathematics`.
    name: String,
    /// `working memory in primary mathematics`, for sentences.
    lower: String,
    /// The area alone, lower case: `working memory`.
    area: &'static str,
    /// The context alone, lower case: `primary mathematics`.
    context: &'static str,
    /// `working-memory-in-primary-mathematics`.
    slug: String,
    /// `wm-primary-mathematics`: the skills' prefix.
    skill_prefix: String,
}

const AREAS: &[(&str, &str)] = &[
    ("working memory", "wm"),
    ("executive function", "ef"),
    ("motivation", "mo"),
    ("attention", "at"),
    ("self-regulation", "sr"),
    ("processing speed", "ps"),
    ("phonological awareness", "pa"),
    ("reading fluency", "rf"),
    ("reading comprehension", "rc"),
    ("vocabulary", "vo"),
    ("written expression", "we"),
    ("spelling", "sp"),
    ("number sense", "ns"),
    ("mathematical reasoning", "mr"),
    ("spatial reasoning", "spr"),
    ("oral language", "ol"),
    ("listening comprehension", "lc"),
    ("social awareness", "sa"),
    ("emotional regulation", "er"),
    ("growth mindset", "gm"),
    ("metacognition", "mc"),
    ("long-term memory", "ltm"),
    ("cognitive flexibility", "cf"),
    ("planning", "pl"),
    ("organisation", "org"),
    ("time management", "tm"),
    ("sensory processing", "sen"),
    ("fine motor skills", "fm"),
    ("visual processing", "vp"),
    ("auditory processing", "ap"),
    ("self-efficacy", "se"),
    ("belonging", "be"),
    ("curiosity", "cu"),
    ("persistence", "pe"),
    ("academic language", "al"),
    ("argumentation", "ar"),
    ("inquiry", "in"),
    ("study habits", "sh"),
    ("test anxiety", "ta"),
    ("peer collaboration", "pc"),
];

const CONTEXTS: &[&str] = &[
    "early years",
    "primary mathematics",
    "primary literacy",
    "primary science",
    "middle school mathematics",
    "middle school english",
    "middle school science",
    "middle school history",
    "secondary mathematics",
    "secondary english",
    "secondary biology",
    "secondary chemistry",
    "secondary physics",
    "secondary history",
    "secondary geography",
    "world languages",
    "visual arts",
    "music",
    "drama",
    "physical education",
    "computer science",
    "design technology",
    "special education",
    "english language development",
    "small-group intervention",
    "co-taught classrooms",
    "project-based learning",
    "remote learning",
    "after-school programmes",
    "adult education",
    "vocational training",
    "library sessions",
    "advisory periods",
    "outdoor learning",
    "multi-age classrooms",
    "gifted programmes",
    "resource rooms",
    "summer school",
    "homework clubs",
    "transition years",
    "kindergarten",
    "grade one",
    "grade two",
    "grade three",
    "grade four",
    "grade five",
    "grade six",
    "grade seven",
    "grade eight",
    "high school electives",
];

impl Topic {
    fn new(index: usize) -> Topic {
        let (area, short) = AREAS[index % AREAS.len()];
        let context = CONTEXTS[(index / AREAS.len()) % CONTEXTS.len()];
        let round = index / (AREAS.len() * CONTEXTS.len());
        let suffix = if round == 0 { String::new() } else { format!(" {}", round + 1) };
        let lower = format!("{area} in {context}{suffix}");
        let slug = slugify(&lower);
        let skill_prefix = format!(
            "{short}-{}{}",
            slugify(context),
            if round == 0 { String::new() } else { format!("-{}", round + 1) }
        );
        Topic { name: title_case(&lower), lower, area, context, slug, skill_prefix }
    }
}

fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| match w {
            "in" => "in".to_string(),
            w => {
                let mut cs = w.chars();
                match cs.next() {
                    Some(first) => first.to_uppercase().chain(cs).collect(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One of the five steps of every stack.
struct Step {
    slug: &'static str,
    title: &'static str,
    skill: &'static str,
    /// The competency statement; `{area}` and `{context}` are filled in.
    statement: &'static str,
    summary: &'static str,
    hours: [u32; 3],
    artifact: (&'static str, &'static str, &'static str),
    components: [(&'static str, &'static str); 3],
}

const STEPS: [Step; 5] = [
    Step {
        slug: "demonstrate-understanding",
        title: "Demonstrate Understanding",
        skill: "understand",
        statement: "Educator explains the role {area} plays in student learning in {context}, using examples from their own classroom.",
        summary: "The educator explains what {area} is, how it develops and how it shows up in everyday learning in {context}.",
        hours: [12, 15, 18],
        artifact: (
            "task-analysis",
            "Task analysis",
            "Submit an annotated copy of one task you teach in {context}, marking each point where it depends on {area}.",
        ),
        components: [
            (
                "Learn a model of {area}",
                "Study a research-based model of {area} and note, in your own words, what it explains about learning. Compare it with what you see in {context}.",
            ),
            (
                "Recognise the signs in the classroom",
                "List the signs that a student may be struggling with {area}, and the other causes that could explain the same signs. Treat them as clues for observation, **not a diagnosis**.",
            ),
            (
                "Analyse the demands of a task",
                "Choose one task you teach and mark where it relies on {area}: what students must hold, plan, decide or sustain at each point.",
            ),
        ],
    },
    Step {
        slug: "partner-with-students",
        title: "Partner with Students",
        skill: "partner",
        statement: "Educator partners with a student to identify how {area} affects that student's learning in {context}.",
        summary: "The educator works with a student to learn how {area} affects that student's learning, drawing on observation and the student's own account.",
        hours: [8, 10, 12],
        artifact: (
            "learner-profile",
            "Learner profile",
            "Submit the learner profile you wrote with the student, in the student's own words.",
        ),
        components: [
            (
                "Observe before you ask",
                "For at least a week, keep short dated notes on the student across at least three kinds of task in {context}. Note what helps as well as what is hard.",
            ),
            (
                "Hold a learning conversation",
                "Meet the student at a calm time. Use open, strengths-first questions about when learning feels easy, when it is hard and what already helps.",
            ),
            (
                "Co-create a learner profile",
                "With the student, write a one-page profile: *what I am good at*, *when it is hard for me*, *what helps me* and *what I want to try*.",
            ),
        ],
    },
    Step {
        slug: "build-a-student-centered-plan",
        title: "Build a Student-Centered Plan",
        skill: "plan",
        statement: "Educator builds a student-centered plan that reduces barriers related to {area} in {context}.",
        summary: "The educator turns a learner profile into a plan that lowers the load {area} carries in class and teaches strategies, with a baseline to measure against.",
        hours: [10, 12, 14],
        artifact: (
            "support-plan",
            "Support plan",
            "Submit the plan: the goal, the changes to your teaching, the strategy the student will learn and the baseline you took.",
        ),
        components: [
            (
                "Set one goal with the student",
                "Agree on one goal that matters to the student and can be observed in {context} within a few weeks.",
            ),
            (
                "Change the task, not the student",
                "Plan two or three changes to how you teach that lower the demands on {area}: shorter steps, visible reminders, worked examples.",
            ),
            (
                "Take a baseline",
                "Before you start, measure where the student is on the goal, so that you can tell later whether the plan helped.",
            ),
        ],
    },
    Step {
        slug: "apply-student-centered-strategies",
        title: "Apply Student-Centered Strategies",
        skill: "apply",
        statement: "Educator applies student-centered strategies that support {area} during instruction in {context}.",
        summary: "The educator carries out the plan for several weeks, gathers evidence of its effect on learning and adjusts it with the student.",
        hours: [14, 16, 20],
        artifact: (
            "evidence-of-impact",
            "Evidence of impact",
            "Submit evidence from at least three weeks of teaching: work samples, observation notes or data compared with the baseline.",
        ),
        components: [
            (
                "Teach the strategy explicitly",
                "Model the strategy, practise it with the student and fade your support as the student takes it over in {context}.",
            ),
            (
                "Gather evidence as you go",
                "Collect short, regular evidence of progress on the goal: work samples, tallies or the student's own ratings.",
            ),
            (
                "Adjust with the student",
                "Review the evidence with the student every week and change one thing at a time when progress stalls.",
            ),
        ],
    },
    Step {
        slug: "engage-your-peers",
        title: "Engage Your Peers",
        skill: "engage",
        statement: "Educator engages colleagues in applying strategies that support {area} with their own students in {context}.",
        summary: "The educator leads colleagues in noticing the demands tasks place on {area} and in trying a strategy with their own students.",
        hours: [8, 10, 12],
        artifact: (
            "session-materials",
            "Session materials",
            "Submit the materials of the session you led and the notes colleagues brought back from their classrooms.",
        ),
        components: [
            (
                "Plan a short session",
                "Plan a session of about an hour that starts from a real task colleagues teach in {context}.",
            ),
            (
                "Try it in classrooms",
                "Ask each colleague to try one strategy with their students and to bring back one piece of evidence.",
            ),
            ("Follow up together", "Meet again to look at the evidence, and agree on what the team will keep doing."),
        ],
    },
];

const RESEARCH: &[&str] = &[
    "Gathercole, S. E., & Alloway, T. P. (2008). Working memory and learning: A practical guide for teachers. SAGE.",
    "Diamond, A. (2013). Executive functions. Annual Review of Psychology, 64, 135–168.",
    "Ryan, R. M., & Deci, E. L. (2000). Self-determination theory and the facilitation of intrinsic motivation. American Psychologist, 55(1), 68–78.",
    "Sweller, J. (1988). Cognitive load during problem solving: Effects on learning. Cognitive Science, 12(2), 257–285.",
    "Hattie, J., & Timperley, H. (2007). The power of feedback. Review of Educational Research, 77(1), 81–112.",
    "Flavell, J. H. (1979). Metacognition and cognitive monitoring. American Psychologist, 34(10), 906–911.",
    "Toshalis, E., & Nakkula, M. J. (2012). Motivation, engagement, and student voice. Jobs for the Future.",
    "Darling-Hammond, L., Hyler, M. E., & Gardner, M. (2017). Effective teacher professional development. Learning Policy Institute.",
    "Dweck, C. S. (2006). Mindset: The new psychology of success. Random House.",
    "Zimmerman, B. J. (2002). Becoming a self-regulated learner: An overview. Theory Into Practice, 41(2), 64–70.",
];

const RESOURCES: &[(&str, &str)] = &[
    ("Understood for Educators: classroom strategies", "website"),
    ("A short video of a teacher chunking multi-step directions", "video"),
    ("Rosenshine's Principles of Instruction (poster)", "article"),
    ("A planning template for student-centered supports", "tool"),
    ("An observation log for dated classroom notes", "tool"),
    ("An online course on universal design for learning", "course"),
    ("A book study guide for professional learning communities", "book"),
];

const OPENINGS: &[&str] = &[
    "Every classroom holds students for whom {area} makes ordinary tasks harder than they look.",
    "Much of what looks like inattention or a lack of effort in {context} is a matter of {area}.",
    "Students differ a great deal in {area}, even among those of the same age and in the same class.",
    "Teaching in {context} asks a lot of {area}, often in ways that are easy to miss.",
];

const MIDDLES: &[&str] = &[
    "To earn this micro-credential you study the research, look closely at your own teaching in {context}, and gather evidence from your classroom of what you did and what changed for the students.",
    "In this micro-credential you connect what the research says about {area} with what you see in {context}, and you show, with evidence from your classroom, how that changed your teaching.",
    "You work from the research to your own classroom: what {area} is, how it shows up in {context}, and what you can change so that it gets less in the way of learning.",
];

/// A deterministic generator of choices (SplitMix64): the same file for the same index.
struct Choices(u64);

impl Choices {
    fn new(seed: u64) -> Choices {
        Choices(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

fn fill(template: &str, topic: &Topic) -> String {
    template.replace("{area}", topic.area).replace("{context}", topic.context)
}

/// `text` folded into lines of at most `width` characters, each starting with `indent`.
fn wrap(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > width {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}

/// A YAML double-quoted scalar.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn credential(index: usize, topic: &Topic, step: &Step) -> String {
    let mut pick = Choices::new(index as u64);
    let mut y = String::with_capacity(7 * 1024);
    let id = format!("{}-{}", topic.slug, step.slug);
    let _ = writeln!(y, "kind: credential");
    let _ = writeln!(y, "id: {id}");
    let _ = writeln!(y, "title: {}", quoted(&format!("{}: {}", topic.name, step.title)));
    let _ = writeln!(y, "version: 1.{}.0", pick.next() % 4);
    let _ = writeln!(y, "status: published");
    let _ = writeln!(y, "summary: >-");
    y.push_str(&wrap(&fill(step.summary, topic), "  ", 78));
    let _ = writeln!(y, "competency:");
    let _ = writeln!(y, "  skill: {}.{}", topic.skill_prefix, step.skill);
    let _ = writeln!(y, "  statement: >-");
    y.push_str(&wrap(&fill(step.statement, topic), "    ", 78));

    let _ = writeln!(y, "key_method: |");
    y.push_str(&wrap(
        &format!(
            "{} {} This is the {} step of the {} pathway.",
            fill(pick.pick::<&str>(OPENINGS), topic),
            fill(
                "It can shape how students follow directions, start and finish work, and show what they know; because it is invisible, it is easy to read as a choice the student makes.",
                topic
            ),
            ordinal(index % 5),
            topic.name
        ),
        "  ",
        78,
    ));
    y.push('\n');
    y.push_str(&wrap(
        &format!(
            "{} Follow your school's policies on consent and privacy, and remove names and identifying details from everything you submit.",
            fill(pick.pick::<&str>(MIDDLES), topic)
        ),
        "  ",
        78,
    ));

    let _ = writeln!(y, "method_components:");
    for (title, description) in &step.components {
        let _ = writeln!(y, "  - title: {}", fill(title, topic));
        let _ = writeln!(y, "    description: |");
        y.push_str(&wrap(&fill(description, topic), "      ", 78));
    }

    let _ = writeln!(y, "research:");
    let first = (pick.next() % RESEARCH.len() as u64) as usize;
    for k in 0..3 {
        let _ = writeln!(y, "  - citation: {}", quoted(RESEARCH[(first + k * 3) % RESEARCH.len()]));
    }
    let _ = writeln!(y, "resources:");
    let first = (pick.next() % RESOURCES.len() as u64) as usize;
    for k in 0..2 {
        let (title, kind) = RESOURCES[(first + k * 2) % RESOURCES.len()];
        let _ = writeln!(y, "  - title: {}", quoted(title));
        let _ = writeln!(y, "    url: https://example.org/resources/{}/{}", topic.slug, slugify(title));
        let _ = writeln!(y, "    kind: {kind}");
    }

    let (artifact_id, artifact_title, artifact_prompt) = step.artifact;
    let _ = writeln!(y, "submission:");
    let _ = writeln!(y, "  - id: overview");
    let _ = writeln!(y, "    kind: overview");
    let _ = writeln!(y, "    title: Overview questions");
    let _ = writeln!(y, "    prompts:");
    let _ = writeln!(y, "      - Describe your students and your teaching context in {}.", topic.context);
    let _ = writeln!(y, "      - What had you noticed about {} before this work?", topic.area);
    let _ = writeln!(y, "    word_limit: {}", [250, 300, 350][(pick.next() % 3) as usize]);
    let _ = writeln!(y, "  - id: {artifact_id}");
    let _ = writeln!(y, "    kind: artifact");
    let _ = writeln!(y, "    title: {artifact_title}");
    let _ = writeln!(y, "    prompts:");
    let _ = writeln!(y, "      - {}", quoted(&fill(artifact_prompt, topic)));
    let _ = writeln!(y, "      - Remove names and identifying details before you submit.");
    let _ = writeln!(
        y,
        "    accepts: [text, document, image{}]",
        if pick.next().is_multiple_of(2) { ", video" } else { "" }
    );
    let _ = writeln!(y, "  - id: reflection");
    let _ = writeln!(y, "    kind: reflection");
    let _ = writeln!(y, "    title: Reflection");
    let _ = writeln!(y, "    prompts:");
    let _ = writeln!(y, "      - What changed in your understanding of {}, and why?", topic.area);
    let _ = writeln!(y, "      - What will you do differently in {} from now on?", topic.context);
    let _ = writeln!(y, "    word_limit: 400");

    let _ = writeln!(y, "scoring:");
    let _ = writeln!(y, "  levels:");
    let _ = writeln!(y, "    - {{ id: pass, label: Pass }}");
    let _ = writeln!(y, "    - {{ id: not-yet, label: Not yet }}");
    let _ = writeln!(y, "  passing: pass");
    let _ = writeln!(y, "  criteria:");
    let criteria = [
        (
            "overview",
            "Grounds the context in specific observations rather than general impressions.",
            "The overview describes specific moments in {context} and links them to {area}.",
            "The overview describes students in general terms. Describe the specific moments that drew your attention.",
        ),
        (
            artifact_id,
            "The evidence comes from the educator's own classroom and is specific.",
            "The artifact is clearly from your classroom in {context}, and every claim about {area} is backed by what it shows.",
            "The artifact is generic or does not show your students' learning. Replace it with evidence from your own classroom.",
        ),
        (
            "reflection",
            "Explains what changed in the educator's practice, and why.",
            "The reflection names a specific change in your teaching and explains it with what you learned about {area}.",
            "The reflection restates the task without saying what changed. Describe one change and the evidence behind it.",
        ),
    ];
    for (part, criterion, pass, not_yet) in criteria {
        let _ = writeln!(y, "    - part: {part}");
        let _ = writeln!(y, "      criterion: {criterion}");
        let _ = writeln!(y, "      descriptors:");
        let _ = writeln!(y, "        pass: >-");
        y.push_str(&wrap(&fill(pass, topic), "          ", 78));
        let _ = writeln!(y, "        not-yet: >-");
        y.push_str(&wrap(&fill(not_yet, topic), "          ", 78));
    }

    if index.is_multiple_of(5) {
        let _ = writeln!(y, "requires: []");
    } else {
        let _ = writeln!(y, "requires: [{}-{}]", topic.slug, STEPS[index % 5 - 1].slug);
    }
    let _ = writeln!(y, "estimated_hours: {}", pick.pick(&step.hours));
    let _ = writeln!(y, "tags: [{}, {}]", slugify(topic.area), slugify(topic.context));
    let _ = writeln!(y, "language: en");
    let _ = writeln!(y, "authors:");
    let _ = writeln!(y, "  - name: Generated Learning Collaborative");
    let _ = writeln!(y, "license: CC-BY-4.0");
    y
}

fn ordinal(step: usize) -> &'static str {
    ["first", "second", "third", "fourth", "fifth"][step]
}

fn skill(framework: &mut String, topic: &Topic, step: &Step) {
    let _ = writeln!(framework, "  - id: {}.{}", topic.skill_prefix, step.skill);
    let _ = writeln!(framework, "    statement: >-");
    framework.push_str(&wrap(&fill(step.statement, topic), "      ", 78));
}

fn stack_file(topic: &Topic, members: &[usize]) -> String {
    let mut y = String::new();
    let _ = writeln!(y, "kind: stack");
    let _ = writeln!(y, "id: {}", topic.slug);
    let _ = writeln!(y, "title: {}", quoted(&topic.name));
    let _ = writeln!(y, "version: 1.0.0");
    let _ = writeln!(y, "status: published");
    let _ = writeln!(y, "summary: >-");
    y.push_str(&wrap(
        &format!(
            "Micro-credentials that take educators from understanding {} to supporting a student with it in class, then helping colleagues do the same.",
            topic.lower
        ),
        "  ",
        78,
    ));
    let _ = writeln!(y, "description: |");
    y.push_str(&wrap(
        &format!(
            "**Who this pathway is for.** Educators in {} who want to understand how {} affects learning, and what to do about it in everyday teaching. Each step uses what you produced in the one before.",
            topic.context, topic.area
        ),
        "  ",
        78,
    ));
    let _ = writeln!(y, "credentials:");
    for &i in members {
        let _ = writeln!(y, "  - {}-{}", topic.slug, STEPS[i % 5].slug);
    }
    let _ = writeln!(y, "award: {}", members.len() == 5);
    y
}
