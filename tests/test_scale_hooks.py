"""Performance edits must not change what readers get: the nav cache's pages are byte-identical to a
build without it, and listing pages link a bounded window of page numbers."""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys

from conftest import copy_project
from renda_site.pages.base import Pager


def test_nav_cache_output_is_byte_identical(built, tmp_path):
    project = copy_project(tmp_path / "project")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", RENDA_NAV_CACHE="0", RENDA_PAGEFIND="0")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(built.site) for p in built.site.rglob("*.html"))
    assert len(pages) > 100
    match, mismatch, errors = filecmp.cmpfiles(built.site, tmp_path / "site", [str(p) for p in pages], shallow=False)
    assert not mismatch and not errors and len(match) == len(pages)
    assert "md-nav__link" in (built.site / "daibiao" / "d0001" / "index.html").read_text("utf-8")


def test_pager_window_is_bounded():
    assert Pager(1, 1, "x", []).window() == [1]
    assert Pager(3, 5, "x", []).window() == [1, 2, 3, 4, 5]
    assert Pager(1, 5, "x", []).window() == [1, 2, 3, 4, 5]          # a one-page gap shows the page
    assert Pager(20, 45, "x", []).window() == [1, None, 18, 19, 20, 21, 22, None, 45]
    assert Pager(45, 45, "x", []).window() == [1, None, 43, 44, 45]
    assert max(len(Pager(n, 900, "x", []).window()) for n in range(1, 901)) == 9
