#!/usr/bin/env python3
"""Build data/wordfreq.fst: word -> its frequency in English and eight MT source languages.

Source: PyPI package `wordfreq` (3.1.1; code Apache-2.0, data CC-BY-SA 4.0 by Robyn
Speer and the sources listed in data/LICENSE-wordfreq.txt):

    pip install wordfreq==3.1.1
    python3 data/gen_wordfreq.py

Keys: every lowercase word (letters, inner apostrophes or hyphens) with a Zipf
frequency of at least 3.0 (once per million words) in one of the languages. Value: for
each language of LANGS in order, 4 bits holding round(2 * Zipf), at most 15 (0 = under
0.25 or absent), the first language in the lowest bits. Read by `src/knowledge/freq.rs`.
"""
import importlib.metadata
import math
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, build_fst  # noqa: E402

LANGS = ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr"]
MIN_ZIPF = 3.0
WORD = re.compile(r"^[^\W\d_]+(?:['-][^\W\d_]+)*$")


def main():
    import wordfreq

    print(f"wordfreq {importlib.metadata.version('wordfreq')} (PyPI)")
    zipf = {}
    for lang in LANGS:
        table = {}
        for word, freq in wordfreq.get_frequency_dict(lang, wordlist="small").items():
            if freq > 0 and WORD.match(word) and len(word.encode()) <= 40:
                table[word] = math.log10(freq) + 9
        zipf[lang] = table
    keys = {w for t in zipf.values() for w, z in t.items() if z >= MIN_ZIPF}
    out = {}
    for w in keys:
        value = 0
        for i, lang in enumerate(LANGS):
            z = min(15, max(0, round(2 * zipf[lang].get(w, 0.0))))
            value |= z << (4 * i)
        out[w] = value
    build_fst(out, os.path.join(ROOT, "data", "wordfreq.fst"))


if __name__ == "__main__":
    main()
