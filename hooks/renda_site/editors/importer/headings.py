"""Heading levels of Chinese official documents (GB/T 9704): 一、 / （一） / 1. / （1）, and the
chapters and articles of regulations (第一章 / 第一节 / 第一条).

A numbered line is a heading when it stands alone (short, no sentence inside). When the number's
heading runs into its paragraph ("（一）加强组织领导。各乡镇要……"), the lead sentence becomes bold
and the paragraph stays a paragraph — that is how the printed document shows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CN_NUM = "一二三四五六七八九十百零〇"
# (pattern, Markdown level). Levels start at 2: the page title is the only level-1 heading.
NUMBERED = [
    (re.compile(rf"^第[{CN_NUM}\d]+章"), 2),
    (re.compile(rf"^第[{CN_NUM}\d]+节"), 3),
    (re.compile(rf"^[{CN_NUM}]+、"), 2),
    (re.compile(rf"^（[{CN_NUM}]+）"), 3),
    (re.compile(r"^\d{1,2}\.(?!\d)"), 4),
    (re.compile(r"^（\d{1,2}）"), 5),
]
ARTICLE = re.compile(rf"^(第[{CN_NUM}\d]+条)\s*")
ATTACHMENT = re.compile(r"^附\s*件\s*(\d{0,2})\s*[:：]?")
SENTENCE_END = re.compile(r"[。！？；]")
HEADING_MAX = 40          # characters: longer lines are paragraphs whatever their number


@dataclass(frozen=True)
class Heading:
    level: int
    text: str              # the whole heading line, or the lead sentence of a run-in heading
    rest: str = ""         # the paragraph after a run-in heading


def starts_block(text: str) -> bool:
    """Does this line begin a new block (so a hard-wrapped line must not be glued to the one before)?"""
    return bool(any(p.match(text) for p, _ in NUMBERED) or ARTICLE.match(text) or ATTACHMENT.match(text))


def heading_of(text: str, style: str = "") -> Heading | None:
    for pattern, level in NUMBERED:  # noqa: B007 (level is read after the loop's break)
        if pattern.match(text):
            break
    else:
        styled = re.match(r"^(Heading|标题)\s*(\d)", style)
        if styled:
            return Heading(min(int(styled.group(2)) + 1, 6), text)
        return None
    # Alone on its line and short: a heading, unless it reads as a sentence of a list ("（一）……的；",
    # "1.……的，应当……。"). A heading may hold a comma ("一、定目标，明方向") when it ends bare.
    if (len(text) <= HEADING_MAX and not SENTENCE_END.search(text[:-1])
            and not text.endswith(("；", "：", "，"))
            and ("，" not in text or not text.endswith(("。", "！", "？")))):
        # 第一章总则 -> 第一章 总则 (normalising removed the space between Chinese characters)
        return Heading(level, re.sub(r"^(第\S+?[章节])\s*(?=\S)", r"\1 ", text.rstrip("。")))
    lead = SENTENCE_END.search(text)
    if lead and lead.end() <= HEADING_MAX and lead.end() < len(text):
        return Heading(level, text[:lead.end()], text[lead.end():])
    return None
