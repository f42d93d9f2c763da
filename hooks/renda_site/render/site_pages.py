"""Pages of the whole site that show something of every kind: the home page and the site map."""
from __future__ import annotations

from .. import address
from ..outputs import PageSpec, SearchHint


def home_page(catalog, kinds) -> PageSpec:
    """首页: what each kind puts on the home page (its `home()`), in registry order."""
    blocks = [block for kind in kinds if (block := kind.home(catalog)) is not None]
    nav = [link for block in blocks for link in block.get("nav", [])]
    return PageSpec(address.HOME, "home.md.j2", {"blocks": blocks, "nav": nav}, "data/site.yaml", SearchHint(skip=True))


def sitemap_page(catalog, kinds) -> PageSpec:
    """网站地图 (ditu/): the part the generator knows (record indexes, by heading); the theme template
    `rd-ditu.html` puts the nav sections above it, so a section added to mkdocs.yml appears without code."""
    groups: dict[str, list] = {}
    for kind in kinds:
        for group in kind.sitemap(catalog):
            groups.setdefault(group.heading, []).extend(group.links)
    return PageSpec(address.SITEMAP, "sitemap.md.j2", {"groups": groups}, None, SearchHint(skip=True))
