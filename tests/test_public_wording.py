"""Nothing written for developers on the pages readers see (issue 25): no data/ or docs/ paths, YAML,
schema, Markdown, field names in English, 「编辑本站」, 「本站只列出…」, nor how the site is generated.
Data links say 数据下载 and feeds 订阅. The developer page (数据字段说明, shuju/ziduan/) is the one
page meant for them and is left out."""
from __future__ import annotations

import html
import re

DEVELOPER_PAGES = ("shuju/ziduan/",)

DEVELOPER_WORDING = {
    "a path in the project": re.compile(r"\b(?:data|docs|hooks|overrides)/"),
    "a file format for editors": re.compile(r"YAML|\.ya?ml\b|Markdown|front matter", re.IGNORECASE),
    "schema": re.compile(r"schema|数据结构定义", re.IGNORECASE),
    "a field name in English": re.compile(r"\b[a-z]+_[a-z_]+\b"),
    "an editing invitation": re.compile(r"编辑本站|编辑此页|在 GitHub"),
    "a note on what the site leaves out": re.compile(r"本站只列出|本站仅列出"),
    "how the site is built": re.compile(r"网站生成|生成网站|生成时|可下载为数据文件|构建"),
}


def visible_lines(page: str) -> list[str]:
    """The text a reader sees in <body>: scripts, styles and tags removed."""
    body = page[page.find("<body"):]
    body = re.sub(r"<(script|style|template)\b.*?</\1>", " ", body, flags=re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", body))
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_public_pages_have_no_lines_for_developers(built):
    found = []
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > 100, "the demo site was not built"
    for path in pages:
        url = path.relative_to(built.site).as_posix()
        if url.startswith(DEVELOPER_PAGES):
            continue
        for line in visible_lines(path.read_text(encoding="utf-8")):
            for what, pattern in DEVELOPER_WORDING.items():
                if pattern.search(line):
                    found.append(f"{url}: {what}: {line[:100]}")
    assert not found, "lines meant for developers on public pages:\n" + "\n".join(found[:40])


def test_data_and_feed_links_are_labelled_for_readers(built):
    """Where a listing offers its data, the line starts 数据下载; where it offers a feed, 订阅."""
    for url in ("daibiao/index.html", "renmian/index.html", "huiyi/index.html", "gongbao/index.html"):
        page = (built.site / url).read_text(encoding="utf-8")
        assert "数据下载：" in "\n".join(visible_lines(page)), f"{url} offers its data without 数据下载"
    page = (built.site / "dongtai" / "index.html").read_text(encoding="utf-8")
    assert "订阅本栏目" in visible_lines(page), "the column page's feed link is not labelled 订阅本栏目"
