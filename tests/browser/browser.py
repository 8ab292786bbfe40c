"""Headless Chromium for the browser tests, driven by Selenium (both installed by .ci/run).

A test script does `from browser import chromium` and `with chromium() as driver: ...`.
Where Chromium, ChromeDriver or Selenium is missing, the script exits with SKIP (77)
after printing why on standard error, and the Rust test that runs it skips loudly.
"""

import contextlib
import shutil
import sys
import tempfile

SKIP = 77


def skip(why):
    print(f"SKIP: {why}", file=sys.stderr)
    sys.exit(SKIP)


@contextlib.contextmanager
def chromium(width=1280, height=900):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        skip("selenium is not installed (python3 -m pip install selenium)")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not binary or not driver_path:
        skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    with tempfile.TemporaryDirectory() as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        # The machine has no network: these flags keep Chromium from trying to reach one.
        for flag in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            f"--window-size={width},{height}",
            f"--user-data-dir={profile}",
        ):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        try:
            yield driver
        finally:
            driver.quit()
