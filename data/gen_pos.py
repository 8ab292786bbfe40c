#!/usr/bin/env python3
"""Build data/pos.fst: every single-word lemma of WordNet 3.0 -> its parts of speech.

Source: Debian package `wordnet-base` (WordNet 3.0, Princeton University; WordNet
licence, see data/LICENSE-wordnet.txt). Fetched with `apt-get download` and unpacked
into a temporary directory; nothing is installed.

    python3 data/gen_pos.py

Value bits: 1 noun, 2 verb, 4 adjective (satellites included), 8 adverb. Keys are
lowercase, letters and inner hyphens or apostrophes only. The irregular forms of the
exception lists (`noun.exc`, `verb.exc`, `adj.exc`: `men`, `went`, `better`) get the
part of speech of their base. Regular inflections (`families`, `concerned`) are left to
the reader (`src/knowledge/pos.rs`).
"""
import os
import re
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, build_fst, debian_package  # noqa: E402

BITS = {"noun": 1, "verb": 2, "adj": 4, "adv": 8}
WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")


def load(tmp):
    """Fetch WordNet into `tmp`; return its version and the word -> bits map."""
    pos = {}
    version, root = debian_package("wordnet-base", tmp)
    d = os.path.join(root, "usr/share/wordnet")
    for name, bit in BITS.items():
        with open(os.path.join(d, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue  # licence header
                lemma = line.split(" ", 1)[0]
                if WORD.match(lemma):
                    pos[lemma] = pos.get(lemma, 0) | bit
    for name, bit in BITS.items():
        exc = os.path.join(d, name + ".exc")
        if not os.path.exists(exc):
            continue
        with open(exc, encoding="latin-1") as f:
            for line in f:
                form, *bases = line.split()
                if WORD.match(form) and any(b in pos for b in bases):
                    pos[form] = pos.get(form, 0) | bit
    return version, pos


def main():
    with tempfile.TemporaryDirectory() as tmp:
        version, pos = load(tmp)
    print(f"wordnet-base {version}")
    build_fst(pos, os.path.join(ROOT, "data", "pos.fst"))


if __name__ == "__main__":
    main()
