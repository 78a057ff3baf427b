#!/usr/bin/env bash
# Checks every page under DIR (the output of `mcred build`): the Nu Html Checker for valid HTML5
# (and the stylesheets for valid CSS), then axe-core in headless Chromium for accessibility, plus
# broken local links and scripts (see axe.mjs). Prints each finding; exits 0 when there is none,
# 1 when there are findings, 2 when the check itself could not run.
#
# Usage: tests/html/check.sh DIR
# Installs what it needs when missing: the pinned npm packages (npm ci) and Debian's chromium.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -ne 1 || ! -d "$1" ]]; then
  echo "usage: $0 DIR   (a folder of built pages, e.g. dist/)" >&2
  exit 2
fi
dir="$(cd "$1" && pwd)"

# npm ci also when the lock file changed since the last install. --ignore-scripts: vnu-jar's
# postinstall would fetch a Java runtime; the machine has Java.
if [[ ! -f "$here/node_modules/.package-lock.json" || "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
  echo "check: installing the checkers (npm ci)" >&2
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2) || { echo "check: npm ci failed" >&2; exit 2; }
fi

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  echo "check: installing chromium (apt-get)" >&2
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >&2 \
    || { echo "check: could not install chromium; set CHROMIUM to a Chromium binary" >&2; exit 2; }
fi
if ! command -v java >/dev/null; then
  echo "check: java is needed for the Nu Html Checker (apt-get install default-jre-headless)" >&2
  exit 2
fi

status=0
vnu="$here/node_modules/vnu-jar/build/dist/vnu.jar"

# The Nu Html Checker with ARGS; NAME starts its one-line verdict.
run_vnu() {
  local name=$1 rc
  shift
  java -jar "$vnu" --errors-only "$@" 2>&1
  rc=$?
  if [[ $rc -eq 0 ]]; then
    echo "$name: no errors"
  else
    echo "$name: errors (exit $rc)"
    status=1
  fi
}

echo "== Nu Html Checker: $1"
run_vnu vnu --skip-non-html "$dir"

mapfile -t css < <(find "$dir" -name '*.css' -type f | sort)
if [[ ${#css[@]} -gt 0 ]]; then
  echo "== Nu Html Checker, CSS: ${#css[@]} stylesheet(s)"
  run_vnu "vnu css" --css "${css[@]}"
fi

echo "== axe-core in Chromium: $1"
CHROMIUM="$chromium" node "$here/axe.mjs" "$1"
rc=$?
if [[ $rc -ne 0 ]]; then
  [[ $rc -eq 1 ]] && status=1 || status=2
fi

exit $status
