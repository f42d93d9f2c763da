"""One routes table: every page path the generator builds comes from address.py, so a public address
changes in one place. Outside it no module writes a page path: neither an f-string that builds one
(`f"daibiao/{id}.md"`) nor a literal listing page (`"huiyi/index.md"`). Editors' files (docs/…) are not
routes: they are where a new file goes."""
from __future__ import annotations

import ast
import re

import pytest

from support.project import HOOKS

from renda_site.address import Route

PACKAGE = HOOKS / "renda_site"
LITERAL_PAGE = re.compile(r"^[a-z][a-z-]*(/[a-z-]+)*\.md$")     # huiyi/index.md, renmian/renyuan.md
BUILT_PAGE = re.compile(r"^[a-z][a-z-]*/")                       # the start of f"daibiao/{…}.md"


def page_paths_outside_the_routes() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "address.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
                first = node.values[0]
                if (isinstance(first, ast.Constant) and BUILT_PAGE.match(first.value)
                        and not first.value.startswith("docs/") and parts and parts[-1].endswith(".md")):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and LITERAL_PAGE.match(node.value):
                if "/" in node.value and not node.value.startswith("docs/"):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value}")
    return found


def test_page_paths_come_from_the_routes_table_only():
    assert page_paths_outside_the_routes() == []


def test_a_route_fills_its_blanks_in_order_and_wants_each_one():
    route = Route("gongbao/{year}/{number}.md")
    assert route(2024, 3) == "gongbao/2024/3.md" and route.blanks == ("year", "number")
    with pytest.raises(TypeError, match="takes 2 values"):
        route(2024)
