"""Escaping and formatting shared by every stage (pure string functions).

Generated pages are Markdown. A data string must never become Markdown or HTML syntax, so every
ASCII punctuation character in it is written as a numeric character reference (`*` -> `&#42;`),
which Markdown leaves alone and the browser shows as the character itself.
"""
from __future__ import annotations

import datetime
import re

from markupsafe import Markup

from .clock import beijing_today  # noqa: F401  (kept here for older callers: one "today", in clock.py)

_PUNCTUATION = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|<>&~^=:\"'$%@/?;,"}
_WHITESPACE = re.compile(r"\s+")


def md_text(value: object) -> Markup:
    """Inline Markdown that shows `value` literally, on one line."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    text = _WHITESPACE.sub(" ", str(value)).strip()
    return Markup(text.translate(_PUNCTUATION))


def cn_date(value: datetime.date | None) -> str:
    """2024年3月1日, the way Chinese public-sector sites show dates."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """Chinese numerals up to 99 (第十八届, 第二十三次)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_DIGITS[tens]
    return f"{head}十{CN_DIGITS[ones] if ones else ''}" if n < 100 else str(n)
