"""What readers get, checked on the built HTML (no browser): article header and disclosure table,
footer, QR code of the page address, feed <link>, site map, alt text, no pop-up links."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from support import urls
from support.project import copy_project, mkdocs_build, output_path

from renda_site.address import public_address
from renda_site.build import qr
from renda_site.render.decorate import decorate

DISCLOSURE_ARTICLE = "zhidu/2021-04-29-beian-shencha-banfa.md"


class Elements(HTMLParser):
    """Collects (tag, attrs) of every start tag; enough for attribute-level checks."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.html = html
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !ENV or !!python/name: read them as plain values."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(project: Path) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def site_url(built) -> str:
    return read_config(built.project)["site_url"]


# ---- 1. article header: date, source, disclosure block ----

def test_article_header_shows_date_source_and_disclosure_table(built):
    html = built.html(DISCLOSURE_ARTICLE)
    assert re.search(r'发布日期：<time datetime="2021&#45;04&#45;29">2021年4月29日</time>', html)
    assert "来源：县人大常委会法制工作委员会" in html
    table = re.search(r'<table class="rd-disclosure".*?</table>', html, re.S).group(0)
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert len(rows) == 3                                     # 2×3 pairs: 4 columns, 3 rows
    labels = [re.findall(r'<th scope="row">(.*?)</th>', row) for row in rows]
    assert labels == [["索引号", "发布机构"], ["发文日期", "信息类别"], ["公开范围", "文号"]]
    assert "<thead>" not in table and "<td>2021年4月29日</td>" in table
    # The header sits above the article body.
    assert html.index("rd-disclosure") < html.index("<p>第一条")


def test_disclosure_shows_only_filled_fields_and_escapes_them(demo):
    article = demo.site.articles_by_uri[DISCLOSURE_ARTICLE]
    partial = article.meta.model_copy(update={"disclosure": article.meta.disclosure.model_copy(
        update={"publisher": None, "category": None, "scope": None, "doc_no": "<b>清人常〔2021〕11号</b>"})})
    demo.site.articles_by_uri[DISCLOSURE_ARTICLE] = type(article)(article.src_uri, partial, article.path)
    try:
        markdown = decorate(demo.catalog, DISCLOSURE_ARTICLE, "正文")
    finally:
        demo.site.articles_by_uri[DISCLOSURE_ARTICLE] = article
    assert "发布机构" not in markdown and "信息类别" not in markdown and "公开范围" not in markdown
    rows = re.findall(r"<tr>(.*?)</tr>", markdown)
    assert len(rows) == 2
    assert rows[1].startswith('<th scope="row">文号</th><td colspan="3">')     # odd one out spans the row
    assert "<b>" not in markdown and "&#60;b&#62;" in markdown


# ---- 2. footer ----

def test_footer_items_and_links(built):
    html = built.html("index.md")
    footer = html[html.index('<footer class="md-footer rd-footer">'):]
    assert "主办单位：清溪县人民代表大会常务委员会办公室" in footer
    assert "地址：清溪县城关镇人民路 1 号" in footer and "电话：0000-0000000" in footer
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">演示ICP备00000000号</a>' in footer
    assert ('<a href="https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000" rel="noopener">'
            "演示公网安备00000000000000号</a>") in footer
    assert "网站标识码：0000000000" in footer
    assert '<a href="ditu/">网站地图</a>' in footer
    # From a nested page the site-map link is relative and reaches the page.
    nested = built.html(urls.deputy("d0001"))
    assert '<a href="../../ditu/">网站地图</a>' in nested
    assert (built.site / "ditu" / "index.html").is_file()


# ---- 5. QR code of the page address ----

def test_qr_is_pure_and_labelled():
    assert public_address("https://a.example/renda", "daibiao/d0001/") == "https://a.example/renda/daibiao/d0001/"
    assert public_address("https://a.example/", "") == "https://a.example/"
    assert public_address("https://a.example/", "文件/一/") == "https://a.example/%E6%96%87%E4%BB%B6/%E4%B8%80/"
    svg = str(qr.qr_svg("https://a.example/x/"))
    assert svg.startswith('<svg role="img" aria-label="本页网址的二维码：https://a.example/x/"')
    assert "<title>本页网址的二维码：https://a.example/x/</title>" in svg
    assert " width=" not in svg.split(">")[0]                 # sized by CSS, so it fits a phone
    assert qr.qr_svg("https://a.example/x/") != qr.qr_svg("https://a.example/y/")
    assert qr.qr_block(None, "x/") == "" and qr.qr_block("https://a.example/", None) == ""
    assert '"<x>' not in str(qr.qr_svg('https://a.example/?q="<x>'))   # the label is escaped


