"""The generator's catalog seen with the words the tests use (site.deputies, site.current_term …)."""
from __future__ import annotations

from typing import NamedTuple


class Publication(NamedTuple):
    bulletin: object
    item: object


class DemoSite:
    def __init__(self, catalog):
        self.catalog = catalog
        self.info = catalog.config
        self.terms = catalog.records("terms")                     # oldest first
        self.deputies = catalog.records("deputies")
        self.bulletins = catalog.records("bulletins")             # newest first
        self.appointments = catalog.records("appointments")       # newest first
        articles = catalog.index("articles")
        self.articles_by_column, self.articles_by_uri = articles.by_column, articles.by_uri
        seats = catalog.index("deputies")
        self.seats_by_term, self.seats_by_deputy = seats.by_term, seats.by_deputy
        self.term_by_id = {t.id: t for t in self.terms}
        self.deputy_by_id = {d.id: d for d in self.deputies}
        self.group_by_id = {g.id: g for g in catalog.records("groups")}
        # list id -> (bulletin, item) that publishes it; deputy id -> [(list, entry)] naming them
        self.publication_of_list = {ref.target: Publication(ref.source, ref.detail)
                                    for b in self.bulletins for ref in self._published_by(b)}
        self.entries_by_deputy = {}
        for lst in reversed(self.appointments):
            for entry in lst.entries:
                if entry.deputy:
                    self.entries_by_deputy.setdefault(entry.deputy, []).append((lst, entry))

    def _published_by(self, bulletin):
        return [ref for item in bulletin.items if item.appointments
                for ref in self.catalog.refs_to("appointments", item.appointments, "publishes")
                if ref.source is bulletin]

    @property
    def current_term(self):
        return self.terms[-1] if self.terms else None

    def bulletin_title(self, bulletin) -> str:
        return self.catalog.title("bulletins", bulletin)


class Demo:
    """A generator result with `.site` as above."""

    def __init__(self, result):
        self.result, self.catalog = result, result.catalog
        self.pages, self.files, self.problems = result.pages, result.files, result.problems
        self.site = DemoSite(result.catalog)
