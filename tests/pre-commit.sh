#!/usr/bin/env bash
# The pre-commit integrations, exercised with the real tools in temporary git repositories:
#  1. `.pre-commit-hooks.yaml` through the real `pre-commit try-repo` (whose hook entry,
#     cli/pre-commit-hook, builds this project the way it does for a user);
#  2. the `language: python` hooks of pre-commit-mirror/, which install the wheel that
#     tests/wheel.sh built into target/wheels/ (pip with no index: nothing downloaded, and
#     no cargo on the PATH, so nothing is compiled);
#  3. the plain git hook documented in the README (extracted from the README itself, so the
#     documentation cannot drift from what is tested).
# Prints `N passed, N failed` at the end; exits 1 if any check failed.
# Skips parts 1 and 2 loudly if `pre-commit` is not installed, and part 2 if the wheel or
# setuptools' wheel is not in target/wheels/ (.ci/run installs and puts them there).
#
# Speed: the hook entry builds mtlint with `cargo build --release` in pre-commit's copy of
# the repository, and every `try-repo` makes that copy anew in a temporary store, so there are two calls only. The release
# profile is made cheap here (no LTO, no optimisation: the hooks lint a few lines) and its
# target directory is kept in target/pre-commit-hook, so a warm run rebuilds only mtlint
# itself. The project is first snapshotted into one clean commit: `try-repo` on a work
# tree with changes would leave out new, unstaged files.
set -euo pipefail

