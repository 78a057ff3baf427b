//! The AFL++ target: `cargo afl build --release --features afl`, then `cargo afl fuzz` (README.md).

fn main() {
    afl::fuzz!(|data: &[u8]| {
        mcred_fuzz::check(data);
    });
}
