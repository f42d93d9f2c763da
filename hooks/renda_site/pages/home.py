from __future__ import annotations

from .. import urls
from .base import PageKind


class HomePage(PageKind):
    """首页: latest news, the latest bulletin issue and appointment list, the current term, every column."""

    template = "home.md.j2"
    latest_count = 8

    def contexts(self):
        site = self.site
        latest = sorted((a for articles in site.articles_by_column.values() for a in articles[: self.latest_count]),
                        key=lambda a: (a.meta.date, a.src_uri), reverse=True)[: self.latest_count]
        term = site.current_term
        seats = site.seats_by_term.get(term.id, []) if term else []
        columns = {c.id: c for c in site.info.columns}
        yield urls.HOME, "data/site.yaml", {
            "latest": latest,
            "columns": columns,
            "bulletin": site.bulletins[0] if site.bulletins else None,
            "appointment": site.appointments[0] if site.appointments else None,
            "term": term,
            "serving": sum(1 for s in seats if not s.ended_early),
            "about": site.articles_by_uri.get(urls.ABOUT),       # 人大概况, a hand-written section
        }
