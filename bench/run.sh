#!/usr/bin/env bash
# The benchmark: `mcred lint` and `mcred build` against ajv-cli (with ajv-formats) and
# check-jsonschema, on generated catalogs of 100, 1,000 and 10,000 credentials, side by side in
# one run. Prints a Markdown table of medians, ratios and peak memory, and the targets.
#
#   bench/run.sh                 # everything, from a clean clone (installs what it needs)
#   SIZES="100 1000" bench/run.sh
#   RUNS=5 bench/run.sh          # timed runs of each command (default 10; check-jsonschema
#                                # runs 3 times at 1,000 and once at 10,000, it is that slow)
#   BUILD_OUT=DIR bench/run.sh   # the folder `mcred build` writes its packages into, in a new
#                                # folder of its own (default: /dev/shm when there is one)
#
# It installs its own tools: hyperfine and GNU time from Debian (apt-get, as root or through
# sudo), ajv-cli and ajv-formats into bench/node_modules (npm ci, from bench/package-lock.json),
# check-jsonschema into bench/.venv (pip, from bench/requirements.txt). Catalogs, outputs and raw
# results go to target/bench/. Time is wall-clock time of the whole process, as a user sees it;
# peak memory is the maximum resident set size reported by /usr/bin/time. Packages are written to
# memory (/dev/shm) by default: the peers write nothing, and on a shared machine the time a disk
# takes to store 24,000 files varies tenfold from run to run; BUILD_OUT=/tmp times a disk too.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${MCRED_BENCH_DIR:-$ROOT/target/bench}
SIZES=${SIZES:-100 1000 10000}
RUNS=${RUNS:-10}
if [ -z "${BUILD_OUT:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then BUILD_OUT=/dev/shm; fi
BUILD_OUT=$(realpath -m "${BUILD_OUT:-$WORK}")/mcred-bench-$$

say() { printf '== %s\n' "$*" >&2; }

# --- Tools ---------------------------------------------------------------------------------------
apt_updated=
apt_install() {
  local sudo=
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo=sudo; else
      echo "bench/run.sh: please install $* (Debian packages)" >&2
      exit 2
    fi
  fi
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "installing $* (apt-get)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
command -v hyperfine >/dev/null || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
{ command -v node >/dev/null && command -v npm >/dev/null; } || apt_install nodejs npm
command -v python3 >/dev/null || apt_install python3 python3-venv

if [ ! -x bench/node_modules/.bin/ajv ]; then
  say "installing ajv-cli and ajv-formats into bench/node_modules (npm ci)"
  npm ci --prefix bench --no-audit --no-fund --loglevel=error >/dev/null
fi
if [ ! -x bench/.venv/bin/check-jsonschema ]; then
  say "installing check-jsonschema into bench/.venv (pip)"
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install --quiet --disable-pip-version-check -r bench/requirements.txt
fi

say "building mcred and the catalog generator (cargo build --release)"
cargo build --release --quiet --bin mcred --example gen_catalog
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
MCRED=$TARGET/release/mcred
GEN=$TARGET/release/examples/gen_catalog
AJV="$ROOT/bench/node_modules/.bin/ajv validate --spec=draft2020 -c $ROOT/bench/node_modules/ajv-formats -c $ROOT/bench/schemars-formats.js -s $ROOT/schema/credential.schema.json"
CHECK="$ROOT/bench/.venv/bin/check-jsonschema --schemafile $ROOT/schema/credential.schema.json"

rm -rf "$WORK"
mkdir -p "$WORK" "$BUILD_OUT"
trap 'rm -rf "$BUILD_OUT"' EXIT
df --output=fstype "$BUILD_OUT" | tail -n 1 >"$WORK/build-out.txt"
: >"$WORK/memory.tsv"

# Peak memory of one run: /usr/bin/time's maximum resident set size, in KiB.
peak() {
  local size=$1 name=$2 command=$3
  /usr/bin/time -f '%M' -o "$WORK/peak.txt" sh -c "$command" >/dev/null 2>&1 || true
  printf '%s\t%s\t%s\n' "$size" "$name" "$(tail -n 1 "$WORK/peak.txt")" >>"$WORK/memory.tsv"
}

# --- The reference catalog: start-up matters in a pre-commit hook ----------------------------------
say "reference catalog: mcred lint"
hyperfine --style basic --warmup 3 --min-runs 30 --export-json "$WORK/reference.json" \
  -n "mcred lint" "$MCRED lint" >&2
peak reference "mcred lint" "$MCRED lint"

# --- Generated catalogs -----------------------------------------------------------------------------
for size in $SIZES; do
  dir=$WORK/c$size
  say "$size credentials: generating"
  "$GEN" "$size" "$dir" >/dev/null
  # The same files for every tool: the credentials (stacks and the framework have other schemas).
  files='catalog/credentials/*/*.yaml'
  (
    cd "$dir"
    # Every tool must accept the catalog, or the comparison means nothing: hyperfine stops at a
    # command that fails, and mcred shows why first.
    "$MCRED" lint --quiet

    say "$size credentials: mcred lint, ajv-cli"
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/$size.json" \
      -n "mcred lint" "$MCRED lint" \
      -n "ajv-cli" "$AJV -d '$files'" >&2

    say "$size credentials: mcred build"
    : >"$WORK/peak-build.txt"
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/$size-build.json" \
      -n "mcred build" "/usr/bin/time -f %M -a -o $WORK/peak-build.txt $MCRED build --out $BUILD_OUT/$size" >&2
    printf '%s\t%s\t%s\n' "$size" "mcred build" "$(sort -n "$WORK/peak-build.txt" | tail -n 1)" >>"$WORK/memory.tsv"

    runs=$RUNS
    [ "$size" -ge 1000 ] && runs=3
    [ "$size" -ge 10000 ] && runs=1
    say "$size credentials: check-jsonschema ($runs run(s))"
    # Too slow to run again for its memory: each timed run records it (as each build does), and
    # GNU time costs about a millisecond.
    : >"$WORK/peak-check.txt"
    hyperfine --style basic --warmup 0 --runs "$runs" --export-json "$WORK/$size-check-jsonschema.json" \
      -n "check-jsonschema" "/usr/bin/time -f %M -a -o $WORK/peak-check.txt $CHECK $files" >&2
    printf '%s\t%s\t%s\n' "$size" "check-jsonschema" "$(sort -n "$WORK/peak-check.txt" | tail -n 1)" >>"$WORK/memory.tsv"

    say "$size credentials: peak memory"
    peak "$size" "mcred lint" "$MCRED lint"
    peak "$size" "ajv-cli" "$AJV -d '$files'"
    rm -rf "${BUILD_OUT:?}/$size"
  )
done

python3 bench/summarise.py "$WORK" $SIZES | tee "$WORK/table.md"
