//! `mcred build`: lint, then publish the package, or refuse and leave the previous one.

use crate::cli::BuildArgs;
use crate::report::{self, Summary};
use crate::{Env, Error, ExitStatus, Outcome, config, lint, load_config, render, schema};

pub fn run(args: BuildArgs, env: &Env) -> Result<Outcome, Error> {
    let config = load_config(args.config.as_deref(), env)?;
    if let Some(url) = &args.base_url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        return Err(Error::Usage(format!("--base-url {url}: the base URL must start with https:// or http://")));
    }
    let root = config.catalog.clone();
    if !root.is_dir() {
        return Err(Error::Usage(format!(
            "the catalog folder {} does not exist; set `catalog` in {}",
            lint::relative_to(&root, &env.cwd).display(),
            config::FILE_NAME
        )));
    }
    let started = std::time::Instant::now();
    let linted = lint::typed(&root, &config, &env.cwd).map_err(|error| Error::Io { path: root.clone(), error })?;
    let located = report::locate(&linted.catalog, &linted.diagnostics);
    let summary = Summary::of(linted.catalog.files.len(), &located);
    let style = report::human::Style { colour: env.colour, width: env.width };
    let mut stdout = report::human::render(&located, None, style);
    if summary.errors > 0 {
        stdout.push_str(&format!(
            "Not built: the catalog has {}. Nothing was written.\n",
            if summary.errors == 1 { "1 error".to_string() } else { format!("{} errors", summary.errors) }
        ));
        return Ok(Outcome { stdout, status: ExitStatus::Failure });
    }
    let options =
        render::Options { base_url: args.base_url, templates: args.templates.map(|t| env.cwd.join(t)), zip: args.zip };
    let package = render::render(&linted.catalog, &config, &options).map_err(|e| Error::Usage(e.0))?;
    let out = match args.out {
        Some(out) => env.cwd.join(out),
        None => config.root.join("dist"),
    };
    render::write(&package, &out).map_err(|error| Error::Io { path: out.clone(), error })?;
    let count = |kind| linted.catalog.of_kind(kind).filter(|d| d.model.is_some()).count();
    let elapsed = match env.timed {
        true => format!(" in {:.0} ms", started.elapsed().as_secs_f64() * 1000.0),
        false => String::new(),
    };
    let plural = report::human::plural;
    stdout.push_str(&format!(
        "Built {} and {} into {} ({}){elapsed}.\n",
        plural(count(schema::Kind::Credential), "credential"),
        plural(count(schema::Kind::Stack), "stack"),
        report::display_path(lint::relative_to(&out, &env.cwd)),
        plural(package.files.len(), "file"),
    ));
    Ok(Outcome { stdout, status: ExitStatus::Success })
}
