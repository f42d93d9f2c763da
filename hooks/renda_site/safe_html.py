"""The HTML an article body may make, as one nh3 (ammonia) configuration, and the check against it.

An editor writes Markdown and, where Markdown has no syntax for it, a little HTML: a table with merged
cells, a figure with a caption, a video file of the site, a map from an approved host. Whatever else
HTML can do — scripts, event handlers (onclick=…), styles, forms, objects, javascript:/data: links,
pictures or videos from other sites, frames from unlisted hosts — is refused at check time, with the
line that wrote it. guide/编辑指南.md lists the same rule in the editors' words.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet
from html.parser import HTMLParser

# Python-Markdown with the extensions of mkdocs.yml (a test keeps the two equal), so a
# body is checked as MkDocs will convert it.
MARKDOWN_EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc", "fenced_code"]
EXTENSION_CONFIGS = {"toc": {"permalink": False}}

TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins",
    "mark", "small", "sub", "sup", "code", "pre", "kbd", "samp", "var", "blockquote", "q", "cite", "abbr",
    "span", "div", "a", "img", "figure", "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "details", "summary",
    "audio", "video", "source", "track", "picture", "iframe", "time", "address", "ruby", "rt", "rp", "wbr",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "hidden"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope", "headers", "style"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "type", "reversed"}, "li": {"value"},
    "time": {"datetime"}, "blockquote": {"cite"}, "q": {"cite"},
    "audio": {"src", "controls", "preload", "loop", "muted"},
    "video": {"src", "controls", "poster", "width", "height", "preload", "loop", "muted", "playsinline"},
    "source": {"src", "type", "media"}, "track": {"src", "kind", "srclang", "label", "default"},
    "iframe": {"src", "width", "height", "title", "allowfullscreen", "loading"},
    "div": {"markdown"}, "span": {"markdown"}, "figure": {"markdown"}, "figcaption": {"markdown"},
    "details": {"open", "markdown"}, "summary": {"markdown"},
}
SCHEMES = {"http", "https", "mailto", "tel"}
# Markdown tables write their column alignment as a style; no other style is allowed.
_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_LOCAL_ONLY = {
    ("img", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("source", "src"),
    ("track", "src"),
}


def _scheme(url: str) -> str | None:
    match = _SCHEME.match(re.sub(r"[\x00-\x20]", "", url))
    return match.group(1).lower() if match else None


def _local(url: str) -> bool:
    """A file of the site: no scheme and not //host (a protocol-relative address is another site)."""
    plain = re.sub(r"[\x00-\x20]", "", url)
    return _scheme(plain) is None and not plain.startswith(("//", "\\\\", "/\\", "\\/"))


class _Filter:
    def __init__(self, hosts: set[str]):
        self.hosts = {h.lower().strip() for h in hosts}

    def __call__(self, tag: str, attr: str, value: str) -> str | None:
        if attr == "style":
            return value if _ALIGN.match(value) else None
        if (tag, attr) in _LOCAL_ONLY:
            return value if _local(value) else None
        if tag == "iframe" and attr == "src":
            match = re.match(r"^https://([^/:?#]+)(?:[/?#]|$)", value.strip())
            return value if match and match.group(1).lower() in self.hosts else None
        return value


def clean(html: str, hosts: AbstractSet[str] = frozenset()) -> str:
    import nh3
    return nh3.clean(html, tags=TAGS, clean_content_tags={"script", "style"}, attributes=ATTRIBUTES,
                     attribute_filter=_Filter(set(hosts)), strip_comments=False, link_rel=None,
                     url_schemes=SCHEMES, generic_attribute_prefixes={"aria-"})


def render(markdown_text: str) -> str:
    import markdown
    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=EXTENSION_CONFIGS).convert(markdown_text)


class _Elements(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attrs: Counter = Counter()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for name, value in attrs:
            self.attrs[(tag, name, value or "")] += 1

    handle_startendtag = handle_starttag


def violations(markdown_text: str, hosts: AbstractSet[str] = frozenset()) -> list[tuple[int, str]]:
    """(line, Chinese message) for every element, attribute or address the rule does not allow."""
    html = render(markdown_text)
    before, after = _Elements(html), _Elements(clean(html, hosts))
    lines = markdown_text.split("\n")
    found = []
    for tag in before.tags - after.tags:
        found.append((_line_of(lines, rf"<\s*{re.escape(tag)}(?![\w:-])"), _tag_message(tag)))
    for tag, name, value in before.attrs - after.attrs:
        if tag in (before.tags - after.tags):
            continue                          # the element itself is refused: said once
        found.append((_line_of(lines, re.escape(name) if name not in ("href", "src") else re.escape(value[:30]) or name,
                               rf"\b{re.escape(name)}\s*=|\]\(|\]:"), _attribute_message(tag, name, value)))
    return sorted(set(found))


def _line_of(lines: list[str], *patterns: str) -> int:
    """The first line matching the first pattern that matches any (the value as written, else the
    attribute or link syntax: an entity-encoded javascript: is not found as it is decoded)."""
    for pattern in patterns:
        regex = re.compile(pattern, re.I)
        found = next((n for n, line in enumerate(lines, 1) if regex.search(line)), None)
        if found is not None:
            return found
    return 1


def _tag_message(tag: str) -> str:
    if tag in ("script", "style", "link", "meta", "base"):
        why = "会在读者的浏览器中运行代码或改变整个页面"
    elif tag in ("iframe", "object", "embed", "frame", "frameset", "applet"):
        why = "会嵌入其他网站的内容"
    elif tag in ("form", "input", "button", "select", "textarea"):
        why = "会向读者索取信息"
    else:
        why = "不在允许的 HTML 范围内"
    return f"不能使用 <{tag}> 标签：{why}。正文请用 Markdown 和编辑指南中列出的 HTML 标签"


def _attribute_message(tag: str, name: str, value: str) -> str:
    shown = value if len(value) <= 40 else value[:40] + "…"
    if name.startswith("on"):
        return f"<{tag}> 的 {name} 属性会在读者的浏览器中运行代码，不能使用"
    if name == "style":
        return f"<{tag}> 的 style 属性不能使用（表格对齐以外的样式请用 class）"
    if tag == "iframe" and name == "src":
        return f"嵌入的网址「{shown}」不在 data/site.yaml 的 embed_hosts（允许嵌入的网站）中，且必须是 https 网址"
    if (tag, name) in _LOCAL_ONLY:
        return (f"<{tag}> 的文件「{shown}」必须是本站 docs/ 中的文件（不能引用其他网站的图片、音频、视频，也不能用 "
                "data: 网址）")
    if name in ("href", "src", "cite"):
        return f"链接「{shown}」不安全：只允许 http、https、mailto、tel 链接或站内相对链接"
    return f"<{tag}> 不能使用 {name} 属性"
