"""Serving (issue 16, class 9): the sample nginx config sends a strict Content-Security-Policy and the
other security headers on every response, never serves a hidden file (even one whose name matches a
later rule, /.git/x.csv), and the site publishes no source maps. The policy is tried in real Chromium:
no violation on any page kind, search included, while an inline script planted as a control is blocked
and reported (so the listener would see a violation if there were one)."""
from __future__ import annotations

import re
import shutil

import pytest

from support import urls
from support.hosting import SEARCH_BOX, get, serve
from support.pagekinds import PAGE_KINDS, composition_url
from support.project import ROOT

SECRET = "token=ghp_secret_value"
HIDDEN = [".git/config", ".git/x.csv", ".git/logs/HEAD", ".env", ".hidden/index.html", "dongtai/.draft.csv",
          "dongtai/.draft/index.html", ".git/", ".git"]


@pytest.fixture(scope="module")
def served(unset_site, tmp_path_factory):
    site = tmp_path_factory.mktemp("serving") / "site"
    shutil.copytree(unset_site, site)
    for path in HIDDEN:
        if path.endswith("/") or path == ".git":
            continue
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{SECRET}\n", encoding="utf-8")
    (site / "csp-probe.html").write_text(
        "<!doctype html><html><head><title>probe</title></head><body>"
        "<script>document.title = 'inline ran';</script><p>探针</p></body></html>", encoding="utf-8")
    with serve("nginx", site, "renda") as base:
        yield base, site


def header(headers: dict, name: str) -> str:
    return next((v for k, v in headers.items() if k.lower() == name.lower()), "")


def policy(headers: dict) -> dict[str, list[str]]:
    value = header(headers, "Content-Security-Policy")
    return {part.split()[0]: part.split()[1:] for part in value.split(";") if part.strip()}


@pytest.mark.parametrize("path", HIDDEN)
def test_hidden_files_are_never_served(served, path):
    base, _ = served
    status, _, body = get(base + path)
    assert status == 404, path
    assert SECRET.encode() not in body


def test_security_headers_on_every_kind_of_response(served):
    base, site = served
    css = next((site / "assets" / "stylesheets").glob("main.*.min.css")).relative_to(site).as_posix()
    paths = ["", urls.served(urls.deputy("d0001")), css, "assets/js/renda.js", "shuju/", "dongtai/feed.xml",
             "no-such-page/", "pagefind/pagefind-entry.json", "assets/photos/d0001.svg"]
    csv = next(iter(site.glob("shuju/*.csv")), None)
    if csv is not None:
        paths.append(csv.relative_to(site).as_posix())
    for path in paths:
        status, headers, _ = get(base + path)
        assert status in (200, 404), path
        csp = policy(headers)
        assert csp.get("default-src") == ["'self'"], (path, csp)
        assert csp.get("script-src") == ["'self'", "'wasm-unsafe-eval'"], (path, csp)
        assert not [d for d, values in csp.items() if "'unsafe-inline'" in values or "'unsafe-eval'" in values], csp
        assert csp.get("object-src") == ["'none'"] and csp.get("frame-ancestors") == ["'self'"], csp
        assert csp.get("base-uri") == ["'self'"], csp
        assert header(headers, "X-Frame-Options") == "SAMEORIGIN", path
        assert header(headers, "Referrer-Policy") == "strict-origin-when-cross-origin", path
        assert header(headers, "X-Content-Type-Options") == "nosniff", path
        assert header(headers, "Strict-Transport-Security") == "", "HSTS is for HTTPS sites only (commented out)"


def test_hsts_is_documented_as_optional():
    conf = (ROOT / "deploy" / "nginx" / "renda.conf").read_text(encoding="utf-8")
    assert re.search(r"^\s*# add_header Strict-Transport-Security \"max-age=\d+\" always;", conf, re.M)
    assert "HTTPS" in conf


def test_no_source_maps_are_published(served):
    _, site = served
    assert list(site.rglob("*.map")) == []
    for path in [*site.glob("assets/javascripts/**/*.js"), *site.glob("assets/stylesheets/**/*.css")]:
        assert "sourceMappingURL" not in path.read_text(encoding="utf-8"), path


def test_no_inline_script_on_any_page(served):
    """Every script of every page is a file of the site (or a JSON data block): nothing for the policy to block."""
    _, site = served
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
    pages = [p for p in site.rglob("*.html") if p.name != "csp-probe.html"]
    assert len(pages) > 100
    offenders = [p.relative_to(site).as_posix() for p in pages if inline.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
    e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""


def _open(page, url):
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(150)            # late reports (a stylesheet's images) arrive after load
    return page.evaluate("window.__csp")


def test_csp_in_chromium_no_violation_on_any_page_kind_search_included(served, chromium):
    base, site = served
    context = chromium.new_context()
    context.add_init_script(LISTENER)
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    # The control: an inline script is blocked and reported, so the listener does see violations.
    assert _open(page, base + "csp-probe.html"), "the planted inline script was not reported"
    assert page.title() == "probe"
    console.clear()
    urls = {kind: url for kind, url in PAGE_KINDS.items() if url is not None}
    composition = composition_url(site)
    if composition:
        urls["composition"] = composition
    seen = {}
    for kind, url in urls.items():
        seen[kind] = _open(page, base + url)
    page.goto(base, wait_until="networkidle")
    box = page.locator(SEARCH_BOX).first
    box.click()
    box.fill("人大常委会")
    page.locator('[class*="result"] a[href]').first.wait_for(state="attached", timeout=15000)
    page.wait_for_load_state("networkidle")
    seen["search"] = page.evaluate("window.__csp")
    context.close()
    print(f"\n[CSP] {len(seen)} page kinds (search included), violations: {sum(len(v) for v in seen.values())}")
    assert {kind: v for kind, v in seen.items() if v} == {}
    assert console == []
