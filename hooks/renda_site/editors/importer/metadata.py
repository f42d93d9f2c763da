"""Metadata of an official document: title, issuing body (发文机关), document number (文号) and date
(成文日期), taken from where GB/T 9704 puts them: the masthead ("……文件"), the number line, the title
before the addressee line, the signature and date at the end. The lines used are removed from the body."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .blocks import Line
from .headings import starts_block

CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0}
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE = re.compile(
    r"([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
DOC_NO = re.compile(r"^[\u4e00-\u9fff]{1,12}〔\d{4}〕\d{1,4}号$")
MASTHEAD = re.compile(r"^(.{4,40}?)\s*文件$")
TITLE_WORDS = re.compile(r"(决定|决议|通知|报告|意见|办法|规定|条例|规则|方案|公告|通报|纪要|批复|函|计划|总结|讲话|"
                         r"细则|制度)$")
BODY_SUFFIX = re.compile(r"(人民代表大会常务委员会|人大常委会|人民代表大会|人民政府|委员会|办公室|人民法院|人民检察院|"
                         r"主席团|局|委)$")
TITLE_BODY = re.compile(
    r"^(.{1,20}?(人民代表大会常务委员会|人大常委会|人民政府|人民法院|人民检察院|监察委员会|办公室))"
)
ISSUED = re.compile(r"^(抄送|抄报|主题词)\s*[:：]|印发$")     # the 版记 under the text, not "现印发给你们"
ADOPTED = re.compile(r"^（.*(通过|批准|会议|讲话|报告).*）$|^——.*$")


@dataclass
class Metadata:
    title: str | None = None
    body: str | None = None          # 发文机关
    doc_no: str | None = None        # 文号
    date: datetime.date | None = None
    dropped: list[str] = field(default_factory=list)
    disclosure: dict = field(default_factory=dict)   # from a web page's 索引号/发布机构/… line


# A government-information-disclosure line copied from a web page: "索引号：… 发布机构：… 发文日期：…".
LABELS = {"索引号": "index_no", "发布机构": "publisher", "发文日期": "doc_date", "成文日期": "doc_date",
          "信息类别": "category", "公开范围": "scope", "文号": "doc_no"}
LABEL = re.compile(r"(索\s*引\s*号|发布机构|发文日期|成文日期|信息类别|公开范围|公开方式|发文字号|文号)\s*[:：]\s*")


def disclosure_of(text: str) -> dict | None:
    """The fields of a disclosure line, or None when the line is not one (fewer than two labels)."""
    found = list(LABEL.finditer(text))
    if len(found) < 2:
        return None
    fields = {}
    for here, after in zip(found, found[1:] + [None], strict=True):
        label = re.sub(r"\s", "", here.group(1)).replace("发文字号", "文号")
        value = text[here.end(): after.start() if after else len(text)].strip()
        if label in LABELS and value:
            fields[LABELS[label]] = value
    return fields


def parse_date(text: str) -> datetime.date | None:
    found = DATE.search(text)
    if found:
        year, month, day = (int(g) for g in found.groups())
    else:
        cn = CN_DATE.search(text)
        if not cn:
            return None
        year = int("".join(str(CN_DIGIT[c]) for c in cn.group(1)))
        month, day = _cn_small(cn.group(2)), _cn_small(cn.group(3))
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _cn_small(text: str) -> int:
    """一 .. 三十一"""
    if "十" not in text:
        return CN_DIGIT[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[ones] if ones else 0)


def is_date_line(text: str) -> bool:
    return bool(
        re.fullmatch(
            r"\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
            r"[〇○零Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*",
            text,
        )
    )


class _Text:
    """Tables have no text: seen through this, they match no pattern and stop every scan."""

    def __init__(self, item):
        self.table = item is not None and not isinstance(item, Line)
        self.text = "" if self.table else getattr(item, "text", "")
        self.style = getattr(item, "style", "")

    @property
    def blank(self) -> bool:
        return not self.text and not self.table


def extract(items: list) -> tuple[Metadata, list]:
    """Metadata, and the items without the lines that held only metadata."""
    meta = Metadata()
    items = list(items)
    lines = [_Text(item) for item in items]
    _drop_blanks(lines, items, leading=True)
    _masthead(meta, lines, items)
    _title(meta, lines, items)
    _repeated_title(meta, lines, items)
    _tail(meta, lines, items)
    if meta.body is None and meta.title:
        # "清溪县人民代表大会常务委员会关于……的决定", "清溪县人民代表大会常务委员会议事规则"
        prefix = TITLE_BODY.match(meta.title)
        meta.body = prefix.group(1) if prefix and not re.search(r"关于|^在", prefix.group(1)) else None
    return meta, items


def _masthead(meta: Metadata, lines: list, items: list) -> None:
    """"……文件" and the document number: the first lines, before anything else."""
    head = 0
    while head < min(len(lines), 6):
        text = lines[head].text
        if lines[head].blank and (meta.body or meta.doc_no):
            head += 1
            continue
        masthead = MASTHEAD.match(text)
        if masthead and not meta.body:
            meta.body = masthead.group(1).strip()
        elif DOC_NO.match(text.replace(" ", "")) and not meta.doc_no:
            meta.doc_no = text.replace(" ", "")
        else:
            break
        meta.dropped.append(text)
        head += 1
    del lines[:head], items[:head]


def _title(meta: Metadata, lines: list, items: list) -> None:
    """The lines (no blank between) up to one ending like a document kind; short lines before it,
    separated by a blank line, are web-page leftovers and go too. Else the first short line."""
    start = 0
    for end in range(min(8, len(lines))):
        text = lines[end].text
        if lines[end].blank:
            start = end + 1
            continue
        if lines[end].table or starts_block(text) or text.endswith("：") or len(text) > 60:
            break
        if TITLE_WORDS.search(text) or lines[end].style == "Title":
            meta.title = "".join(line.text for line in lines[start:end + 1])
            meta.dropped += [line.text for line in lines[:start] if line.text]
            del lines[:end + 1], items[:end + 1]
            break
    _drop_blanks(lines, items, leading=True)
    if meta.title is None and lines and not lines[0].table and len(lines[0].text) <= 60 \
            and not starts_block(lines[0].text):
        meta.title = lines.pop(0).text
        items.pop(0)


def _tail(meta: Metadata, lines: list, items: list) -> None:
    """The 版记 (抄送, 印发) is dropped; the date and the signature above it are read and kept."""
    _drop_blanks(lines, items, leading=False)
    while lines and (ISSUED.search(lines[-1].text) and len(lines[-1].text) <= 80 or lines[-1].blank):
        meta.dropped.append(lines.pop().text)
        items.pop()
    for i in range(len(lines) - 1, max(-1, len(lines) - 8), -1):
        if is_date_line(lines[i].text):
            meta.date = parse_date(lines[i].text)
            before = [line.text for line in lines[:i] if line.text]
            if before and BODY_SUFFIX.search(before[-1]) and len(before[-1]) <= 40:
                meta.body = meta.body or before[-1]
            break
    if meta.date is None:
        for line in [candidate for candidate in lines if candidate.text][
            :3
        ]:  # "（2024年3月1日……会议通过）" under the title
            if ADOPTED.match(line.text) and parse_date(line.text):
                meta.date = parse_date(line.text)
                break


def _repeated_title(meta: Metadata, lines: list, items: list) -> None:
    """A web page shows the title as its heading, then the document again with its own title block,
    often under the issuing body ("中共某县县委" / "关于……的意见"); a disclosure line may sit between.
    Keep one title (the document's own, with its issuer) and take the disclosure fields."""
    if not meta.title:
        return
    for i in range(min(8, len(lines))):
        if lines[i].table:
            break
        text = lines[i].text
        fields = disclosure_of(text)
        if fields is not None:
            meta.disclosure = fields
            meta.dropped.append(text)
            items[i] = Line("")
            lines[i] = _Text(items[i])
        elif text == meta.title:
            issuer = lines[i - 1].text if i > 0 else ""
            if issuer and len(issuer) <= 20 and (BODY_SUFFIX.search(issuer) or issuer.endswith("委")):
                meta.title = issuer + meta.title
                meta.body = meta.body or issuer
            meta.dropped += [line.text for line in lines[:i + 1] if line.text]
            del lines[:i + 1], items[:i + 1]
            break
    _drop_blanks(lines, items, leading=True)


def _drop_blanks(lines: list, items: list, leading: bool) -> None:
    while lines and lines[0 if leading else -1].blank:
        lines.pop(0 if leading else -1)
        items.pop(0 if leading else -1)
