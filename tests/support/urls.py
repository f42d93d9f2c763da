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
