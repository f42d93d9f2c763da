"""Real components for tests: Debian's Chromium driven by Playwright (and, from deploy/local_serve.py,
the static server and process helpers the tests use).

Browser tests skip when Chromium is absent on a user's machine; CI sets RENDA_REQUIRE_BROWSER=1 so a
missing browser fails instead (a skipped browser test must never pass CI silently).
`playwright install` cannot download browsers here, so Playwright always gets `executable_path`.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support.project import ROOT  # noqa: F401  (puts hooks/ and deploy/ on sys.path)

from local_serve import free_port, static_server, stop_process  # noqa: F401  (used by the tests)

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """RENDA_CHROMIUM if set, else the first Chromium on PATH."""
    explicit = os.environ.get("RENDA_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def require_or_skip(what: str, found: object) -> None:
    """Skip when a real component is missing, unless CI demands it."""
    if found:
        return
    if os.environ.get("RENDA_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} not found, and RENDA_REQUIRE_BROWSER=1 demands it")
    pytest.skip(f"{what} not found on this machine")


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium browser (Playwright, Debian's binary). One per test session."""
    path = find_chromium()
    require_or_skip("Chromium", path)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_or_skip("Playwright", None)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()
