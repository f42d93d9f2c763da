"""Markdown writer: headings by level, run-in headings in bold, attachment lists as lists, tables as
Markdown tables. Text is escaped so a document's own * _ [ ] < > # never becomes Markdown syntax."""
from __future__ import annotations

import re

from .blocks import Report, Table
from .headings import ARTICLE, ATTACHMENT, heading_of

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LIST_ITEM = re.compile(r"^(\d{1,2})\.\s*(.*)$")


def escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\d+)\.", r"\1\\.", text)              # "1.xxx" must not become a list
    text = re.sub(r"^([#+\-=])", r"\\\1", text)
    return text


def table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    cells = [[escape(c.replace("\n", " ")) for c in r] + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return "\n".join(lines)


def body(items: list, report: Report) -> str:
    blocks: list[str] = []
    attachments: list[str] | None = None
    for item in items:
        if isinstance(item, Table):
            if item.rows and any(any(c for c in r) for r in item.rows):
                blocks.append(table(item.rows))
                report.tables += 1
            continue
        text = item.text
        if not text:
            continue
        if attachments is not None:
            match = _LIST_ITEM.match(text)
            if match:
                attachments.append(match.group(2))
                continue
            if attachments and not _ends_attachment(text):
                attachments[-1] += text                # a long attachment title wrapped by the PDF
                continue
            blocks.append("\n".join(f"{n}. {escape(t)}" for n, t in enumerate(attachments, 1)))
            report.attachments += len(attachments)
            attachments = None
        attach = ATTACHMENT.match(text)
        if attach and not attach.group(1) and len(text) > attach.end():
            first = text[attach.end():].strip()
            if listed := _LIST_ITEM.match(first):      # 附件：1.……  2.……  -> a list
                blocks.append("附件：")
                attachments = [listed.group(2)]
                continue
            report.attachments += 1
        elif attach and len(text) <= 8:              # "附件1" above an attachment's own text
            blocks.append(f"## {escape(text)}")
            report.headings[2] = report.headings.get(2, 0) + 1
            continue
        article = ARTICLE.match(text)
        if article:
            blocks.append(f"**{article.group(1)}**　{escape(text[article.end():])}")
            continue
        heading = heading_of(text, item.style)
        if heading and not heading.rest:
            blocks.append(f"{'#' * heading.level} {escape(heading.text)}")
            report.headings[heading.level] = report.headings.get(heading.level, 0) + 1
        elif heading:
            blocks.append(f"**{escape(heading.text)}**{escape(heading.rest)}")
            report.run_in_headings += 1
        else:
            blocks.append(escape(text))
    if attachments:
        blocks.append("\n".join(f"{n}. {escape(t)}" for n, t in enumerate(attachments, 1)))
        report.attachments += len(attachments)
    return "\n\n".join(blocks) + "\n"


def _ends_attachment(text: str) -> bool:
    from .metadata import BODY_SUFFIX, is_date_line
    return is_date_line(text) or bool(BODY_SUFFIX.search(text)) or text.startswith("（")
