"""Where each generated page lives, as a source path relative to docs/ (MkDocs turns
`daibiao/d0001.md` into `daibiao/d0001/`). One function per page kind, used by every link."""
from __future__ import annotations

HOME = "index.md"
DEPUTIES = "daibiao/index.md"
BULLETINS = "gongbao/index.md"
APPOINTMENTS = "renmian/index.md"
PEOPLE = "renmian/renyuan.md"
ABOUT = "gaikuang/index.md"          # hand-written (人大概况); linked from the home page when present
SITEMAP = "ditu/index.md"
OPEN_DATA = "shuju/index.md"          # 数据开放: explains the downloads


def deputy(deputy_id: str) -> str:
    return f"daibiao/{deputy_id}.md"


def term(term_id: str) -> str:
    return f"daibiao/jie-{term_id}.md"


def bulletin_year(year: int) -> str:
    return f"gongbao/{year}/index.md"


def bulletin(year: int, number: int) -> str:
    return f"gongbao/{year}/{number}.md"


def appointment_list(list_id: str) -> str:
    return f"renmian/{list_id}.md"


def listing(base: str, page: int) -> str:
    """Page 1 of a paginated listing is `<base>/index.md`, page n is `<base>/page-n.md`."""
    return f"{base}/index.md" if page == 1 else f"{base}/page-{page}.md"


# Files that are not pages (paths relative to the site root).
def feed(section: str) -> str:
    """The Atom feed of a listing: an article column, 公报 (gongbao) or 人事任免 (renmian)."""
    return f"{section}/feed.xml"


def composition(term_id: str) -> str:
    return f"daibiao/goucheng-{term_id}.md"


def record_json(page_uri: str) -> str:
    """The JSON file published beside a record page: daibiao/d0001.md -> daibiao/d0001.json.
    With use_directory_urls the page is daibiao/d0001/index.html, so the two never collide."""
    return page_uri[:-3] + ".json"


def open_data(name: str) -> str:
    return f"shuju/{name}"
