"""Text damaged before it reached the office. Two kinds can be undone by rule, and are, each reported:

- pinyin put in brackets after characters by a bad traditional-Chinese conversion (學(xué)習(xí)工作): an
  annotation is removed only when it is a reading of the character before it (pypinyin says so);
- traditional characters: converted to simplified with OpenCC (unless the editor keeps them).

Other damage (runs of question marks, U+FFFD, 锟斤拷, doubled punctuation) cannot be undone: the lost
characters are lost. It is found and reported with where it stands, and never changed, so the editor
sees it and corrects it against the original.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .blocks import Line, Report, Table
from .normalize import CJK

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
ANNOTATION = re.compile(rf"([{CJK}])\s?[(（]([a-z{TONED}]{{1,7}}[1-5]?)[)）]")
LEAST = 3                     # verified annotations that make a document "annotated"
TRADITIONAL = 0.02            # share of its characters OpenCC changes that makes a document traditional

DAMAGE = [
    (re.compile(r"[?？]{2,}"), "连续的问号，可能是转换编码时丢失的字"),
    (re.compile(rf"(?<=[{CJK}])\?(?=[{CJK}])"), "汉字之间的半角问号，可能是丢失的字"),
    (re.compile("\ufffd+"), "替换符号「\ufffd」，原来的字已经丢失"),
    (re.compile("(锟斤拷|烫烫烫|屯屯屯)+"), "乱码「锟斤拷」一类，原来的字已经丢失"),
    (re.compile(r"[，,]{2,}|、{2,}|[；;]{2,}|[：:]{2,}|。{2,}"), "重复的标点"),
]


@cache
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin
    out: set[str] = set()
    for style in (Style.TONE, Style.TONE3, Style.NORMAL):
        out.update(pinyin(char, style=style, heteronym=True)[0])
    return frozenset(out)


def _is_reading(char: str, annotation: str) -> bool:
    return unicodedata.normalize("NFC", annotation).replace("v", "ü") in _readings(char)


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported here: only the importer converts, never the build
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    return _converter().convert(text)


def _texts(items: list):
    """(item, row, column) of every text in the document, tables included."""
    for item in items:
        if isinstance(item, Line):
            yield item, None, None
        elif isinstance(item, Table):
            for r, row in enumerate(item.rows):
                for c in range(len(row)):
                    yield item, r, c


def _map(items: list, change) -> None:
    for item, r, c in _texts(items):
        if r is None:
            item.text = change(item.text)
        else:
            item.rows[r][c] = change(item.rows[r][c])


def _all_text(items: list) -> str:
    return "\n".join(item.text if r is None else item.rows[r][c] for item, r, c in _texts(items))


def repair(items: list, report: Report, keep_traditional: bool = False) -> None:
    """Undo what can be undone, in place, and say what was done."""
    text = _all_text(items)
    verified = [m for m in ANNOTATION.finditer(text) if _is_reading(m.group(1), m.group(2))]
    annotated = len(verified) >= LEAST
    if annotated:
        example = verified[0].group(0)
        _map(
            items,
            lambda t: ANNOTATION.sub(lambda m: m.group(1) if _is_reading(m.group(1), m.group(2)) else m.group(0), t),
        )
        report.repairs.append(f"删除字后括号中的拼音 {len(verified)} 处（如「{example}」→「{example[0]}」），"
                              "这是错误的繁体转换留下的注音")
        text = _all_text(items)
    converted = simplified(text)
    changed = sum(1 for a, b in zip(text, converted, strict=False) if a != b)
    cjk = len(re.findall(f"[{CJK}]", text)) or 1
    if not changed:
        return
    examples = "".join(list(dict.fromkeys(a for a, b in zip(text, converted, strict=False) if a != b))[:6])
    if annotated:
        _map(items, simplified)
        report.repairs.append(f"繁体字转为简体 {changed} 字（如「{examples}」）")
    elif changed / cjk < TRADITIONAL:
        report.damage.append(f"文中有 {changed} 个繁体字（「{examples}」），没有转换；需要时请手工改为简体")
    elif keep_traditional:
        report.repairs.append(f"原文是繁体字（{changed} 字），按 --keep-traditional 保留繁体")
    else:
        _map(items, simplified)
        report.repairs.append(f"原文是繁体字，已转为简体（改动 {changed} 字，如「{examples}」）；"
                              "要保留繁体，请加 --keep-traditional 重新导入")


def find_damage(title: str | None, items: list) -> list[str]:
    """Where damage that cannot be undone stands: the title, or the n-th paragraph of the body."""
    places = [("标题", title or "")]
    places += [
        (f"正文第 {n} 段", item.text) for n, item in enumerate((i for i in items if isinstance(i, Line) and i.text), 1)
    ]
    found = []
    for where, text in places:
        for pattern, reason in DAMAGE:
            for match in pattern.finditer(text):
                excerpt = text[max(0, match.start() - 8): match.end() + 8]
                found.append(f"{where}「{excerpt}」：{reason}")
    return found
