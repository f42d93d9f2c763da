"""The text inside attachments that docs/ publishes as they are (.docx, .xlsx, .pdf): what a reader who
downloads the file can see — paragraphs, table cells, headers and footers, comments, PDF pages — and what
the file says about itself (author, last editor, company, keywords, PDF metadata and XMP), for the
privacy scan. Each part is named the way an editor finds it again: 「第3段」「Sheet1!B4」「第2页」
「文档属性 作者」.

Extraction uses python-docx, openpyxl and pypdf. Reading a long PDF takes a while, and `check` runs
before every commit, so the parts are kept in .cache/attachments/ by the file's content hash.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

ATTACHMENTS = (".docx", ".xlsx", ".pdf")
# Formats whose text cannot be read here: published, but the editor is asked to look at them.
UNREADABLE = (".doc", ".xls", ".ppt", ".pptx", ".wps", ".et", ".dps", ".zip", ".rar", ".7z")
CACHE_VERSION = 1
_BETWEEN_TAGS = re.compile(r">\s+<")
_SELF_CLOSING = re.compile(r"<[^>]*/>")            # <w:b/>, <w:sz w:val="21"/>: formatting, no text
_RUN = re.compile(r"</?(?:w:r|w:t|w:rPr|a:r|a:t|a:rPr|r|t|rPr)(?:\s[^>]*)?>")
_TAG = re.compile(r"<[^>]+>")
_ELEMENTS = re.compile(r"(?:\n\|\n)+")


def xml_text(xml: str) -> str:
    """The text of an XML part: the runs of one paragraph joined (a number can be split over runs),
    different elements kept apart by a character the number patterns do not cross (so the values
    3.1.5 and 3.1, or 0 and 1 of two neighbouring fields, never make one number)."""
    xml = _RUN.sub("", _SELF_CLOSING.sub("", _BETWEEN_TAGS.sub("><", xml)))
    return _ELEMENTS.sub("\n|\n", _TAG.sub("\n|\n", xml)).strip("\n|")


# Office parts that python-docx and openpyxl do not expose but a reader of the file can still open.
_EXTRA_PARTS = re.compile(r"^(?:word/(?:comments|footnotes|endnotes)\d*\.xml|xl/comments\d*\.xml|xl/threadedComments/.*\.xml"
                          r"|docProps/(?:app|custom)\.xml)$")
_PROPERTIES = {"author": "作者", "creator": "作者", "last_modified_by": "最后修改者", "lastModifiedBy": "最后修改者",
               "title": "标题", "subject": "主题", "keywords": "关键词", "comments": "备注", "description": "备注",
               "category": "类别", "identifier": "标识", "content_status": "状态", "contentStatus": "状态"}


class Unreadable(Exception):
    """The file could not be opened (damaged, encrypted): its text cannot be checked."""


def parts(path: Path, cache: Path | None) -> list[tuple[str, str]]:
    """(field, text) of everything a reader of the attachment can see; raises Unreadable."""
    data = path.read_bytes()
    key = hashlib.sha256(data).hexdigest()
    stored = cache / f"{key}.json" if cache else None
    if stored is not None and stored.is_file():
        try:
            saved = json.loads(stored.read_text(encoding="utf-8"))
            if saved.get("version") == CACHE_VERSION:
                return [tuple(part) for part in saved["parts"]]
        except (OSError, ValueError, KeyError):
            pass
    try:
        found = _EXTRACT[path.suffix.lower()](path)
    except Unreadable:
        raise
    except Exception as exc:          # every library has its own errors for a damaged file
        raise Unreadable(type(exc).__name__) from None
    if stored is not None:
        try:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(json.dumps({"version": CACHE_VERSION, "parts": found}, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass                      # a read-only checkout: just read it again next time
    return found


def _properties(props) -> list[tuple[str, str]]:
    out = []
    for name, label in _PROPERTIES.items():
        value = getattr(props, name, None)
        if value not in (None, ""):
            out.append((f"文档属性 {label}", str(value)))
    return out


def _office_extras(path: Path) -> list[tuple[str, str]]:
    out = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if _EXTRA_PARTS.match(name):
                text = xml_text(archive.read(name).decode("utf-8", "replace"))
                if text:
                    out.append((f"文件内部 {name}", text))
    return out


def _docx(path: Path) -> list[tuple[str, str]]:
    import docx
    document = docx.Document(str(path))
    out = [(f"第{i}段", p.text) for i, p in enumerate(document.paragraphs, 1) if p.text.strip()]
    for t, table in enumerate(document.tables, 1):
        for r, row in enumerate(table.rows, 1):
            out.append((f"第{t}个表格第{r}行", "\t".join(cell.text for cell in row.cells)))
    for s, section in enumerate(document.sections, 1):
        for label, part in (("页眉", section.header), ("页脚", section.footer)):
            text = "\n".join(p.text for p in part.paragraphs)
            if text.strip():
                out.append((f"第{s}节{label}", text))
    return out + _properties(document.core_properties) + _office_extras(path)


def _xlsx(path: Path) -> list[tuple[str, str]]:
    import openpyxl
    book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    try:
        out = []
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    value = cell.value
                    if isinstance(value, float) and value.is_integer():
                        value = int(value)       # a phone typed into a cell is stored as a number
                    if value not in (None, "") and getattr(cell, "coordinate", None):
                        out.append((f"{sheet.title}!{cell.coordinate}", str(value)))
        out += _properties(book.properties)
    finally:
        book.close()
    return out + _office_extras(path)


def _pdf(path: Path) -> list[tuple[str, str]]:
    import pypdf
    reader = pypdf.PdfReader(str(path))
    if reader.is_encrypted:
        raise Unreadable("encrypted")
    out = [(f"第{n}页", page.extract_text() or "") for n, page in enumerate(reader.pages, 1)]
    for key, value in (reader.metadata or {}).items():
        out.append((f"文档属性 {str(key).lstrip('/')}", str(value)))
    xmp = reader.xmp_metadata
    if xmp is not None:
        xml = xmp.rdf_root.toxml() if hasattr(xmp, "rdf_root") else ""
        text = xml_text(xml)
        if text:
            out.append(("文档属性 XMP", text))
    for name, field in (reader.get_fields() or {}).items():
        if field.get("/V") not in (None, ""):
            out.append((f"表单 {name}", str(field.get("/V"))))
    return [(field, text) for field, text in out if text.strip()]


_EXTRACT = {".docx": _docx, ".xlsx": _xlsx, ".pdf": _pdf}
