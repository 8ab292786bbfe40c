#!/usr/bin/env bash
# The Python wheel (pyproject.toml, maturin): build it, install it into a fresh venv with
# no index (nothing downloaded), and check that the installed `mtlint` is this project's
# command: its version, and the same findings and exit status on samples/ as the binary
# cargo builds. The wheel is left in target/wheels/ for tests/pre-commit.sh, which
# installs it through the hooks of pre-commit-mirror/.
# Skips loudly if maturin is not installed (.ci/run installs it with pip).
# Prints `N passed, N failed` at the end; exits 1 if any check failed.
set -euo pipefail

project=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
work=$(mktemp -d "${TMPDIR:-/tmp}/mtlint-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT

check() { # check NAME COMMAND...: count a success or a failure
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}

if ! command -v maturin >/dev/null 2>&1; then
  echo "SKIPPED: maturin is not installed (pip install maturin): the wheel was NOT tested" >&2
  exit 0
fi

cd "$project"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
rm -f target/wheels/mtlint-*.whl
start=$(date +%s)
maturin build --release --locked --quiet -o target/wheels
echo "     (maturin build: $(($(date +%s) - start)) s)"
wheel=$(ls target/wheels/mtlint-"$version"-*.whl)
check "one wheel, named for version $version" test "$(echo "$wheel" | wc -l)" = 1
check "the wheel carries the binary as a script" \
  sh -c "python3 -m zipfile -l '$wheel' | grep -q 'mtlint-$version.data/scripts/mtlint'"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --no-index "$wheel"
installed=$work/venv/bin/mtlint
check "pip put mtlint in the venv" test -x "$installed"
check "mtlint --version is $version" \
  test "$("$installed" --version)" = "mtlint $version"

# The installed command against the one cargo builds, on the samples.
cargo build --quiet --locked --bin mtlint
(cd "$project" && "$installed" --color never samples/ >"$work/wheel.out" 2>&1) && got=0 || got=$?
(cd "$project" && target/debug/mtlint --color never samples/ >"$work/cargo.out" 2>&1) && want=0 || want=$?
check "same exit status on samples/ ($got, findings: 1)" test "$got" = "$want" -a "$got" = 1
check "same findings on samples/" cmp -s "$work/wheel.out" "$work/cargo.out"

echo "wheel: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
