"""Atom 1.0 feeds: whatever feeds the record kinds declare (one per article column, one for 公报 issues,
one for 任免名单 …), written here.

Built with xml.etree, so every text and attribute is escaped by the serializer; characters that XML 1.0
forbids (control characters pasted from word processors) are dropped first, or no reader could parse
the feed.

Atom requires an absolute, permanent `id` for the feed and each entry:
- with `site_url` configured, the id is the page's public URL (and links are absolute);
- without it, the id is a tag: URI (RFC 4151) built from the body's name and the page path, e.g.
  `tag:renda-site.invalid,2026:<body name, percent-encoded>/dongtai/2024-02-27-x/`, which stays the same
  from build to build; links are then relative to the feed file, which feed readers resolve against the
  feed's own address. `.invalid` is reserved (RFC 2606): it claims no domain the office does not own.
Dates in the data are Chinese calendar days, so timestamps are midnight Beijing time (+08:00).
"""
from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from urllib.parse import quote

from ..address import Address, relative_url
from ..outputs import Feed, GeneratedFile

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TAG_AUTHORITY = "tag:renda-site.invalid,2026:"
NO_ENTRIES_DATE = datetime.date(2000, 1, 1)       # `updated` of a feed with nothing in it yet
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

ET.register_namespace("", ATOM)


def timestamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00+08:00"


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


class FeedWriter:
    def __init__(self, body: str, address: Address):
        self.body, self.address = body, address

    def identity(self, url: str) -> str:
        return self.address.absolute(url) or TAG_AUTHORITY + quote(self.body) + "/" + url

    def href(self, feed_path: str, url: str) -> str:
        return self.address.absolute(url) or relative_url(feed_path, url)

    def render(self, feed: Feed) -> bytes:
        root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "zh-CN"})
        listing_url = self.address.page(feed.listing)
        newest = max((e.date for e in feed.entries), default=NO_ENTRIES_DATE)
        self._text(root, "id", self.identity(listing_url))
        self._text(root, "title", feed.title)
        if feed.subtitle:
            self._text(root, "subtitle", feed.subtitle)
        self._text(root, "updated", timestamp(newest))
        self._text(ET.SubElement(root, f"{{{ATOM}}}author"), "name", self.body)
        self._link(root, "self", self.href(feed.path, self.address.file(feed.path)), "application/atom+xml")
        self._link(root, "alternate", self.href(feed.path, listing_url), "text/html")
        self._text(root, "generator", "renda_site")
        for item in feed.entries:
            entry = ET.SubElement(root, f"{{{ATOM}}}entry")
            page_url = self.address.page(item.page)
            self._text(entry, "id", self.identity(page_url))
            self._text(entry, "title", item.title)
            self._text(entry, "updated", timestamp(item.date))
            self._text(entry, "published", timestamp(item.date))
            self._link(entry, "alternate", self.href(feed.path, page_url), "text/html")
            if item.summary:
                self._text(entry, "summary", item.summary)
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

    @staticmethod
    def _text(parent: ET.Element, name: str, text: str) -> None:
        ET.SubElement(parent, f"{{{ATOM}}}{name}").text = _clean(text)

    @staticmethod
    def _link(parent: ET.Element, rel: str, href: str, kind: str) -> None:
        ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": kind, "href": _clean(href)})


def feed_files(catalog, kinds, address: Address) -> Iterable[GeneratedFile]:
    writer = FeedWriter(catalog.body, address)
    return [GeneratedFile(feed.path, writer.render(feed)) for feed in feeds_of(catalog, kinds)]


def feeds_of(catalog, kinds) -> list[Feed]:
    """Every feed of the site, as the kinds declare them (newest entries first)."""
    return [feed for kind in kinds for feed in kind.feeds(catalog)]
