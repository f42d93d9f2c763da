"""Checks of single pages for the 网站体检: links in article bodies that lead nowhere, pages without a
date, images without alternative text, and the page tags of 政府网站发展指引 each page kind must carry."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from ..input.alttext import images_without_alt
from ..render.page_tags import PageTags, folder_of

# Markdown links and images [t](target), reference definitions [r]: target, HTML href= and src=.
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?|^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|\b(?:href|"
                     r"src)\s*=\s*[\"']([^\"']+)[\"']",
                     re.MULTILINE | re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")


def body_targets(src_uri: str, body: str):
    """(line in the body, target as written, docs path it resolves to) of every link and image of this
    site in a Markdown body, outside code."""
    fenced = False
    for number, line in enumerate(body.split("\n"), 1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        for match in _TARGET.finditer(_CODE_SPAN.sub("", line)):
            written = next(g for g in match.groups() if g is not None)
            target = unquote(written.split("#", 1)[0].split("?", 1)[0])
            if not target or _SCHEME.match(target) or target.startswith("//"):
                continue
            base = "" if target.startswith("/") else posixpath.dirname(src_uri)
            yield number, written, posixpath.normpath(posixpath.join(base, target.lstrip("/")))


def resolves(path: str, known: set[str]) -> bool:
    """Is there a page or file at `path`: a file as written, or a page addressed by its folder URL
    (dongtai/ or dongtai/x/ for dongtai/index.md and dongtai/x.md)."""
    if path in known or path == ".":
        return True
    stem = path.rstrip("/")
    return (
        f"{stem}.md" in known or f"{stem}/index.md" in known or (stem.endswith(".html") and f"{stem[:-5]}.md" in known)
    )


def broken_links(articles, known: set[str]):
    """(file, line, target as written) of each link or image in an article body that leads nowhere."""
    for article in articles:
        if not article.body:
            continue
        for line, written, path in body_targets(article.src_uri, article.body):
            if path.startswith("..") or not resolves(path, known):
                yield article.path, article.body_line + line - 1, written


def missing_alt(articles):
    """(file, line) of each image without alternative text in an article body."""
    for article in articles:
        for line in images_without_alt(article.body or ""):
            yield article.path, article.body_line + line - 1


def undated(tags: PageTags, dates: dict, static_folders: set[str]):
    """Hand-written content pages without a date, outside the columns without an update limit (静态介绍):
    an inspector counts an undated item as not updated."""
    for uri in tags.pages():
        held = tags.records.get(uri)
        if held is not None and getattr(held[1], "meta", None) is not None and dates.get(uri) is None \
                and tags.page_kind(uri) == "content" and folder_of(uri) not in static_folders:
            yield uri


def missing_tags(tags: PageTags):
    """Tag name -> the pages (source paths) that lack it, among the tags their kind of page must carry."""
    missing: dict[str, list[str]] = {}
    for uri in tags.pages():
        carried = tags.tags(uri)
        for name in tags.required(uri):
            if name not in carried:
                missing.setdefault(name, []).append(uri)
    return missing
