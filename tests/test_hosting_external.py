"""No external host: in a real browser every request of every page kind goes to the serving host, and
no resource in the output (script, stylesheet, font, image, iframe…) points off-site. Hyperlinks that
editors wrote (the ICP record link in the footer) stay allowed, as links only.

Figures: `bash dev.sh test -q -s -k external` prints the requests recorded per page kind.
"""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from support import urls
from support.hosting import build, page_url, serve
from support.sitecrawl import crawl

ICP_URL = "https://beian.miit.gov.cn/"


def page_kinds(demo) -> dict[str, str]:
    """One source page of every kind the site has."""
    site = demo.site
    column = next(c for c in site.info.columns if len(site.articles_by_column[c.id]) > c.per_page)
    bulletin = site.bulletins[0]
    full_text = next(item.page for b in site.bulletins for item in b.items if item.page)
    return {
        "首页": urls.HOME,
        "固定页面（人大概况）": "gaikuang/jianjie.md",
        "栏目列表第 1 页": urls.listing(column.id, 1),
        "栏目列表第 2 页": urls.listing(column.id, 2),
        "栏目文章": site.articles_by_column[column.id][0].src_uri,
        "代表风采": urls.DEPUTIES,
        "代表个人页": urls.deputy(site.deputies[0].id),
        "届次名单": urls.term(site.terms[-1].id),
        "公报目录": urls.BULLETINS,
        "公报年度": urls.bulletin_year(bulletin.year),
        "公报一期": urls.bulletin(bulletin.year, bulletin.number),
        "公报全文": full_text,
        "人事任免": urls.APPOINTMENTS,
        "任免名单": urls.appointment_list(site.appointments[0].id),
        "任免人员索引": urls.PEOPLE,
        "代表建议列表": urls.session_suggestions("18-4"),
        "代表建议": urls.suggestion("18-3", 41),
        "建议办理统计": urls.session_summary("18-3"),
        "承办单位": urls.unit("jiaoyu"),
        "常委会会议": urls.meeting("18-17"),
        "常委会会议列表": urls.MEETINGS,
        "代表联络站": urls.station("chengguan-renminlu"),
    }


@pytest.fixture(scope="module")
def editor_link_site(hosting_project, tmp_path_factory):
    """The demo with an ICP record link in the footer, as a county office would configure it, served by
    nginx under /renda/ and built with that address as its site_url: {"site", "site_url"}."""
    site = tmp_path_factory.mktemp("icp") / "site"
    site.mkdir()
    with serve("nginx", site, "renda") as base:
        build(hosting_project, site, base, extra={"footer": {"icp": "演示ICP备00000000号", "icp_url": ICP_URL}})
        yield {"site": site, "site_url": base}


def test_every_page_kind_requests_only_the_serving_host(editor_link_site, hosting_project, demo, chromium):
    base = editor_link_site["site_url"]
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    kinds = {name: page_url(base, uri) for name, uri in page_kinds(demo).items()}
    kinds["404 页面"] = base + "no/such/page/"
    context = chromium.new_context()
    total = 0
    for name, url in kinds.items():
        requests, failures = [], []
        page = context.new_page()
        # Each page's lists bound now: a late request of an earlier page never lands in this page's lists.
        page.on("request", lambda request, requests=requests: requests.append(request.url))
        page.on("requestfailed", lambda request, failures=failures: failures.append(request.url))
        response = page.goto(url, wait_until="networkidle")
        assert response.status == (404 if name == "404 页面" else 200), url
        assert page.locator("h1").first.is_visible(), url
        icon = urljoin(page.url, page.locator('link[rel="icon"]').get_attribute("href"))
        assert icon == base + "assets/favicon.svg", icon                       # the site's own favicon
        if name != "404 页面":
            assert page.locator(f'footer a[href="{ICP_URL}"]').count() == 1   # the link is there…
        external = [r for r in requests if not r.startswith(origin + "/") and not r.startswith("data:")]
        print(f"\n[external {name}] {url[len(origin):]} requests={len(requests)} external={len(external)}")
        assert external == [], external                                        # …and never fetched
        assert failures == [], failures
        assert len(requests) >= 4            # the page, two stylesheets, the script bundle at least
        total += len(requests)
        page.close()
    context.close()
    print(f"\n[external total] page kinds={len(kinds)} requests={total} external=0")


def test_no_resource_in_the_output_points_off_site(unset_site, editor_link_site):
    reports = {"unset": crawl(unset_site),
               "icp": crawl(editor_link_site["site"], site_url=editor_link_site["site_url"])}
    for name, report in reports.items():
        print(f"\n[scan {name}] {report.summary()}")
        assert report.external_resources == [], report.external_resources[:10]
        assert report.broken == [], report.broken[:10]
    pages = len(list(editor_link_site["site"].rglob("*.html")))
    # The footer's two record links, once each on every page: ICP (configured here) and 公网安备 (from the
    # demo's extra.footer, which the derived config inherits), and the masthead's related-sites links
    # (上级人大, 县委, 县政府, 县政协: extra.masthead.links, inherited the same way).
    from conftest import ROOT
    from test_readers_static import read_config
    per_page = 2 + len(read_config(ROOT)["extra"]["masthead"]["links"])
    assert reports["icp"].external_links == per_page * pages
    assert reports["unset"].external_links == per_page * len(list(unset_site.rglob("*.html")))   # the same


def test_no_off_site_address_in_our_own_styles_and_scripts(unset_site):
    """Our CSS/JS (not the theme's bundle, which only uses its URLs for features we leave off) names no host."""
    import re
    own = [p for p in unset_site.rglob("*") if p.suffix in (".css", ".js")
           and "assets/stylesheets" not in p.as_posix() and "assets/javascripts" not in p.as_posix()
           and "/pagefind/" not in p.as_posix()]
    assert own, "expected at least renda.css"
    for path in own:
        text = path.read_text(encoding="utf-8")
        hosts = [u for u in re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s'\")]*", text)
                 if not u.startswith(("http://www.w3.org/", "//www.w3.org/"))]
        assert hosts == [], (path, hosts)
