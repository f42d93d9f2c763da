"""Privacy scan: no value in data/ or in article front matter may look like a personal ID-card number
(居民身份证号码, 18 digits) or a mobile number (11 digits), unless it is listed as public.

The models already have no field for such numbers and reject unknown fields; this scan catches the
number typed into a field that does exist (a note, a bio, a position). A number that really must be
published — a duty mobile of the office — is listed with its reason in data/public_numbers.yaml, so
every exception is explicit and reviewed in one place.
"""
from __future__ import annotations

import datetime
import re
from typing import Iterable, Iterator

from ..problems import Problems
from .messages import field_path
from .yamlload import LocatedDict, LocatedList

PUBLIC_FILE = "data/public_numbers.yaml"

# 6-digit region, birth date 18xx-20xx, 3-digit sequence, check digit (or X). Digits around it must not
# continue, so a longer serial number is not taken for an ID.
ID_CARD = re.compile(
    r"(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])")
# Mainland mobile numbers 13x-19x, optionally +86 / 86, written whole or as 3-4-4 with spaces or hyphens.
MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])")


def digits(text: str) -> str:
    """The number without separators or country code, for comparing with the public list."""
    plain = re.sub(r"[^0-9Xx]", "", text).upper()
    return plain[2:] if len(plain) == 13 and plain.startswith("86") else plain


def masked(number: str) -> str:
    """Shown in messages without the middle digits: error logs of CI may themselves be public."""
    plain = digits(number)
    return plain[:3] + "*" * (len(plain) - 7) + plain[-4:]


def findings(text: str) -> Iterator[tuple[str, str]]:
    for match in ID_CARD.finditer(text):
        yield "身份证号码", match.group(0)
    for match in MOBILE.finditer(text):
        yield "手机号码", match.group(0)


def _walk(node, loc: tuple, line: int | None) -> Iterator[tuple[tuple, int | None, str]]:
    """Every scalar of a parsed YAML tree with its field path and line. Keys are scanned too: an unknown
    field named after a number is still a number on the public site."""
    if isinstance(node, dict):
        key_lines = getattr(node, "key_lines", {})
        for key, value in node.items():
            key_line = key_lines.get(key, line)
            yield loc + (str(key),), key_line, str(key)
            yield from _walk(value, loc + (str(key),), key_line)
    elif isinstance(node, list):
        item_lines = getattr(node, "item_lines", [])
        for index, value in enumerate(node):
            yield from _walk(value, loc + (index,), item_lines[index] if index < len(item_lines) else line)
    elif isinstance(node, (str, int)) and not isinstance(node, bool):
        yield loc, line, str(node)
    elif node is not None and not isinstance(node, (float, bool, datetime.date)):
        yield loc, line, str(node)


def _texts(node, out: list[str]) -> list[str]:
    """Every key and scalar of a parsed YAML tree as text, without locations (the quick first pass)."""
    if isinstance(node, dict):
        for key, value in node.items():
            out.append(str(key))
            _texts(value, out)
    elif isinstance(node, list):
        for value in node:
            _texts(value, out)
    elif node is not None and not isinstance(node, (float, bool, datetime.date)):
        out.append(str(node))
    return out


def scan(documents: Iterable[tuple[str, object]], public: Iterable[str], problems: Problems) -> set[str]:
    """Report every private-looking number; returns the public numbers that were actually used."""
    allowed = {digits(n) for n in public}
    used: set[str] = set()
    for path, raw in documents:
        if path == PUBLIC_FILE:
            continue
        # First pass: the document's values joined by newlines, which neither pattern can match across,
        # so a number is found here exactly when it is in one value; only then are values walked with
        # their field paths and lines (most files have none, and the walk is the slow part of the scan).
        text = "\n".join(_texts(raw, []))
        if not (ID_CARD.search(text) or MOBILE.search(text)):
            continue
        for loc, line, text in _walk(raw, (), getattr(raw, "line", None)):
            for kind, number in findings(text):
                if digits(number) in allowed:
                    used.add(digits(number))
                    continue
                problems.error(path, line, field_path(loc) or "（整个文件）",
                               f"疑似{kind}「{masked(number)}」：网站是公开的，不得发布个人{kind}。"
                               f"如确需公开（如单位值班电话），请把该号码和理由加入 {PUBLIC_FILE}")
    return used


def check_privacy(content, problems: Problems) -> None:
    numbers = [(p, p.number) for p in content.of("public_numbers")]
    used = scan(content.documents, [n for _, n in numbers], problems)
    for index, (record, number) in enumerate(numbers):
        if digits(number) not in used:
            line = record.origin.raw.line if isinstance(record.origin.raw, (LocatedDict, LocatedList)) else None
            problems.warn(PUBLIC_FILE, line, f"第{index + 1}项 number", f"号码「{number}」未在任何数据中使用，可以删除")
