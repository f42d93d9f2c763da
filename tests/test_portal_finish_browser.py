"""Issue 25, in Chromium at 1280 and 390 px: 公文 titles are centred on every kind of page that is a 公文,
and on phones the breadcrumb keeps to one line, so record pages start as high as column pages."""
from __future__ import annotations

import pytest

from support import urls
from support.browser import static_server

WIDTHS = (1280, 390)
GONGWEN = {
    "bulletin-document": "gongbao/wenjian/2024/xiugai-yishi-guize-jueding/",
    "decision": "gongbao/wenjian/2026/nongcun-gonglu-guanli-yanghu-jueyi/",
    "review-opinion": "shenyi/2026-05-07-qingxihe-liuyu-zhili-shenyi-yijian/",
    "regulation": "zhidu/2026-10-29-daibiao-jianyi-banli-banfa/",
    "appointment-list": "renmian/18-33/",
}
RECORDS = {
    "suggestion": "jianyi/18-3/15/", "deputy": urls.served(urls.deputy("d0001")), "meeting": "huiyi/18-33/",
    "station": "daibiaogongzuo/lianluozhan/chengguan-renminlu/", "bulletin-issue": "gongbao/2024/2/",
    "composition": "daibiao/goucheng-18/", "appointment-list": "renmian/18-33/",
}
TITLE = """() => {
  const h1 = document.querySelector('article h1'), box = document.querySelector('article').getBoundingClientRect();
  const text = document.createRange(); text.selectNodeContents(h1);
  const ink = text.getBoundingClientRect();
  return {align: getComputedStyle(h1).textAlign, left: ink.left - box.left, right: box.right - ink.right,
          top: h1.getBoundingClientRect().top + scrollY};
}"""


@pytest.fixture(scope="module")
def site_url(built):
    with static_server(built.site) as url:
        yield url


def open_page(chromium, url: str, width: int, text_size: str | None = None):
    """A page at `width` px, with the reader's text size (e.g. "xl" = 特大) chosen before it loads."""
    context = chromium.new_context(viewport={"width": width, "height": 900 if width > 400 else 844})
    if text_size:
        context.add_init_script(f"localStorage.setItem('rd-text-size', '{text_size}')")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", sorted(GONGWEN))
def test_gongwen_titles_are_centred(chromium, site_url, kind, width):
    context, page = open_page(chromium, site_url + GONGWEN[kind], width)
    try:
        title = page.evaluate(TITLE)
    finally:
        context.close()
    assert title["align"] == "center", f"{kind} at {width}px: the title is aligned {title['align']}"
    assert abs(title["left"] - title["right"]) <= 24, f"{kind} at {width}px: the title is off centre {title}"


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_record_pages_start_high_on_the_phone(chromium, site_url, kind):
    context, page = open_page(chromium, site_url + RECORDS[kind], 390)
    try:
        crumb = page.locator(".rd-crumbs").bounding_box()
        column_title = None
        title = page.evaluate(TITLE)
        page.goto(site_url + "dongtai/")
        page.wait_for_load_state("load")
        column_title = page.evaluate(TITLE)
    finally:
        context.close()
    assert crumb["height"] <= 48, f"{kind}: the breadcrumb takes {crumb['height']:.0f}px (more than one line)"
    assert title["top"] <= column_title["top"] + 4, (
        f"{kind}: the title starts at {title['top']:.0f}px, a column page's at {column_title['top']:.0f}px")


def test_home_content_starts_within_300px_on_the_phone(chromium, site_url):
    context, page = open_page(chromium, site_url, 390)
    try:
        top = page.evaluate("() => document.querySelector('article > *:not(span):not(.rd-print-head), article section')"
                            ".getBoundingClientRect().top + scrollY")
    finally:
        context.close()
    assert top <= 300, f"the phone home page's first content block starts at {top:.0f}px"


