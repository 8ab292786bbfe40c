#!/usr/bin/env python3
"""Build data/of-compounds.fst: "X of Y" phrases that English says as the compound "Y X".

Sources:
- Debian package `pocketsphinx-en-us` (CMU Sphinx US English 3-gram model
  `en-us.lm.bin`, 72,547 words; BSD-2-Clause, see data/LICENSE-pocketsphinx.txt),
  fetched with `apt-get download` into a temporary directory;
- PyPI package `pocketsphinx` (5.1.1), whose `NGramModel` reads that model and answers
  n-gram queries with back-off (`pip install pocketsphinx==5.1.1`);
- Debian package `wordnet-base` for which words are nouns (see gen_pos.py).

    python3 data/gen_compounds.py

The candidates are the model's explicit bigrams "Y X" whose two words are nouns
(X may be plural; Y is singular and never an adjective, as in `old`, `human`), neither
rarer than one in a million words. For each, in log10 units:

    D = [log P(Y) + log P(X | Y)] - [log P(X) + log P(of | X) + log P(Y | X of)]

how much more probable the compound "Y X" is than the phrase "X of Y". Pairs with
D >= 3.0 are kept, keyed "x y" (the order of the phrase in the text), valued
round(10 * D) (at most 255). The check picks its own threshold above that floor.

The bigram list is read from the model's ARPA export, which the library writes
correctly up to the end of the bigram section and then crashes on (the probabilities
it writes are wrong, so they are queried instead); the few bigrams still in the
crashed writer's buffer are lost, the same ones every run.
"""
import importlib.metadata
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pos  # noqa: E402
from common import ROOT, build_fst, debian_package, sha256  # noqa: E402

LOG10 = 4.3427276862669e-05  # the model's log base is 1.0001
FLOOR = 3.0
RARE = -6.0  # log10 unigram probability under which a word is left out

# Function words WordNet also lists as nouns (`a`, `it`, `will`, `us`).
FUNCTION = set("""a an the i it he she we they you me him her us them my his its our
their your this that these those who whom what which will can may might must shall
should would could do does did be is are was were am been being have has had not no
yes or and but if so as at by for from in into of off on onto out over to up upon
with all any some each every both either neither one two three four five six seven
eight nine ten hundred thousand million billion per via vs etc""".split())


def noun(w, pos):
    if pos.get(w, 0) & 1:
        return True
    for suffix, base in (("ies", "y"), ("ses", "s"), ("xes", "x"), ("zes", "z"),
                         ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("s", "")):
        if w.endswith(suffix) and pos.get(w[: -len(suffix)] + base, 0) & 1:
            return True
    return False


def bigrams(lm, tmp):
    """The model's explicit bigrams, from its (partly broken) ARPA export."""
    arpa = os.path.join(tmp, "en-us.arpa")
    code = ("from pocketsphinx import NGramModel as M; import sys; "
            "M.readfile(sys.argv[1]).write(sys.argv[2], M.str_to_type('arpa'))")
    subprocess.run([sys.executable, "-c", code, lm, arpa], stderr=subprocess.DEVNULL)
    out = []
    section = None
    with open(arpa, encoding="latin-1") as f:
        for line in f:
            if line.startswith("\\"):
                section = line.strip()
                continue
            if section == "\\2-grams:":
                parts = line.split()
                if len(parts) >= 3:
                    out.append((parts[1], parts[2]))
    return out


def main():
    from pocketsphinx import NGramModel

    with tempfile.TemporaryDirectory() as tmp:
        version, root = debian_package("pocketsphinx-en-us", tmp)
        wn_version, pos = gen_pos.load(tmp)
        lm = os.path.join(root, "usr/share/pocketsphinx/model/en-us/en-us.lm.bin")
        print(f"pocketsphinx-en-us {version}, en-us.lm.bin sha256 {sha256(lm)}")
        print(f"pocketsphinx {importlib.metadata.version('pocketsphinx')} (PyPI)")
        print(f"wordnet-base {wn_version}")
        model = NGramModel.readfile(lm)
        pairs = bigrams(lm, tmp)
    print(f"{len(pairs)} bigrams read")

    def p(*words):
        return model.prob(list(words)) * LOG10

    ok = {}

    def usable(w, singular):
        if w not in ok:
            ok[w] = (w.isalpha() and w.isascii() and len(w) > 2 and w not in FUNCTION
                     and noun(w, pos))
        return ok[w] and (not singular or pos.get(w, 0) & 5 == 1)

    table = {}
    for y, x in pairs:
        if x == y or not usable(y, True) or not usable(x, False):
            continue
        if p(x) < RARE or p(y) < RARE:
            continue
        d = (p(y) + p(x, y)) - (p(x) + p("of", x) + p(y, "of", x))
        if d >= FLOOR:
            table[f"{x} {y}"] = min(255, round(10 * d))
    build_fst(table, os.path.join(ROOT, "data", "of-compounds.fst"))


if __name__ == "__main__":
    main()