def test_qr_codes_drawn_ahead_by_a_worker_process_equal_those_drawn_in_place(monkeypatch):
    from markupsafe import Markup
    site = "https://b.example/renda/"
    pages = [f"lanmu/{n}/" for n in range(6)] + ["文件/一/"]
    expected = {page: qr._figure(Markup(qr._svg(public_address(site, page)))) for page in pages}
    monkeypatch.setattr(qr, "_DRAWN", {})
    monkeypatch.setattr(qr.QrCodes, "CHUNK", 2)              # a worker for 7 pages, 4 chunks
    codes = qr.QrCodes(site, pages)
    # From here on this process cannot draw: every code must come from the worker process.
    monkeypatch.setattr(qr, "_svg", lambda url: pytest.fail(f"drawn in place: {url}"))
    try:
        assert codes._pool is not None
        for page in reversed(pages):
            assert codes.block(page) == expected[page]
        assert codes.block(None) == ""
    finally:
        codes.close()
    assert qr.QrCodes(None, pages).block("x/") == ""


def test_qr_codes_are_drawn_in_place_where_no_worker_process_can_start(monkeypatch):
    def no_processes(*args, **kwargs):
        raise OSError(38, "Function not implemented")       # e.g. a container without /dev/shm
    from renda_site.publish import helper
    monkeypatch.setattr(helper, "ProcessPoolExecutor", no_processes)
    monkeypatch.setattr(qr.QrCodes, "CHUNK", 2)
    pages = [f"lanmu/{n}/" for n in range(5)]
    codes = qr.QrCodes("https://b.example/", pages)
    assert codes._pool is None
    assert [codes.block(page) for page in pages] == [qr.qr_block("https://b.example/", page) for page in pages]


@pytest.mark.parametrize("uri", ["index.md", urls.deputy("d0001"), DISCLOSURE_ARTICLE, "ditu/index.md"])
def test_each_page_carries_the_qr_of_its_own_address(built, uri):
    html = built.html(uri)
    url = site_url(built) + output_path(uri).removesuffix("index.html")
    assert str(qr.qr_block(site_url(built), output_path(uri).removesuffix("index.html"))) in html
    assert f'aria-label="本页网址的二维码：{url}"' in html
    assert "扫一扫在手机打开当前页" in html


def test_no_page_loads_anything_from_another_host_for_the_qr(built):
    for page in built.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<img[^>]+src="https?://', html), page


# ---- 4. alt text, no pop-ups ----

def test_every_image_has_alt_text_and_no_link_opens_a_new_window(built):
    pages = list(built.site.rglob("*.html"))
    assert len(pages) > 150
    images = 0
    for page in pages:
        elements = Elements(page.read_text(encoding="utf-8"))
        for attrs in elements.find("img"):
            images += 1
            assert (attrs.get("alt") or "").strip(), f"{page}: <img> without alt text: {attrs}"
        for attrs in elements.find("svg"):
            if attrs.get("role") == "img":   # named by aria-label, or by the <title> it points at
                named_by = attrs.get("aria-labelledby")
                assert attrs.get("aria-label") or (named_by and re.search(
                    rf'<title id="{re.escape(named_by)}">[^<]+</title>', elements.html)), (page, attrs)
        for attrs in elements.find("a"):
            assert attrs.get("target") not in ("_blank", "_new"), f"{page}: link opens a new window"
    assert images >= 5                                        # the demo deputies' photos


# ---- variant: no site_url, no footer items, a page with a feed ----

