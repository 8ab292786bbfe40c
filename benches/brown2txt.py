#!/usr/bin/env python3
"""Turn Brown Corpus files (tagged, tokenised: `The/at jury/nn said/vbd ./.`) back into
plain edited English for the accuracy corpus: tags dropped, tokens joined with English
spacing (no space before `,` `.` `;` `:` `?` `!` `)` or a closing quote, none after an
opening one), ``` `` ``` and `''` as curly double quotes, `` ` `` and `'` as single
ones, `--` as an em dash; a sentence that ends with an abbreviation keeps its one
period (the corpus adds a second token). A paragraph is a run of lines between blank lines (one
sentence a line); headlines (tags ending in `-hl`) become paragraphs of their own.
Standard library only.

usage: brown2txt.py OUT.txt FILE...
"""
import sys

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "”", "’", "'s", "n't"}
NO_SPACE_AFTER = {"“", "(", "[", "‘", "$"}


def detokenise(tokens):
    out = ""
    glue = True  # no space before the next token
    previous = None
    for word in tokens:
        word = {"``": "“", "''": "”", "`": "‘", "'": "’", "--": "—"}.get(word, word)
        # The corpus writes some marks twice as two tokens (`?/. ?/.`, `3/cd ,/, ,/,`).
        if word == previous and word in {"?", "!", ",", ";", ":"}:
            continue
        previous = word
        # An abbreviation that ends a sentence keeps one period (`Jr./np ./.`).
        if word == "." and out.endswith("."):
            continue
        if word == "—":
            out += word
            glue = True
            continue
        if not glue and word not in NO_SPACE_BEFORE:
            out += " "
        out += word
        glue = word in NO_SPACE_AFTER
    return out


def tokens_of(line):
    tokens, headline = [], False
    for item in line.split():
        word, _, tag = item.rpartition("/")
        if not word:
            continue
        headline = headline or tag.endswith("-hl")
        tokens.append(word)
    return tokens, headline


def paragraphs(source):
    for block in source.split("\n\n"):
        para = []
        for line in block.split("\n"):
            if not line.strip():
                continue
            tokens, headline = tokens_of(line)
            if headline:
                if para:
                    yield detokenise(para)
                    para = []
                yield detokenise(tokens)
            else:
                # Sentences are joined token by token: a closing quote may stand on a
                # line of its own.
                para.extend(tokens)
        if para:
            yield detokenise(para)


def main():
    out, files = sys.argv[1], sys.argv[2:]
    texts = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            texts.append("\n\n".join(paragraphs(f.read())))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n\n\n".join(texts) + "\n")


if __name__ == "__main__":
    main()
