"""Import of official documents: a .docx or a .txt (pasted from a PDF, a web page, a document-sharing or
an essay site) becomes a column article with front matter.

    read (readers) -> undo damage: bracketed pinyin, traditional characters (repair) -> normalise
    (normalize) -> remove the page's leftovers, keep its date (chrome) -> remove page furniture, join
    wrapped lines and paragraphs cut by a page (cleanup) -> title, body, number, date (metadata)
    -> report damage that cannot be undone (repair) -> Markdown (markdown, headings)

Every repair and removal is reported. Nothing is written for a file that cannot be read or holds no
text; a document without a date is written as a draft (`draft: true`), never dated today.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from ..scaffold import Scaffolder, ScaffoldError, scalar
from .blocks import ImportFailed, Line, Report
from .chrome import remove_chrome, remove_repeated_abstract
from .cleanup import join_wrapped, remove_furniture
from .markdown import body
from .metadata import extract
from .normalize import normalize
from .readers import read_docx, read_txt
from .repair import find_damage, repair

__all__ = ["ImportFailed", "Imported", "convert", "import_document"]


@dataclass
class Imported:
    rel: str               # docs/<column>/<date>-<slug>.md
    markdown: str
    report: Report


def convert(path: Path, keep_traditional: bool = False) -> tuple[dict, str, Report]:
    """The front matter fields, the Markdown body and the report for one document."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        items = read_docx(path)
    elif suffix == ".txt":
        items = read_txt(path)
    else:
        raise ImportFailed(f"只能导入 .docx 或 .txt 文件（{path.name}）。.doc 和 .wps 请先用 Word 或 WPS 另存为 .docx；"
                           "PDF 请复制全文粘贴到记事本，另存为 .txt")
    if not any(item.text.strip() if isinstance(item, Line) else any(any(c.strip() for c in r) for r in item.rows)
               for item in items):
        raise ImportFailed(f"{path.name} 是空的（没有任何文字），没有导入")
    report = Report()
    repair(items, report, keep_traditional)
    for item in items:
        if isinstance(item, Line):
            item.text = normalize(item.text)
    items = remove_furniture(remove_chrome(items, report), report)
    items = remove_repeated_abstract(join_wrapped(items, report), report)
    meta, items = extract(items)
    report.damage += find_damage(meta.title, items)
    report.metadata_lines = [line for line in meta.dropped if line]
    front: dict = {"title": meta.title, "date": meta.date, "source": meta.body}
    # The disclosure table is for official documents (a number, a disclosure line, a signed and dated
    # text), not for a news item whose only "issuer" is the start of its title.
    if meta.doc_no or meta.disclosure or (meta.body and meta.date):
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
    if front["date"] is None:
        _date_from_chrome(front, report)
    text = body(items, report)
    if not text.strip():
        raise ImportFailed(f"{path.name} 去掉网页杂项、页码等之后没有正文，没有导入。请打开文件核对")
    return front, text, report


def _date_from_chrome(front: dict, report: Report) -> None:
    """No date in the document itself: the date of its disclosure line, else of the page it came from."""
    doc_date = (front.get("disclosure") or {}).get("doc_date")
    if isinstance(doc_date, datetime.date):
        front["date"] = doc_date
        report.metadata["发布日期"] = f"{doc_date}（取自网页上的发文日期）"
    elif report.chrome_dates:
        day, line = report.chrome_dates[0]
        front["date"] = day
        report.metadata["发布日期"] = f"{day}（取自网页上的「{line[:40]}」）"


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


NO_DATE = ("文中和网页上都没有找到发布日期，已写为草稿（draft: true，不会发布）。核对后在 date 中填写日期、"
           "删去 draft 一行；或删除这个文件，加上 --date（如 --date 2024-03-01）重新导入")


def import_document(path: Path, root: Path, column: str, slug: str | None = None, date: str | None = None,
                    write: bool = True, keep_traditional: bool = False) -> Imported:
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"找不到文件 {path}")
    scaffolder = Scaffolder(Path(root))
    columns = set(scaffolder.columns())
    if column not in columns:
        raise ImportFailed(str(scaffolder.unknown_column(column)))
    try:
        given = datetime.date.fromisoformat(date) if date else None
    except ValueError:
        raise ImportFailed(f"日期「{date}」格式应为 2024-03-01") from None
    try:
        front, text, report = convert(path, keep_traditional)
    except OSError as exc:
        raise ImportFailed(f"无法读取 {path.name}：{exc.strerror or exc}") from None
    front["date"] = given or front["date"]
    front["title"] = front["title"] or path.stem
    try:
        name = scaffolder.slug(front["title"], slug) or "wenjian"
    except ScaffoldError as exc:
        raise ImportFailed(str(exc)) from None
    if front["date"] is None:
        # Never today: an undated article would look current. The build leaves drafts out.
        front = {"title": front.pop("title"), "draft": True, **{k: v for k, v in front.items() if k != "date"}}
        report.warnings.append(NO_DATE)
        rel = f"docs/{column}/caogao-{name}.md"
    else:
        rel = f"docs/{column}/{front['date'].isoformat()}-{name}.md"
    markdown = front_matter(front) + "\n" + text
    if write:
        try:
            scaffolder.write(rel, markdown, "如果是另一份文件，请加上 --slug 另取文件名（只用小写拼音、数字和连字符）")
        except ScaffoldError as exc:
            raise ImportFailed(str(exc)) from None
    return Imported(rel, markdown, report)
