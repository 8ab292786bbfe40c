#!/usr/bin/env python3
"""Turn the HTML pages of a published book into Markdown prose for the accuracy corpus.

Prose blocks (paragraphs, list items, headings, definitions) become Markdown paragraphs,
a list item's with a `- ` marker;
inline code, commands, file names and user input become code spans (which mtlint's
Markdown mode does not lint); preformatted blocks, tables, navigation, scripts and
index anchors are dropped. Standard library only.

usage: html2md.py OUT.md FILE.html...
"""
import html.parser
import re
import sys

SKIP = {"pre", "script", "style", "head", "table", "nav", "math", "svg", "button", "form"}
SKIP_CLASSES = {
    "docnav", "navheader", "navfooter", "related", "sphinxsidebar", "footer",
    "headerlink", "highlight", "indexterm", "toc", "breadcrumb", "doctest",
    "sidebar-title", "title-head", "legalnotice", "copyright", "authorgroup",
    "footnotes", "index", "glossary", "printonly", "line-block", "cmdsynopsis",
    "synopsis", "funcsynopsis", "highlight-python3", "highlight-pycon",
    "highlight-c", "highlight-none", "highlight-text", "highlight-sh", "highlight-shell",
    "highlight-bash", "highlight-ini", "highlight-default", "mediaobject",
}
BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "blockquote",
         "title", "section", "br", "ul", "ol", "dl", "body", "figcaption", "caption"}
CODE = {"code", "tt", "kbd", "samp", "var"}
# Classes of inline elements that hold code, not prose (links keep their text as prose:
# a link to code wraps a `<code>` element of its own).
CODE_CLASSES = {"command", "filename", "literal", "computeroutput", "userinput",
                "replaceable", "varname", "option", "pre", "systemitem", "pkg",
                "envar", "function", "parameter", "type", "classname", "prompt",
                "email", "uri", "keycap", "c-expr", "sig-inline"}
EMPHASIS = {"em", "i", "cite", "dfn"}
INLINE = {"span", "a", "strong", "b", "em", "i"}
VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "wbr"}


class Converter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipping, code, emphasis)
        self.paragraphs = []
        self.current = []

    def skipping(self):
        return any(e[1] for e in self.stack)

    def in_code(self):
        return any(e[2] for e in self.stack)

    def in_list_item(self):
        return any(e[0] == "li" for e in self.stack)

    def flush(self, item=False):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        # Emphasis markers hug their text, as in Markdown: `*word*`.
        text = re.sub(r"\x02( ?)", r"\1*", text)
        text = re.sub(r"( ?)\x03", r"*\1", text)
        text = text.replace("\x02\x03", "")
        text = text.replace("``", "").replace("` `", " ")
        if len(re.findall(r"[A-Za-z]{2,}", text)) >= 3:
            self.paragraphs.append("- " + text if item else text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        skip = tag in SKIP or bool(classes & SKIP_CLASSES)
        code = tag in CODE or (tag in INLINE and bool(classes & CODE_CLASSES))
        if tag in BLOCK and not self.skipping():
            self.flush(self.in_list_item())
        if tag in VOID:
            return
        if code and not self.in_code() and not self.skipping():
            self.current.append("`")
        emph = tag in EMPHASIS and not code
        if emph and not self.in_code() and not self.skipping():
            self.current.append("\x02")
        self.stack.append((tag, skip, code, emph))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        item = self.in_list_item()
        while self.stack:
            t, _, code, emph = self.stack.pop()
            if code and not self.in_code() and not self.skipping():
                self.current.append("`")
            if emph and not self.in_code() and not self.skipping():
                self.current.append("\x03")
            if t == tag:
                break
        if tag in BLOCK and not self.skipping():
            self.flush(item)

    def handle_data(self, data):
        if self.skipping():
            return
        if self.in_code():
            data = data.replace("`", "'")
        else:
            # Markdown would read `$…$` as math and `\` as an escape.
            data = data.replace("\\", "\\\\").replace("$", "\\$")
        self.current.append(data)


def main():
    out, files = sys.argv[1], sys.argv[2:]
    with open(out, "w", encoding="utf-8") as sink:
        for name in sorted(files):
            conv = Converter()
            with open(name, encoding="utf-8") as f:
                conv.feed(f.read())
            conv.flush()
            for p in conv.paragraphs:
                sink.write(p + "\n\n")


if __name__ == "__main__":
    main()
