"""Every data field and front-matter value is text on every path of the built site (issue 16, class 1).

A copy of the demo gets script-and-markup payloads in a deputy's name, an appointment list's title, a
bulletin item, a term, a column, and in an article's front matter (title, description, source, author,
feed title, disclosure number); it passes check (they are ordinary text) and is built with MkDocs and
Pagefind. Then, in the built files: the <title>, every <meta content>, every <link> and the breadcrumb
show each payload as the very text typed; no page has an inline script, an event attribute or a
javascript: address; the Atom feeds and the JSON files carry the payloads as text values; and real
Chromium opens the pages and runs a search for them without a single dialog. (test_escaping_hypothesis.py
proves the same for the generated Markdown with random payloads; this is the end-to-end proof.)"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from support import urls
from support.hosting import serve
from support.project import copy_project, mkdocs_build

ATTACK = "</title><script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;&#60;b&#62;{{7*7}}"
NEWEST = "docs/dongtai/2026-08-20-shicha-fangxun.md"
# (file, text as in the demo, YAML key, marker): each value becomes marker + ATTACK.
DATA = [
    ("data/deputies/d0001.yaml", "name: 周明远", "name", "代表甲"),
    ("data/appointments/18-19.yaml", "title: 清溪县第十八届人大常委会第十九次会议任免名单", "title", "名单乙"),
    ("data/bulletins/2024/3.yaml", "  - title: 清溪县人民代表大会常务委员会关于批准2023年县级财政决算的决议",
     "  - title", "目录丙"),
    ("data/site.yaml", "    title: 人大动态", "    title", "栏目丁"),
]
FRONT = {"title": "标题戊", "description": "摘要己", "source": "来源庚", "author": "作者辛", "feed_title": "订阅壬"}


def _yaml(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("escaping") / "p")
    for file, old, key, marker in DATA:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, f"{key}: {_yaml(marker + ATTACK)}", 1), encoding="utf-8")
    path = project / NEWEST
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    kept = [line for line in head.splitlines() if not line.startswith(tuple(FRONT))]
    kept += [f"{key}: {_yaml(marker + ATTACK)}" for key, marker in FRONT.items()]
    kept += ["feed: dongtai/feed.xml", "disclosure:", f"  doc_no: {_yaml('文号癸' + ATTACK)}"]
    path.write_text("\n".join(kept) + "\n---\n" + body, encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.title, self.metas, self.links, self.starts, self.inline_scripts = "", {}, [], [], 0
        self._stack = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.starts.append((tag, attrs))
        if tag == "meta" and "name" in attrs:
            self.metas[attrs["name"]] = attrs.get("content")
        if tag == "link":
            self.links.append(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
            self.inline_scripts += 1
        if tag not in ("meta", "link", "img", "br", "hr", "input", "source"):
            self._stack.append(tag)

    def handle_endtag(self, tag):
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data):
        if self._stack and self._stack[-1] == "title" and "head" in self._stack:     # not an SVG's <title>
            self.title += data


def pages(site):
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_no_page_gains_a_script_a_handler_or_a_dangerous_address(hostile):
    found = pages(hostile)
    assert len(found) > 150
    for name, html in found.items():
        page = Page(html)
        assert page.inline_scripts == 0, name
        for tag, attrs in page.starts:
            assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), name
            for key in ("href", "src", "action", "content"):
                value = re.sub(r"[\x00-\x20]", "", attrs.get(key) or "").lower()
                assert not value.startswith(("javascript:", "data:text", "vbscript:")), (name, tag, attrs)


def test_title_meta_link_and_breadcrumb_show_the_text_as_typed(hostile):
    article = Page((hostile / "dongtai" / "2026-08-20-shicha-fangxun" / "index.html").read_text(encoding="utf-8"))
    assert article.title == "标题戊" + ATTACK + " - 清溪县人大常委会"
    assert article.metas["ArticleTitle"] == "标题戊" + ATTACK
    assert article.metas["Description"] == "摘要己" + ATTACK
    assert article.metas["ContentSource"] == "来源庚" + ATTACK
    assert article.metas["Author"] == "作者辛" + ATTACK
    feed = [link for link in article.links if "feed" in (link.get("rel") or "")]
    assert feed and feed[0]["href"] == "../feed.xml" and feed[0]["title"] == "订阅壬" + ATTACK
    deputy = Page((hostile / urls.built(urls.deputy("d0001"))).read_text(encoding="utf-8"))
    assert deputy.title == "代表甲" + ATTACK + " - 清溪县人大常委会"
    assert deputy.metas["ArticleTitle"] == "代表甲" + ATTACK
    listing = Page((hostile / "renmian" / "18-19" / "index.html").read_text(encoding="utf-8"))
    assert listing.title.startswith("名单乙" + ATTACK)
    html = (hostile / "dongtai" / "2026-08-20-shicha-fangxun" / "index.html").read_text(encoding="utf-8")
    assert "文号癸" in html and "<script>alert" not in html


def test_feeds_and_json_carry_the_text_as_values(hostile):
    entries = {}
    for path in hostile.rglob("feed.xml"):
        root = ET.parse(path).getroot()
        for node in root.iter():
            if node.tag.endswith("}title") or node.tag.endswith("}summary"):
                entries[node.text] = path.relative_to(hostile).as_posix()
    assert "标题戊" + ATTACK in entries
    assert "摘要己" + ATTACK in entries
    assert any(title.startswith("名单乙" + ATTACK) for title in entries)
    assert any(ATTACK in title and "栏目丁" in title for title in entries)       # the column's feed title
    deputy = json.loads((hostile / urls.record_json(urls.deputy("d0001"))).read_text(encoding="utf-8"))
    assert deputy["name"] == "代表甲" + ATTACK
    listing = json.loads((hostile / "renmian" / "18-19.json").read_text(encoding="utf-8"))
    assert listing["title"] == "名单乙" + ATTACK
    everything = json.loads((hostile / "shuju" / "deputies.json").read_text(encoding="utf-8"))
    assert "代表甲" + ATTACK in [record["name"] for record in everything["records"]]


def test_chromium_opens_the_pages_and_searches_without_a_dialog(hostile, chromium):
    with serve("nginx", hostile, "") as base:
        page = chromium.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for url in ["", "dongtai/", "dongtai/2026-08-20-shicha-fangxun/", urls.served(urls.deputy("d0001")), "daibiao/",
                    "renmian/18-19/", "renmian/renyuan/", "gongbao/2024/3/", "ditu/", "shuju/"]:
            page.goto(base + url, wait_until="networkidle")
        page.goto(base, wait_until="networkidle")
        box = page.locator("input[type=search], .pagefind-ui__search-input, [data-renda-search] input").first
        box.click()
        box.fill("代表甲")
        page.locator('[class*="result"] a[href]').first.wait_for(state="attached", timeout=15000)
        page.wait_for_timeout(300)
        page.close()
    assert dialogs == []
