"""A search index built in parts (search_index.py: one Pagefind run per part, merged in the browser)
finds what the one-part index finds. The demo is small enough for one part; here it is built with a
small part size (RENDA_SEARCH_PART_CHARACTERS) so that it needs several."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from support.project import ROOT, copy_project, mkdocs_build

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


def oracle(site, json_path) -> list[dict]:
    """The search oracle (bench/search_oracle.py, run as a script) on `site` served below /renda/: every
    generated query typed into the header box; the count each reports and its recall@5."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "search_oracle.py"), str(site), "--prefix", PREFIX,
                             "--per-category", "8", "--json", str(json_path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(json_path.read_text(encoding="utf-8"))["queries"]


def test_a_query_finds_in_the_parts_what_it_finds_in_one_index(chromium, parted, built, tmp_path):
    # `chromium` only to skip (or fail in CI) where the browser is missing: the script starts its own.
    in_parts, in_one = oracle(parted, tmp_path / "parts.json"), oracle(built.site, tmp_path / "one.json")
    assert len(in_parts) >= 50
    assert [q["query"] for q in in_parts] == [q["query"] for q in in_one]      # the same queries on both
    differ = [(a["query"], a["found"], a["recall5"], b["found"], b["recall5"])
              for a, b in zip(in_parts, in_one, strict=True)
              if (a["found"], a["recall5"]) != (b["found"], b["recall5"])]
    assert not differ, differ           # (results, recall@5) in the parts, and in one index
    assert sum(q["found"] for q in in_parts) > 500 and sum(q["recall5"] for q in in_parts) / len(in_parts) >= 0.98
