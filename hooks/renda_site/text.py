"""Escaping and formatting shared by every stage (pure string functions).

Generated pages are Markdown. A data string must never become Markdown or HTML syntax, so every
ASCII punctuation character in it is written as a numeric character reference (`*` -> `&#42;`),
which Markdown leaves alone and the browser shows as the character itself.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

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
    """Chinese numerals up to 999 (第十八届, 第二十三次, 第一百零五次); Arabic digits beyond."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else CN_DIGITS[tens]
        return f"{head}十{CN_DIGITS[ones] if ones else ''}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = (
            "" if rest == 0 else f"零{CN_DIGITS[rest]}" if rest < 10 else ("一" if rest < 20 else "") + cn_number(rest)
        )
        return f"{CN_DIGITS[hundreds]}百{tail}"
    return str(n)


class NameFinder:
    """Finds known names in text with one regular expression shaped like a trie.

    A trie-shaped pattern lets the regex engine reject most positions by their first character, so
    scanning stays linear in the text even with thousands of names (see bench/).
    """

    def __init__(self, names: Iterable[str]) -> None:
        trie: dict = {}
        for name in names:
            node = trie
            for char in name:
                node = node.setdefault(char, {})
            node[""] = True
        self.pattern = re.compile(_trie_regex(trie)) if trie else None

    def find(self, text: str) -> list[str]:
        if self.pattern is None:
            return []
        return list(dict.fromkeys(self.pattern.findall(text)))


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body   # greedy: the longest name wins (周明远 over 周明)
