"""File names that keep the title: 县人大常委会召开第三十五次主任会议 -> zhaokai-di35ci-zhuren-huiyi.

The words every title of the site shares (the body's name, the county's name, 关于, 的) are dropped
first, so the part that tells two articles of one day apart survives the cut; numbers stay digits;
each word is one pinyin part (jieba finds the words, pypinyin reads them).
"""
from __future__ import annotations

import logging
import re

BODY = re.compile(r"(人民代表大会常务委员会|人大常委会)")
FILLER = {"关于", "的", "县", "市", "区", "和", "及", "与"}
NUMERAL = "〇零一二三四五六七八九十百两"
MEASURE = "届次期号批年条项个章节"
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_ORDINAL = re.compile(rf"(?<=第)[{NUMERAL}]+|[{NUMERAL}]+(?=[{MEASURE}])")
LIMIT = 48           # characters of the slug; a cut falls between words


def chinese_number(text: str) -> str:
    """三十五 -> 35, 十八 -> 18, 二〇二四 -> 2024, 一百零五 -> 105."""
    if "十" not in text and "百" not in text:
        return "".join(str(_DIGIT[c]) for c in text)
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGIT[char]
    return str(total + current)


def _words(text: str) -> list[str]:
    import jieba  # only editors' commands segment words; the build never loads the dictionary
    if not getattr(jieba, "_renda_quiet", False):
        jieba.setLogLevel(logging.WARNING)            # no English "Building prefix dict…" lines
        jieba._renda_quiet = True
    return [w for w in jieba.cut(text) if w.strip()]


def _parts(words: list[str], drop: set[str]) -> list[str]:
    """Pinyin parts, 第 + number + measure word kept together (di35ci), punctuation dropped."""
    # Imported here, not at the top: `check` builds this command line but never makes a slug.
    from pypinyin import lazy_pinyin
    parts: list[str] = []
    glue = False                       # the previous part may take the next digits or measure word
    for word in words:
        if word in drop:
            glue = False
            continue
        if word.isdigit() and glue and parts and parts[-1] == "di":
            parts[-1] += word
            continue
        if word in MEASURE and glue and parts and parts[-1][-1:].isdigit():
            parts[-1] += "".join(lazy_pinyin(word))
            glue = False
            continue
        part = re.sub(r"[^a-z0-9]+", "", "".join(lazy_pinyin(word)).lower())
        if part:
            parts.append(part)
            glue = word == "第" or word.isdigit()
    return parts


def slugify(text: str, county: str = "", limit: int = LIMIT) -> str:
    """A file-name part in pinyin: only a-z, 0-9 and '-', at most `limit` characters, cut between words.

    `county` (清溪县) is dropped like the body's name; a title that is nothing but such words keeps them."""
    text = _ORDINAL.sub(lambda m: chinese_number(m.group(0)), text or "")
    short = BODY.sub(" ", text)
    for name in filter(None, {county, county[:-1] if len(county) > 2 else ""}):
        short = short.replace(name, " ")
    parts = _parts(_words(short), FILLER) or _parts(_words(text), set())
    out = ""
    for part in parts:
        if out and len(out) + 1 + len(part) > limit:
            break
        out = f"{out}-{part}" if out else part[:limit]
    return out
