"""Every address of the site, in one place: a page's source path (relative to docs/), the file a static
generator writes for it, its URL, its public (absolute) URL, and the relative link from one page or file
to another.

Record kinds say where their own pages live (`<folder>/<id>.md`); this module turns any such
source path into everything else, the way MkDocs does with `use_directory_urls` (`a/b.md` -> `a/b/`,
written to `a/b/index.html`). The generator never reads MkDocs' configuration: whatever builds the site
passes `site_url` and `directory_urls` in.
"""
from __future__ import annotations

import functools
import posixpath
import string
from dataclasses import dataclass
from urllib.parse import quote, urljoin

# Pages that belong to the whole site rather than to one record kind (source paths under docs/).
HOME = "index.md"
SITEMAP = "ditu/index.md"            # 网站地图, linked from the footer
OPEN_DATA = "shuju/index.md"         # 数据开放: explains the downloads
OPEN_DATA_FIELDS = "shuju/ziduan.md"  # 数据字段说明: the fields and formats, for developers
ABOUT = "gaikuang/index.md"          # 人大概况, hand-written; linked from the home page when present

_SAFE = "/#.-_~"


# Routes: where every page of a record kind lives (a source path under docs/; its URL, file and links
# follow by the rules below). The kinds build their pages' paths only from these, so a public address
# changes here and nowhere else. The first URL folder of a section is also its id on the home page.
DEPUTIES = "daibiao"                             # 代表风采
DEPUTY_INDEX = "daibiao/index.md"                # the current term's roster
BULLETINS = "gongbao"                            # 常委会公报
BULLETIN_ARCHIVE = "gongbao/index.md"
APPOINTMENTS = "renmian"                         # 人事任免
APPOINTMENT_INDEX = "renmian/index.md"
APPOINTED_PEOPLE = "renmian/renyuan.md"          # everyone named in any list, by pinyin
MEETINGS = "huiyi"                               # 常委会会议
MEETING_INDEX = "huiyi/index.md"
SUGGESTIONS = "jianyi"                           # 代表建议, per session
HANDLING = "banli"                               # 建议办理: figures, replies, units
REPLIES = "banli/dafu"                           # the latest replies, and their feed
UNIT_INDEX = "banli/danwei/index.md"
DEPUTY_WORK = "daibiaogongzuo"                   # 代表工作
STATION_INDEX = "daibiaogongzuo/lianluozhan/index.md"


@dataclass(frozen=True)
class Route:
    """A page path with named blanks, filled in order: Route("gongbao/{year}/{number}.md")(2024, 3)."""

    pattern: str

    @functools.cached_property
    def blanks(self) -> tuple[str, ...]:
        return tuple(name for _, name, _, _ in string.Formatter().parse(self.pattern) if name)

    def __call__(self, *values: object) -> str:
        if len(values) != len(self.blanks):
            raise TypeError(f"{self.pattern} takes {len(self.blanks)} values, not {len(values)}")
        return self.pattern.format(**dict(zip(self.blanks, values, strict=True)))


deputy = Route("daibiao/{deputy}.md")
term_roster = Route("daibiao/jie-{term}.md")
composition = Route("daibiao/goucheng-{term}.md")         # 代表构成: who the deputies of a term are
bulletin = Route("gongbao/{year}/{number}.md")
bulletin_year = Route("gongbao/{year}/index.md")
appointment_list = Route("renmian/{list}.md")
meeting = Route("huiyi/{meeting}.md")
meetings_of_term = Route("huiyi/jie-{term}.md")
suggestion = Route("jianyi/{session}/{number}.md")
session_suggestions = Route("jianyi/{session}/index.md")
session_summary = Route("banli/{session}.md")             # 办理情况统计 of one session's suggestions
unit = Route("banli/danwei/{unit}.md")
station = Route("daibiaogongzuo/lianluozhan/{station}.md")


def listing(base: str, page: int) -> str:
    """Page 1 of a paginated listing is `<base>/index.md`, page n is `<base>/page-n.md`."""
    return f"{base}/index.md" if page == 1 else f"{base}/page-{page}.md"


def feed(section: str) -> str:
    """The Atom feed of a listing (a file, not a page): `<section>/feed.xml`."""
    return f"{section}/feed.xml"


def record_json(page: str) -> str:
    """The JSON file published beside a record page: daibiao/d0001.md -> daibiao/d0001.json.
    With directory URLs the page is daibiao/d0001/index.html, so the two never collide."""
    return page[:-3] + ".json"


