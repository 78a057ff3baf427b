//! Runs inputs through the checks once each: `replay FILE|DIR...`. For a crash the fuzzer found,
//! for a corpus after a change, and on machines without AFL++.
//!
//! `replay --keep NAME FILE` saves one input as the catalog it stands for, in
//! `tests/fixtures/hostile/fuzz/NAME/`, where `tests/hostile.rs` replays it on every `cargo test`.

use std::path::{Path, PathBuf};

fn inputs(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for entry in entries {
            inputs(&entry, out);
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}

/// Writes the files an input stands for into `tests/fixtures/hostile/fuzz/NAME/`.
fn keep(name: &str, input: &Path) {
    let data = std::fs::read(input).unwrap();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hostile/fuzz").join(name);
    std::fs::create_dir_all(&folder).unwrap();
    for (file, bytes) in mcred_fuzz::files(&data) {
        std::fs::write(folder.join(&file), bytes).unwrap();
        println!("{}", folder.join(file).display());
    }
}

fn main() {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    if args.first().is_some_and(|a| a == "--keep") {
        let [_, name, input] = args.as_slice() else {
            eprintln!("usage: replay --keep NAME FILE");
            std::process::exit(2);
        };
        keep(&name.to_string_lossy(), Path::new(input));
        return;
    }
    let mut files = Vec::new();
    for arg in &args {
        inputs(Path::new(arg), &mut files);
    }
    if files.is_empty() {
        eprintln!("usage: replay FILE|DIR...");
        std::process::exit(2);
    }
    let mut failed = 0;
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let started = std::time::Instant::now();
        let result = std::panic::catch_unwind(|| mcred_fuzz::check(&data));
        let elapsed = started.elapsed();
        match result {
            Ok(()) if elapsed.as_secs() >= 1 => println!("slow {:>6} ms  {}", elapsed.as_millis(), file.display()),
            Ok(()) => {}
            Err(_) => {
                failed += 1;
                println!("FAIL {}", file.display());
            }
        }
    }
    println!("{} inputs, {failed} failed", files.len());
    std::process::exit(if failed > 0 { 1 } else { 0 });
}
