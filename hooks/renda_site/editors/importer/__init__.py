"""Import of official documents: a .docx or a .txt (pasted from a PDF or a web page) becomes a column
article with front matter.

    read (readers) -> normalise (normalize) -> remove page furniture, join wrapped lines (cleanup)
    -> title, body, number, date (metadata) -> Markdown (markdown, headings)
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from ..scaffold import Scaffolder, ScaffoldError, scalar, slugify
from .blocks import Line, Report
from .cleanup import join_wrapped, remove_furniture
from .markdown import body
from .metadata import extract
from .normalize import normalize
from .readers import read_docx, read_txt


class ImportFailed(Exception):
    """The file cannot be imported; the message is for editors."""


@dataclass
class Imported:
    rel: str               # docs/<column>/<date>-<slug>.md
    markdown: str
    report: Report


def convert(path: Path) -> tuple[dict, str, Report]:
    """The front matter fields, the Markdown body and the report for one document."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        items = read_docx(path)
    elif suffix == ".txt":
        items = read_txt(path)
    else:
        raise ImportFailed(f"只能导入 .docx 或 .txt 文件（{path.name}）。.doc 和 .wps 请先用 Word 或 WPS 另存为 .docx；PDF 请复制全文粘贴到记事本，另存为 .txt")
    for item in items:
        if isinstance(item, Line):
            item.text = normalize(item.text)
    report = Report()
    items = join_wrapped(remove_furniture(items, report), report)
    meta, items = extract(items)
    report.metadata_lines = [line for line in meta.dropped if line]
    front: dict = {"title": meta.title, "date": meta.date, "source": meta.body}
    if meta.doc_no or meta.body or meta.disclosure:
        disclosure = {"index_no": None, "publisher": meta.body, "doc_date": meta.date, "category": None,
                      "scope": None, "doc_no": meta.doc_no}
        for key, value in meta.disclosure.items():       # a web page's own disclosure line wins
            disclosure[key] = datetime.date.fromisoformat(value) if key == "doc_date" and _iso(value) else value
        front["disclosure"] = disclosure
        front["source"] = front["source"] or disclosure["publisher"]
    for key, label in (("title", "标题"), ("body", "发文机关"), ("doc_no", "文号"), ("date", "成文日期")):
        value = getattr(meta, key)
        if value:
            report.metadata[label] = str(value)
        else:
            report.missing.append(label)
    return front, body(items, report), report


def _iso(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def front_matter(front: dict) -> str:
    lines = ["---"]
    for key, value in front.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {scalar(v)}" for k, v in value.items() if v is not None]
        elif value is not None:
            lines.append(f"{key}: {scalar(value)}")
    return "\n".join(lines + ["---", ""])


def import_document(path: Path, root: Path, column: str, slug: str | None = None,
                    date: str | None = None, write: bool = True) -> Imported:
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"找不到文件 {path}")
    scaffolder = Scaffolder(Path(root))
    columns = set(scaffolder.columns())
    if column not in columns:
        raise ImportFailed(f"栏目「{column}」不存在。可用栏目：{'、'.join(sorted(columns))}")
    try:
        front, text, report = convert(path)
    except (ValueError, OSError) as exc:
        raise ImportFailed(f"无法读取 {path.name}：{exc}") from None
    if date:
        try:
            front["date"] = datetime.date.fromisoformat(date)
        except ValueError:
            raise ImportFailed(f"日期「{date}」格式应为 2024-03-01") from None
    front["date"] = front["date"] or scaffolder.today
    front["title"] = front["title"] or path.stem
    rel = f"docs/{column}/{front['date'].isoformat()}-{slugify(slug or front['title']) or 'wenjian'}.md"
    markdown = front_matter(front) + "\n" + text
    if write:
        try:
            scaffolder.write(rel, markdown)
        except ScaffoldError as exc:
            raise ImportFailed(str(exc)) from None
    return Imported(rel, markdown, report)
