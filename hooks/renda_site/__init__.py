"""The 人大 site generator: data/ and docs/ in, Markdown pages out. Independent of MkDocs.

    load (load.py) -> check (check.py) -> model (site.py) -> render (pages/) -> write (output.py)
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .check import check_content
from .load import load_content
from .problems import ContentError, Problems
from .site import Site, build_site

if TYPE_CHECKING:
    from .pages import GeneratedPage


@dataclass
class Result:
    site: Site
    pages: list["GeneratedPage"]
    problems: Problems          # warnings only: a result is never made from content with errors

    def decorate(self, src_uri: str, markdown: str) -> str:
        from .articles import decorate
        return decorate(self.site, src_uri, markdown)


def check(root: Path, today: datetime.date | None = None) -> tuple[Problems, object]:
    """Load and check everything below `root`; returns the problems and the loaded content."""
    problems = Problems()
    content = load_content(Path(root), problems)
    check_content(content, problems, today)
    return problems, content


def generate(root: Path, today: datetime.date | None = None) -> Result:
    """Check the content and render every generated page. Raises ContentError on any error."""
    problems, content = check(root, today)
    if problems.errors:
        raise ContentError(problems)
    # Imported here: templates and pinyin take most of the start-up time, and `check` (a pre-commit
    # hook) needs neither.
    from .pages import PAGE_KINDS
    site = build_site(content)
    pages = [page for kind in PAGE_KINDS for page in kind(site).pages()]
    return Result(site, pages, problems)


def __getattr__(name: str):
    if name == "GeneratedPage":           # kept importable from the package, loaded on first use
        from .pages import GeneratedPage
        return GeneratedPage
    raise AttributeError(name)


__all__ = ["generate", "check", "Result", "ContentError", "GeneratedPage", "Problems"]
