#!/usr/bin/env bash
# The pre-commit integrations, exercised with the real tools in temporary git repositories:
#  1. `.pre-commit-hooks.yaml` through the real `pre-commit try-repo` (which `cargo install`s
#     this project the way a user's pre-commit does);
#  2. the plain git hook documented in the README (extracted from the README itself, so the
#     documentation cannot drift from what is tested).
# Prints `N passed, N failed` at the end; exits 1 if any check failed.
# Skips part 1 loudly if `pre-commit` is not installed (.ci/run installs it).
#
# Speed: pre-commit builds the hook with `cargo install` (a release build). Here the
# release profile is made cheap (no LTO, no optimisation: the test lints a few lines)
# and its target directory is kept in target/pre-commit-hook, so a warm run rebuilds
# only mtlint itself, once: the project is snapshotted into a clean commit, so every
# `try-repo` below reuses the one environment pre-commit installed.
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
  try_repo() { # try_repo REPO HOOK: run the hook on every file of REPO; its exit status
    (cd "$1" && pre-commit try-repo "$snapshot" "$2" --all-files --color never) \
      >"$work/out" 2>&1
  }
  output_has() { grep -qF -- "$1" "$work/out" || { cat "$work/out"; false; }; }

  start=$(date +%s)
  dirty=$(new_repo dirty article.txt "$BAD" notes.md "$CLEAN")
  check "mtlint hook fails on a file with artifacts" fails try_repo "$dirty" mtlint
  echo "     (hook environment installed in $(($(date +%s) - start)) s)"
  check "its output names the rule" output_has "punctuation/doubled-period"
  check "pre-commit reports the hook failed" output_has "Failed"

  # A file mtlint does not lint (not in the hook's `files`) is never passed to it.
  clean=$(new_repo clean notes.md "$CLEAN" page.html "<p>$CLEAN</p>" script.py "# left. ."$'\n')
  check "mtlint hook passes on clean prose and skips other files" try_repo "$clean" mtlint
  check "pre-commit reports it passed" output_has "Passed"

  fixme=$(new_repo fixme article.txt "$BAD")
  check "mtlint-fix hook fails when it changed a file" fails try_repo "$fixme" mtlint-fix
  check "pre-commit reports the files were modified" output_has "files were modified by this hook"
  check "the file holds the fixed text" test "$(cat "$fixme/article.txt")"$'\n' = "$FIXED"
  git -C "$fixme" add -A
  check "mtlint-fix passes on the fixed file" try_repo "$fixme" mtlint-fix
  echo "     (pre-commit part: $(($(date +%s) - start)) s)"
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

echo "pre-commit integrations: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
