#!/usr/bin/env bash
# The README's archive sweep, run for real: mtlint as a stage of Spark (`RDD.pipe`) in
# local mode, over the many-files benchmark corpus split into 4 partitions. Checks that
# the merged JSON Lines equal one sequential run (both sorted) and prints the wall time
# next to mtlint's own `-j 2` run. Installs PySpark from PyPI into target/spark-venv and,
# when there is no `java`, a Java runtime from Debian; not part of .ci/run (the download
# is about 450 MB).
#   bash benches/spark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
pyspark_version=4.3.0
cargo build --release --quiet
bin=$PWD/target/release/mtlint
corpus=$PWD/target/bench-corpus
if [ ! -d "$corpus/many" ]; then
  cargo bench --quiet --bench throughput -- generate "$corpus"
fi
if ! command -v java > /dev/null; then
  apt-get install -y --no-install-recommends openjdk-17-jre-headless
fi
venv=target/spark-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet "pyspark==$pyspark_version"
echo "PySpark $("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)'), $(java -version 2>&1 | head -n 1)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$corpus/many" -type f -name '*.txt' | sort > "$tmp/file-list.txt"
echo "$(wc -l < "$tmp/file-list.txt") files, $(du -sh "$corpus/many" | cut -f1)"

# The README's three lines, with local paths and a local master on every core.
cat > "$tmp/sweep.py" << 'EOF'
import sys
from pyspark import SparkContext
file_list, command, out = sys.argv[1:]
sc = SparkContext(master="local[*]", appName="mtlint-sweep")
sc.setLogLevel("ERROR")
paths = sc.textFile("file://" + file_list, minPartitions=4)
findings = paths.pipe(command)
findings.saveAsTextFile("file://" + out)
print("partitions:", paths.getNumPartitions())
sc.stop()
EOF
command="$bin --format json --fail-on never --files-from -"
start=$(date +%s%N)
"$venv/bin/python" "$tmp/sweep.py" "$tmp/file-list.txt" "$command" "$tmp/spark-out" 2> "$tmp/spark.log" \
  || { cat "$tmp/spark.log" >&2; exit 1; }
spark_ms=$((($(date +%s%N) - start) / 1000000))
cat "$tmp"/spark-out/part-* | LC_ALL=C sort > "$tmp/spark.jsonl"

start=$(date +%s%N)
$command -j 2 < "$tmp/file-list.txt" > "$tmp/j2.jsonl"
j2_ms=$((($(date +%s%N) - start) / 1000000))
$command -j 1 < "$tmp/file-list.txt" | LC_ALL=C sort > "$tmp/sequential.jsonl"

if cmp -s "$tmp/spark.jsonl" "$tmp/sequential.jsonl"; then
  echo "merged Spark output equals the sequential run: $(wc -l < "$tmp/spark.jsonl") JSON lines"
else
  echo "Spark output differs from the sequential run:" >&2
  diff "$tmp/spark.jsonl" "$tmp/sequential.jsonl" | head -n 20 >&2
  exit 1
fi
echo "wall time: Spark local mode, 4 partitions: $spark_ms ms; mtlint -j 2: $j2_ms ms"
