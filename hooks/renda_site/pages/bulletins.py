from __future__ import annotations

from collections import defaultdict

from .. import urls
from .base import PageKind, listing_feed


class BulletinIssuePages(PageKind):
    """One page per 公报 issue: its table of contents, each item linked to its full text."""

    template = "bulletin.md.j2"

    def contexts(self):
        for bulletin in self.site.bulletins:
            path = bulletin.origin.path
            yield urls.bulletin(bulletin.year, bulletin.number), path, {"bulletin": bulletin}


class BulletinArchivePages(PageKind):
    """常委会公报: the archive by year (section page) and one page per year."""

    template = "bulletin_archive.md.j2"

    def contexts(self):
        by_year = defaultdict(list)
        for bulletin in self.site.bulletins:           # newest first already
            by_year[bulletin.year].append(bulletin)
        years = sorted(by_year, reverse=True)
        feed = listing_feed(self.site, "gongbao", "常委会公报")
        yield urls.BULLETINS, "data/bulletins", {"years": years, "by_year": by_year, "year": None, "feed": feed}
        for year in years:
            yield urls.bulletin_year(year), f"data/bulletins/{year}", {
                "years": years, "by_year": {year: by_year[year]}, "year": year, "feed": feed}
