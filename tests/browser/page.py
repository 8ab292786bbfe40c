"""The web page of `mtlint serve --http`, in headless Chromium.

Usage: page.py URL TEXT_FILE FIXED_FILE SCREENSHOT

Opens the page, pastes the text, checks it, and compares the highlights and the list with
what the server's /v2/check answers for the same text. Then it follows a highlight with the
keyboard to its explanation, checks the page at the width of 200% zoom, applies one fix,
then all safe fixes, and compares the text with FIXED_FILE (what `mtlint --fix` writes). It saves a
screenshot of the findings to SCREENSHOT and prints a summary as JSON.

Exits with 77 (skip) when Chromium, ChromeDriver or Selenium is missing (see browser.py).
"""

import json
import sys
import urllib.parse
import urllib.request

from browser import chromium


def utf16_slice(text, offset, length):
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def api_matches(url, text):
    body = urllib.parse.urlencode(
        {"text": text, "language": "en-US", "level": "picky", "markup": "text"}
    ).encode()
    with urllib.request.urlopen(urllib.request.Request(url + "/v2/check", data=body)) as r:
        return json.load(r)["matches"]


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    url, text_path, fixed_path, screenshot = sys.argv[1:5]
    with open(text_path, encoding="utf-8") as f:
        text = f.read()
    with open(fixed_path, encoding="utf-8") as f:
        fixed = f.read()
    with chromium() as driver:
        # Imported once `chromium()` has checked that Selenium is there (else: skip).
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import WebDriverWait
        wait = WebDriverWait(driver, 20)
        driver.get(url + "/")
        # Paste: the textarea gets the text and an input event, as a paste gives it.
        driver.execute_script(
            "const t = document.getElementById('input'); t.focus(); t.value = arguments[0];"
            "t.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste'}));",
            text,
        )
        driver.find_element(By.ID, "check").click()
        wait.until(lambda d: "finding" in d.find_element(By.ID, "status").text)
        status = driver.find_element(By.ID, "status").text
        detected = driver.find_element(By.ID, "detected").text

        want = api_matches(url, text)
        marks = [
            (
                m.get_attribute("data-rule"),
                int(m.get_attribute("data-offset")),
                int(m.get_attribute("data-length")),
                driver.execute_script("return arguments[0].textContent", m),
            )
            for m in driver.find_elements(By.CSS_SELECTOR, "#preview mark")
        ]
        expected_marks = [
            (m["rule"]["id"], m["offset"], m["length"], utf16_slice(text, m["offset"], m["length"]))
            for m in want
        ]
        if marks != expected_marks:
            fail(f"highlights {marks} != API findings {expected_marks}")
        items = [
            (li.get_attribute("data-rule"), int(li.get_attribute("data-offset")))
            for li in driver.find_elements(By.CSS_SELECTOR, "#findings li")
        ]
        order = {"error": 0, "warning": 1, "info": 2}
        expected_items = [
            (m["rule"]["id"], m["offset"])
            for m in sorted(want, key=lambda m: order[m["mtlint"]["severity"]])
        ]
        if items != expected_items:
            fail(f"list {items} != API findings by severity {expected_items}")
        headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "#findings h3")]

        # The keyboard: Tab to the first highlight, Enter goes to its explanation.
        first = driver.find_element(By.CSS_SELECTOR, "#preview mark")
        driver.execute_script("arguments[0].focus()", first)
        first.send_keys(Keys.ENTER)
        focused = driver.execute_script("return document.activeElement.id")
        if focused != "finding-0":
            fail(f"Enter on the first highlight focused {focused!r}, not finding-0")

        driver.save_screenshot(screenshot)

        # 200% zoom: the page laid out in half the width, with no sideways scrolling.
        driver.set_window_size(640, 900)
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            fail(f"at 200% zoom the page scrolls sideways by {overflow}px")
        driver.set_window_size(1280, 900)

        buttons = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#findings button.fix")]

        # One fix: the first finding's (the doubled period), applied where the API says.
        driver.find_element(By.CSS_SELECTOR, "#finding-0 button.fix").click()
        wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("2 findings"))
        first = want[0]
        units = text.encode("utf-16-le")
        one = (
            units[: 2 * first["offset"]].decode("utf-16-le")
            + first["replacements"][0]["value"]
            + units[2 * (first["offset"] + first["length"]) :].decode("utf-16-le")
        )
        result = driver.execute_script("return document.getElementById('input').value")
        if result != one:
            fail(f"after one fix the text is {result!r}, not {one!r}")

        driver.find_element(By.ID, "fix-all").click()
        wait.until(lambda d: " applied. " in d.find_element(By.ID, "status").text)
        result = driver.execute_script("return document.getElementById('input').value")
        if result != fixed:
            fail(f"after 'Apply all safe fixes' the text is {result!r}, not mtlint --fix's {fixed!r}")
        after = driver.find_element(By.ID, "status").text

    json.dump(
        {
            "status": status,
            "detected": detected,
            "highlights": len(marks),
            "headings": headings,
            "fix_buttons": buttons,
            "after_fix": after,
        },
        sys.stdout,
        ensure_ascii=False,
    )


main()
