"""Drive `mtlint serve --http` with a real LanguageTool client: PyPI's language-tool-python.

Usage: languagetool_client.py URL TEXT_FILE

With `remote_server=` the client downloads nothing and starts no Java: it asks the server
for /v2/languages, then posts to /v2/check. This prints, as one JSON object, what the
client made of the answers (its Match objects, `correct()`, and the same text checked with
its `picky` and `disabled_rules` settings); tests/it/http.rs checks it.

Exits with 77 (skip) when language_tool_python is not installed (.ci/run installs it).
"""

import json
import sys

SKIP = 77

try:
    import language_tool_python
except ImportError:
    print(
        "SKIP: language_tool_python is not installed (python3 -m pip install language-tool-python)",
        file=sys.stderr,
    )
    sys.exit(SKIP)


def seen(matches):
    return [
        {
            "rule": m.rule_id,
            "offset": m.offset,
            "length": m.error_length,
            "replacements": m.replacements,
            "message": m.message,
            "category": m.category,
            "issue_type": m.rule_issue_type,
            "context": m.context,
            "offset_in_context": m.offset_in_context,
            "sentence": m.sentence,
        }
        for m in matches
    ]


def main():
    url, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = {}
    with language_tool_python.LanguageTool("en-US", remote_server=url) as tool:
        out["language"] = str(tool.language)
        out["matches"] = seen(tool.check(text))
        out["corrected"] = tool.correct(text)
        tool.picky = True
        out["picky_rules"] = [m.rule_id for m in tool.check(text)]
        tool.picky = False
        tool.disabled_rules = {"punctuation/doubled-period"}
        out["disabled"] = [m.rule_id for m in tool.check(text)]
    try:
        language_tool_python.LanguageTool("de-DE", remote_server=url)
        out["german"] = "accepted"
    except ValueError as e:
        out["german"] = f"refused: {e}"
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


main()
