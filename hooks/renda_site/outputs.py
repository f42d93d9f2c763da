"""What the generator produces, as plain data: the bottom of the package, imported by every stage.

Record kinds describe their pages (`PageSpec`), feeds (`Feed`), links (`Link`) and charts (`Chart`)
with these types; the render stage turns page specs into Markdown (`GeneratedPage`) and the publish
stage writes files (`GeneratedFile`), feeds and the search index from them.
"""
from __future__ import annotations

import datetime
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .address import listing


@dataclass(frozen=True)
class GeneratedPage:
    uri: str                 # source path relative to docs/, e.g. daibiao/d0001.md
    markdown: str
    edit_path: str | None    # the file an editor changes, relative to the project root


@dataclass(frozen=True)
class GeneratedFile:
    """A generated file that is not a page (feed, JSON, CSV): published as is, beside the pages."""

    path: str                # relative to the site root, e.g. dongtai/feed.xml
    data: bytes


@dataclass(frozen=True)
class SearchHint:
    """What the search index should know about one page that its HTML does not say."""

    skip: bool = False                     # a pure listing: it repeats the titles of what it lists
    date: datetime.date | None = None      # the page's date (year filter, date meta)
    person: tuple[str, ...] = ()           # the names of the one person the page is about


@dataclass(frozen=True)
class Crumb:
    """One breadcrumb level between a page's column and the page: a title and a root-relative URL (as
    Address.page gives it) or a source path under docs/."""

    title: str
    url: str


crumb = Crumb


@dataclass(frozen=True)
class PageSpec:
    """One generated page: rendered from `template` with `context` (plus `page_uri` and the catalog).

    The rest becomes the page's front matter, read by the theme: `layout` (home | record | listing),
    `crumbs` (the breadcrumb's levels between the column and the page), a listing's `feed` and
    `feed_title`; a page of the theme's own has its `title`, `theme_template` and the parts it `hides`."""

    uri: str
    template: str
    context: dict[str, Any]
    edit_path: str | None = None
    search: SearchHint = SearchHint()
    layout: Literal["home", "record", "listing"] | None = None
    crumbs: tuple[Crumb, ...] | None = None        # None: no crumbs key; () writes an empty list
    feed: str | None = None
    feed_title: str | None = None
    title: str | None = None
    theme_template: str | None = None
    hides: tuple[str, ...] | None = None

    def front_matter(self) -> dict[str, Any]:
        """The front matter's keys and values, in the order the page writes them (only those given)."""
        keys: dict[str, Any] = {
            "title": self.title,
            "template": self.theme_template,
            "hide": list(self.hides) if self.hides is not None else None,
            "layout": self.layout,
            "crumbs": [{"title": c.title, "url": c.url} for c in self.crumbs] if self.crumbs is not None else None,
            "feed": self.feed,
            "feed_title": self.feed_title,
        }
        return {key: value for key, value in keys.items() if value is not None}


@dataclass(frozen=True)
class Link:
    page: str                # source path of the target (a page or a file under docs/)
    text: str


@dataclass(frozen=True)
class Section:
    """A table a record kind puts on another kind's record page through a relation
    (e.g. the entries of other records that name a person, on that person's page). Cells are text or Links."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    # (term id, what) for each thing counted: a person's page adds them up per term (履职档案)
    counts: tuple[tuple[str, str], ...] = ()


FEED_LENGTH = 20                 # newest entries per feed


@dataclass(frozen=True)
class Entry:
    page: str                  # source path of the entry's page (relative to docs/)
    title: str
    date: datetime.date
    summary: str | None = None


@dataclass(frozen=True)
class Feed:
    path: str                  # where the feed file lives, relative to the site root
    listing: str               # source path of the listing page that links to it
    name: str                  # the section it follows, e.g. 人大动态
    title: str
    subtitle: str | None
    entries: list[Entry]


@dataclass(frozen=True)
class Bar:
    label: str
    count: int


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn at build time (render/charts.py), with its data table beside it."""

    id: str
    title: str
    bars: list[Bar]
    caption: str | None = None
    unit: str = "名"
    columns: tuple[str, str] = ("类别", "人数")     # the data table's headings over labels and counts


@dataclass(frozen=True)
class HomeItem:
    link: Link
    date: datetime.date | None = None
    note: str | None = None


@dataclass(frozen=True)
class HomeBlock:
    """A block of the home page: a section's newest items and its 「更多」 link, or a body of the kind's own
    (`template` with `context`). `id` is the section's folder (dongtai, gongbao …): data/site.yaml
    `home.blocks` orders the blocks by it; blocks of several kinds with one id are shown as one."""

    id: str
    title: str
    more: Link | None = None
    items: list[HomeItem] = field(default_factory=list)
    template: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    last: bool = False       # without `home.blocks`, shown after every other block (the site's introduction)


@dataclass(frozen=True)
class SiteMapGroup:
    heading: str
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class Pager:
    """One page of a paginated listing."""

    number: int
    count: int
    base: str
    items: Sequence

    def uri_of(self, number: int) -> str:
        return listing(self.base, number)

    @property
    def uri(self) -> str:
        return self.uri_of(self.number)

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link: the first, the last and `around` either side of this one; None marks a gap.
        Bounded, so a listing page does not grow with the number of pages (a 20-year column has hundreds)."""
        shown = sorted(
            {1, self.count} | set(range(max(1, self.number - around), min(self.count, self.number + around) + 1))
        )
        out: list[int | None] = []
        for n in shown:
            if out and n - out[-1] == 2:       # type: ignore[operator]
                out.append(n - 1)              # a gap of one page: show the page, not "…"
            elif out and n - out[-1] > 2:      # type: ignore[operator]
                out.append(None)
            out.append(n)
        return out


def paginate(items: Sequence, per_page: int, base: str) -> Iterator[Pager]:
    count = max(1, math.ceil(len(items) / per_page))
    for number in range(1, count + 1):
        yield Pager(number, count, base, items[(number - 1) * per_page: number * per_page])
