"""MkDocs hook: render Material's navigation once per distinct set of links, not once per page.

Profiled on a 10,000-page synthetic site, Material's `partials/nav.html` was about 17 % of the whole build:
it is rendered for every page although nav lists sections only. For a page that is not itself in the
nav, no nav item is active, so the rendered HTML differs between two such pages only through the
relative URLs of the nav links. The cache key is exactly those URLs, as MkDocs' `url` filter makes them
for this page; pages that are in the nav are rendered as usual. The output is byte-identical (checked by
tests/test_scale_hooks.py, which builds the demo with and without this hook and compares every page).
`RENDA_NAV_CACHE=0` turns it off.
"""
from __future__ import annotations

import os

from mkdocs.utils import normalize_url

_state: dict = {}


def on_nav(nav, config, files):
    _state["nav_uris"] = {page.file.src_uri for page in nav.pages}
    _state["urls"] = [page.url for page in nav.pages] + ["assets/"]   # "assets/" pins the page depth
    return nav


def on_env(env, config, files):
    if os.environ.get("RENDA_NAV_CACHE") == "0":
        return env
    template = env.get_template("partials/nav.html")
    render = template.root_render_func
    cache: dict[tuple, str] = {}
    nav_uris, urls = _state["nav_uris"], _state["urls"]

    def cached_render(context):
        page = context.get("page")
        if page is None or getattr(page, "file", None) is None or page.file.src_uri in nav_uris:
            yield from render(context)
            return
        base = context.get("base_url", "")
        key = tuple(normalize_url(url, page=page, base=base) for url in urls)
        html = cache.get(key)
        if html is None:
            html = cache[key] = "".join(render(context))
        yield html

    template.root_render_func = cached_render
    return env