def open_data(name: str) -> str:
    """A download of the open-data section, e.g. `shuju/<dataset>.json`."""
    return f"shuju/{name}"


def html_path(page: str, directory_urls: bool = True) -> str:
    """The file built from a source page, relative to the site folder."""
    stem = page[:-3] if page.endswith(".md") else page
    if not directory_urls or stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def url_of_html(html: str) -> str:
    """Root-absolute URL path of a built file: `a/b/index.html` -> `/a/b/`."""
    if html == "index.html":
        return "/"
    if html.endswith("/index.html"):
        return "/" + html[: -len("index.html")]
    return "/" + posixpath.normpath(html)


@functools.lru_cache(maxsize=65536)
def relative_link(from_page: str, to_path: str) -> str:
    """A link between two source files (relative to docs/), as MkDocs resolves Markdown links.

    Both are docs-relative paths, so the common folders are dropped by plain string work: posixpath.relpath
    calls os.getcwd() twice per link, which was the generator's top entry on the largest benchmark site."""
    start = [part for part in posixpath.normpath(posixpath.dirname(from_page) or ".").split("/") if part != "."]
    target = posixpath.normpath(to_path).split("/")
    common = 0
    while common < len(start) and common < len(target) - 1 and start[common] == target[common]:
        common += 1
    return quote("/".join([".."] * (len(start) - common) + target[common:]), safe=_SAFE)


@functools.lru_cache(maxsize=65536)
def page_href(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """The href from the built page of `from_page` to the built page of `to_page` (both source paths),
    as MkDocs writes the links of a page: what raw HTML in a page must carry itself, since MkDocs
    rewrites only Markdown links. Plain string work, like relative_link."""
    start = [part for part in posixpath.dirname(html_path(from_page, directory_urls)).split("/") if part]
    target = html_path(to_page, directory_urls).split("/")
    common = 0
    while common < len(start) and common < len(target) - 1 and start[common] == target[common]:
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    if directory_urls and parts[-1] == "index.html":
        parts[-1] = ""                            # a folder: "../jianyi/18-3/41/"
    return quote("/".join(parts) or "./", safe=_SAFE)


def relative_url(from_file: str, to_url: str) -> str:
    """A root-relative URL as seen from the folder of the file `from_file`, keeping a trailing slash
    (how a feed links the pages it lists when the site's public address is unknown)."""
    rel = posixpath.relpath(to_url or ".", posixpath.dirname(from_file) or ".")
    return rel + "/" if to_url.endswith("/") and not rel.endswith("/") else rel


def public_address(site_url: str, page_url: str) -> str:
    """`site_url` joined with a page URL as MkDocs gives it (relative, e.g. `daibiao/d0001/`).
    Non-ASCII characters are percent-encoded so every QR scanner reads the same URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, quote(page_url.lstrip("/"), safe="/%#?=&.-_~"))


def docs_relative(path: str, docs_dir: str) -> str:
    """`path` (a file anywhere in the project) as seen from the docs folder, e.g. for an edit link
    from a generated page to the data file it came from: `../data/terms.yaml`."""
    return posixpath.relpath(path, docs_dir)


@dataclass(frozen=True)
class Address:
    """URLs of one build: where the site is published (`site_url`, None when unknown) and how source
    paths become URLs (`directory_urls`, MkDocs' use_directory_urls)."""

    site_url: str | None = None
    directory_urls: bool = True

    def page(self, page: str) -> str:
        """Root-relative URL of the page built from `page` (a path under docs/)."""
        stem = page[:-3] if page.endswith(".md") else page
        if not self.directory_urls:
            url = stem + ".html"
        elif stem == "index" or stem.endswith("/index"):
            url = stem[: -len("index")] or "./"
        else:
            url = stem + "/"
        return quote(url, safe=_SAFE)

    def file(self, path: str) -> str:
        """Root-relative URL of a static file such as `shuju/<dataset>.json`."""
        return quote(path, safe=_SAFE)

    def html(self, page: str) -> str:
        return html_path(page, self.directory_urls)

    def absolute(self, url: str) -> str | None:
        """`url` (root-relative) on the public site, or None when the site's address is unknown."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + url.removeprefix("./")

    def page_public(self, page: str) -> str:
        """The page's public URL when known, else its root-relative URL (what open data prints)."""
        url = self.page(page)
        return self.absolute(url) or url

    def file_public(self, path: str) -> str:
        url = self.file(path)
        return self.absolute(url) or url
