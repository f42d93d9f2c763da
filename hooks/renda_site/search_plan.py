"""What the search index needs to know that the built HTML does not say: a plain-data plan.

The generator knows every person's name, every page's date and section, and which pages are mere
listings; `search_index.index_site` turns the built HTML plus this plan into a Pagefind index.
Nothing here imports MkDocs, so any front end (or a benchmark) can build the same plan.
"""
from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass, field

from . import urls
from .site import Site

# Sections whose pages the generator makes; hand-written sections take their names from the nav.
RECORD_SECTIONS = {"daibiao": "代表风采", "gongbao": "常委会公报", "renmian": "人事任免"}


@dataclass(frozen=True)
class SearchPlan:
    names: frozenset[str] = frozenset()                          # people a reader may look for
    sections: dict[str, str] = field(default_factory=dict)       # first URL folder -> section title
    dates: dict[str, datetime.date] = field(default_factory=dict)  # html path -> page date
    skip: frozenset[str] = frozenset()                           # html paths of pure listings
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)  # html path -> names of the one person it is about
    unnamed: frozenset[str] = frozenset()                        # indexed, but not found by the names they list


def html_path(src_uri: str, directory_urls: bool = True) -> str:
    """The built file of a source page, relative to the site folder (as MkDocs writes it)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not directory_urls or stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def sections_from_nav(nav: list | None) -> dict[str, str]:
    """First folder -> title of each top-level entry of mkdocs.yml `nav` (plain YAML data)."""
    sections: dict[str, str] = {}
    for entry in nav or []:
        if not isinstance(entry, dict):
            continue
        for title, target in entry.items():
            first = _first_path(target)
            if first and "/" in first:
                sections.setdefault(first.split("/", 1)[0], str(title))
    return sections


def _first_path(target) -> str | None:
    if isinstance(target, str):
        return target
    if isinstance(target, list):
        for item in target:
            found = _first_path(next(iter(item.values())) if isinstance(item, dict) else item)
            if found:
                return found
    return None


def search_plan(site: Site, nav: list | None = None, directory_urls: bool = True) -> SearchPlan:
    path = lambda uri: html_path(uri, directory_urls)  # noqa: E731
    names = {d.name for d in site.deputies}
    names.update(n for d in site.deputies for n in d.other_names or [])
    names.update(e.name for a in site.appointments for e in a.entries)
    sections = {**sections_from_nav(nav), **RECORD_SECTIONS}
    sections.update({c.id: c.title for c in site.info.columns})
    dates = {path(uri): a.meta.date for uri, a in site.articles_by_uri.items() if a.meta.date}
    dates.update({path(urls.bulletin(b.year, b.number)): b.date for b in site.bulletins})
    dates.update({path(urls.appointment_list(a.id)): a.date for a in site.appointments})
    # Listings repeat the titles of the pages they list: indexing them would push the real page
    # down for a title query. The person index lists every name of the site: on the 10,000-page
    # benchmark it came first for every name, and its result text alone was 132 KB to download.
    skip = {path(urls.HOME), path(urls.BULLETINS), path(urls.APPOINTMENTS), path(urls.DEPUTIES), path(urls.SITEMAP),
            path(urls.PEOPLE)}
    skip.update(path(urls.bulletin_year(year)) for year in {b.year for b in site.bulletins})
    for column in site.info.columns:
        count = len(site.articles_by_column.get(column.id, []))
        pages = max(1, -(-count // column.per_page))
        skip.update(path(urls.listing(column.id, n)) for n in range(1, pages + 1))
    # A deputy's own page: found first for the deputy's name (also a former name), above the rosters,
    # lists and reports that merely mention it (search.js weighs this meta above the others).
    people = {path(urls.deputy(d.id)): tuple(n for n in (d.name, *(d.other_names or [])) if n) for d in site.deputies}
    # A term's roster is found by its title and text (第十八届…), not as a result for each of the
    # hundreds of names it lists: those found the rosters above the deputies' own pages.
    unnamed = {path(urls.term(t.id)) for t in site.terms}
    return SearchPlan(frozenset(n for n in names if n), sections, dates, frozenset(skip), people, frozenset(unnamed))


def url_of(html: str) -> str:
    """Root-relative URL of a built page: `a/b/index.html` -> `/a/b/`."""
    if html == "index.html":
        return "/"
    if html.endswith("/index.html"):
        return "/" + html[: -len("index.html")]
    return "/" + posixpath.normpath(html)


__all__ = ["SearchPlan", "search_plan", "sections_from_nav", "html_path", "url_of"]