FEED_PAGE = """---
title: 订阅测试
feed: dongtai/feed.xml
feed_title: 人大动态（Atom）
---

正文。
"""


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    """The demo without site_url and without extra.footer, plus one page that declares a feed."""
    project = copy_project(tmp_path_factory.mktemp("variant"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^site_url:.*\n", "", text)
    text = text[: text.index("\nextra:")] + "\n"
    config.write_text(text, encoding="utf-8")
    (project / "docs" / "dingyue").mkdir()
    (project / "docs" / "dingyue" / "ceshi.md").write_text(FEED_PAGE, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", result.stdout + result.stderr


def test_without_site_url_there_is_no_qr_and_one_info_line(variant):
    site, log = variant
    assert log.count("未填写 site_url") == 1
    for page in site.rglob("*.html"):
        assert "rd-qr" not in page.read_text(encoding="utf-8"), page


def test_footer_items_are_all_optional(variant):
    site, _ = variant
    html = (site / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<footer class="md-footer rd-footer">'):html.index("</footer>")]
    assert "网站地图" in footer
    for absent in ("主办单位", "地址", "电话", "ICP", "公网安备", "网站标识码", "清溪"):
        assert absent not in footer


def test_feed_front_matter_becomes_an_alternate_link(variant):
    site, _ = variant
    html = (site / "dingyue" / "ceshi" / "index.html").read_text(encoding="utf-8")
    links = Elements(html).find("link", rel="alternate feed")
    assert links == [{"rel": "alternate feed", "type": "application/atom+xml", "href": "../../dongtai/feed.xml",
                      "title": "人大动态（Atom）"}]
    # A generated listing page uses the same contract for its own column feed, and only that one.
    listing = (site / "dongtai" / "index.html").read_text(encoding="utf-8")
    (link,) = Elements(listing).find("link", rel="alternate feed")
    assert link["href"] == "feed.xml" and link["type"] == "application/atom+xml" and "人大动态" in link["title"]


def test_site_map_lists_nav_sections_and_record_indexes(built, demo):
    html = built.html("ditu/index.md")
    hrefs = set(re.findall(r'href="([^"#]+)"', html[html.index("<h1"):html.index('<footer')]))
    base = built.site / "ditu"
    reached = {(base / h).resolve().relative_to(built.site.resolve()).as_posix().removesuffix(".")
               for h in hrefs if not h.startswith("http")}
    for entry in read_config(built.project)["nav"]:            # every section of the nav, by its index
        (title, target), = entry.items()
        first = target if isinstance(target, str) else target[0]
        assert output_path(first).removesuffix("index.html").rstrip("/") in reached, title
    for term in demo.site.terms:
        assert f"daibiao/jie-{term.id}" in reached
    for year in {b.year for b in demo.site.bulletins}:
        assert f"gongbao/{year}" in reached
    assert {"renmian", "renmian/renyuan", "gaikuang/jianjie"} <= reached
    for target in reached:                                      # every link lands on a built page
        assert (built.site / target / "index.html").is_file() or (built.site / target).is_file(), target
    assert "网站地图" not in re.search(r'<nav class="rd-columns[ "].*?</nav>', html, re.S).group(0)   # not a column


# ---- alt text is checked before the build, with file and line ----

def test_images_without_alt_text_are_found_by_line():
    from renda_site.input.alttext import images_without_alt
    text = "\n".join([
        "![会议现场](a.jpg)",                     # 1 fine
        "![](b.jpg)",                             # 2 empty
        "文字 ![ ](c.png \"标题\") 文字",           # 3 blank
        '<img src="d.png" alt="说明">',           # 4 fine
        '<img src="e.png">',                      # 5 no alt
        "<img src='f.png' alt=''>",               # 6 empty alt
        "```",
        "![](in-code.png)",                       # 8 inside a code block: not an image
        "```",
        "![][ref]",                               # 10 reference image without alt
    ])
    assert images_without_alt(text) == [2, 3, 5, 6, 10]


def test_an_image_without_alt_stops_the_build_with_file_and_line(tmp_path):
    import renda_site
    project = copy_project(tmp_path / "p")
    article = project / "docs" / "dongtai" / "2024-02-27-changweihui-di16ci-huiyi.md"
    lines = article.read_text(encoding="utf-8").splitlines()
    lines.insert(len(lines) - 1, "![](../assets/photos/d0001.svg)")
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems, _ = renda_site.check(project)
    from renda_site.input.alttext import MESSAGE
    assert [str(p) for p in problems.errors] == [
        f"docs/dongtai/2024-02-27-changweihui-di16ci-huiyi.md:{len(lines) - 1} 错误 {MESSAGE}"]
    assert MESSAGE.startswith("图片缺少替代文字")
