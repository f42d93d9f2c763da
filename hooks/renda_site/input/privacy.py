"""Privacy scan: no value in data/ or in article front matter may look like a personal ID-card number
(居民身份证号码, 18 digits) or a mobile number (11 digits), unless it is listed as public.

The models already have no field for such numbers and reject unknown fields; this scan catches the
number typed into a field that does exist (a note, a bio, a position). A number that really must be
published — a duty mobile of the office — is listed with its reason in data/public_numbers.yaml, so
every exception is explicit and reviewed in one place.
"""
from __future__ import annotations

import datetime
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..problems import Problems
from .messages import field_path
from .yamlload import LocatedDict, LocatedList

PUBLIC_FILE = "data/public_numbers.yaml"

# Between two digits an editor (or a word processor) may put spaces of any width, hyphens, dots or a
# line break: 139 1234 5678, 139-1234-5678, １３９　１２３４　５６７８ (full width), a number wrapped
# onto the next line, a zero-width space. The patterns match such text as it is — `\d` and `\s` are
# Unicode-aware (full-width digits, NBSP, the ideographic space) — and allow up to three separators
# between any two digits; a match is then folded to ASCII digits (NFKC) to be compared and masked.
# Not a slash: it separates folders and the parts of an address, and an archive's year folder beside
# a dated file name (gongbao/wenjian/1999/1999-56-1.md, in paths, links and the site map) reads as a
# 199 number across it; nobody writes a telephone number with slashes.
_SEP = r"[\s.\-_·\u00ad\u200b\u200c\u200d\u2060\ufeff\u2010-\u2015\u2212\ufe63\uff0d\uff0e]{0,3}"
# Mainland mobile numbers 13x-19x, optionally +86 / 86 in front.
MOBILE = re.compile(
    r"(?<!\d)(?:[+＋]?[8８][6６]" + _SEP + r")?[1１]" + _SEP + r"[3-9３-９]" + r"(?:" + _SEP + r"\d){9}(?!\d)"
)
# 18 characters; candidates are checked against the ID's own structure once separators are removed.
_ID_CANDIDATE = re.compile(r"(?<!\d)\d(?:" + _SEP + r"\d){16}" + _SEP + r"[\dXxＸｘ](?![\dA-Za-z])")
# 6-digit region, birth date 18xx-20xx, 3-digit sequence, check digit (or X).
ID_CARD = re.compile(r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]")
_FOLD = {ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"}


def fold(text: str) -> str:
    """A matched number in ASCII digits and separators (full-width forms folded, invisible ones dropped)."""
    return unicodedata.normalize("NFKC", text.translate(_FOLD))


def digits(text: str) -> str:
    """The number without separators or country code, for comparing with the public list."""
    plain = re.sub(r"[^0-9Xx]", "", fold(text)).upper()
    return plain[2:] if len(plain) == 13 and plain.startswith("86") else plain


def masked(number: str) -> str:
    """Shown in messages without the middle digits: error logs of CI may themselves be public."""
    plain = digits(number)
    return plain[:3] + "*" * (len(plain) - 7) + plain[-4:]


def findings(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, number as written, offset in `text`) of every private-looking number."""
    for match in _ID_CANDIDATE.finditer(text):
        if ID_CARD.fullmatch(digits(match.group(0))):
            yield "身份证号码", match.group(0), match.start()
    for match in MOBILE.finditer(text):
        yield "手机号码", match.group(0), match.start()


# Eleven digits with at most three other characters between each two: every mobile or ID match has
# them, and this simpler pattern rules out a long page faster than the full ones.
# (The separators are taken possessively: a digit cannot follow fewer of them, so nothing is lost.)
_ELEVEN_DIGITS = re.compile(r"\d(?:\D{0,3}+\d){10}")


# Characters no reader sees: format characters (zero-width, joiners, bidirectional marks, soft hyphen,
# invisible operators) and the blank fillers of Hangul. Between two digits they hide a number from a
# scan of the source while the browser shows the number whole.
# The format characters (category Cf) of Unicode 14 and 15, as ranges (tests/test_published.py checks
# them against the running Python's own table); a walk over every code point costs each start-up.
_FORMAT = ((0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891),
           (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
           (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F),
           (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F))
INVISIBLE = {c: None for start, end in _FORMAT for c in range(start, end + 1)} | \
    {ord(c): None for c in "\u034f\u115f\u1160\u3164\uffa0"}


def _ranges(points: list[int]) -> str:
    """A character class of code points, written as ranges (a long list of single characters is slow)."""
    out: list[str] = []
    start: int | None = None
    last = 0
    for point in sorted(points) + [-2]:
        if start is not None and point == last + 1:
            last = point
            continue
        if start is not None:
            out.append(re.escape(chr(start)) + ("-" + re.escape(chr(last)) if last > start else ""))
        start = last = point
    return "[" + "".join(out) + "]"


# The same characters as one pattern: a search in C finds most texts free of them, where str.translate
# would look up every character of every text in the table.
INVISIBLE_PATTERN = re.compile(_ranges(list(INVISIBLE)))
# The pattern is slow to search because of its many ranges beyond the Basic Multilingual Plane: this quick
# one (its characters of the BMP, and any character beyond) tells whether it can find anything.
_MAY_BE_INVISIBLE = re.compile(_ranges([c for c in INVISIBLE if c <= 0xFFFF])[:-1] + "\U00010000-\U0010FFFF]")
_EMPHASIS = "*_`~\\[]"             # the marks _MARKS_BETWEEN_DIGITS needs at least one of
_MARKUP = re.compile(r"[<&*_`\[\\]|[\u200b-\u200f\u202a-\u202e\u2060-\u2064]")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_INLINE_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
# An element with the `hidden` attribute (allowed in bodies) is not shown: its text is not read between digits.
_HIDDEN = re.compile(r"<([A-Za-z][\w-]*)\b[^<>]*\shidden\b[^<>]*>.*?</\1\s*>", re.DOTALL)
_LINK_TAIL = re.compile(r"\]\([^()\n]*\)|\]\[[^\]\n]*\]|\{:?[^{}\n]*\}")
_REFERENCE = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});?")
_MARKS_BETWEEN_DIGITS = re.compile(r"(?<=\d)(?:[*_`~\\\[\]]|\s)*[*_`~\\\[\]]+(?:[*_`~\\\[\]]|\s)*(?=\d)")


def reader_text(markdown: str) -> str:
    """Markdown or HTML as a reader of the page reads it, line for line: comments, tags, link targets and
    attribute lists removed, character references decoded, invisible characters and the emphasis
    marks between two digits dropped. A number split by any of these reads whole in the browser."""
    if "<" in markdown:
        markdown = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
        markdown = _HIDDEN.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)   # not shown: not between digits
        markdown = _INLINE_TAG.sub("", markdown)
    # Each step runs only on a text that holds what it removes (most texts hold none of it).
    if "]" in markdown or "{" in markdown:
        markdown = _LINK_TAIL.sub("", markdown)
    if "&" in markdown:
        markdown = _REFERENCE.sub(lambda m: html.unescape(m.group(0)).replace("\n", " "), markdown)
    markdown = without_invisible(markdown)
    if any(mark in markdown for mark in _EMPHASIS):
        markdown = _MARKS_BETWEEN_DIGITS.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    return markdown


def without_invisible(text: str) -> str:
    """`text` without the characters no reader sees (INVISIBLE)."""
    if _MAY_BE_INVISIBLE.search(text):
        return INVISIBLE_PATTERN.sub("", text)
    return text


def _quick(text: str) -> bool:
    """Whether `text` can hold a number at all (most values cannot): a cheap first pass."""
    return bool(_ELEVEN_DIGITS.search(text)) and bool(_ID_CANDIDATE.search(text) or MOBILE.search(text))


def _scalar(node) -> str | None:
    """A YAML value as the text a reader would see; an unquoted 13812345678.0 is read as a float."""
    if node is None or isinstance(node, (bool, datetime.date)):
        return None
    if isinstance(node, float):
        return str(int(node)) if node.is_integer() and abs(node) < 1e20 else None
    return str(node)


@dataclass(frozen=True)
class TextFile:
    """Text to scan that is not a YAML tree: a Markdown body or another text file (`line` is the file
    line of its first line), or the text of an attachment in named parts: [(field, text)]."""

    text: str = ""
    line: int = 1
    parts: tuple[tuple[str, str], ...] = ()
    field: str = "正文"


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
    elif (text := _scalar(node)) is not None:
        yield loc, line, text


def _texts(node, out: list[str]) -> list[str]:
    """Every key and scalar of a parsed YAML tree as text, without locations (the quick first pass).
    A string, nearly every value, is taken without a call."""
    if isinstance(node, dict):
        for key, value in node.items():
            out.append(key if key.__class__ is str else str(key))
            if value.__class__ is str:
                out.append(value)
            else:
                _texts(value, out)
    elif isinstance(node, list):
        for value in node:
            if value.__class__ is str:
                out.append(value)
            else:
                _texts(value, out)
    elif (text := _scalar(node)) is not None:
        out.append(text)
    return out


may_hold_number = _quick


def findings_in(text: str) -> Iterator[tuple[str, str]]:
    """(kind, number) of every private-looking number in a long text: the full patterns run only on the
    stretches around eleven digits standing close together, where every number must be."""
    windows: list[list[int]] = []
    for match in _ELEVEN_DIGITS.finditer(text):
        if windows and match.start() - 70 <= windows[-1][1]:
            windows[-1][1] = match.end() + 70
        else:
            windows.append([max(0, match.start() - 70), match.end() + 70])
    for start, end in windows:
        yield from ((kind, number) for kind, number, _ in findings(text[start:end]))


def _located(path: str, raw) -> Iterator[tuple[int | None, str, str]]:
    """(line, field, text) of every value of a document, for the slow, located pass."""
    if isinstance(raw, TextFile):
        if raw.parts:
            yield from ((None, field, text) for field, text in raw.parts)
            return
        lines = raw.text.split("\n")
        # A number may run over line breaks (a wrapped line, a comment removed between its digits): each
        # line is scanned together with the next three, and a finding is kept on the line where it starts.
        for index in range(len(lines)):
            yield raw.line + index, raw.field, "\n".join(lines[index:index + 4])
        return
    for loc, line, text in _walk(raw, (), getattr(raw, "line", None)):
        yield line, field_path(loc) or "（整个文件）", text
        if _MARKUP.search(text):               # a Markdown field: also as the reader reads it
            yield line, field_path(loc) or "（整个文件）", reader_text(text)


def _whole(raw) -> str:
    """Every text of a document on its own lines, and the reader's text of each that holds markup: a number
    in any one of them is found in this (the order does not matter, a line break separates them)."""
    if isinstance(raw, TextFile):
        return raw.text + "\n".join(text for _, text in raw.parts)
    texts = _texts(raw, [])
    whole = "\n".join(texts)
    if _MARKUP.search(whole):
        whole += "\n" + "\n".join(reader_text(text) for text in texts if _MARKUP.search(text))
    return whole


def scan(documents: Iterable[tuple[str, object]], public: Iterable[str], problems: Problems) -> set[str]:
    """Report every private-looking number; returns the public numbers that were actually used."""
    allowed = {digits(n) for n in public}
    used: set[str] = set()
    for path, raw in documents:
        if path == PUBLIC_FILE:
            continue
        # First pass: the whole document at once; only a document with a candidate is walked value by
        # value with field paths and lines (most files have none, and the walk is the slow part).
        if not _quick(_whole(raw)):
            continue
        reported: set[str] = set()           # an attachment's text can be read by two readers: once per number
        for line, field, text in _located(path, raw):
            first_line = text.split("\n", 1)[0] if isinstance(raw, TextFile) and not raw.parts else None
            for kind, number, offset in findings(text):
                if first_line is not None and offset > len(first_line):
                    continue                         # starts on the next line: reported there
                if digits(number) in allowed:
                    used.add(digits(number))
                    continue
                if line is None:
                    if digits(number) in reported:
                        continue
                    reported.add(digits(number))
                problems.error(path, line, field,
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
