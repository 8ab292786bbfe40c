#!/usr/bin/env python3
"""Calibrate and measure the per-document score (src/score.rs).

usage: python3 benches/score.py [PATH/TO/mtlint]   (default: target/release/mtlint)

Calibration, on the project's own texts:
  clean  the precision corpus of benches/corpus.sh (run it first; target/corpus/), cut
         into documents of about 600 words at paragraph breaks (never inside a fenced
         code block), written to target/score-calibration/; plus samples/clean*.txt and
         tests/precision/*.txt
  MT     the machine-translation-style passages the team wrote: samples/from-*.txt,
         samples/translation.txt and tests/recall/*.txt
It prints the distribution of clean scores (the verdict thresholds are set from it), the
scores of the MT passages and the ROC AUC between the two.

Measurement, on the development set ../shared/devset/ if it is there (skipped if not):
passage-*.txt (machine translation) against clean-*.txt: ROC AUC, the lowest threshold
that misclassifies no clean file and how many passages reach it, and the verdicts.
Nothing of the development set is written anywhere.

The linter runs as a sweep would: `mtlint --no-config --format json`, default rules.
"""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHUNK_WORDS = 600
DEVSET = os.path.join(ROOT, "..", "shared", "devset")


def scores(binary, paths):
    """path -> file record, from one run over `paths` (listed with --files-from -)."""
    out = subprocess.run(
        [binary, "--no-config", "--format", "json", "--files-from", "-"],
        input="\n".join(paths), capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"score.py: mtlint exited {out.returncode}: {out.stderr[:400]}")
    records = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        if r.get("type") == "file":
            records[r["path"]] = r
    return records


def chunks(path):
    """The paragraphs of a corpus file, grouped into documents of ~CHUNK_WORDS words."""
    fence = re.compile(r"^\s*(```|~~~)")
    text = open(path, encoding="utf-8").read()
    docs, current, words, in_code = [], [], 0, False
    for line in text.split("\n"):
        if fence.match(line):
            in_code = not in_code
        current.append(line)
        words += len(line.split())
        if not line.strip() and not in_code and words >= CHUNK_WORDS:
            docs.append("\n".join(current).strip("\n") + "\n")
            current, words = [], 0
    if words >= CHUNK_WORDS / 3:
        docs.append("\n".join(current).strip("\n") + "\n")
    return docs


def corpus_documents():
    out = os.path.join(ROOT, "target", "score-calibration")
    corpus = os.path.join(ROOT, "target", "corpus")
    paths = []
    for src in sorted(glob.glob(os.path.join(corpus, "*", "*.md"))
                      + glob.glob(os.path.join(corpus, "*", "*.txt"))):
        genre = os.path.basename(os.path.dirname(src))
        base, ext = os.path.splitext(os.path.basename(src))
        os.makedirs(os.path.join(out, genre), exist_ok=True)
        for i, doc in enumerate(chunks(src)):
            p = os.path.join(out, genre, f"{base}-{i:04}{ext}")
            if not os.path.exists(p):
                with open(p, "w", encoding="utf-8") as fh:
                    fh.write(doc)
            paths.append(p)
    return paths


def auc(positives, negatives):
    """ROC AUC: the chance that a positive outscores a negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def summary(name, values):
    values = sorted(values)
    print(f"  {name}: {len(values)} documents; median {percentile(values, .5):.2f}, "
          f"90% {percentile(values, .9):.2f}, 99% {percentile(values, .99):.2f}, "
          f"99.5% {percentile(values, .995):.2f}, max {values[-1]:.2f}")


def verdicts(records):
    counts = {}
    for r in records:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    return ", ".join(f"{v} {counts.get(v, 0)}" for v in ("clean", "edited", "raw MT"))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "mtlint")
    os.chdir(ROOT)
    corpus = corpus_documents()
    if not corpus:
        print("score.py: no corpus in target/corpus/ (run benches/corpus.sh); calibrating "
              "on samples/ and tests/ only")
    own_clean = sorted(glob.glob("samples/clean*.txt") + glob.glob("tests/precision/*.txt"))
    own_mt = sorted(glob.glob("samples/from-*.txt") + ["samples/translation.txt"]
                    + glob.glob("tests/recall/*.txt"))
    rec = scores(binary, [os.path.relpath(p, ROOT) for p in corpus] + own_clean + own_mt)
    clean = [r for p, r in rec.items() if p not in own_mt]
    mt = [rec[p] for p in own_mt]
    print("Calibration (the project's own texts)")
    by_genre = {}
    for r in clean:
        genre = r["path"].split("/")[2] if r["path"].startswith("target/") else "samples+tests"
        by_genre.setdefault(genre, []).append(r["score"])
    for genre, values in sorted(by_genre.items()):
        summary(f"clean {genre}", values)
    summary("clean, all", [r["score"] for r in clean])
    print(f"  clean verdicts: {verdicts(clean)}")
    summary("MT passages", [r["score"] for r in mt])
    print(f"  MT verdicts: {verdicts(mt)}")
    print(f"  ROC AUC (MT passages vs clean documents): "
          f"{auc([r['score'] for r in mt], [r['score'] for r in clean]):.4f}")

    if not os.path.isdir(DEVSET):
        print("Development set: ../shared/devset not found; skipped")
        return
    passages = sorted(glob.glob(os.path.join(DEVSET, "passage-*.txt")))
    cleans = sorted(glob.glob(os.path.join(DEVSET, "clean-*.txt")))
    rec = scores(binary, passages + cleans)
    pos = [rec[p]["score"] for p in passages]
    neg = [rec[p]["score"] for p in cleans]
    threshold = max(neg)
    above = sum(s > threshold for s in pos)
    print("Measurement (development set, ../shared/devset)")
    print(f"  {len(passages)} MT passages, {len(cleans)} clean files")
    print(f"  ROC AUC: {auc(pos, neg):.4f}")
    print(f"  highest clean score {threshold:.2f}: a threshold above it misclassifies no "
          f"clean file and flags {above} of {len(pos)} passages")
    print(f"  passages: median {percentile(pos, .5):.2f}, lowest {min(pos):.2f}; "
          f"verdicts: {verdicts([rec[p] for p in passages])}")
    print(f"  clean files: verdicts: {verdicts([rec[p] for p in cleans])}")


main()
