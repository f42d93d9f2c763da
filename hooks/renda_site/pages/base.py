from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from .. import urls
from ..site import Site
from ..safe_markdown import markdown_block
from ..text import cn_date, cn_number, md_link, md_text, relative_link


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


@pass_context
def _link(context, to_uri: str, text: object, attrs: str = "") -> Markup:
    return md_link(context["page_uri"], to_uri, text, attrs)


@pass_context
def _href(context, to_uri: str) -> Markup:
    return Markup(relative_link(context["page_uri"], to_uri))


# Every `{{ value }}` passes through md_text unless it is already Markup (a link, a block):
# escaping is the default, so a template cannot forget it.
ENV = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent.parent / "templates"),
    finalize=md_text, autoescape=False, undefined=StrictUndefined,
    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)
ENV.globals.update(link=_link, href=_href, urls=urls, cn_number=cn_number, sep=Markup("　"))
ENV.filters.update(cn_date=cn_date, markdown_block=markdown_block)


@dataclass(frozen=True)
class Pager:
    """One page of a paginated listing."""

    number: int
    count: int
    base: str
    items: Sequence

    def uri_of(self, number: int) -> str:
        return urls.listing(self.base, number)

    @property
    def uri(self) -> str:
        return self.uri_of(self.number)

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link: the first, the last and `around` either side of this one; None marks a gap.
        Bounded, so a listing page does not grow with the number of pages (a 20-year column has hundreds)."""
        shown = sorted({1, self.count} | set(range(max(1, self.number - around), min(self.count, self.number + around) + 1)))
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


def feed_title(site: Site, section_title: str) -> str:
    return f"{site.info.name} · {section_title}"


def listing_feed(site: Site, section: str, section_title: str) -> dict:
    """What a listing page needs to announce its Atom feed (feeds.py writes the feed itself):
    front matter `feed`/`feed_title`, from which the theme adds <link rel="alternate">, and a visible link."""
    return {"path": urls.feed(section), "title": feed_title(site, section_title)}


class PageKind:
    """A kind of generated page. Subclasses set `template` and yield (uri, edit_path, context)."""

    template: str

    def __init__(self, site: Site):
        self.site = site

    def contexts(self) -> Iterable[tuple[str, str | None, dict]]:
        raise NotImplementedError

    def pages(self) -> Iterator[GeneratedPage]:
        template = ENV.get_template(self.template)
        for uri, edit_path, context in self.contexts():
            markdown = template.render(page_uri=uri, site=self.site, **context)
            yield GeneratedPage(uri, markdown, edit_path)
