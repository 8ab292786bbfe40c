#!/usr/bin/env python3
"""Build data/confusion.fst: the bigram evidence of the confusion pairs in
rules/false-friend/confusion-pairs.toml, for `false-friend/confusion-pair`.

Sources: Debian `pocketsphinx-en-us` (CMU's en-us 3-gram model `en-us.lm.bin`;
BSD-2-Clause, see data/LICENSE-pocketsphinx.txt), read with PyPI `pocketsphinx` 5.1.1
(`pip install pocketsphinx==5.1.1`), as in gen_compounds.py.

    python3 data/gen_confusion.py                        # write data/confusion.fst
    python3 data/gen_confusion.py --calibrate target/corpus   # and score clean text

For a pair (word W, alternative A) and the words around an occurrence, P before and N
after (`<s>` and `</s>` where punctuation or a line break stands there), the check
computes, in log10 units,

    D = [log P(A | P) - log P(W | P)] + [log P(N | A) - log P(N | W)]

with the model's back-off probabilities. The table holds, keyed "W A L P" and
"W A R N", each term for every P and N the model has an explicit bigram with W or A,
and under "W A L " and "W A R " the term for all other words (the unigram ratio on the
left, the ratio of back-off weights on the right). Terms within 0.2 of that default
are left out. Values are round(10 * term) + 2000.

With --calibrate DIR, it also scores every lowercase use of each word in the .txt and
.md files under DIR (the text is taken to be correct there) and, as LanguageTool does,
every use of each alternative with the word put in its place (the errors the pair
should find), and prints for each pair the highest score of a correct use, the factor
that clears it (that score + 0.5, at least 1.0) and the share of the errors the pair
finds at that factor and at the factor in the file.
"""
import importlib.metadata
import os
import re
import sys
import tempfile
import tomllib

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, build_fst, debian_package, sha256  # noqa: E402
from gen_compounds import LOG10, bigrams  # noqa: E402

PAIRS = os.path.join(ROOT, "rules", "false-friend", "confusion-pairs.toml")
OFFSET = 2000
PRUNE = 0.2


def load_pairs():
    with open(PAIRS, "rb") as f:
        return tomllib.load(f)["pair"]


def table(model, pairs, explicit):
    def p(*words):
        return model.prob(list(words)) * LOG10

    before, after = {}, {}
    for x, y in explicit:
        after.setdefault(x, set()).add(y)
        before.setdefault(y, set()).add(x)
    out = {}
    for pair in pairs:
        w, a = pair["word"], pair["alternative"]
        left = before.get(w, set()) | before.get(a, set())
        right = after.get(w, set()) | after.get(a, set())
        # A word after neither: P(N | X) is then bow(X) P(N).
        other = next(v for v in ("zygote", "xylophone", "quasar") if v not in right)
        default_l = p(a) - p(w)
        default_r = p(other, a) - p(other, w)
        out[f"{w} {a} L "] = round(10 * default_l) + OFFSET
        out[f"{w} {a} R "] = round(10 * default_r) + OFFSET
        for c in left:
            d = p(a, c) - p(w, c)
            if abs(d - default_l) >= PRUNE:
                out[f"{w} {a} L {c}"] = round(10 * d) + OFFSET
        for c in right:
            d = p(c, a) - p(c, w)
            if abs(d - default_r) >= PRUNE:
                out[f"{w} {a} R {c}"] = round(10 * d) + OFFSET
    return out


def score(tab, w, a, prev, nxt):
    left = tab.get(f"{w} {a} L {prev}", tab[f"{w} {a} L "])
    right = tab.get(f"{w} {a} R {nxt}", tab[f"{w} {a} R "])
    return (left + right - 2 * OFFSET) / 10


# A word with inner apostrophes or hyphens, or one other non-space character.
TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*|\s+|[^\sA-Za-z0-9]")


def contexts(path):
    """(prev, word, next) for every word of the file, as the check sees them: the
    neighbour across one space, lowercased, else `<s>` / `</s>`."""
    with open(path, encoding="utf-8", errors="replace") as f:
        toks = TOKEN.findall(f.read())
    for i, t in enumerate(toks):
        if not t[0].isalnum():
            continue
        prev = "<s>"
        if i >= 2 and toks[i - 1] == " " and toks[i - 2][0].isalnum():
            prev = toks[i - 2].lower().replace("’", "'")
        nxt = "</s>"
        if i + 2 < len(toks) and toks[i + 1] == " " and toks[i + 2][0].isalnum():
            nxt = toks[i + 2].lower().replace("’", "'")
        yield prev, t, nxt


def calibrate(tab, pairs, corpus):
    words = {}
    for pair in pairs:
        words.setdefault(pair["word"], []).append(pair)
        words.setdefault(pair["alternative"], []).append(pair)
    seen = {}
    for root, dirs, names in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if d != "work")  # benches/corpus.sh's downloads
        for name in sorted(names):
            if name.endswith((".txt", ".md")):
                for prev, t, nxt in contexts(os.path.join(root, name)):
                    if t in words:
                        seen.setdefault(t, []).append((prev, nxt))
    # After `a`/`an` the check asks about the article the alternative takes.
    def fit(prev, a):
        return ("an" if a[0] in "aeio" else "a") if prev in ("a", "an") else prev

    print(f"{'word':>14} {'alternative':<14} {'uses':>5} {'max':>5} {'clears':>6} "
          f"{'errors':>6} {'recall':>6} {'factor':>6} {'recall':>6}")
    for pair in pairs:
        w, a = pair["word"], pair["alternative"]
        clean = [score(tab, w, a, fit(p, a), n) for p, n in seen.get(w, [])]
        errors = [score(tab, w, a, fit(p, a), n) for p, n in seen.get(a, [])]
        top = max(clean, default=-9.9)
        clears = max(1.0, round(top + 0.5, 1))

        def recall(f):
            return sum(e >= f for e in errors) / max(1, len(errors))

        fired = sum(c >= pair["factor"] for c in clean)
        print(f"{w:>14} {a:<14} {len(clean):5d} {top:5.1f} {clears:6.1f} {len(errors):6d} "
              f"{recall(clears):6.2f} {pair['factor']:6.1f} {recall(pair['factor']):6.2f}"
              + (f"  FIRES {fired}x ON CLEAN TEXT" if fired else ""))


def main():
    from pocketsphinx import NGramModel

    pairs = load_pairs()
    with tempfile.TemporaryDirectory() as tmp:
        version, root = debian_package("pocketsphinx-en-us", tmp)
        lm = os.path.join(root, "usr/share/pocketsphinx/model/en-us/en-us.lm.bin")
        print(f"pocketsphinx-en-us {version}, en-us.lm.bin sha256 {sha256(lm)}")
        print(f"pocketsphinx {importlib.metadata.version('pocketsphinx')} (PyPI)")
        model = NGramModel.readfile(lm)
        explicit = bigrams(lm, tmp)
    print(f"{len(explicit)} bigrams read, {len(pairs)} pairs")
    tab = table(model, pairs, explicit)
    build_fst(tab, os.path.join(ROOT, "data", "confusion.fst"))
    if len(sys.argv) == 3 and sys.argv[1] == "--calibrate":
        calibrate(tab, pairs, sys.argv[2])


if __name__ == "__main__":
    main()
