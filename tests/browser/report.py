"""Open an mtlint HTML report in headless Chromium and check it against the JSON Lines of
the same run.

usage: python3 report.py REPORT.html RUN.jsonl SCREENSHOT.png

Checks that the histogram has its 8 bars holding every document, that the category chart
has one bar per category with the run's counts, that the bars are drawn (non-zero
height or width where the count is not zero), that the documents are listed worst first
as the JSON's file records say, and that the category filter hides the other findings.
Saves a screenshot of the page. Prints `ok N documents` on success.
"""

import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser import chromium  # noqa: E402


def main():
    report, run, screenshot = sys.argv[1:4]
    records = [json.loads(line) for line in open(run, encoding="utf-8") if line.strip()]
    files = [r for r in records if r.get("type") == "file"]
    categories = {}
    for f in files:
        for c, n in f["categories"].items():
            categories[c] = categories.get(c, 0) + n
    worst_first = [f["path"] for f in sorted(files, key=lambda f: (-f["score"], f["path"]))]

    with chromium(width=1000, height=1400) as driver:
        # Imported once `chromium()` has checked that Selenium is there (else: skip).
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select
        driver.get(pathlib.Path(report).resolve().as_uri())
        assert driver.title == "mtlint triage report", driver.title

        bars = driver.find_elements(By.CSS_SELECTOR, "svg#histogram rect.bar")
        assert len(bars) == 8, f"{len(bars)} histogram bars"
        counts = [int(b.get_attribute("data-count")) for b in bars]
        assert sum(counts) == len(files), (counts, len(files))
        for b, n in zip(bars, counts):
            if n:
                assert b.rect["height"] > 0, f"histogram bar of {n} not drawn"

        bars = driver.find_elements(By.CSS_SELECTOR, "svg#categories rect.bar")
        shown = {b.get_attribute("data-category"): int(b.get_attribute("data-count")) for b in bars}
        assert shown == categories, (shown, categories)
        for b in bars:
            assert b.rect["width"] > 0, "category bar not drawn"

        rows = driver.find_elements(By.CSS_SELECTOR, "#documents tr.doc-row")
        listed = [r.get_attribute("data-path") for r in rows]
        assert listed == worst_first, (listed, worst_first)

        driver.save_screenshot(screenshot)

        category = max(categories, key=lambda c: (categories[c], c))
        Select(driver.find_element(By.ID, "category-filter")).select_by_value(category)
        findings = driver.find_elements(By.CSS_SELECTOR, ".finding")
        visible = [f for f in findings if f.is_displayed()]
        assert visible, "the filter hid everything"
        assert all(f.get_attribute("data-category") == category for f in visible)
        assert len(visible) < len(findings), "the filter hid nothing"

    print(f"ok {len(files)} documents")


main()
