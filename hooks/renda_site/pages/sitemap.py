"""网站地图 (ditu/): the human site map linked from the footer. It is not in the nav.

The generator writes the part it knows (record indexes: rosters, bulletin years, appointment
indexes); the theme template `rd-ditu.html` puts the nav sections above it, so a section an
office adds to mkdocs.yml appears on the site map without code changes.
"""
from __future__ import annotations

from .. import urls
from .base import PageKind


class SiteMapPage(PageKind):
    template = "sitemap.md.j2"

    def contexts(self):
        years = sorted({b.year for b in self.site.bulletins}, reverse=True)
        yield urls.SITEMAP, None, {
            "terms": list(reversed(self.site.terms)),
            "years": years,
        }
