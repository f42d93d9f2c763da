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
    pages += OpenDataPage(site, files).pages()
    return Result(site, pages, files, problems)


__all__ = ["generate", "check", "Result", "ContentError", "GeneratedPage", "GeneratedFile", "Problems"]
