"""Checks of hand-written pages beyond their front matter: the HTML their bodies make, their links to
pages that are not published, and the template they ask for. What is found here would otherwise reach
readers (a script, an event handler) or stop the build halfway (a template that does not exist).

The HTML rule (guide/编辑指南.md explains it to editors): Markdown, plus the HTML elements and attributes
in safe_html.py; links and images may point at http(s), mailto and tel addresses or at files of
the site; audio and video only at files of the site; iframes only at the hosts listed in data/site.yaml
`embed_hosts`. The body is converted as MkDocs converts it and the result is passed through nh3
(the ammonia sanitizer); whatever nh3 would remove is an error, located at the line that wrote it.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..safe_html import violations

if TYPE_CHECKING:
    from ..input.load import Article
    from .checker import Checker

# A body can only make HTML elements or attributes of its own with "<" (raw HTML) or "{" (attribute
# lists), only a link with a scheme through "name:", and only a link to another host without a scheme
# through "//" (or a backslash a browser reads as a slash) — a body with none of these is skipped.
_MAY_HAVE_HTML = re.compile(r"[<{]|[A-Za-z][\x00-\x20]*[A-Za-z0-9+.\-\x00-\x20]*:|[/\\][/\\]")
# Every match of the pattern holds one of these: substring tests find most bodies free of them much faster
# than the pattern, which tries its alternatives at each character.
_HTML_TRIGGERS = ("<", "{", ":", "//", "\\")
_LINK = re.compile(
    r"\]\(\s*<?([^)\s>]+?\.md)(?:#[^)\s>]*)?>?[\s)]|^ {0,3}(?:>\s*)*\[[^\]]+\]:\s*<?(\S+?\.md)(?:#\S*)?>?\s*$", re.M
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")
DEFAULT_TEMPLATES = {"main.html"}        # Material's page template; others come from overrides/


def check_bodies(checker: Checker, articles: Iterable[Article]) -> None:
    config = checker.loaded.one("site")
    hosts = set(getattr(config, "embed_hosts", None) or [])
    withheld = checker.withheld_pages()
    templates = DEFAULT_TEMPLATES | checker.loaded.templates
    pages = KnownPages(checker)
    for article in articles:
        meta = article.meta
        if meta is not None and meta.template and meta.template not in templates:
            checker.error(meta, ("template",), f"页面模板「{meta.template}」不存在。可用："
                                               f"{'、'.join(sorted(templates))}"
                          "（模板是 overrides/ 中的 .html 文件；一般不需要填写此字段）")
        body = article.body
        if not body:
            continue
        if may_have_html(body):
            for line, message in violations(body, hosts):
                checker.problems.error(article.path, article.body_line + line - 1, "正文", message)
        if ".md" in body:
            for line, target in links(article.src_uri, body):
                if target in withheld:
                    checker.problems.error(article.path, article.body_line + line - 1, "正文",
                                           f"链接的页面「{target}」是{withheld[target]}：发布后这个链接会失效。"
                                           "请去掉链接，或等对方发布后再加")
                elif not pages.may_exist(target):
                    checker.problems.error(article.path, article.body_line + line - 1, "正文",
                                           f"链接的页面「{target}」不存在（按文章所在的文件夹 "
                                           f"docs/{posixpath.dirname(article.src_uri) or '.'} 算）"
                                           + pages.suggestion(target))


def may_have_html(body: str) -> bool:
    """Whether `body` can make HTML of its own or a link with a scheme or to another host (else it is safe)."""
    return any(trigger in body for trigger in _HTML_TRIGGERS) and bool(_MAY_HAVE_HTML.search(body))


def links(src_uri: str, body: str) -> Iterator[tuple[int, str]]:
    """(line in the body, docs path) of every relative link to a Markdown page, outside code."""
    fenced = False
    for number, line in enumerate(body.split("\n"), 1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or ".md" not in line:
            continue
        for match in _LINK.finditer(_CODE_SPAN.sub("", line) + "\n"):
            target = unquote(match.group(1) or match.group(2))
            if "://" in target or target.startswith(("/", "mailto:")):
                continue
            yield number, posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))


_LISTING = re.compile(r"(?:^|/)(?:index|page-\d+)\.md$")


class KnownPages:
    """The pages a link in a body may point at, as far as `check` knows without generating: the Markdown
    files of docs/, every record's own page, and the listings; a folder that holds generated pages other
    than these (a term's composition page) is not judged."""

    def __init__(self, checker: Checker) -> None:
        self.files = {f for f in checker.loaded.docs_files if f.endswith(".md")}
        self.records: set[str] = set()
        for kind in checker.kinds.values():
            for record in checker.loaded.of(kind.name):
                page = kind.page(record)
                if page:
                    self.records.add(page)
        self.generated_folders = {posixpath.dirname(page) for page in self.records - self.files}

    def may_exist(self, target: str) -> bool:
        return (target in self.files or target in self.records or bool(_LISTING.search(target))
                or posixpath.dirname(target) in self.generated_folders or target.startswith("../"))

    def suggestion(self, target: str) -> str:
        name = posixpath.basename(target)
        near = sorted(f for f in self.files | self.records if posixpath.basename(f) == name)
        if near:
            return f"，是否应为 docs/{near[0]}？链接按文章所在的文件夹计算，上一级文件夹写作 ../"
        return "。请检查文件名，链接按文章所在的文件夹计算，上一级文件夹写作 ../"
