//! A stable-Rust fuzzer for machines without AFL++: not coverage-guided, it mutates the seed
//! corpus at random (bit flips, bytes and YAML tokens inserted or removed, chunks repeated,
//! seeds spliced) and runs each result through the checks. A panic or an input slower than 2 s
//! is saved under `artifacts/`.
//!
//! `mutate SEEDS_DIR [SECONDS] [RNG_SEED]` (default 60 seconds, a seed from the clock).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Tokens that mean something to YAML or to mcred, for insertion.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "\"",
    "'",
    "#",
    "&a ",
    "*a",
    "!!str ",
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "\t",
    "\r\n",
    "\r",
    "\n  ",
    "? ",
    "%YAML 1.2\n",
    "\u{FEFF}",
    "\0",
    "\u{85}",
    "\u{2028}",
    "kind: credential\n",
    "kind: stack\n",
    "kind: framework\n",
    "id: understand\n",
    "credentials: [understand]\n",
    "requires: [understand]\n",
    "image: ../x.png\n",
    "url: javascript:alert(1)\n",
    "<script>",
    "{{ 7*7 }}",
    "\\u0000",
    "\\x",
    "1e400",
    ".nan",
    "# mcred: allow schema\n",
    "\n#%file\n",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(8) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, rng.next() as u8),
            2 if at < input.len() => {
                let end = (at + 1 + rng.below(16)).min(input.len());
                input.drain(at..end);
            }
            3 | 4 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                input.splice(at..at, token.bytes());
            }
            5 if at < input.len() => {
                let end = (at + 1 + rng.below(64)).min(input.len());
                let chunk = input[at..end].to_vec();
                let most = if rng.below(16) == 0 { 2000 } else { 4 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    input.splice(at..at, chunk.iter().copied());
                }
            }
            6 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(256)).min(other.len());
                input.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                // A line's indent changed.
                let start = input[..at].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                if rng.below(2) == 0 {
                    input.splice(start..start, b"  ".iter().copied());
                } else if input.get(start) == Some(&b' ') {
                    input.remove(start);
                }
            }
        }
    }
    input.truncate(1 << 20);
}

fn save(dir: &Path, kind: &str, data: &[u8]) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    // FNV-1a: a stable name for the same input.
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3));
    let path = dir.join(format!("{kind}-{hash:016x}.yaml"));
    std::fs::write(&path, data).unwrap();
    path
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(seeds_dir) = args.first() else {
        eprintln!("usage: mutate SEEDS_DIR [SECONDS] [RNG_SEED]");
        std::process::exit(2);
    };
    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let clock = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(clock) | 1;
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(seeds_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| std::fs::read(e.path()).unwrap())
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds in {seeds_dir}");
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    println!("mutate: {} seeds, {seconds} s, rng seed {seed}", seeds.len());
    // Keep the panic message of the first crash of each kind; later ones only count.
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut crashes, mut slow) = (0u64, 0u64, 0u64);
    while Instant::now() < deadline {
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutate(&mut rng, &mut input, &seeds);
        let started = Instant::now();
        let result = std::panic::catch_unwind(|| mcred_fuzz::check(&input));
        let elapsed = started.elapsed();
        runs += 1;
        if result.is_err() {
            crashes += 1;
            println!("crash: {}", save(&artifacts, "crash", &input).display());
        } else if elapsed > Duration::from_secs(2) {
            slow += 1;
            println!("slow ({} ms): {}", elapsed.as_millis(), save(&artifacts, "slow", &input).display());
        }
    }
    println!("mutate: {runs} runs, {crashes} crashes, {slow} slow");
    std::process::exit(if crashes > 0 { 1 } else { 0 });
}
