"""Hand-written Markdown pages get a header (date, source, disclosure block) and a provenance footer
(the bulletin issues that carry the page). Pure functions of the Site, so any generator can call them."""
from __future__ import annotations

from .pages.base import ENV
from .site import Site



def decorate(site: Site, src_uri: str, markdown: str) -> str:
    article = site.articles_by_uri.get(src_uri)
    publications = site.publications_of_page.get(src_uri, [])
    if article is None and not publications:
        return markdown
    column = next((c for c in site.info.columns if article and c.id == article.column), None)
    context = {"page_uri": src_uri, "site": site, "article": article, "column": column,
               "publications": publications}
    # Looked up on every call, not at import: under `mkdocs serve` this module is never re-imported,
    # and Jinja re-reads a template whose file changed only when asked for it again.
    header = ENV.get_template("article_header.md.j2").render(context) if article else ""
    footer = ENV.get_template("article_footer.md.j2").render(context)
    return f"{header}\n{markdown}\n\n{footer}"
