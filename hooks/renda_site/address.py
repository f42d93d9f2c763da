"""Where a built page or file can be fetched: the URL MkDocs gives a source path, relative to the site
root, and made absolute when the site's public address (`site_url`) is known.

The generator never reads MkDocs' configuration; the adapter passes `site_url` and
`use_directory_urls` in, so any other static generator can pass its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class Address:
    site_url: str | None = None        # e.g. https://example.gov.cn/renda/ ; None when not configured
    directory_urls: bool = True        # MkDocs use_directory_urls: a/b.md -> a/b/ (else a/b.html)

    def page(self, src_uri: str) -> str:
        """Root-relative URL of the page built from `src_uri` (a path under docs/), as MkDocs makes it."""
        stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
        if not self.directory_urls:
            url = stem + ".html"
        elif stem == "index" or stem.endswith("/index"):
            url = stem[: -len("index")] or "./"
        else:
            url = stem + "/"
        return quote(url, safe="/#.-_~")

    def file(self, path: str) -> str:
        """Root-relative URL of a static file such as `shuju/deputies.json`."""
        return quote(path, safe="/#.-_~")

    def absolute(self, url: str) -> str | None:
        """`url` (root-relative) on the public site, or None when the site's address is unknown."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + url.removeprefix("./")
