//! `mcred preview`: start the live preview and serve until stopped.

use crate::cli::PreviewArgs;
use crate::{Env, Error, ExitStatus, Log, Outcome, preview};

pub fn run(args: PreviewArgs, env: &Env, log: Log) -> Result<Outcome, Error> {
    let options = preview::Options { port: args.port, config: args.config, templates: args.templates };
    let preview = preview::start(options, env, log.clone())?;
    log(&format!("Previewing on {} (Ctrl-C to stop)", preview.url));
    if args.open {
        open_browser(&preview.url, &log);
    }
    preview.serve();
    Ok(Outcome { stdout: String::new(), status: ExitStatus::Success })
}

/// Opens `url` in the desktop's browser, if there is one.
fn open_browser(url: &str, log: &Log) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(url).spawn() {
        log(&format!("could not open a browser ({opener}: {e}); open {url} yourself"));
    }
}
