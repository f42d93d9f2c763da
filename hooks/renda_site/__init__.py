"""The 人大 site generator: data/ and docs/ in, Markdown pages out. Independent of MkDocs.

    load (load.py) -> check (check.py) -> model (site.py) -> render (pages/) -> write (output.py)
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .address import Address
from .articles import decorate
from .check import check_content
from .load import load_content
from .feeds import feed_files
from .opendata import OpenData, OpenDataPage
from .pages import PAGE_KINDS, GeneratedFile, GeneratedPage
from .problems import ContentError, Problems
from .site import Site, build_site


@dataclass
class Result:
    site: Site
    pages: list[GeneratedPage]
    files: list[GeneratedFile]  # feeds, open data: published as they are, beside the pages
    problems: Problems          # warnings only: a result is never made from content with errors

    def decorate(self, src_uri: str, markdown: str) -> str:
        return decorate(self.site, src_uri, markdown)


def check(root: Path, today: datetime.date | None = None) -> tuple[Problems, object]:
    """Load and check everything below `root`; returns the problems and the loaded content."""
    problems = Problems()
    content = load_content(Path(root), problems)
    check_content(content, problems, today)
    return problems, content


def generate(root: Path, today: datetime.date | None = None, site_url: str | None = None,
             directory_urls: bool = True) -> Result:
    """Check the content and render every generated page and file. Raises ContentError on any error.

    `site_url` (the public address, if known) and `directory_urls` (a/b.md -> a/b/) come from whatever
    builds the site; they make the absolute links of feeds and the URLs in open data."""
    problems, content = check(root, today)
    if problems.errors:
        raise ContentError(problems)
    site = build_site(content)
    pages = [page for kind in PAGE_KINDS for page in kind(site).pages()]
    address = Address(site_url or None, directory_urls)
    files = [*feed_files(site, address), *OpenData(site, address).files()]
    pages += OpenDataPage(site, files, address).pages()
    _check_unique(pages, files, problems)
    return Result(site, pages, files, problems)


def _check_unique(pages: list[GeneratedPage], files: list[GeneratedFile], problems: Problems) -> None:
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


__all__ = ["generate", "check", "Result", "ContentError", "GeneratedPage", "GeneratedFile", "Problems"]