project=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
work=$(mktemp -d "${TMPDIR:-/tmp}/mtlint-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT

fails() { ! "$@"; }

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

# A git repository in $work/$1 with the given files (name, content pairs), committed.
new_repo() {
  local dir=$work/$1
  shift
  mkdir -p "$dir"
  git -C "$dir" init --quiet
  git -C "$dir" config user.email test@example.invalid
  git -C "$dir" config user.name test
  git -C "$dir" config commit.gpgsign false
  while [ $# -gt 0 ]; do
    printf '%s' "$2" >"$dir/$1"
    shift 2
  done
  git -C "$dir" add -A
  echo "$dir"
}

BAD=$'They left. .\nIt cost $ 5 billion.\n'
FIXED=$'They left.\nIt cost $5 billion.\n'
CLEAN=$'They left.\nIt cost $5 billion.\n'

# ---------------------------------------------------------------- pre-commit framework
if ! command -v pre-commit >/dev/null 2>&1 && python3 -m pre_commit --version >/dev/null 2>&1; then
  pre-commit() { python3 -m pre_commit "$@"; }
fi
if command -v pre-commit >/dev/null 2>&1; then
  # The project as it is in this work tree (tracked and new files), as one commit.
  snapshot=$work/project
  mkdir -p "$snapshot"
  (cd "$project" && git ls-files -z --cached --others --exclude-standard |
    xargs -0 tar -cf - --) | tar -xf - -C "$snapshot"
  git -C "$snapshot" init --quiet
  git -C "$snapshot" add -A
  git -C "$snapshot" -c user.email=t@example.invalid -c user.name=t \
    -c commit.gpgsign=false commit --quiet -m snapshot

  export PRE_COMMIT_HOME=$work/pre-commit-home
  export CARGO_TARGET_DIR=$project/target/pre-commit-hook
  export CARGO_PROFILE_RELEASE_LTO=false
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=0
  export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
  export CARGO_PROFILE_RELEASE_DEBUG=false
  export CARGO_TERM_QUIET=true
  export NO_COLOR=1

  # pre-commit's output is kept in $work/out for the checks.
  hooks=$snapshot
  try_repo() { # try_repo REPO: run both hooks of $hooks (mtlint, then mtlint-fix) on every file
    (cd "$1" && pre-commit try-repo "$hooks" --all-files --color never) \
      >"$work/out" 2>&1
  }
  output_has() { # output_has REGEX...: every one matches a line of the output
    local re
    for re in "$@"; do
      grep -qE -- "$re" "$work/out" || { cat "$work/out"; return 1; }
    done
  }

  # Every `try-repo` installs the hooks anew (in a temporary store): two calls only.
  start=$(date +%s)
  dirty=$(new_repo dirty article.txt "$BAD" notes.md "$CLEAN")
  check "hooks fail on a file with artifacts" fails try_repo "$dirty"
  echo "     (first try-repo, with the hook's cargo build: $(($(date +%s) - start)) s)"
  check "mtlint failed, naming the rule" \
    output_has '^mtlint\.+Failed$' "punctuation/doubled-period"
  check "mtlint-fix rewrote the file: pre-commit says so" \
    output_has '^mtlint \(fix\)\.+Failed$' "files were modified by this hook"
  check "the file holds the fixed text" test "$(cat "$dirty/article.txt")"$'\n' = "$FIXED"
  check "the clean file is untouched" test "$(cat "$dirty/notes.md")"$'\n' = "$CLEAN"

  # A file mtlint does not lint (not in the hooks' `files`) is never passed to it.
  clean=$(new_repo clean notes.md "$CLEAN" page.html "<p>$CLEAN</p>" script.py "# left. ."$'\n')
  check "hooks pass on clean prose and skip other files" try_repo "$clean"
  check "pre-commit reports both passed" \
    output_has '^mtlint\.+Passed$' '^mtlint \(fix\)\.+Passed$'
  echo "     (pre-commit part: $(($(date +%s) - start)) s)"

  # The hooks that install the wheel (language: python), from a copy of pre-commit-mirror/.
  version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$project/Cargo.toml" | head -n 1)
  wheels=$project/target/wheels
  if compgen -G "$wheels/mtlint-$version-*.whl" >/dev/null &&
    compgen -G "$wheels/setuptools-*.whl" >/dev/null; then
    hooks=$work/mirror
    cp -r "$project/pre-commit-mirror" "$hooks"
    git -C "$hooks" init --quiet
    git -C "$hooks" add -A
    git -C "$hooks" -c user.email=t@example.invalid -c user.name=t \
      -c commit.gpgsign=false commit --quiet -m mirror
    check "the mirror pins the wheel of this version ($version)" \
      grep -q "\"mtlint==$version\"" "$hooks/pyproject.toml"
    # No index (the wheels come from target/wheels) and no cargo: nothing is compiled.
    nocargo=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v '\.cargo/bin' | paste -sd: -)
    try_wheel() { PATH=$nocargo PIP_NO_INDEX=1 PIP_FIND_LINKS=$wheels try_repo "$@"; }
    start=$(date +%s)
    wdirty=$(new_repo wheel-dirty article.txt "$BAD" notes.md "$CLEAN")
    check "python hooks fail on a file with artifacts" fails try_wheel "$wdirty"
    check "python mtlint failed, naming the rule" \
      output_has '^mtlint\.+Failed$' "punctuation/doubled-period"
    check "python mtlint-fix rewrote the file" \
      output_has '^mtlint \(fix\)\.+Failed$' "files were modified by this hook"
    check "the file holds the fixed text" test "$(cat "$wdirty/article.txt")"$'\n' = "$FIXED"
    wclean=$(new_repo wheel-clean notes.md "$CLEAN" script.py "# left. ."$'\n')
    check "python hooks pass on clean prose" try_wheel "$wclean"
    check "pre-commit reports both passed" \
      output_has '^mtlint\.+Passed$' '^mtlint \(fix\)\.+Passed$'
    echo "     (python hooks from the wheel: $(($(date +%s) - start)) s)"
  else
    echo "SKIPPED: no mtlint $version wheel and setuptools wheel in target/wheels (run" >&2
    echo "SKIPPED: tests/wheel.sh, .ci/run): the language: python hooks were NOT tested" >&2
  fi
else
  echo "SKIPPED: pre-commit is not installed (pip install pre-commit); the pre-commit" >&2
  echo "SKIPPED: hooks in .pre-commit-hooks.yaml were NOT tested" >&2
fi

# ---------------------------------------------------------------- plain git hook
bin=${MTLINT:-$project/target/debug/mtlint}
if [ ! -x "$bin" ]; then
  (cd "$project" && cargo build --quiet --bin mtlint)
fi
hook=$(awk '/<!-- git-pre-commit-hook -->/ {found = 1; next}
            found && /^```/ { if (inside) exit; inside = 1; next }
            inside { print }' "$project/README.md")
check "the README has the git hook snippet" test -n "$hook"
plain=$(new_repo plain notes.md "$CLEAN")
printf '%s\n' "$hook" >"$plain/.git/hooks/pre-commit"
chmod +x "$plain/.git/hooks/pre-commit"
mkdir -p "$work/bin"
ln -s "$bin" "$work/bin/mtlint"
commit() { # commit REPO: its exit status; output in $work/out
  (cd "$1" && PATH="$work/bin:$PATH" git commit --quiet -m test) >"$work/out" 2>&1
}
check "git hook lets a clean commit through" commit "$plain"
printf '%s' "$BAD" >"$plain/article.txt"
git -C "$plain" add article.txt
check "git hook stops a commit with artifacts" fails commit "$plain"
check "and shows the problem" grep -qF "punctuation/doubled-period" "$work/out"
printf '%s' "$CLEAN" >"$plain/article.txt"
printf '%s' "left. ." >"$plain/code.py"
git -C "$plain" add article.txt code.py
check "git hook only looks at prose files" commit "$plain"

echo "pre-commit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
