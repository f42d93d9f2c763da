"""Every image in an editor's Markdown needs alternative text (GB/T 37668-2019: readers who cannot see
the picture hear the text instead). Found here, before the build, with the file and line, so an editor
can fix it; a screen-reader audit of the built site would only find it after publication."""
from __future__ import annotations

import re

# ![](a.png), ![ ](a.png "t"), ![][ref]: Markdown images whose alt text is empty.
_MD_EMPTY = re.compile(r"!\[\s*\]\s*[(\[]")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"\s*[^"\s][^"]*"|'\s*[^'\s][^']*'|[^\s"'>]+)""", re.I)
_FENCE = re.compile(r"^\s*(```|~~~)")
_IMG_ANYWHERE = re.compile(r"<img\b", re.I)

MESSAGE = "图片缺少替代文字，读屏软件无法朗读。请写成 ![图片内容的简短说明](图片文件)，或在 <img> 中写 alt=\"说明\""


def images_without_alt(markdown: str) -> list[int]:
    """1-based line numbers of images without alt text, outside fenced code blocks."""
    if "![" not in markdown and not _IMG_ANYWHERE.search(markdown):
        return []          # most pages have no image: skip the line-by-line walk
    lines, fenced = [], False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if _MD_EMPTY.search(line) or any(not _HTML_ALT.search(tag) for tag in _HTML_IMG.findall(line)):
            lines.append(number)
    return lines
