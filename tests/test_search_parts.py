"""A search index built in parts (search_index.py: one Pagefind run per part, merged in the browser)
finds what the one-part index finds. The demo is small enough for one part; here it is built with a
small part size (RENDA_SEARCH_PART_CHARACTERS) so that it needs several."""
from __future__ import annotations

import json
import os
import re
import sys

import pytest

from support.browser import static_server
from support.project import ROOT, copy_project, mkdocs_build

sys.path.insert(0, str(ROOT / "bench"))

import search_oracle  # noqa: E402
from search_probe import header_search, status_text  # noqa: E402

PREFIX = "renda"
PART_CHARACTERS = 50_000   # the demo's indexed pages hold about 220,000 Chinese characters


@pytest.fixture(scope="module")
def parted(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("parted"))
    os.environ["RENDA_SEARCH_PART_CHARACTERS"] = str(PART_CHARACTERS)
    try:
        result = mkdocs_build(project, project / "site")
    finally:
        del os.environ["RENDA_SEARCH_PART_CHARACTERS"]
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def fragments(site) -> list[str]:
    return sorted(p.name for p in (site / "pagefind").glob("**/fragment/*.pf_fragment"))


def test_parts_together_hold_the_one_part_index(parted, built):
    bundle = parted / "pagefind"
    parts = json.loads((bundle / "parts.json").read_text(encoding="utf-8"))["parts"]
    assert len(parts) >= 3
    assert json.loads((built.site / "pagefind" / "parts.json").read_text(encoding="utf-8")) == {"parts": []}
    for part in parts:
        own = sorted(p.name for p in (bundle / part).iterdir())
        assert "pagefind-entry.json" in own and {"fragment", "index"} <= set(own)
        assert not [name for name in own if name.endswith((".js", ".css")) or name.startswith("wasm.")], own
    # Every part holds pages of most sections (search_index.mixed_order), not one section each.
    import gzip
    sections = set()
    for part in ["", *parts]:
        urls = [json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])["url"]
                for f in (bundle / part / "fragment").iterdir()]
        own = {url.strip("/").split("/")[0] for url in urls}
        sections |= own
        assert len(own) >= 8, (part, own)
    assert len(sections) >= 12
    # The same pages, each in one part only: fragment files are named by their content's hash.
    assert fragments(parted) == fragments(built.site)
    assert len(set(fragments(parted))) == len(fragments(parted)) > 200


def found(chromium, site, queries) -> list[tuple[int, float]]:
    """For each query typed into the header box of `site`: the number of results it reports, and recall@5."""
    page = chromium.new_page()
    try:
        with static_server(site, PREFIX) as base:
            page.goto(base)
            out = []
            for q in queries:
                top = [p[len(PREFIX) + 1:] for p in header_search(page, q.text)]
                count = re.search(r"找到 (\d+) 条", status_text(page))
                out.append((int(count.group(1)) if count else 0, search_oracle.Score(q, top).recall))
            return out
    finally:
        page.close()


def test_a_query_finds_in_the_parts_what_it_finds_in_one_index(chromium, parted, built):
    pages = search_oracle.indexed_pages(parted)
    queries = search_oracle.generate(parted, pages, per_category=8)
    assert len(queries) >= 50
    in_parts, in_one = found(chromium, parted, queries), found(chromium, built.site, queries)
    differ = [(q.text, a, b) for q, a, b in zip(queries, in_parts, in_one) if a != b]
    assert not differ, differ           # (results, recall@5) in the parts, and in one index
    assert sum(n for n, _ in in_parts) > 500 and sum(r for _, r in in_parts) / len(queries) >= 0.98
