"""The portal templates on the built HTML (no browser), with hostile values on every path (issue 13).

A temporary copy of the demo gets front matter on a few pages through a tiny test hook (the generator
will write `layout`, `crumbs` and `style` on generated pages later; hand-written pages are checked by
the generator's own model, which this test does not depend on), and config values full of markup.
Every value must arrive as text: in <title>, in <meta> contents, in attributes, in the breadcrumb, in
the masthead and the footer; links with javascript: or other schemes are dropped, not printed.
"""
from __future__ import annotations

import os
import re
from html.parser import HTMLParser

import pytest
import yaml

from support.project import copy_project, mkdocs_build

HOSTILE_TITLE = '</title><script>alert(1)</script>标题 & "引号"'
META = {
    # A page in the 常委会公报 folder (a column, but not a 公文 prefix): style gongwen makes it one.
    "gongbao/ceshi.md": {
        "title": HOSTILE_TITLE,
        "description": '描述"><script>alert(2)</script>',
        "source": "来源<b>粗</b>",
        "date": "2024-01-02",
        "author": "作者&<i>",
        "keywords": ["关键词", "<b>二</b>"],
        "column_type": '类型"<x>',
        "layout": "record",
        "style": "gongwen",
        "crumbs": [
            {"title": "<b>2024年</b>", "url": "gongbao/2024/"},
            {"title": "文档路径", "url": "gongbao/2024.md"},
            {"title": "坏链接", "url": "javascript:alert(3)"},
            {"title": "坏链接二", "url": " JaVa\tScRiPt:alert(4)"},
            {"title": "数据", "url": "data:text/html,<b>x</b>"},
            {"title": "外链", "url": 'https://a.example/x?a=1&b="2"'},
        ],
    },
    # Three headings, no layout: the TOC is shown (the control case for the record page above).
    "ceshi/plain.md": {"title": "普通页面"},
    # A 公文 prefix page that opts out.
    "zhidu/2021-04-29-beian-shencha-banfa.md": {"style": "web"},
}
BODY = """正文第一段。

## 第一部分

内容。

## 第二部分

内容。

## 第三部分

<p class="rd-passing-note">（2024年1月2日清溪县第十八届人民代表大会常务委员会第十六次会议通过）</p>

<div class="rd-signature"><p>清溪县人民代表大会常务委员会</p><p>2024年1月2日</p></div>
"""
HOOK = '''
import pathlib
import yaml

META = yaml.safe_load((pathlib.Path(__file__).parent / "portal_test_meta.yaml").read_text(encoding="utf-8"))


def on_config(config):
    # After the kit's own hook has checked mkdocs.yml (which refuses these values with a located error):
    # the templates must still drop them if they ever reach a page.
    config.extra["masthead"]["links"][0]["url"] = "javascript:alert(6)"
    config.extra["footer"]["correction"] = "javascript:alert(7)"
    return config


def on_page_markdown(markdown, page, config, files):
    page.meta.update(META.get(page.file.src_uri, {}))
    return markdown
'''


