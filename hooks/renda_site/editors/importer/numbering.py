"""Word's automatic numbering. python-docx gives a paragraph's text without the number Word draws
in front of it: a heading numbered "一、" by a numbering definition (common in office templates)
would lose its number and so its level. This renders the number the way Word shows it.

Handled: numbering on the paragraph or inherited from its style, multi-level lists (a deeper level
restarts when a higher one advances), the formats offices use. Not handled: lvlOverride/startOverride,
legal-style numbering (isLgl), numbering linked through w:numStyleLink.
"""
from __future__ import annotations

from typing import Any, overload

from docx.oxml.ns import qn

from ...text import cn_number

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
STEMS = "甲乙丙丁戊己庚辛壬癸"


def _roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def render(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting"):
        return cn_number(n)
    if fmt == "ideographTraditional":
        return STEMS[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return str(n)                                   # decimal, decimalZero, decimalFullWidth, …


@overload
def _val(element: Any, tag: str) -> str | None: ...


@overload
def _val(element: Any, tag: str, default: str) -> str: ...


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    """The w:val of `element`'s child `tag`; `default` when there is no such child or it has no value."""
    child = element.find(qn(tag)) if element is not None else None
    value = child.get(qn("w:val")) if child is not None else None
    return default if value is None else value


class Numbering:
    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.abstract_of: dict[str, str | None] = {}
        self.counters: dict[str, list[int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            for lvl in abstract.findall(qn("w:lvl")):
                level = int(lvl.get(qn("w:ilvl")))
                self.levels[(abstract_id, level)] = (
                    _val(lvl, "w:numFmt", "decimal"), _val(lvl, "w:lvlText", ""), int(_val(lvl, "w:start", "1")))
        for num in root.findall(qn("w:num")):
            self.abstract_of[num.get(qn("w:numId"))] = _val(num, "w:abstractNumId")

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph ("一、", "（二）", "3.") or ""."""
        num_id, level = _num_pr(paragraph)
        abstract = self.abstract_of.get(num_id) if num_id not in (None, "0") else None
        spec = self.levels.get((abstract, level)) if abstract is not None else None
        if spec is None or spec[0] in ("bullet", "none"):
            return ""
        assert abstract is not None               # spec was found under it
        counters = self.counters.setdefault(abstract, [None] * 9)
        current = counters[level]
        counters[level] = spec[2] if current is None else current + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        text = spec[1]
        for k in range(9):
            if f"%{k + 1}" in text:
                fmt, _, start = self.levels.get((abstract, k), ("decimal", "", 1))
                text = text.replace(f"%{k + 1}", render(counters[k] or start, fmt))
        return text


def _num_pr(paragraph) -> tuple[str | None, int]:
    """numId and level of the paragraph, from its own properties or its style's (and their bases)."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
    style = paragraph.style
    while num_pr is None and style is not None:
        s_pr = style.element.find(qn("w:pPr"))
        num_pr = s_pr.find(qn("w:numPr")) if s_pr is not None else None
        style = style.base_style
    if num_pr is None:
        return None, 0
    return _val(num_pr, "w:numId"), int(_val(num_pr, "w:ilvl", "0"))
