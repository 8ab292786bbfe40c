#!/usr/bin/env python3
"""Turn Reuters newswire stories (the Reuters-21578 XML files shipped by R's `tm`
package) into plain-text news for the accuracy corpus: the headline, then the body
with the dateline in front, one paragraph per line and a blank line between
paragraphs. The wire's sign-off (`REUTER`, `Reuter`) is dropped. Standard library only.

usage: reuters2txt.py OUT.txt FILE.xml...
"""
import re
import sys
import xml.etree.ElementTree as ET


def paragraphs(body):
    # The wire indents each new paragraph; lines in between are hard-wrapped.
    body = re.sub(r"\s*\bREUTER\s*$", "", body.strip(), flags=re.IGNORECASE)
    for para in re.split(r"\n\s{2,}", body):
        text = " ".join(para.split())
        if text:
            yield text


def main():
    out, files = sys.argv[1], sys.argv[2:]
    stories = []
    for path in files:
        root = ET.parse(path).getroot()
        text = root.find("TEXT")
        if text is None or text.find("BODY") is None:
            continue
        title = " ".join((text.findtext("TITLE") or "").split())
        dateline = " ".join((text.findtext("DATELINE") or "").split())
        paras = list(paragraphs(text.findtext("BODY")))
        if dateline and paras:
            paras[0] = f"{dateline} {paras[0]}"
        stories.append("\n\n".join(([title] if title else []) + paras))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n\n\n".join(stories) + "\n")


if __name__ == "__main__":
    main()