class Page(HTMLParser):
    """Start tags with attributes, the <title> text, meta contents and the breadcrumb's items."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements, self.title, self.metas, self.crumbs, self.scripts = [], "", {}, [], []
        self._in, self._crumb_depth, self._item = [], 0, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        self._in.append(tag)
        if tag == "meta" and "name" in attrs:
            self.metas.setdefault(attrs["name"], []).append(attrs.get("content"))
        if tag == "nav" and attrs.get("aria-label") == "当前位置":
            self._crumb_depth = len(self._in)
        if self._crumb_depth and tag == "li":
            self._item = {"text": "", "href": None, "current": attrs.get("aria-current")}
            self.crumbs.append(self._item)
        if self._item is not None and tag == "a":
            self._item["href"] = attrs.get("href")
        if tag in ("meta", "link", "img", "input", "br", "hr", "source"):
            self._in.pop()

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass
        if self._crumb_depth and len(self._in) < self._crumb_depth:
            self._crumb_depth = 0
        if tag == "li":
            self._item = None

    def handle_data(self, data):
        if self._in and self._in[-1] == "title" and "head" in self._in:
            self.title += data
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)
        if self._item is not None:
            self._item["text"] += data


def set_config(text: str) -> str:
    replace = [
        ("    body: 清溪县人民代表大会常务委员会", "    body: '机关<script>alert(5)</script>'"),
        ("      - title: 江州市人大常委会\n        url: https://www.jzrd.example/",
         ("      - title: '<i>坏</i>'\n        url: 'https://replaced-by-the-test-hook.example/'\n"
          "      - title: '好&链接'\n        url: 'https://ok.example/?a=1&b=2'")),
        ("    correction: mailto:wangzhan@qxrd.example",
         "    correction: 'mailto:replaced-by-the-test-hook@example.org'"),
        ("    host: 清溪县人民代表大会常务委员会办公室", "    host: '主办<b>单位</b>'"),
        ("    # dzjg_image: assets/img/dzjg.png",
         "    dzjg_image: assets/img/emblem.svg\n    dzjg_url: 'https://bszs.conac.cn/sitename?method=show&id=X\"y'"),
        ("site_description: 江州市清溪县人民代表大会常务委员会信息网（演示站点）", "site_description: '站点描述\"<b>'"),
        ("  - hooks/mkdocs_hooks.py", "  - hooks/mkdocs_hooks.py\n  - portal_test_hook.py"),
    ]
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("portal"))
    config = project / "mkdocs.yml"
    config.write_text(set_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    (project / "portal_test_hook.py").write_text(HOOK, encoding="utf-8")
    (project / "portal_test_meta.yaml").write_text(yaml.safe_dump(META, allow_unicode=True), encoding="utf-8")
    (project / "docs" / "ceshi").mkdir()
    # The page tags come from the generator, which reads the file's own front matter: the text values are
    # written there too (the hook adds what only MkDocs reads: layout, crumbs, style).
    own = {k: v for k, v in META["gongbao/ceshi.md"].items() if k not in ("layout", "crumbs", "style")}
    front = yaml.safe_dump(own, allow_unicode=True, sort_keys=False)
    (project / "docs" / "gongbao" / "ceshi.md").write_text(f"---\n{front}---\n\n{BODY}", encoding="utf-8")
    (project / "docs" / "ceshi" / "plain.md").write_text(BODY, encoding="utf-8")
    saved = os.environ.get("RENDA_PAGEFIND")
    os.environ["RENDA_PAGEFIND"] = "0"
    try:
        result = mkdocs_build(project, project / "site")
    finally:
        if saved is None:
            os.environ.pop("RENDA_PAGEFIND")
        else:
            os.environ["RENDA_PAGEFIND"] = saved
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def read(site, path) -> tuple[str, Page]:
    html = (site / path).read_text(encoding="utf-8")
    return html, Page(html)


def no_markup_got_through(html: str, page: Page) -> None:
    assert "<script>alert" not in html and "<b>单位" not in html and "<i>坏" not in html
    assert not any("alert(" in s for s in page.scripts)
    for tag, attrs in page.elements:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src"):
            value = re.sub(r"[\x00-\x20]", "", attrs.get(name) or "").lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
        assert tag not in ("b", "i") or attrs, tag      # no tag from a value (the page itself has no <b>/<i>)


def test_front_matter_and_config_values_stay_text_everywhere(hostile):
    html, page = read(hostile, "gongbao/ceshi/index.html")
    no_markup_got_through(html, page)
    assert page.title == HOSTILE_TITLE + " - 清溪县人大常委会"
    meta = {name: values[0] for name, values in page.metas.items()}
    assert all(len(values) == 1 for values in page.metas.values()), page.metas      # each name once
    assert meta["ArticleTitle"] == HOSTILE_TITLE
    assert meta["Description"] == '描述"><script>alert(2)</script>'
    assert meta["ContentSource"] == "来源<b>粗</b>" and meta["Author"] == "作者&<i>"
    assert meta["Keywords"] == "关键词,<b>二</b>" and meta["ColumnType"] == "政策文件"      # the column's own type
    assert meta["PubDate"] == "2024-01-02" and meta["ColumnName"] == "常委会公报"
    assert meta["SiteName"] == "清溪县人大常委会" and meta["SiteDomain"] == "www.qxrd.example"
    assert meta["Url"] == "https://www.qxrd.example/gongbao/ceshi/"
    assert "description" not in page.metas and "author" not in page.metas     # Material's unescaped pair is gone
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert "&lt;/title&gt;&lt;script&gt;" in h1


def test_crumbs_from_front_matter_with_safe_links_only(hostile):
    _, page = read(hostile, "gongbao/ceshi/index.html")
    items = [(c["text"].strip(), c["href"], c["current"]) for c in page.crumbs]
    assert items == [
        ("首页", "../../", None),
        ("常委会公报", "../../gongbao/", None),
        ("<b>2024年</b>", "../2024/", None),
        ("文档路径", "../2024/", None),
        ("坏链接", None, None),                  # javascript: → shown as text, no link
        ("坏链接二", None, None),
        ("数据", None, None),
        ("外链", 'https://a.example/x?a=1&b="2"', None),
        (HOSTILE_TITLE, None, "page"),
    ]


def test_layout_record_and_style_gongwen(hostile):
    html, _ = read(hostile, "gongbao/ceshi/index.html")
    assert 'class="md-content rd-content rd-layout-record rd-article"' in html
    assert 'class="md-content__inner md-typeset rd-gongwen"' in html
    assert "md-sidebar--secondary" not in html                   # three headings, but a record page
    plain, _ = read(hostile, "ceshi/plain/index.html")
    assert "md-sidebar--secondary" not in plain and "rd-gongwen" not in plain and "rd-layout-page" in plain   # no 目录
    web, _ = read(hostile, "zhidu/2021-04-29-beian-shencha-banfa/index.html")
    assert "rd-gongwen" not in web                                # style: web opts out of the prefix


def test_masthead_and_footer_values_are_text_and_bad_links_are_dropped(hostile):
    html, page = read(hostile, "index.html")
    no_markup_got_through(html, page)
    links = [(a.get("href")) for t, a in page.elements if t == "a"]
    assert "https://ok.example/?a=1&b=2" in links
    assert "好&amp;链接" in html and "机关&lt;script&gt;alert(5)&lt;/script&gt;" in html
    assert "主办单位：主办&lt;b&gt;单位&lt;/b&gt;" in html
    assert "网站纠错" not in html                                  # javascript: correction link dropped
    dzjg = [a for t, a in page.elements if t == "a" and a.get("class") == "rd-footer__dzjg"]
    assert dzjg == [{"class": "rd-footer__dzjg", "href": 'https://bszs.conac.cn/sitename?method=show&id=X"y',
                     "rel": "noopener"}]
    assert [a for t, a in page.elements if t == "img" and a.get("alt") == "党政机关网站标识"]
    assert page.metas["Description"] == ['站点描述"<b>']


def test_gongwen_by_prefix_and_not_on_listings_or_news(built):
    from support.project import output_path
    cases = {
        "gongbao/wenjian/2024/xiugai-yishi-guize-jueding.md": True,
        "zhidu/2021-04-29-beian-shencha-banfa.md": True,
        "dongtai/2024-02-27-changweihui-di16ci-huiyi.md": False,     # news keeps the web style
    }
    for uri, expected in cases.items():
        assert ("rd-gongwen" in built.html(uri)) is expected, uri
    for listing in ("shenyi/index.html", "zhidu/index.html", "gongbao/index.html"):
        assert "rd-gongwen" not in (built.site / listing).read_text(encoding="utf-8"), listing
    assert output_path("zhidu/index.md") == "zhidu/index.html"


def test_every_page_carries_site_metadata_and_home_no_article_metadata(built):
    pages = sorted(built.site.rglob("*.html"))
    for path in pages:
        metas = Page(path.read_text(encoding="utf-8")).metas
        assert metas.get("SiteName") == ["清溪县人大常委会"], path
        assert metas.get("SiteDomain") == ["www.qxrd.example"] and metas.get("SiteIDCode") == ["0000000000"], path
        assert all(len(v) == 1 for v in metas.values()), (path, metas)
    home = Page((built.site / "index.html").read_text(encoding="utf-8")).metas
    assert "ColumnName" not in home and "ArticleTitle" not in home and "PubDate" not in home
    article = Page(built.html("zhidu/2021-04-29-beian-shencha-banfa.md")).metas
    assert article["ColumnName"] == ["制度建设"] and article["PubDate"] == ["2021-04-29"]
    assert article["ContentSource"] == ["县人大常委会法制工作委员会"]
    source = (built.project / "docs" / "zhidu" / "2021-04-29-beian-shencha-banfa.md").read_text(encoding="utf-8")
    assert article["ArticleTitle"] == [yaml.safe_load(source.split("---")[1])["title"]]
    assert article["Url"] == ["https://www.qxrd.example/zhidu/2021-04-29-beian-shencha-banfa/"]


def test_no_inline_script_of_ours(built):
    """No inline script at all (Material's two are replaced, issue 16): the early settings are a script file,
    so the strict CSP of deploy/nginx/renda.conf needs no 'unsafe-inline'."""
    html = built.html("index.md")
    inline = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert inline == [], inline
    assert '<script src="assets/js/rd-early.js"></script>' in html
    assert html.index("rd-early.js") < html.index("</head>")
