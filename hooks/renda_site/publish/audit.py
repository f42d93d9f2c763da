"""The audit of the finished output, file by file, as a reader receives it: whatever made a file (a page
template, the generator, a copy from docs/ or the theme), the same checks hold before the build is
published.

- HTML: no script but the site's own files and JSON data blocks, no event attribute, no javascript:,
  vbscript: or data: address, nothing loaded from another host (pictures, styles, scripts, frames other
  than the embed hosts), no <base>, <object>, <embed> or refresh; the text a reader reads (tags removed,
  character references decoded, invisible characters dropped), the comments and the attribute values
  hold no private number.
- CSS: addresses local; no @import or url() of another host, no script.
- Pictures: open within the pixel limit, in the format the name says, without metadata; SVG: drawing only.
- Office files and PDFs: every part read (input/attachments.py) and nothing refused; text files: scanned.

Each check also returns the site files a page or style sheet uses, for the published set (published.py).
"""
from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..input.attachments import Refused, Unreadable, read as read_attachment
from ..input.pictures import RASTER, PictureError, metadata_left, open_picture
from ..input.privacy import INVISIBLE_PATTERN, digits, findings_in, masked
from ..input.svgcheck import svg_problems

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_SCRIPT_SRC = re.compile(r"""<script\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.DOTALL | re.IGNORECASE)
_FORBIDDEN_TAG = re.compile(r"<(base|object|embed|applet|frame|frameset|portal)\b", re.IGNORECASE)
_IFRAME = re.compile(r"<iframe\b([^>]*)>", re.IGNORECASE)
_REFRESH = re.compile(r"<meta\b[^>]*http-equiv\s*=\s*[\"']?refresh", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_INTERESTING = re.compile(r"\s(?:href|src|srcset|poster|data|action|formaction|background|xlink:href|style|"
                          r"on[a-z]+)\s*=",
                          re.IGNORECASE)
_URL_NAMES = {"href", "src", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href"}
_LINK_TAG = re.compile(r"<link\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
# Tags inside a line of text: removed, so their text runs on as the reader reads it. Every other tag
# ends a block (a cell, a paragraph, an SVG text): a character the number patterns do not cross.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span"
                         r"|strong|sub|sup|time|u|var|wbr|tspan)\b[^>]*>", re.IGNORECASE)
_HIDDEN = re.compile(r"<([A-Za-z][\w-]*)\b[^<>]*\shidden\b[^<>]*>.*?</\1\s*>", re.DOTALL)
_BREAK = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")


_SPACES = re.compile(r"\s+")
# Drawing coordinates of inline SVG (icons, charts, QR codes): numbers no reader reads as text.
_GEOMETRY = re.compile(
    r"""\s(?:d|points|viewBox|transform|[xy][12]?|c[xy]|r[xy]?|d[xy]|width|height|offset|font-size"""
    r"""|stroke-width|stroke-dasharray|opacity|fill-opacity|stroke-opacity)\s*=\s*"[^"]*\"""",
    re.IGNORECASE,
)
_CSS_URL = re.compile(
    r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_LOADS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch", "manifest",
          "mask-icon", "import", "prerender", "dns-prefetch", "preconnect"}
_DATA_SCRIPT = ("application/json", "application/ld+json")


@dataclass
class Context:
    """What the audit needs to know of the build."""

    site_path: str = "/"                     # the path of site_url ("/renda/" under a portal), for "/…" links
    own_hosts: frozenset[str] = frozenset()  # the site's own host (canonical links, feeds)
    embed_hosts: frozenset[str] = frozenset()
    public_numbers: frozenset[str] = frozenset()    # digits of the numbers listed as public
    attachments_cache: Path | None = None


@dataclass
class Checked:
    uses: set[str] = field(default_factory=set)      # site files used, relative to the site folder
    scripts: set[str] = field(default_factory=set)   # of which loaded as scripts
    problems: list[str] = field(default_factory=list)


def _plain(url: str) -> str:
    if "&" not in url and url.isprintable() and " " not in url:
        return url
    return re.sub(r"[\x00-\x20]", "", html.unescape(url) if "&" in url else url)


def _scheme(url: str) -> str | None:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def resolve(base: str, url: str, context: Context) -> str | None:
    """The site file (relative to the site folder) an address of the page `base` points to; None for
    another host, a fragment of the page itself, or a scheme."""
    return _resolve(posixpath.dirname(base), url, context.site_path)


@functools.lru_cache(maxsize=65536)
def _resolve(folder: str, url: str, site_path: str) -> str | None:
    if _scheme(url) is not None or url.startswith(("//", "\\")):
        return None
    path = unquote(urlsplit(url).path)
    if not path:
        return None
    if path.startswith("/"):
        path = path[len(site_path):] if path.startswith(site_path) else path.lstrip("/")
    else:
        path = posixpath.join(folder, path)
    path = posixpath.normpath(path)
    if path.startswith("../") or path == "..":
        return None
    if path in (".", ""):
        return "index.html"
    return path + "/index.html" if url.split("?")[0].split("#")[0].endswith("/") else path


def _host(url: str) -> str | None:
    return (urlsplit(url).hostname or "").lower() if url.startswith(("http://", "https://", "//")) else None


def check_html(rel: str, page: str, context: Context, new_lines: NewLines | None = None) -> Checked:
    """The files `page` uses (every address is resolved from this page's folder), and what is wrong with
    it. With `new_lines`, lines an earlier page already had are not checked again (their addresses are
    still resolved: the same line means another file in another folder)."""
    out = Checked()
    frames = _frames(page, context, out)
    for tag in _TAG.findall(page):
        if not _INTERESTING.search(tag):
            continue                     # most tags carry only a class: no address, no handler
        # Attributes are read with their quoted values, so " onerror=" or " src=" written inside a value
        # (a title quoting a payload as text) is text, not an attribute.
        for name, a, b, c in _ATTR.findall(tag, max(0, tag.find(" "))):
            value = a or b or c
            name = name.lower()
            if name.startswith("on"):
                out.problems.append(f"含有事件属性 {name}（会运行代码）：「{tag[:80]}」")
            elif name == "style":
                _check_css_text(rel, html.unescape(value), context, out, "style 属性")
            elif name in _URL_NAMES:
                for url in (part.strip().split(" ")[0] for part in value.split(",")) if name == "srcset" else (value,):
                    _url(rel, name, _plain(url), frames, context, out)
    for src in _SCRIPT_SRC.findall(page):
        target = resolve(rel, _plain(src), context)
        if target is not None:
            out.scripts.add(target)
    text = new_lines(page) if new_lines is not None else page
    if not text:
        return out
    for attrs, body in _SCRIPT.findall(text):
        values = {key.lower(): a or b or c for key, a, b, c in _ATTR.findall(attrs)}
        if "src" in values:
            src = _plain(values["src"])
            target = resolve(rel, src, context)
            if target is None:
                out.problems.append(f"加载了其他网站的脚本「{src[:80]}」")
            if body.strip():
                out.problems.append("<script> 既有 src 又有内联代码")
        elif values.get("type", "").lower() not in _DATA_SCRIPT:
            out.problems.append(f"含有内联脚本「{body.strip()[:60]}」")
    for match in _FORBIDDEN_TAG.finditer(text):
        out.problems.append(f"含有 <{match.group(1).lower()}> 标签")
    if _REFRESH.search(text):
        out.problems.append("含有自动跳转（meta refresh）")
    for attrs in _LINK_TAG.findall(text):
        values = {key.lower(): a or b or c for key, a, b, c in _ATTR.findall(attrs)}
        rels = set(values.get("rel", "").lower().split())
        href = _plain(values.get("href", ""))
        if rels & _LOADS and href and resolve(rel, href, context) is None:
            if _host(href) not in context.own_hosts or rels & {"stylesheet", "preload", "modulepreload", "import"}:
                out.problems.append(f"从其他网站加载「{href[:80]}」（<link rel=\"{' '.join(sorted(rels))}\">）")
    for css in _STYLE_BLOCK.findall(text):
        _check_css_text(rel, css, context, out, "<style>")
    _private_numbers(text, context, out)
    return out


def _frames(page: str, context: Context, out: Checked) -> set[str]:
    frames: set[str] = set()
    if "<iframe" not in page and "<IFRAME" not in page:
        return frames
    for attrs in _IFRAME.findall(page):
        values = {name.lower(): a or b or c for name, a, b, c in _ATTR.findall(attrs)}
        src = _plain(values.get("src", ""))
        if _scheme(src) != "https" or _host(src) not in context.embed_hosts:
            out.problems.append(f"嵌入的框架「{src[:80]}」不在 data/site.yaml 的 embed_hosts 中")
        frames.add(values.get("src", ""))
    return frames


def _is_page_link(url: str) -> bool:
    path = url.split("#", 1)[0].split("?", 1)[0]
    last = path.rsplit("/", 1)[-1]
    return not last or last.endswith(".html") or "." not in last or last in (".", "..")


_LOADING = {"src", "srcset", "poster", "data", "background", "xlink:href"}


def _url(rel: str, name: str, url: str, frames: set[str], context: Context, out: Checked) -> None:
    scheme = _scheme(url)
    if scheme in ("javascript", "vbscript", "data", "file", "blob", "filesystem"):
        out.problems.append(f"含有不安全的地址「{url[:60]}」（{name}）")
        return
    if scheme is None and _is_page_link(url):
        return                           # a page: every page is published and audited as a page
    target = resolve(rel, url, context)
    if target is not None:
        out.uses.add(target)
    elif not url or url.startswith("#"):
        return
    elif name in ("action", "formaction"):
        out.problems.append(f"表单提交到其他网站「{url[:80]}」")
    elif name in _LOADING and url not in frames:
        out.problems.append(f"从其他网站加载「{url[:80]}」（{name}），读者的浏览器会访问该网站")


def _check_css_text(rel: str, css: str, context: Context, out: Checked, where: str) -> None:
    lowered = css.lower()
    if "expression(" in lowered or "javascript:" in lowered or "behavior:" in lowered or "-moz-binding" in lowered:
        out.problems.append(f"{where}中含有会运行代码的写法")
    for groups in _CSS_URL.findall(css):
        url = _plain(next((g for g in groups if g), ""))
        if not url or url.startswith("#") or url.lower().startswith("data:image/"):
            continue                     # an icon drawn inline: no request, no script
        target = resolve(rel, url, context)
        if target is None:
            out.problems.append(f"{where}从其他网站加载「{url[:80]}」")
        else:
            out.uses.add(target)


_CSS_STRING = re.compile(r"""content\s*:\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def check_css(rel: str, text: str, context: Context, own: bool = True) -> Checked:
    """`own`: a style sheet of the site (docs/, overrides/), whose `content:` texts are shown to readers."""
    out = Checked()
    _check_css_text(rel, text, context, out, "样式表")
    if own:
        shown = [a or b for a, b in _CSS_STRING.findall(text)]
        if shown:
            _numbers_in("\n|\n".join(shown), "样式表显示的文字", context, out)
    return out


def _private_numbers(page: str, context: Context, out: Checked) -> None:
    """The page's bytes (attribute values, comments, data blocks) and its text as a reader reads it: tags
    removed, character references decoded, invisible characters dropped, white space collapsed."""
    raw = _GEOMETRY.sub("", page) if "<svg" in page or "<path" in page else page
    _numbers_in(raw, "页面源代码", context, out)
    body = _STYLE_BLOCK.sub("|", _SCRIPT.sub("|", page))
    shown = _COMMENT.sub("", body)
    if " hidden" in shown:
        shown = _HIDDEN.sub("", shown)           # an element that is not shown does not stand between digits
    read = _ANY_TAG.sub("|", _BREAK.sub(" ", _INLINE_TAG.sub("", shown)))
    _numbers_in(_SPACES.sub(" ", read), "页面文字", context, out)


def _numbers_in(text: str, where: str, context: Context, out: Checked) -> None:
    if "&" in text:
        text = html.unescape(text)
    text = INVISIBLE_PATTERN.sub("", text)
    for kind, number in findings_in(text):
        if digits(number) not in context.public_numbers:
            out.problems.append(f"{where}中有疑似{kind}「{masked(number)}」")


class NewLines:
    """The lines of the pages of one build not seen in an earlier page, with the lines around them: the
    template's header and footer, the same on every page, are read once."""

    CONTEXT = 3

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, page: str) -> str:
        lines = page.split("\n")
        fresh = [i for i, line in enumerate(lines) if line not in self.seen]
        if not fresh:
            return ""
        self.seen.update(lines[i] for i in fresh)
        keep: set[int] = set()
        for i in fresh:
            keep.update(range(max(0, i - self.CONTEXT), min(len(lines), i + self.CONTEXT + 1)))
        out, last = [], -2
        for i in sorted(keep):
            if i != last + 1:
                out.append("<hr>")           # a gap: a block boundary, so no number is joined across it
            out.append(lines[i])
            last = i
        return "\n".join(out)


def check_text(rel: str, text: str, context: Context) -> Checked:
    out = Checked()
    _numbers_in(text, "文件内容", context, out)
    return out


def check_svg(rel: str, text: str, context: Context) -> Checked:
    out = Checked()
    out.problems += [f"第 {line} 行：{message}" for line, message in svg_problems(text)]
    _numbers_in(_ANY_TAG.sub("|", text), "SVG 中的文字", context, out)
    return out


def check_picture(path: Path) -> Checked:
    out = Checked()
    try:
        with open_picture(path, RASTER.get(path.suffix.lower())) as image:
            if metadata_left(image):
                out.problems.append("图片仍带有元数据（拍摄地点、拍摄者等）")
    except PictureError as exc:
        out.problems.append(str(exc))
    return out


def check_attachment(path: Path, context: Context) -> Checked:
    out = Checked()
    try:
        found = read_attachment(path, context.attachments_cache)
    except Unreadable:
        out.problems.append("无法打开（已损坏或设置了密码），其中的内容无法检查")
        return out
    except Refused as exc:
        out.problems.append(str(exc))
        return out
    out.problems += [f"{where}：{message}" for where, message in found.refused]
    for where, text in found.parts:
        _numbers_in(text, where, context, out)
    return out
