"""Search keeps working under a sub-path: a query typed in the search box of the site served at /renda/
yields result links that all open pages under /renda/, with every request of the search
(Pagefind's chunks and wasm) going to the serving host. Skips, saying why, while the build has no
Pagefind bundle or no search box (search is added by another part of the project)."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from support.hosting import SEARCH_BOX, get, serve

# Result links of Pagefind's default and modular UIs, or of a custom one naming them "result".
RESULT_LINKS = '[class*="result"] a[href], a[class*="result"][href]'


def test_search_result_opens_under_the_sub_path(unset_site, chromium):
    assert (unset_site / "pagefind" / "pagefind-entry.json").is_file(), "the build has no Pagefind bundle"
    with serve("nginx", unset_site, "renda") as base:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        page = chromium.new_page()
        requests, failures = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("requestfailed", lambda request: failures.append(request.url))
        page.goto(base, wait_until="networkidle")
        box = page.locator(SEARCH_BOX)
        assert box.count() == 1, "the header has no search box"
        box.first.click()
        box.first.fill("人大常委会")
        results = page.locator(RESULT_LINKS)
        results.first.wait_for(state="attached", timeout=15000)
        hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
        targets = [urljoin(page.url, href) for href in hrefs]
        for target in targets:
            assert target.startswith(base), target      # not /daibiao/… at the server root
            assert get(target)[0] == 200, target
        page.wait_for_load_state("networkidle")
        assert [r for r in requests if not r.startswith((origin + "/", "data:", "blob:"))] == []
        assert failures == []
        print(f"\n[search /renda/] {len(targets)} result links, all 200 under {base}; requests={len(requests)}")
        page.close()