QR_PLACE = """() => {
  const qr = [...document.querySelectorAll('.rd-qr')];
  const shown = qr.filter(e => e.getBoundingClientRect().width > 0);
  const text = [...document.querySelectorAll('article p, article table, article ul')].filter(e => !e.closest('.rd-qr'));
  const lastText = Math.max(...text.map(e => e.getBoundingClientRect().bottom));
  return {count: qr.length, shown: shown.length, inFooter: shown.map(e => !!e.closest('footer')),
          inArticle: qr.filter(e => e.closest('article')).length,
          below: shown.map(e => e.getBoundingClientRect().top >= lastText - 1)};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_home_shows_the_site_qr_code_in_the_footer(chromium, site_url, width):
    """A portal home page has the site's code beside the footer, not among the news blocks; on a phone
    (the reader already holds it) it is not shown."""
    context, page = open_page(chromium, site_url, width)
    try:
        place = page.evaluate(QR_PLACE)
    finally:
        context.close()
    assert place["count"] == 1 and place["inArticle"] == 0, place
    assert place["inFooter"] == ([True] if width == 1280 else []), place


def test_an_article_shows_its_qr_code_after_its_text(chromium, site_url):
    context, page = open_page(chromium, site_url + GONGWEN["review-opinion"], 1280)
    try:
        place = page.evaluate(QR_PLACE)
    finally:
        context.close()
    assert place["shown"] == 1 and place["below"] == [True], place


@pytest.mark.parametrize("kind", ["gaikuang/", "dongtai/", *sorted(RECORDS.values())])
def test_the_phone_breadcrumb_still_says_where_the_page_is(chromium, site_url, kind):
    """Shortened on a phone, the crumb still names the page's column or the level above it, never 首页 alone."""
    context, page = open_page(chromium, site_url + kind, 390)
    try:
        shown = page.evaluate("""() => [...document.querySelectorAll('.rd-crumbs__list > li')]
            .filter(li => li.getBoundingClientRect().width > 0).map(li => li.textContent.trim())""")
    finally:
        context.close()
    assert shown and shown[-1] != "首页", f"{kind}: the phone breadcrumb shows {shown}"


@pytest.mark.parametrize("url", ["dongtai/2026-11-19-changweihui-di33ci-huiyi/", GONGWEN["decision"]])
def test_articles_keep_a_side_margin_at_the_largest_text_size(chromium, site_url, url):
    """At 特大 the reading column (48rem) is wider than a 1280 px screen; the text still keeps off the edges."""
    context, page = open_page(chromium, site_url + url, 1280, "xl")
    try:
        box = page.evaluate("""() => { const r = document.querySelector('article h1').getBoundingClientRect();
            return {size: document.documentElement.dataset.rdSize, left: r.left, right: innerWidth - r.right}; }""")
    finally:
        context.close()
    assert box["size"] == "xl", box
    assert box["left"] >= 12 and box["right"] >= 12, f"{url} at 特大: the title touches the screen's edge {box}"


@pytest.mark.parametrize("url", ["daibiao/goucheng-18/", "banli/18-3/"])
def test_chart_tables_stay_tables_on_the_phone(chromium, site_url, url):
    """The table beside each chart (类别、人数、占比 and 合计) keeps every row on one line on a phone."""
    context, page = open_page(chromium, site_url + url, 390)
    try:
        rows = page.evaluate("""() => [...document.querySelectorAll('.rd-chart table tr')].map(tr =>
            [...tr.cells].map(c => Math.round(c.getBoundingClientRect().top)))""")
    finally:
        context.close()
    assert rows, f"{url} has no chart table"
    broken = [tops for tops in rows if len(set(tops)) > 1]
    assert not broken, f"{url}: rows whose cells do not share a line on a phone: {broken[:3]}"


@pytest.mark.parametrize("url", ["daibiao/", "daibiao/jie-18/"])
def test_deputy_names_do_not_break_at_the_largest_text_size_on_the_phone(chromium, site_url, url):
    context, page = open_page(chromium, site_url + url, 390, "xl")
    try:
        broken = page.evaluate("""() => [...document.querySelectorAll('article a[href*="d0"]')]
            .filter(a => a.getClientRects().length > 1).map(a => a.textContent)""")
    finally:
        context.close()
    assert not broken, f"{url}: names broken across lines at 特大: {broken}"
