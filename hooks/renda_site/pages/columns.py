from __future__ import annotations

from .base import PageKind, listing_feed, paginate


class ColumnListingPages(PageKind):
    """The one mechanism behind every article column: a dated listing, newest first, paginated."""

    template = "column.md.j2"

    def contexts(self):
        for column in self.site.info.columns:
            articles = self.site.articles_by_column.get(column.id, [])
            for pager in paginate(articles, column.per_page, column.id):
                yield pager.uri, f"docs/{column.id}", {"column": column, "pager": pager,
                                                        "feed": listing_feed(self.site, column.id, column.title)}
