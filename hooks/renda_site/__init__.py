"""The 人大 site generator: data/ and docs/ in, Markdown pages out. Independent of MkDocs.

    load (load.py) -> check (check.py) -> model (site.py) -> render (pages/) -> write (output.py)
"""
from __future__ import annotations

import contextlib
import datetime
import gc
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .check import check_content
from .load import load_content
from .problems import ContentError, Problems
from .site import Site, build_site

if TYPE_CHECKING:
    from .pages import GeneratedFile, GeneratedPage


@dataclass
class Result:
    site: Site
    pages: list["GeneratedPage"]
    files: list["GeneratedFile"]  # feeds, open data: published as they are, beside the pages
    problems: Problems            # warnings only: a result is never made from content with errors

    def decorate(self, src_uri: str, markdown: str) -> str:
        from .articles import decorate
        return decorate(self.site, src_uri, markdown)


def check(root: Path, today: datetime.date | None = None) -> tuple[Problems, object]:
    """Load and check everything below `root`; returns the problems and the loaded content."""
    problems = Problems()
    with _no_cycle_collection():
        content = load_content(Path(root), problems)
        check_content(content, problems, today)
    return problems, content


@contextlib.contextmanager
def _no_cycle_collection():
    """Loading and generating make hundreds of thousands of objects that all stay alive; Python's cycle
    collector runs again and again over them for nothing (10,000-page site: 0.3 s of the 1.8 s `check`,
    0.9 s of the 3.9 s generator). Reference counting still frees everything as usual; cycles made
    meanwhile are collected once it is back on. Nested use keeps it off until the outermost exits."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def generate(root: Path, today: datetime.date | None = None, site_url: str | None = None,
             directory_urls: bool = True) -> Result:
    """Check the content and render every generated page and file. Raises ContentError on any error.

    `site_url` (the public address, if known) and `directory_urls` (a/b.md -> a/b/) come from whatever
    builds the site; they make the absolute links of feeds and the URLs in open data."""
    with _no_cycle_collection():
        return _generate(root, today, site_url, directory_urls)


def _generate(root: Path, today: datetime.date | None, site_url: str | None, directory_urls: bool) -> Result:
    problems, content = check(root, today)
    if problems.errors:
        raise ContentError(problems)
    # Imported here: templates and pinyin take most of the start-up time, and `check` (a pre-commit
    # hook) needs neither.
    from .address import Address
    from .feeds import feed_files
    from .opendata import OpenData, OpenDataPage
    from .pages import PAGE_KINDS
    site = build_site(content)
    pages = [page for kind in PAGE_KINDS for page in kind(site).pages()]
    address = Address(site_url or None, directory_urls)
    files = [*feed_files(site, address), *OpenData(site, address).files()]
    pages += OpenDataPage(site, files, address).pages()
    _check_unique(pages, files, problems)
    return Result(site, pages, files, problems)


def _check_unique(pages: list["GeneratedPage"], files: list["GeneratedFile"], problems: Problems) -> None:
    """Two outputs at one address (a deputy with id `goucheng-18` beside the composition page of term 18)
    would silently overwrite each other: report it against the record's file instead."""
    owner: dict[str, str | None] = {}
    for path, edit_path in [(p.uri, p.edit_path) for p in pages] + [(f.path, None) for f in files]:
        if path in owner:
            blamed = next((e for e in (edit_path, owner[path]) if e and e.endswith(".yaml")), edit_path or owner[path])
            problems.error(blamed or "data", None, "id", f"生成的地址 {path} 与另一个自动生成的页面或文件重复，请改用其他编号")
        owner[path] = edit_path
    if problems.errors:
        raise ContentError(problems)


def __getattr__(name: str):
    if name in ("GeneratedPage", "GeneratedFile"):   # kept importable from the package, loaded on first use
        from . import pages
        return getattr(pages, name)
    raise AttributeError(name)


__all__ = ["generate", "check", "Result", "ContentError", "GeneratedPage", "GeneratedFile", "Problems"]
