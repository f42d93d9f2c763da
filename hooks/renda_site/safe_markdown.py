"""Editor-written Markdown fields (a biography, the home page intro) reach the page as Markdown.

Markdown syntax an editor writes is kept (paragraphs, emphasis, lists, links), but nothing in a data
field may produce what Markdown alone would not: raw HTML is shown as text, attribute lists
(`{: onclick=...}`, from the attr_list extension) are shown as text, and a field with a link or image
whose target has a scheme other than http, https or mailto (javascript:, data:, vbscript: ...) loses
all its link syntax. Link targets are found by converting the field as MkDocs will (Python-Markdown
with the site's extensions), so a link is found wherever Markdown can nest it (a reference definition
inside a block quote, a list item, an admonition). `check` reports such links as errors; this module
is the guarantee when a template renders anyway.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from markupsafe import Markup

SAFE_SCHEMES = {"http", "https", "mailto"}
# Browsers drop ASCII tab/newline inside a URL and ignore leading control characters and spaces,
# so "java\tscript:" is a javascript: URL. Strip them before reading the scheme.
_IGNORED = re.compile(r"[\x00-\x20]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_MAY_LINK = re.compile(r"\[[^\n]*\]")


def _scheme(target: str) -> str | None:
    match = _SCHEME.match(_IGNORED.sub("", target))
    return match.group(1).lower() if match else None


class _Targets(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.pictures: set[str] = set()       # pictures from another host (any scheme)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "href":
                self.found.append(value or "")
            elif name == "src" and not _local(value or ""):
                self.found.append(value or "")          # a picture from another host: never loaded
                self.pictures.add(value or "")

    handle_startendtag = handle_starttag


def _local(target: str) -> bool:
    """A file of this site: no scheme, not //host."""
    plain = _IGNORED.sub("", target)
    return _scheme(plain) is None and not plain.startswith(("//", "\\\\", "/\\", "\\/"))


def _escaped(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")     # ">" stays: it is a blockquote, not a tag
    return text.replace("{", "&#123;").replace("}", "&#125;")


def _unsafe(escaped: str) -> list[str]:
    if not _MAY_LINK.search(escaped) or (":" not in escaped and "//" not in escaped and "\\" not in escaped):
        return []                          # no link syntax, or no scheme: nothing to convert
    from .safe_html import render
    parser = _Targets()
    parser.feed(render(escaped))
    return [t.strip() for t in parser.found if _scheme(t) not in (None, *SAFE_SCHEMES) or t in parser.pictures]


def unsafe_targets(text: str) -> list[str]:
    """Link and image targets with a scheme that is not allowed, in order of appearance."""
    return _unsafe(_escaped(text or ""))


def markdown_block(text: str | None) -> Markup:
    """Markdown from a data field, safe to place in a generated page."""
    if not text:
        return Markup("")
    escaped = _escaped(text)
    if _unsafe(escaped):
        escaped = escaped.replace("[", "&#91;").replace("]", "&#93;")   # no link or image at all
    return Markup(escaped.strip())
