"""What the search index needs to know that the built HTML does not say: a plain-data plan.

The generator knows every page's date, section and record kind, whom a person's page is about and which
pages are mere listings: each page spec carries a `SearchHint`, each kind its dates and its label.
`search_index` turns the built HTML plus this plan into a Pagefind index. Nothing here imports MkDocs,
so any front end (or a benchmark) can build the same plan.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..address import html_path
from ..outputs import PageSpec


@dataclass(frozen=True)
class SearchPlan:
    sections: dict[str, str] = field(default_factory=dict)       # first URL folder -> section title
    dates: dict[str, datetime.date] = field(default_factory=dict)  # html path -> page date
    skip: frozenset[str] = frozenset()                           # html paths of pure listings
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)  # html path -> names of the one person it is about
    types: dict[str, str] = field(default_factory=dict)          # html path -> record kind's label (类型 filter)


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


def search_plan(catalog, kinds, specs: Iterable[PageSpec], nav: list | None = None,
                directory_urls: bool = True) -> SearchPlan:
    """The plan for a build whose generated pages are `specs`; hand-written sections take their names
    from the nav, record kinds and article columns name their own."""
    kinds = list(kinds)
    sections = sections_from_nav(nav)
    for kind in kinds:
        sections.update(kind.sections(catalog.config))
    dates, types = {}, {}
    for kind in kinds:
        for uri, day in kind.search_dates(catalog):
            dates[html_path(uri, directory_urls)] = day
            types[html_path(uri, directory_urls)] = kind.label
    labels = {kind.name: kind.label for kind in kinds}      # a kind's data folder is named as the kind
    skip, people = set(), {}
    for spec in specs:
        path = html_path(spec.uri, directory_urls)
        hint = spec.search
        if hint.date:
            dates[path] = hint.date
        if hint.skip:
            skip.add(path)
        if hint.person:
            people[path] = hint.person
        folder = (spec.edit_path or "").split("/")        # data/deputies/d0001.yaml, data/terms.yaml
        name = folder[1].split(".", 1)[0] if len(folder) > 1 and folder[0] == "data" else None
        if name in labels:
            types[path] = labels[name]
    return SearchPlan(sections, dates, frozenset(skip), people, types)


__all__ = ["SearchPlan", "search_plan", "sections_from_nav"]
