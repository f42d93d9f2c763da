"""Where the generated pages live (source paths under docs/), written out independently of the
generator: the URL contract the tests hold the site to. A change here is a change of public addresses."""
from __future__ import annotations

HOME = "index.md"
DEPUTIES = "daibiao/index.md"
BULLETINS = "gongbao/index.md"
APPOINTMENTS = "renmian/index.md"
PEOPLE = "renmian/renyuan.md"
ABOUT = "gaikuang/index.md"
SITEMAP = "ditu/index.md"
OPEN_DATA = "shuju/index.md"
OPEN_DATA_FIELDS = "shuju/ziduan.md"     # the fields and formats, for developers
POPOLO = "shuju/popolo.json"
MEETINGS = "huiyi/index.md"
HUIYI_BASE = "huiyi"
STATIONS = "daibiaogongzuo/lianluozhan/index.md"
UNITS = "banli/danwei/index.md"
REPLIES_BASE = "banli/dafu"


def deputy(deputy_id: str) -> str:
    return f"daibiao/{deputy_id}.md"


def term(term_id: str) -> str:
    return f"daibiao/jie-{term_id}.md"


def composition(term_id: str) -> str:
    return f"daibiao/goucheng-{term_id}.md"


def bulletin_year(year: int) -> str:
    return f"gongbao/{year}/index.md"


def bulletin(year: int, number: int) -> str:
    return f"gongbao/{year}/{number}.md"


def appointment_list(list_id: str) -> str:
    return f"renmian/{list_id}.md"


def listing(base: str, page: int) -> str:
    return f"{base}/index.md" if page == 1 else f"{base}/page-{page}.md"


def feed(section: str) -> str:
    return f"{section}/feed.xml"


def record_json(page_uri: str) -> str:
    return page_uri[:-3] + ".json"


def open_data(name: str) -> str:
    return f"shuju/{name}"


def suggestion(session_id: str, number: int) -> str:
    return f"jianyi/{session_id}/{number}.md"


def session_suggestions(session_id: str) -> str:
    return f"jianyi/{session_id}/index.md"


def session_summary(session_id: str) -> str:
    return f"banli/{session_id}.md"


def unit(unit_id: str) -> str:
    return f"banli/danwei/{unit_id}.md"


def meeting(meeting_id: str) -> str:
    return f"huiyi/{meeting_id}.md"


def meetings_of_term(term_id: str) -> str:
    return f"huiyi/jie-{term_id}.md"


def station(station_id: str) -> str:
    return f"daibiaogongzuo/lianluozhan/{station_id}.md"


def served(source: str) -> str:
    """The address a reader opens for the page made from `source`, relative to the site root
    (directory URLs: daibiao/d0001.md -> daibiao/d0001/, index.md -> "")."""
    if source == "index.md":
        return ""
    return source[: -len("index.md")] if source.endswith("/index.md") else source[:-3] + "/"


def built(source: str) -> str:
    """The HTML file MkDocs writes for `source` with directory URLs (daibiao/d0001/index.html)."""
    return served(source) + "index.html"


def flat(source: str) -> str:
    """The HTML file written for `source` without directory URLs, as in the offline copy (daibiao/d0001.html)."""
    return source[:-3] + ".html"
