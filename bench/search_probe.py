"""Drive the header search box of a built site in real Chromium; measure the bytes of a first query.

Runnable on any built site (e.g. the 10k-page scale site); the search tests drive the box with it too:

    .venv/bin/python bench/search_probe.py SITE_DIR [QUERY ...]
    .venv/bin/python bench/search_probe.py --nginx SITE_DIR [QUERY ...]   # served as deployed (gzip)

prints, per query, the top-5 result URLs and the bytes the browser received after the query was typed
(pagefind.js, its worker, wasm, entry/meta, index chunks and result fragments: "bytes" = response
bodies plus headers as Playwright reports them, uncompressed since http.server sends no
Content-Encoding; "disk_bytes" = on-disk size of the same files, which also counts the worker script
whose body Playwright does not report), and
the size of SITE_DIR/pagefind on disk. Each query is measured in a fresh page with an empty cache.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))

from local_serve import nginx_server, static_server  # noqa: E402

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


def disk_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    nginx = "--nginx" in argv          # served by nginx with the sample config (gzip), as deployed
    argv = [a for a in argv if a != "--nginx"]
    site = Path(argv[0])
    queries = argv[1:] or ["执法检查", "2024年第3期"]
    from playwright.sync_api import sync_playwright
    path = os.environ.get("RENDA_CHROMIUM") or shutil.which("chromium")
    if not path:
        print("Chromium not found (set RENDA_CHROMIUM)")
        return 1
    if nginx:
        server = nginx_server(site.resolve())
    else:
        server = static_server(site)
    with server as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        for query in queries:
            result = first_query_bytes(browser, base, query, site=None if nginx else site)
            keys = (("query", "bytes", "requests", "top5") if nginx
                    else ("query", "bytes", "disk_bytes", "requests", "top5"))
            print(json.dumps({k: result[k] for k in keys}, ensure_ascii=False))
            for name, size in result["files"]:
                print(f"    {size:>9,d}  {name}")
        browser.close()
    print(f"index on disk: {disk_bytes(site / 'pagefind'):,d} bytes ({site / 'pagefind'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
