"""One page of every page kind of the demo, shared by the browser audits."""
from __future__ import annotations

from pathlib import Path

from support import urls

# One page of each kind the demo has (URL relative to the site root).
PAGE_KINDS = {
    "home": "",
    "section-index": "gaikuang/",
    "column-page-1": "dongtai/",
    "column-page-2": "dongtai/page-2/",
    "article-with-disclosure": "zhidu/2021-04-29-beian-shencha-banfa/",
    "bulletin-archive": "gongbao/",
    "bulletin-year": "gongbao/2024/",
    "bulletin-issue": "gongbao/2024/2/",
    "full-text-document": "gongbao/wenjian/2024/xiugai-yishi-guize-jueding/",
    "appointment-list": "renmian/18-19/",
    "person-index": "renmian/renyuan/",
    "deputy-index": "daibiao/",
    "term-roster": "daibiao/jie-18/",
    "deputy": urls.served(urls.deputy("d0001")),
    "404": "404.html",
    "site-map": "ditu/",
    "composition": None,          # the data branch's term composition page, found on disk if built
    "suggestion-listing": "jianyi/18-4/",
    "suggestion": "jianyi/18-3/15/",
    "suggestion-summary": "banli/18-3/",
    "handling-unit": "banli/danwei/jiaoyu/",
    "meeting": "huiyi/18-17/",
    "meetings-of-term": "huiyi/",
    "station": "daibiaogongzuo/lianluozhan/chengguan-renminlu/",
    "stations": "daibiaogongzuo/lianluozhan/",
}


def composition_url(site: Path) -> str | None:
    """The term composition page (构成) if this build has one, e.g. daibiao/jie-18/goucheng/."""
    found = sorted(p for p in site.rglob("index.html") if "goucheng" in p.relative_to(site).as_posix())
    return found[0].parent.relative_to(site).as_posix() + "/" if found else None


def url_of(built, kind: str) -> str:
    url = PAGE_KINDS[kind]
    if kind == "composition":
        url = composition_url(built.site)
        assert url is not None, "the build has no term composition page (daibiao/goucheng-<term>/)"
    return url
