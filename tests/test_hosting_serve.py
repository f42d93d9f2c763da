"""The built site works on real static servers, at the root and under a sub-path, with and without
site_url: a crawler follows every internal link and asset reference from the home page, robots.txt and
sitemap.xml, and finds nothing broken, nothing unreachable, and no resource on another host.

Figures: `bash dev.sh test -q -s -k crawl_on` prints one line per configuration.
"""
from __future__ import annotations

import contextlib
import gzip
import re
from pathlib import Path

import pytest

from support import urls
from support.hosting import PREFIXES, SERVERS, fetch, get, serve
from support.sitecrawl import Crawler, HttpSource, Response


def html_pages(site: Path) -> set[str]:
    """Every page's directory URL relative to the site root, 404.html excepted (it has no URL of its own)."""
    pages = set()
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel != "404.html":
            pages.add(rel[:-len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def crawled_pages(crawler_seen: dict, base: str) -> set[str]:
    return {url[len(base):] for url, response in crawler_seen.items()
            if response and url.startswith(base) and response.content_type == "text/html"}


@contextlib.contextmanager
def configuration(server: str, prefix: str, with_site_url: bool, unset_site: Path, live_sites):
    """(base URL, site folder) of one configuration: the shared unset build served for this test, or the
    session's live server whose build names it in site_url."""
    if with_site_url:
        yield live_sites.get(server, prefix)
    else:
        with serve(server, unset_site, prefix) as base:
            yield base, unset_site


@pytest.mark.parametrize("with_site_url", [False, True], ids=["site_url-unset", "site_url-set"])
@pytest.mark.parametrize("prefix", PREFIXES, ids=["root", "sub-path"])
@pytest.mark.parametrize("server", SERVERS)
def test_crawl_on(server, prefix, with_site_url, unset_site, live_sites):
    with configuration(server, prefix, with_site_url, unset_site, live_sites) as (base, site):
        crawler = Crawler(HttpSource(base), base)
        assert crawler.ok(base), f"home page not served at {base}"
        report = crawler.run([base + "robots.txt", base + "sitemap.xml", base + "pagefind/pagefind-entry.json"])
        reached = crawled_pages(crawler.seen, base)
    label = f"[crawl {server} /{prefix + '/' if prefix else ''} site_url={'set' if with_site_url else 'unset'}]"
    print(f"\n{label} {report.summary()}")
    assert report.broken == [], report.broken[:20]
    assert report.external_resources == [], report.external_resources[:20]
    expected = html_pages(site)
    assert len(expected) > 150
    assert expected - reached == set(), f"pages no link reaches: {sorted(expected - reached)[:20]}"
    assert report.links > 5000 and report.assets > 800
    if (site / "pagefind" / "pagefind-entry.json").is_file():
        assert report.pagefind_files > len(list((site / "pagefind" / "fragment").iterdir()))


@pytest.mark.parametrize("prefix", PREFIXES, ids=["root", "sub-path"])
def test_sitemap_canonical_and_robots_when_site_url_is_set(prefix, live_sites):
    base, site = live_sites.get("nginx", prefix)
    sitemap = fetch(base + "sitemap.xml").decode()
    robots = fetch(base + "robots.txt").decode()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert sorted(locs) == sorted(base + page for page in html_pages(site))
    for page in ("", "gaikuang/jianjie/", urls.served(urls.deputy("d0001"))):
        html = fetch(base + page).decode()
        assert f'<link rel="canonical" href="{base}{page}">' in html
    assert f"Sitemap: {base}sitemap.xml" in robots.splitlines()
    assert gzip.decompress(fetch(base + "sitemap.xml.gz")).decode() == sitemap


def test_robots_without_site_url_allows_all_and_names_no_sitemap(unset_site):
    robots = (unset_site / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines()[:2] == ["User-agent: *", "Allow: /"]
    assert "Sitemap" not in robots
    assert "<loc>" not in (unset_site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("with_site_url", [False, True], ids=["site_url-unset", "site_url-set"])
@pytest.mark.parametrize("prefix", PREFIXES, ids=["root", "sub-path"])
def test_nginx_serves_the_chinese_404_page(prefix, with_site_url, unset_site, live_sites):
    with configuration("nginx", prefix, with_site_url, unset_site, live_sites) as (base, _):
        missing = base + "no/such/page/"
        status, headers, body = get(missing)
        assert status == 404
        html = body.decode()
        assert "抱歉，您访问的页面不存在" in html and "<title>页面不存在 - " in html
        if prefix and not with_site_url:
            # MkDocs writes the 404 page's links from the server root when site_url is unset
            # (mkdocs#1598): under a sub-path they miss. deploy/README.md says to set site_url there.
            assert 'href="/assets/' in html
            return
        crawler = Crawler(HttpSource(base), base)
        crawler.parse(missing, Response(200, "text/html", body, missing))
        report = crawler.run([])
        assert report.broken == [] and report.assets >= 4, report.broken
        assert crawler.seen[base] is not None      # 返回网站首页 reaches the home page
