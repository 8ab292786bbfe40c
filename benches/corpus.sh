#!/bin/sh
# Fetch the clean-prose corpus for the accuracy benchmark (benches/accuracy.rs) from
# Debian's package archive and turn it into Markdown under target/corpus/ (cached:
# nothing is fetched again once the files are there).
#
#   debian-handbook  "The Debian Administrator's Handbook" (Hertzog & Mas), the
#                    en-US HTML edition of a published, copy-edited book
#   python3.11-doc   the Python 3.11 tutorial, HOWTOs, FAQ, language reference,
#                    "Using Python", "Extending and Embedding" and "What's New"
#                    (without the generated changelog)
#
# Needs apt-get (run `apt-get update` once first), dpkg-deb and python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${MTLINT_CORPUS_DIR:-"$here/../target/corpus"}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work="$out/work"

fetch() { # package → extracted tree under $work/$1
    [ -d "$work/$1" ] && return 0
    mkdir -p "$work"
    (cd "$work" && apt-get download "$1" >/dev/null 2>&1 || apt-get download "$1")
    dpkg-deb -x "$work/$1"_*.deb "$work/$1"
}

if [ ! -s "$out/debian-handbook.md" ]; then
    fetch debian-handbook
    python3 "$here/html2md.py" "$out/debian-handbook.md" \
        "$work"/debian-handbook/usr/share/doc/debian-handbook/html/en-US/*.html
fi
if [ ! -s "$out/python-docs.md" ]; then
    fetch python3.11-doc
    d="$work/python3.11-doc/usr/share/doc/python3.11/html"
    python3 "$here/html2md.py" "$out/python-docs.md" \
        "$d"/tutorial/*.html "$d"/howto/*.html "$d"/faq/*.html "$d"/reference/*.html \
        "$d"/using/*.html "$d"/extending/*.html \
        $(ls "$d"/whatsnew/*.html | grep -v changelog)
fi
wc -w "$out"/*.md
