"""One spelling for width and punctuation, the way GB/T 9704 official documents write them:
half-width digits and Latin letters, full-width Chinese punctuation next to Chinese text, no stray
spaces between Chinese characters (PDF extraction inserts them), 〔〕 in document numbers."""
from __future__ import annotations

import re

CJK = r"\u3400-\u9fff\uf900-\ufaff"
_FULLWIDTH_ASCII: dict[int, int | str | None] = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}   # ０-９
_FULLWIDTH_ASCII.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})     # Ａ-Ｚ
_FULLWIDTH_ASCII.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})     # ａ-ｚ
_FULLWIDTH_ASCII.update({ord("％"): "%", ord("＋"): "+", ord("／"): "/", ord("＝"): "=", ord("＆"): "&",
                         0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x200B: None, 0xFEFF: None})
# Chinese punctuation written half-width after or before a Chinese character.
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}，。、；：？！“”‘’（）《》〔〕])[ \u3000]+(?=[{CJK}，。、；：？！“”‘’（）"
                                r"《》〔〕])")
_HALF_PUNCT = re.compile(rf"(?<=[{CJK}”）》])([,;:?!])|([,;:?!])(?=[{CJK}“（《])")
_PAREN = re.compile(rf"\(([{CJK}0-9一二三四五六七八九十]+[^()]*)\)")
_STOP = re.compile(rf"(?<=[{CJK}])\.(?=[{CJK}0-9]|$)")
_QUOTES = re.compile(rf'"([^"]*[{CJK}][^"]*)"')
_DOC_NO = re.compile(r"[\[［〔（(【](\d{4})[\]］〕）)】](?=\s*\d+\s*号)")
_DECIMAL = re.compile(r"(?<=\d)[．。](?=\d)")                 # 2．3亿元 -> 2.3亿元
_NUM_DOT = re.compile(r"^(\d{1,2})[．.、](?=\S)")
# A "?" between two Chinese characters, or a run of them, stands for characters lost in a bad encoding
# conversion, not a question mark: left half-width, so it still looks broken (repair.py reports it).
_LOST = re.compile(rf"(?<=[{CJK}])\?+(?=[{CJK}])|\?{{2,}}")
_KEPT = "\ue000"


def normalize(text: str) -> str:
    text = _LOST.sub(lambda m: _KEPT * len(m.group(0)), text.translate(_FULLWIDTH_ASCII).strip(" \t\u3000"))
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = _SPACE_BETWEEN_CJK.sub("", text)
    text = _QUOTES.sub(r"“\1”", text)       # first, so a mark before a quote sees the Chinese quote
    text = _HALF_PUNCT.sub(lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)], text)
    text = _PAREN.sub(r"（\1）", text)
    text = _DECIMAL.sub(".", text)
    text = _STOP.sub("。", text)
    text = _DOC_NO.sub(r"〔\1〕", text)
    text = _NUM_DOT.sub(r"\1.", text)        # 1．/1、 -> 1. : one spelling for the third level
    return text.replace(_KEPT, "?")
