"""The offline edition: one command makes a zip that opens from file:// with no network. Every link in
it names a file (a folder link would show a directory listing), nothing is fetched from anywhere but the
unpacked folder, and the search box (when the page has one) says that search needs the online site.

Figures: `bash dev.sh test -q -s -k offline` prints the zip's size and the file:// results.
"""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from support import urls
from support.hosting import SEARCH_BOX
from support.project import ROOT
from support.sitecrawl import crawl

OFFLINE_MESSAGE = "离线版不支持站内搜索"


@pytest.fixture(scope="module")
def offline(hosting_project, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("offline")
    archive = out / "qingxi-offline.zip"
    result = subprocess.run([sys.executable, str(ROOT / "deploy" / "offline.py"), "--project", str(hosting_project),
                             "-o", str(archive)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "离线版已生成" in result.stdout and "index.html" in result.stdout
    with zipfile.ZipFile(archive) as zipped:
        assert zipped.testzip() is None
        names = zipped.namelist()
        zipped.extractall(out / "unpacked")
    return {"zip": archive, "names": names, "folder": out / "unpacked" / "qingxi-offline"}


def test_zip_holds_one_folder_with_the_site_and_a_readme(offline):
    names = offline["names"]
    assert all(name.startswith("qingxi-offline/") for name in names)
    folder = offline["folder"]
    assert (folder / "index.html").is_file() and (folder / urls.flat(urls.deputy("d0001"))).is_file()
    readme = (folder / "readme.txt").read_text(encoding="utf-8-sig")
    assert "双击" in readme and "index.html" in readme and "离线版不支持站内搜索" in readme
    for server_only in ("404.html", "robots.txt", "sitemap.xml", "pagefind"):   # pagefind: unusable from file://
        assert not (folder / server_only).exists()
    size = offline["zip"].stat().st_size
    print(f"\n[offline zip] {offline['zip'].name} {size} bytes ({size / 1024 / 1024:.2f} MB), {len(names)} entries")
    assert 100_000 < size < 50_000_000


def test_every_link_names_a_file_and_resolves(offline):
    report = crawl(offline["folder"], directory_urls=False)
    print(f"\n[offline crawl] {report.summary()}")
    assert report.pages > 150 and report.links > 5000
    assert report.broken == [], report.broken[:20]
    assert report.external_resources == []


def test_pages_open_from_file_url_without_network(offline, chromium):
    folder = offline["folder"]
    context = chromium.new_context(offline=True)           # no network at all, as on the county office PC
    requests, failures = [], []
    context.on("request", lambda request: requests.append(request.url))
    context.on("requestfailed", lambda request: failures.append((request.url, request.failure)))
    page = context.new_page()
    page.goto((folder / "index.html").as_uri())
    assert page.title().startswith("清溪县人大常委会")
    # The site's stylesheet loaded: the column bar is a styled bar, not an unstyled list.
    assert page.evaluate("getComputedStyle(document.querySelector('.rd-columns__list')).listStyleType") == "none"
    opened = ["index.html"]
    for label in ("代表风采", "人事任免", "常委会公报"):
        page.goto((folder / "index.html").as_uri())
        page.locator(".rd-columns a", has_text=label).first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith("file://") and page.url.endswith("/index.html"), page.url
        assert page.locator("h1").first.is_visible()
        opened.append(page.url[len(folder.as_uri()) + 1:])
    # From a listing into a record: a deputy's page, then its links back.
    page.goto((folder / urls.flat(urls.deputy("d0001"))).as_uri())
    assert page.locator("h1").first.inner_text() == "周明远"
    opened.append(urls.flat(urls.deputy("d0001")))
    non_file = [url for url in requests if not url.startswith(("file://", "data:"))]
    assert non_file == [], non_file
    # ERR_ABORTED is a request cut off by the next navigation (seen once for the favicon under load),
    # not a missing file: that one fails as ERR_FILE_NOT_FOUND.
    failures = [(url, failure) for url, failure in failures if failure != "net::ERR_ABORTED"]
    assert failures == [], failures
    print(f"\n[offline file://] opened {len(opened)} pages {opened}; requests={len(requests)} "
          f"non-file={len(non_file)} failed={len(failures)}")
    search_note = _check_search_box(page)
    print(f"[offline search] {search_note}")
    context.close()


def _check_search_box(page) -> str:
    """Contract with the search feature: from file:// its box says 离线版不支持站内搜索."""
    box = page.locator(SEARCH_BOX)
    assert box.count() == 1, "every page has the header search box"
    box.first.click()
    box.first.fill("人大")
    message = page.get_by_text(OFFLINE_MESSAGE).first
    message.wait_for(state="visible", timeout=5000)
    return f"search box shows: {message.inner_text()!r}"
