#!/usr/bin/env python3
"""Regenerate the word lists used by `glued_words.rs` and `untranslated.rs`.

Source: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson), as shipped by
Debian's `scowl` and `wamerican-insane`/`wbritish-insane` packages (2020.12.07):

    apt-get install scowl wamerican-insane wbritish-insane
    python3 src/text/data/gen_words.py

Licence: see SCOWL-COPYRIGHT.txt beside this file (permissive, notice kept).

english-words.txt: the lowercase ASCII words of SCOWL sizes 10, 20 and 35 (common
English, American and British spellings; no possessives). Front-coded to stay small:
each line is a three-letter key and the endings of the words that start with it
(`.` for the key itself), so `abo . ut ve` holds `abo`, `about`, `above`. Lines whose
key is shorter hold one word. A `*` before an entry marks a word of sizes 10 and 20,
the most frequent ones (`abo *ut` holds `about`, a frequent word).

glued-exceptions.txt: every word of the big dictionaries (SCOWL up to size 95, proper
names included, lowercased) that is not in english-words.txt yet splits into two of its
words the way `glued_words.rs` splits a token (`errand`, `therefrom`): real words the
check must never flag.
"""
import glob
import os
import re

D = "/usr/share/dict/scowl/"


def load(files, pattern=r"[a-z]+", lower=False):
    out = set()
    for f in files:
        if not os.path.exists(f):
            continue
        for w in open(f, encoding="utf-8", errors="replace"):
            w = w.strip()
            if w.endswith("'s"):
                continue
            if lower:
                w = w.lower()
            if re.fullmatch(pattern, w):
                out.add(w)
    return out


VARIANTS = ["english", "american", "british"]
common = load([D + f"{v}-words.{n}" for v in VARIANTS for n in (10, 20, 35)])
top = load([D + f"{v}-words.{n}" for v in VARIANTS for n in (10, 20)])
big = load(
    ["/usr/share/dict/american-english-insane", "/usr/share/dict/british-english-insane"]
    + glob.glob(D + "*-words.*")
    + glob.glob(D + "*-upper.*")
    + glob.glob(D + "*proper-names*"),
    pattern=r"[a-z]+",
    lower=True,
)

# Keep in step with GLUE_AFTER / GLUE_BEFORE in glued_words.rs.
GLUE_AFTER = "and the of said that with from for which were was has have had will would this their they but are when".split()
GLUE_BEFORE = "the and of".split()


def splits(t):
    return [
        (t[:i], t[i:])
        for i in range(2, len(t) - 1)
        if t[:i] in common and t[i:] in common and (t[i:] in GLUE_AFTER or t[:i] in GLUE_BEFORE)
    ]


here = os.path.dirname(os.path.abspath(__file__))
lines = {}
for w in sorted(common):
    key = w[:3]
    mark = "*" if w in top else ""
    if len(w) < 3:
        lines.setdefault(w, []).append(mark + ".")
    else:
        lines.setdefault(key, []).append(mark + (w[3:] or "."))
with open(os.path.join(here, "english-words.txt"), "w") as f:
    for key in sorted(lines):
        f.write(key + " " + " ".join(lines[key]) + "\n")
with open(os.path.join(here, "glued-exceptions.txt"), "w") as f:
    f.write("\n".join(sorted(w for w in big if w not in common and splits(w))) + "\n")
