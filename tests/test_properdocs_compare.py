"""deploy/properdocs_compare.py, the script that prints how a ProperDocs build differs from the MkDocs build:
it sets aside only the generator line and names every other difference (tests/test_properdocs.py runs the
two real builds)."""
from __future__ import annotations

import sys

from support.project import ROOT

sys.path.insert(0, str(ROOT / "deploy"))
from properdocs_compare import compare


def test_compare_sets_aside_only_the_generator_line(tmp_path):
    a, b = tmp_path / "mkdocs", tmp_path / "properdocs"
    sides = ((a, "mkdocs-1.6.1, mkdocs-material-9.8.1"), (b, "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"))
    for side, generator in sides:
        (side / "x").mkdir(parents=True)
        page = f'<meta name="generator" content="{generator}">\n<p>同</p>\n'
        (side / "x" / "index.html").write_text(page, encoding="utf-8")
        (side / "y.html").write_text("<p>同</p>\n", encoding="utf-8")
    (b / "y.html").write_text("<p>异</p>\n", encoding="utf-8")
    (b / "z.css").write_text("", encoding="utf-8")
    lines, generator_only, differ = compare(a, b)
    assert generator_only == 1 and differ == ["z.css", "y.html"]
    assert "只在 properdocs 中：z.css" in lines and "不同：y.html" in lines and "    +<p>异</p>" in lines
