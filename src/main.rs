//! The `mcred` binary: parse the command line, run the library, print, exit.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

// Loading and rendering a catalog is millions of small allocations across threads; mimalloc makes
// a large lint or build about a tenth faster than the system allocator (the book's performance page).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // clap exits 2 on bad arguments and 0 for --help and --version.
    let cli = mcred::cli::Cli::parse();
    let env = match std::env::current_dir() {
        Ok(cwd) => mcred::Env {
            cwd,
            colour: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            width: 100,
            timed: true,
        },
        Err(e) => {
            eprintln!("error: cannot read the current directory: {e}");
            return ExitCode::from(2);
        }
    };
    // A bug must never look like a verdict on the catalog: report it as exit 2.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: internal error in mcred: {info}\nPlease report this with the file that caused it.");
    }));
    // The preview runs until stopped; Ctrl-C ends it cleanly.
    let _ = ctrlc::set_handler(|| {
        println!("Stopped.");
        std::process::exit(0);
    });
    let log: mcred::Log = std::sync::Arc::new(|line: &str| {
        println!("{line}");
    });
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| mcred::run(cli, &env, log))) {
        Ok(Ok(outcome)) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`mcred lint | head`) is not an error worth a message.
            let _ = stdout.write_all(outcome.stdout.as_bytes());
            let _ = stdout.flush();
            ExitCode::from(outcome.status.code())
        }
        Ok(Err(error)) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
        Err(_) => ExitCode::from(2),
    }
}
