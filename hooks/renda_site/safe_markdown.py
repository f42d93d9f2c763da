"""Editor-written Markdown fields (a biography, the home page intro) reach the page as Markdown.

Markdown syntax an editor writes is kept (paragraphs, emphasis, lists, links), but nothing in a data
field may produce what Markdown alone would not: raw HTML is shown as text, attribute lists
(`{: onclick=...}`, from the attr_list extension) are shown as text, and a link or image whose target
has a scheme other than http, https or mailto (javascript:, data:, vbscript: ...) is shown as text.
`check` reports such links as errors too; this module is the guarantee when a template renders anyway.
"""
from __future__ import annotations

import re

from markupsafe import Markup

SAFE_SCHEMES = {"http", "https", "mailto"}
# Browsers drop ASCII tab/newline inside a URL and ignore leading control characters and spaces,
# so "java\tscript:" is a javascript: URL. Strip them before reading the scheme.
_IGNORED = re.compile(r"[\x00-\x20]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# Where a Markdown link or image target starts: "](" of an inline link, or "[label]: " of a definition.
_INLINE_TARGET = re.compile(r"\]\(\s*<?")
_DEFINITION = re.compile(r"^( {0,3})\[([^\]]*)\]:[ \t]*<?(.*)$", re.M)


def _scheme(target: str) -> str | None:
    match = _SCHEME.match(_IGNORED.sub("", target))
    return match.group(1).lower() if match else None


def unsafe_targets(text: str) -> list[str]:
    """Link and image targets with a scheme that is not allowed, in order of appearance."""
    found = []
    for match in _INLINE_TARGET.finditer(text):
        target = text[match.end():match.end() + 80].split(")")[0]
        if _scheme(target) not in (None, *SAFE_SCHEMES):
            found.append(target.strip())
    for match in _DEFINITION.finditer(text):
        if _scheme(match.group(3)) not in (None, *SAFE_SCHEMES):
            found.append(match.group(3).strip())
    return found


def _defuse_links(text: str) -> str:
    def inline(match: re.Match) -> str:
        target = text[match.end():match.end() + 80].split(")")[0]
        if _scheme(target) in (None, *SAFE_SCHEMES):
            return match.group(0)
        return "]&#40;" + match.group(0)[2:]      # "](" -> "]&#40;": no longer a link, shown as typed

    def definition(match: re.Match) -> str:
        if _scheme(match.group(3)) in (None, *SAFE_SCHEMES):
            return match.group(0)
        return f"{match.group(1)}&#91;{match.group(2)}]: {match.group(3)}"

    return _DEFINITION.sub(definition, _INLINE_TARGET.sub(inline, text))


def markdown_block(text: str | None) -> Markup:
    """Markdown from a data field, safe to place in a generated page."""
    if not text:
        return Markup("")
    text = text.replace("&", "&amp;").replace("<", "&lt;")     # ">" stays: it is a blockquote, not a tag
    text = text.replace("{", "&#123;").replace("}", "&#125;")
    return Markup(_defuse_links(text).strip())
