"""Where each generated page lives, as a source path relative to docs/ (MkDocs turns
`daibiao/d0001.md` into `daibiao/d0001/`). One function per page kind, used by every link."""
from __future__ import annotations

HOME = "index.md"
DEPUTIES = "daibiao/index.md"
BULLETINS = "gongbao/index.md"
APPOINTMENTS = "renmian/index.md"
PEOPLE = "renmian/renyuan.md"
SITEMAP = "ditu/index.md"


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
