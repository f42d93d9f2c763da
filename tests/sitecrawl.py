"""A small link checker for a built site on disk: every internal href/src must name a file."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []    # (tag, url)

    def handle_starttag(self, tag, attrs):
        name = LINK_ATTRS.get(tag)
        if name:
            for key, value in attrs:
                if key == name and value:
                    self.links.append((tag, value))


def links_of(html: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def is_internal(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("#")


def target_file(site: Path, page: Path, url: str) -> Path:
    """The file a relative or root-relative URL on `page` points to."""
    path = unquote(urlsplit(url).path)
    base = "/" + page.relative_to(site).parent.as_posix()
    resolved = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else posixpath.normpath(path)
    if path == "":
        return page
    target = site / resolved.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


@dataclass
class CrawlReport:
    pages: int = 0
    links: int = 0
    broken: list[tuple[str, str]] = field(default_factory=list)


def crawl(site: Path) -> CrawlReport:
    report = CrawlReport()
    for page in sorted(site.rglob("*.html")):
        report.pages += 1
        for _tag, url in links_of(page.read_text(encoding="utf-8")):
            if not is_internal(url):
                continue
            report.links += 1
            target = target_file(site, page, url)
            if not target.is_file():
                report.broken.append((page.relative_to(site).as_posix(), url))
    return report
