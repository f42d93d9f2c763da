"""The header search box in real Chromium, as the tests drive it: type a query, read the results and the
status line, and count the bytes a first query fetches. (bench/search_probe.py drives the box the same
way for the measurements; the tests do not import the benchmarks' code.)"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

INPUT = "#rd-search-input"
SEARCH_TYPES = {"script", "fetch", "xhr"}   # the favicon and images are "other" and "image"


def header_search(page, query: str, *, timeout: float = 30_000) -> list[str]:
    """Type `query` into the header box of the open page, press Enter; result paths, best first."""
    page.evaluate("document.querySelector('[data-rd-search]').removeAttribute('data-rd-done')")
    page.fill(INPUT, query)
    page.press(INPUT, "Enter")
    page.wait_for_function("q => document.querySelector('[data-rd-search]').getAttribute('data-rd-done') === q",
                           arg=query, timeout=timeout)
    return page.eval_on_selector_all(".rd-search__item > a", "els => els.map(a => a.pathname)")


def status_text(page) -> str:
    return page.inner_text(".rd-search__status")


def first_query_bytes(browser, base_url: str, query: str, start_path: str = "", site: Path | None = None,
                      before=None) -> dict:
    """Bytes received for one query typed on a fresh page (nothing cached), and what was fetched.

    `bytes` sums what Playwright reports (body + headers). Playwright reports no body size for a
    worker's own script, so with `site` given, `disk_bytes` also sums the on-disk size of every
    fetched file (equal to the body for a static server without compression). `before(page)`, if given,
    runs just before the query is typed (the tests start unrelated requests there)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(base_url + start_path)
        page.wait_for_load_state("networkidle")
        # Only what the query fetched: requests started after it is typed (not one the page started
        # before, finishing late), made by scripts (Pagefind's import, fetches, worker and wasm), not
        # the browser's own late requests such as the favicon.
        started, finished = set(), []
        page.on("request", lambda request: started.add(request) if request.resource_type in SEARCH_TYPES else None)
        context.on("requestfinished", lambda request: finished.append(request) if request in started else None)
        if before is not None:
            before(page)
        top = header_search(page, query)
        page.wait_for_load_state("networkidle")
        files = []
        for request in finished:
            sizes = request.sizes()
            files.append((urlparse(request.url).path, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
        result = {"query": query, "top5": top[:5], "bytes": sum(size for _, size in files),
                  "requests": len(files), "files": files}
        if site is not None:
            prefix = urlparse(base_url).path
            result["disk_bytes"] = sum((Path(site) / name[len(prefix):]).stat().st_size for name, _ in files)
        return result
    finally:
        context.close()
