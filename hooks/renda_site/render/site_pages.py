"""Pages of the whole site that show something of every kind: the home page and the site map."""
from __future__ import annotations

import datetime

from .. import address
from ..outputs import HomeBlock, PageSpec, SearchHint


def home_page(catalog, kinds) -> PageSpec:
    """首页: the 头条, then the blocks the kinds offer (their `home()`) in the order data/site.yaml
    `home.blocks` gives; blocks of several kinds with one id become one, their items newest first; a block
    with nothing to show is left out. Then the 专题 row."""
    offered: dict[str, list[HomeBlock]] = {}
    for kind in kinds:
        for block in kind.home(catalog):
            offered.setdefault(block.id, []).append(block)
    headline = offered.pop("headline", [None])[0]
    config = catalog.config.home
    order = config.blocks if config.blocks is not None else default_order(offered)
    blocks = [merged for block_id in order if block_id in offered
              if (merged := _merged(offered[block_id], config.items)) is not None]
    topics = [(topic.title, topic.url) for topic in config.topics]
    return PageSpec(address.HOME, "home.md.j2", {"headline": headline, "blocks": blocks, "topics": topics},
                    "data/site.yaml", SearchHint(skip=True), layout="home")


def default_order(offered: dict[str, list[HomeBlock]]) -> list[str]:
    """Without `home.blocks`: the blocks in the order the kinds offer them (the registry's order, each
    kind's own order within), those marked `last` at the end."""
    return sorted(offered, key=lambda block_id: any(block.last for block in offered[block_id]))


def _merged(blocks: list[HomeBlock], count: int) -> HomeBlock | None:
    """One block of several kinds' blocks with one id: the first one's title and 「更多」, the items of all
    newest first, and the body of the one that has a body of its own (an article column has none)."""
    first = blocks[0]
    items = sorted((item for block in blocks for item in block.items), key=lambda i: i.date or datetime.date.min,
                   reverse=True)[:count] if len(blocks) > 1 else first.items
    bodied = next((block for block in blocks if block.template), None)
    if not items and bodied is None:
        return None
    more = first.more or next((block.more for block in blocks if block.more), None)
    return HomeBlock(first.id, first.title, more, items, bodied.template if bodied else None,
                     bodied.context if bodied else {})


def sitemap_page(catalog, kinds) -> PageSpec:
    """网站地图 (ditu/): the part the generator knows (record indexes, by heading); the theme template
    `rd-ditu.html` puts the nav sections above it, so a section added to mkdocs.yml appears without code."""
    groups: dict[str, list] = {}
    for kind in kinds:
        for group in kind.sitemap(catalog):
            groups.setdefault(group.heading, []).extend(group.links)
    return PageSpec(address.SITEMAP, "sitemap.md.j2", {"groups": groups}, None, SearchHint(skip=True),
                    title="网站地图", theme_template="rd-ditu.html", hides=("toc",))
