"""Hand-written Markdown pages get a header (date, source, disclosure block) and a provenance footer
(the bulletin issues that carry the page). Pure functions of the Site, so any generator can call them."""
from __future__ import annotations

from .pages.base import ENV
from .site import Site

_HEADER = ENV.get_template("article_header.md.j2")
_FOOTER = ENV.get_template("article_footer.md.j2")


def decorate(site: Site, src_uri: str, markdown: str) -> str:
    article = site.articles_by_uri.get(src_uri)
    publications = site.publications_of_page.get(src_uri, [])
    if article is None and not publications:
        return markdown
    column = next((c for c in site.info.columns if article and c.id == article.column), None)
    context = {"page_uri": src_uri, "site": site, "article": article, "column": column,
               "publications": publications}
    header = _HEADER.render(context) if article else ""
    return f"{header}\n{markdown}\n\n{_FOOTER.render(context)}"
