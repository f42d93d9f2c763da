from __future__ import annotations

from collections import defaultdict

from .. import urls
from .base import PageKind


class DeputyPages(PageKind):
    """One profile page per deputy: details, every term served, appointments and bulletins naming them."""

    template = "deputy.md.j2"

    def contexts(self):
        site = self.site
        for deputy in site.deputies:
            entries = site.entries_by_deputy.get(deputy.id, [])
            records = [(lst, entry, site.publication_of_list.get(lst.id)) for lst, entry in entries]
            seats = site.seats_by_deputy.get(deputy.id, [])
            current = next((s for s in seats if s.term == site.current_term and not s.ended_early), None)
            yield urls.deputy(deputy.id), deputy.origin.path, {
                "deputy": deputy,
                "seats": seats,
                "current": current,
                "records": records,
            }


class DeputyIndexPages(PageKind):
    """代表风采: the current term on the section page, and one page per term, by 代表团/小组."""

    template = "deputy_index.md.j2"

    def groups_of(self, term_id: str):
        grouped = defaultdict(list)
        for seat in self.site.seats_by_term.get(term_id, []):
            grouped[seat.group].append(seat)
        order = sorted(grouped, key=lambda g: (g is None, g.kind if g else "", g.id if g else ""))
        return [(group, sorted(grouped[group], key=lambda s: s.deputy.id)) for group in order]

    def context(self, term, terms, is_section: bool) -> dict:
        seats = self.site.seats_by_term.get(term.id, [])
        return {"term": term, "groups": self.groups_of(term.id), "terms": terms, "is_section": is_section,
                "total": len(seats), "ended": sum(1 for s in seats if s.ended_early)}

    def contexts(self):
        terms = list(reversed(self.site.terms))
        if self.site.current_term:
            yield urls.DEPUTIES, "data/deputies", self.context(self.site.current_term, terms, True)
        for term in terms:
            yield urls.term(term.id), "data/deputies", self.context(term, terms, False)
