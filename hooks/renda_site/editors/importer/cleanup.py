"""Text cleanup: remove what PDF extraction and web pages add (page numbers, running headers and
footers, watermarks, adverts, site chrome) and join lines that PDF extraction hard-wrapped."""
from __future__ import annotations

import re
from collections import Counter

from .blocks import Line, Report, Table
from .headings import heading_of, starts_block
from .metadata import TITLE_WORDS, is_date_line

PAGE_MARKERS = [re.compile(p) for p in (
    r"^第\s*\d+\s*页[\s，,/／]*(共\s*\d+\s*页)?$",            # 第 11 页 共 21 页
    r"^共\s*\d+\s*页[\s，,/／]*第\s*\d+\s*页$",
    r"^[-－—–_\s]*\d{1,3}[-－—–_\s]*$",                      # — 11 —, - 3 -, 11
    r"^\d{1,3}\s*[/／]\s*\d{1,3}$",                          # 11 / 21
    r"^(page|Page|PAGE)\s*\d+(\s*(of|/)\s*\d+)?$",
)]
NOISE = [
    re.compile(p)
    for p in (
        r"(仅供|只供).{0,6}(参考|学习|内部)",
        r"内部资料",
        r"注意保存",
        r"(文库|文档|资料)(由|提供|下载)|(免费|立即|点击)下载",
        r"^VIP",
        r"^\d+(\.\d+)?万?\+?$",
        r"^\d+(\.\d+)?\s*[KMG]B$",
        r"^\d+\s*页$",
        r"^(海报|侵权投诉|举报|收藏|分享|评论)$",
        r"https?://|www\.",
        r"扫一扫|扫码|二维码|公众号",
        r"版权所有|Copyright|©",
        r"^(当前位置|您的位置|你的位置|位置)\s*[:：]",
        r"首\s*页\s*[|>》]",
        r"打印本页|关闭窗口|【?字[体号]\s*[:：]?\s*大\s*中\s*小",
        r"(浏览|点击|阅读)(次数|量)?\s*[:：]\s*\d+",
        r"^(责任编辑|编辑|审核|校对)\s*[:：]",
        r"^(上一篇|下一篇)\s*[:：]",
        r"^(今天是|天气预报|站内搜索|栏目导航)",
        r"加微信|微信群|微信号|QQ群|免费素材|海量.{0,4}素材|每日更新",
        r"^(作者|发布时间|发布日期|信息来源|文章来源)\s*[:：]",
        r"^\d{4}-\d{1,2}-\d{1,2}$",  # a download site's upload date
        r"(\|\s*[^|]{1,8}\s*){3,}\|?\W*$",  # a navigation bar: 关于本网|本网动态|联系我们
    )
]


def is_page_marker(text: str) -> bool:
    return any(p.match(text) for p in PAGE_MARKERS)


def is_noise(text: str) -> bool:
    return any(p.search(text) for p in NOISE)


def remove_furniture(items: list, report: Report) -> list:
    """Drop page markers, lines repeated at page boundaries (running headers/footers) and noise.

    A page boundary is a page marker or a form feed. A short line that stands next to at least two
    boundaries, and to half of them, is a running header or footer; it is dropped only where it stands
    next to a boundary, so the same words in the body (the issuing body's name) survive.
    """
    texts = [item.text.strip() if isinstance(item, Line) else None for item in items]
    boundaries = [i for i, t in enumerate(texts) if t and is_page_marker(t)]
    near: dict[str, set[int]] = {}
    # The start and the end of the text are page edges too (first page's header, last page's footer).
    for b in [-1] + boundaries + [len(texts)] if boundaries else []:
        for i in _nonblank_around(texts, b, 2):
            text = texts[i]
            assert text is not None               # a non-blank line
            key = re.sub(r"\d+", "#", text)
            if len(text) <= 40 and not is_page_marker(text):
                near.setdefault(key, set()).add(i)
    repeated = {i for key, where in near.items()
                if len(where) >= max(2, len(boundaries) / 2) for i in where}
    out = []
    for i, item in enumerate(items):
        text = texts[i]
        if text is None or not text:
            out.append(item)
            continue
        if i in boundaries:
            report.page_markers.append(text)
            out.append(Line("", PAGE_BREAK))
            continue
        if i in repeated:
            report.repeated_lines.append(text)
        elif is_noise(text):
            report.noise_lines.append(text)
        else:
            out.append(item)
            continue
        out.append(Line("", REMOVED))
    return _merge_gaps(out)


REMOVED = "removed"     # style of the placeholder left where a line was dropped
PAGE_BREAK = "page"     # … where the dropped line was a page marker


def _merge_gaps(items: list) -> list:
    """Blank lines around a dropped line (a page break, a header, a watermark) are page layout, not a
    paragraph break: a run of blanks that contains a placeholder becomes one placeholder, so a
    paragraph that runs on to the next page can still be joined."""
    out: list = []
    run: list = []
    for item in items + [None]:
        if isinstance(item, Line) and not item.text:
            run.append(item)
            continue
        if run:
            styles = {b.style for b in run}
            out.append(Line("", PAGE_BREAK if PAGE_BREAK in styles else REMOVED if REMOVED in styles else ""))
            run = []
        if item is not None:
            out.append(item)
    return out


def _nonblank_around(texts, index: int, count: int) -> list[int]:
    found = []
    for step in (-1, 1):
        i, seen = index + step, 0
        while 0 <= i < len(texts) and seen < count:
            if texts[i] and not is_page_marker(texts[i]) and not is_noise(texts[i]):
                found.append(i)
                seen += 1
            i += step
    return found


