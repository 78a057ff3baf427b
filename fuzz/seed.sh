#!/bin/sh
# Builds the seed corpus `fuzz/seeds/` from the test fixtures: every YAML file of the rule
# fixtures, the catalogs and the reference catalog, one seed a file, and a few seeds of several
# files (a stack and its credentials, split by `#%file` lines) so that cross-file rules run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
out="$here/seeds"
rm -rf "$out"
mkdir -p "$out"
n=0
for file in $(find "$repo/tests/fixtures" "$repo/credentials" -type f -name "*.yaml" -size -16k | sort); do
    n=$((n + 1))
    # The file's own name first, so that `id-filename` sees a matching name.
    { printf '#%%name %s\n' "$(basename "$file" .yaml)"; cat "$file"; } > "$out/$(printf '%04d' "$n").yaml"
done
# Whole small catalogs: each fixture folder of a rule, its files joined.
for dir in $(find "$repo/tests/fixtures/rules" -mindepth 2 -maxdepth 2 -type d | sort); do
    files=$(find "$dir" -type f -name "*.yaml" | sort | head -4)
    [ -n "$files" ] || continue
    n=$((n + 1))
    first=1
    for file in $files; do
        [ $first = 1 ] || printf '\n#%%file\n'
        first=0
        printf '#%%name %s\n' "$(basename "$file" .yaml)"
        cat "$file"
    done > "$out/$(printf '%04d' "$n").yaml"
done
echo "$n seeds in $out"
