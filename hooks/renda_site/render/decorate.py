"""Hand-written Markdown pages get a header (date, source, disclosure block) and a provenance footer
(whatever cites the page through a relation: the issues of a gazette that carry it, the meeting that
adopted it, the suggestion it answers). Pure functions of the catalog, so any generator can call them."""
from __future__ import annotations

from ..model.relations import CITED_AS, PAGES
from .env import render


def decorate(catalog, src_uri: str, markdown: str) -> str:
    articles = catalog.index("articles")
    article = articles.by_uri.get(src_uri)
    citations = [(*CITED_AS.get(ref.relation.name, ("", "")), *catalog.cite(ref))
                 for ref in catalog.refs_to(PAGES, src_uri) if ref.relation.cite is not None]
    if article is None and not citations:
        return markdown
    context = {"article": article, "column": articles.column_of.get(src_uri), "citations": citations}
    header = render("article_header.md.j2", src_uri, catalog, **context) if article else ""
    footer = render("article_footer.md.j2", src_uri, catalog, **context)
    return f"{header}\n{markdown}\n\n{footer}"