def display_width(text: str) -> float:
    """Width in Chinese characters: Latin letters and digits are half as wide; the quotes, dashes and
    ellipsis of General Punctuation (U+2010-U+206F) are drawn full-width by Chinese fonts."""
    return sum(0.5 if ord(c) < 0x2010 or 0x206F < ord(c) < 0x2E80 else 1.0 for c in text)


def wrap_width(lines: list[Line]) -> float | None:
    """The width PDF extraction wrapped at, or None when the text is not hard-wrapped.

    Hard-wrapped text has many lines of (nearly) the same width: the widest common width covers a
    large share of the lines. Text pasted from a web page or Word has one line per paragraph.
    """
    widths = [display_width(line.text.strip()) for line in lines if len(line.text.strip()) >= 8]
    if len(widths) < 6:
        return None
    counts = Counter(widths)
    top = counts.most_common(1)[0][1]
    mode = max(w for w, n in counts.items() if n >= top * 0.6)
    near = sum(1 for w in widths if mode - 2 <= w <= mode)   # first lines lose their indent
    # No line of wrapped text is much wider than the wrap: a few headings of one length between long
    # one-line paragraphs are not a wrap width.
    wider = sum(1 for w in widths if w > mode + 2)
    return mode if near >= 0.3 * len(widths) and mode >= 15 and wider <= 0.1 * len(widths) else None


SENTENCE_END = tuple("。！？；")


def is_full(width: float, wrap: float, first: bool, text: str) -> bool:
    """Was this physical line cut by the wrap (so the paragraph goes on)?

    Inside a paragraph a line is full to the wrap width, or half a character or one character less
    (a Latin letter, or a punctuation mark that may not start a line was moved down). The first line
    of a paragraph has two characters less: its indent was dropped by the extraction. A line ending
    a sentence must be fuller still: a paragraph's last line often ends a little short.
    """
    available = wrap - (2 if first else 0)
    slack = 0.5 if text.endswith(SENTENCE_END) else 1.0
    return width >= available - slack


def join_wrapped(items: list, report: Report) -> list:
    """Join a physical line to the paragraph before it when the line before was cut by the wrap.

    Only in hard-wrapped text; never across a blank line, before a line indented deeper than the one
    before it (a paragraph's first line; `pdftotext -layout` keeps indents), before a numbered
    heading, an attachment list or a Word heading.
    """
    width = wrap_width([i for i in items if isinstance(i, Line) and i.text.strip()])
    # Some PDF viewers copy a blank line after every line: then a blank line says nothing.
    spaced = bool(width) and _double_spaced(items)
    out: list = []
    previous: Line | None = None       # the paragraph being built, while a join is still possible
    last = ("", True, 0)               # its last physical line, whether that was its first, its indent
    pending_break = False              # a blank line that was not a page break
    gap = False                        # any blank or dropped line since the last text line
    page = False                       # a page marker since the last text line
    for item in items:
        if isinstance(item, Table):
            out.append(item)
            previous = None
            continue
        text = item.text.strip()
        if not text:
            gap = True
            page = page or item.style == PAGE_BREAK
            if item.style not in (REMOVED, PAGE_BREAK):
                pending_break = True
            continue
        if (not width and page and not pending_break and previous is not None
                and runs_on(last[0]) and continues(item, text)):
            previous.text = _glue(previous.text, text)          # one line per paragraph, cut by a page
            last = (text, False, item.indent)
            gap = page = False
            report.page_joins += 1
            continue
        if (width and previous is not None and (spaced or not pending_break) and item.indent <= last[2]
                and is_full(display_width(last[0]), width, last[1], last[0]) and not starts_block(text)
                and not item.style.startswith(("Heading", "Title", "标题"))):
            previous.text = _glue(previous.text, text)
            last = (text, False, item.indent)
            gap = False
            report.joins += 1
            continue
        if gap and out and isinstance(out[-1], Line):
            out.append(Line(""))       # not joined: the gap separates paragraphs (and the title)
        pending_break = gap = page = False
        previous = Line(text, item.style, item.indent)
        last = (text, True, item.indent)
        out.append(previous)
    return out           # blank Lines stay as paragraph separators: the title must not cross them


CLOSING = tuple("。！？；：”’」』）)】…—") + ("——",)


def runs_on(text: str) -> bool:
    """Does a paragraph of one-line-per-paragraph text stop mid-sentence here (before a page marker)?
    Not a heading, a title or a signature: those end without punctuation too, but are short."""
    heading = heading_of(text)
    return (len(text) >= 15 and not text.endswith(CLOSING) and not (heading and not heading.rest)
            and not TITLE_WORDS.search(text))


def continues(item: Line, text: str) -> bool:
    """Can this line be the rest of the paragraph before the page marker?"""
    return not (starts_block(text) or is_date_line(text) or item.style.startswith(("Heading", "Title", "标题")))


def _double_spaced(items: list) -> bool:
    texts = [i.text.strip() if isinstance(i, Line) else "x" for i in items]
    followed = sum(1 for a, b in zip(texts, texts[1:] + [""], strict=True) if a and not b)
    return followed >= 0.8 * max(1, sum(1 for t in texts if t))


def _glue(left: str, right: str) -> str:
    """Two pieces of one paragraph. Only English words were wrapped at a space; a number the layout cut
    (「3」 / 「6处」) or a web address (「www.exa」 / 「mple.gov.cn」) joins without one."""
    last_word = left.rsplit(None, 1)[-1] if left.strip() else ""
    if re.search(r"[A-Za-z]$", left) and re.match(r"[A-Za-z]", right) and not re.search(r"[./:@]", last_word):
        return f"{left} {right}"
    return left + right
