"""Hand-written Markdown pages get a header (date, source, disclosure block) and a provenance footer
(whatever cites the page through a relation: the issues of a gazette that carry it, the meeting that
adopted it, the suggestion it answers). Pure functions of the catalog, so any generator can call them."""
from __future__ import annotations

import re

from ..model.relations import CITED_AS, PAGES
from ..text import md_text
from .env import render

# 公文 parts the theme styles (centred passing note, right-aligned 落款): found by their shape, marked with
# attr_list classes, so editors write plain paragraphs. The passing note is the first paragraph, e.g.
# （2024年4月25日清溪县第十八届人民代表大会常务委员会第十七次会议通过） or ——2024年4月25日在……会议上;
# the 落款 is the last paragraph, a date, after a short line with the body's name.
_PASSING_NOTE = re.compile(r"^(（[^（）\n]{4,120}(通过|批准|公布|修正|修订|备案)[^（）\n]{0,40}）"
                           r"|——[^\n]{4,120}(会议|大会)上(的[^\n]{0,20})?)$")
_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
_SIGNER = re.compile(r"^[^\s。；，：！？]{2,40}$")


def mark_gongwen(markdown: str) -> str:
    """`markdown` with the passing note and the 落款 marked (`{: .rd-passing-note }`, `{: .rd-signature }`)."""
    blocks = markdown.strip("\n").split("\n\n")
    if not blocks:
        return markdown
    if "\n" not in blocks[0].strip() and _PASSING_NOTE.match(blocks[0].strip()):
        blocks[0] = blocks[0].strip() + "\n{: .rd-passing-note }"
    if len(blocks) >= 3 and _DATE.match(blocks[-1].strip()) and _SIGNER.match(blocks[-2].strip()):
        blocks[-2] = blocks[-2].strip() + "\n{: .rd-signature }"
        blocks[-1] = blocks[-1].strip() + "\n{: .rd-signature }"
    return "\n\n".join(blocks) + "\n"


def shows_date(config, src_uri: str) -> bool:
    """Does the page show its date? Not on fixed pages (人大概况, 联系我们, 专题): outside the article columns,
    in a section of data/site.yaml `inspection.sections` whose type has no update limit (静态介绍). Their
    date is still in the page tags (PubDate) for inspection tools."""
    folder = src_uri.split("/")[0] if "/" in src_uri else ""
    if any(column.id == folder for column in config.columns):
        return True
    limits = {limit.type: limit for limit in config.inspection.limits}
    section = next((s for s in config.inspection.sections if s.id == folder), None)
    limit = limits.get(section.type) if section is not None else None
    return section is None or limit is None or limit.days is not None or limit.months is not None


def neighbours(articles, column, article) -> tuple:
    """(上一篇, 下一篇) of an article within its column, in the column list's order (newest first): the
    article listed above it and the one below; None at either end."""
    if column is None or article is None:
        return None, None
    listed = articles.by_column.get(column.id, [])
    index = next((i for i, a in enumerate(listed) if a is article), None)
    if index is None:
        return None, None
    return (listed[index - 1] if index > 0 else None), (listed[index + 1] if index + 1 < len(listed) else None)


def decorate(catalog, src_uri: str, markdown: str) -> str:
    articles = catalog.index(catalog.pages_kind)
    article = articles.by_uri.get(src_uri)
    held = catalog.withheld_pages().get(src_uri)      # only the preview renders such a page
    citations = [(*CITED_AS.get(ref.relation.name, ("", "")), *catalog.cite(ref))
                 for ref in catalog.refs_to(PAGES, src_uri) if ref.relation.cite is not None]
    if article is None and held is None and not citations:
        return markdown
    if held is not None:
        article = held[0]
    column = articles.column_of.get(src_uri)
    context = {"article": article, "column": column, "citations": citations,
               "dated": shows_date(catalog.config, src_uri), "neighbours": neighbours(articles, column, article)}
    header = render("article_header.md.j2", src_uri, catalog, **context) if article else ""
    if held is not None:
        note = held[1].removeprefix("草稿")  # 草稿（draft: true）… is marked 草稿 already
        header = (
            f'<p class="rd-draft" markdown="span">**草稿**　{md_text(note)}（本页只在本机预览中显示）</p>\n\n' + header
        )
    footer = render("article_footer.md.j2", src_uri, catalog, **context)
    return f"{header}\n{mark_gongwen(markdown)}\n\n{footer}"
