"""Attachments that docs/ publishes (.docx, .xlsx, .pptx, .pdf), read the way a reader who downloads
them can read them: every part of an office file (the body, text boxes, headers and footers, comments,
footnotes, tracked insertions and deletions, document properties, the pictures inside), every page,
the metadata and the form fields of a PDF. Two results: the text, for the privacy scan, in parts named
the way an editor finds them again (「第3段」「Sheet1!B4」「第2页」「文档属性 作者」「文件内部 word/header1.xml」),
and what must not be published at all (`refused`): macros, embedded objects and web pages, pictures
that still carry their GPS position, references that make the reader's program fetch another host,
PDF scripts, automatic actions, launch actions and embedded files.

Work on a hostile file is bounded before any library opens it: the unpacked size and the number of
parts of an office file, the number of PDF objects visited. Reading a long PDF takes a while, and
`check` runs before every commit, so results are kept in .cache/attachments/ by the file's content hash.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

from .pictures import identifying_metadata

OFFICE = (".docx", ".xlsx", ".pptx")
ATTACHMENTS = (*OFFICE, ".pdf")
CACHE_VERSION = 2
MAX_UNPACKED = 300 * 1024 * 1024       # an office file's parts together, unpacked
MAX_PARTS = 5000
MAX_XML_PART = 64 * 1024 * 1024
MAX_PDF_OBJECTS = 200_000
_BETWEEN_TAGS = re.compile(r">\s+<")
_SELF_CLOSING = re.compile(r"<[^>]*/>")            # <w:b/>, <w:sz w:val="21"/>: formatting, no text
# Elements inside one paragraph: their text runs on (a number can be split over runs, insertions,
# deletions, hyperlinks, fields). Every other element boundary separates texts.
_INLINE = ("w:r|w:t|w:rPr|w:delText|w:instrText|w:ins|w:del|w:hyperlink|w:smartTag|w:fldSimple|w:sdt|w:sdtContent"
           "|w:moveFrom|w:moveTo|a:r|a:t|a:rPr|a:fld|r|t|rPr|m:r|m:t")
_RUN = re.compile(r"</?(?:" + _INLINE + r")(?:\s[^>]*)?>")
_TAG = re.compile(r"<[^>]+>")
_ELEMENTS = re.compile(r"(?:\n\|\n)+")
_EXTERNAL = re.compile(r"<Relationship\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_IMAGE_PART = re.compile(r"\.(?:jpe?g|png|gif|webp|tiff?|bmp)$", re.IGNORECASE)
_HARMLESS_BINARY = re.compile(r"(?:^|/)(?:fonts/[^/]+\.(?:odttf|fntdata|ttf)|printerSettings/printerSettings\d*\.bin"
                              r"|media/[^/]+\.(?:emf|wmf|svg)|thumbnail\.(?:emf|wmf))$", re.IGNORECASE)
_ACTIVE_PART = re.compile(
    r"(?:vbaProject|vbaData|activeX|embeddings/|oleObject|afchunk|\.(?:bin|mht|mhtml|html?|js)$)", re.IGNORECASE
)
# Relationships that make the reader's program fetch something when the file is opened.
_FETCHING = ("image", "attachedTemplate", "oleObject", "frame", "subDocument", "package", "video", "audio", "media")


def xml_text(xml: str) -> str:
    """The text of an XML part: the runs of one paragraph joined (a number can be split over runs),
    different elements kept apart by a character the number patterns do not cross (so the values
    3.1.5 and 3.1, or 0 and 1 of two neighbouring fields, never make one number)."""
    xml = _RUN.sub("", _SELF_CLOSING.sub("", _BETWEEN_TAGS.sub("><", xml)))
    return _ELEMENTS.sub("\n|\n", _TAG.sub("\n|\n", xml)).strip("\n|")


_PROPERTIES = {"author": "作者", "creator": "作者", "last_modified_by": "最后修改者", "lastModifiedBy": "最后修改者",
               "title": "标题", "subject": "主题", "keywords": "关键词", "comments": "备注", "description": "备注",
               "category": "类别", "identifier": "标识", "content_status": "状态", "contentStatus": "状态"}


class Unreadable(Exception):
    """The file could not be opened (damaged, encrypted): its text cannot be checked."""


class Refused(Exception):
    """The file cannot be published at all (a zip bomb): the message says why, in Chinese."""


class Found:
    """What one attachment holds: text parts for the privacy scan, and what may never be published."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, str]] = []
        self.refused: list[tuple[str, str]] = []       # (field, Chinese message)

    def refuse(self, field: str, message: str) -> None:
        if (field, message) not in self.refused:
            self.refused.append((field, message))


def read(path: Path, cache: Path | None) -> Found:
    """Everything a reader of the attachment can see or run; raises Unreadable or Refused."""
    data = path.read_bytes()
    key = hashlib.sha256(data).hexdigest()
    stored = cache / f"{key}.json" if cache else None
    if stored is not None and stored.is_file():
        try:
            saved = json.loads(stored.read_text(encoding="utf-8"))
            if saved.get("version") == CACHE_VERSION:
                found = Found()
                found.parts = [tuple(p) for p in saved["parts"]]
                found.refused = [tuple(p) for p in saved["refused"]]
                return found
        except (OSError, ValueError, KeyError):
            pass
    suffix = path.suffix.lower()
    try:
        found = _pdf(data) if suffix == ".pdf" else _office(data, suffix)
    except (Unreadable, Refused):
        raise
    except Exception as exc:          # every library has its own errors for a damaged file
        raise Unreadable(type(exc).__name__) from None
    if stored is not None:
        try:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(json.dumps({"version": CACHE_VERSION, "parts": found.parts, "refused": found.refused},
                                         ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass                      # a read-only checkout: just read it again next time
    return found


def parts(path: Path, cache: Path | None) -> list[tuple[str, str]]:
    """(field, text) of everything a reader of the attachment can see; raises Unreadable."""
    return read(path, cache).parts


def guard_zip(archive: zipfile.ZipFile, name: str = "文件") -> None:
    """Refuse an archive whose parts are too many or unpack too large, before anything reads them
    (a few kilobytes can unpack to gigabytes)."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise Refused(f"{name}内部有 {len(infos)} 个部分（超过 {MAX_PARTS} 个），不像正常的文档，可能是恶意构造的文件")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED:
        raise Refused(f"{name}解压后有 {unpacked // 1024 // 1024} MB（超过 {MAX_UNPACKED // 1024 // 1024} MB），"
                      "可能是“压缩炸弹”。请用 Word/WPS 打开后另存为新文件，或压缩其中的图片")


def _properties(props) -> list[tuple[str, str]]:
    out = []
    for name, label in _PROPERTIES.items():
        value = getattr(props, name, None)
        if value not in (None, ""):
            out.append((f"文档属性 {label}", str(value)))
    return out


def _office(data: bytes, suffix: str) -> Found:
    found = Found()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise Unreadable("BadZipFile") from None
    with archive:
        guard_zip(archive)
        names = set(archive.namelist())
        if "[Content_Types].xml" not in names:
            raise Unreadable("not OOXML")
        if suffix == ".docx":
            found.parts += _docx(data)
        elif suffix == ".xlsx":
            found.parts += _xlsx(data)
        for info in archive.infolist():
            _office_part(archive, info, found)
    return found


def _office_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, found: Found) -> None:
    name = info.filename
    if name.endswith("/"):
        return
    where = f"文件内部 {name}"
    if _ACTIVE_PART.search(name):
        found.refuse(where, "含有宏、嵌入的对象、ActiveX 控件或嵌入的网页，打开时可能运行代码，且其中的内容无法检查。"
                            "请删除这些对象后另存，或转为 PDF 发布")
    elif name.lower().endswith((".xml", ".rels", ".vml")):
        if info.file_size > MAX_XML_PART:
            raise Refused(f"文件内部的 {name} 解压后超过 {MAX_XML_PART // 1024 // 1024} MB，不像正常的文档")
        xml = archive.read(info).decode("utf-8", "replace")
        if name.lower().endswith(".rels"):
            _relationships(xml, where, found)
        text = xml_text(xml)
        if text:
            found.parts.append((where, text))
    elif _IMAGE_PART.search(name):
        message = identifying_metadata(archive.read(info))
        if message:
            found.refuse(where, f"文档中的图片{message}。请用原图去掉拍摄信息后重新插入，或把文档转为 PDF "
                                "时选择不保留图片信息")
    elif not _HARMLESS_BINARY.search(name):
        found.refuse(where, "含有无法检查的内部文件，可能藏有个人信息或代码。请用 Word/WPS/Excel 另存为新文件，或转为 "
                            "PDF 发布")


def _relationships(xml: str, where: str, found: Found) -> None:
    for tag in _EXTERNAL.findall(xml):
        attrs = dict(_ATTR.findall(tag))
        kind = attrs.get("Type", "").rsplit("/", 1)[-1]
        target = attrs.get("Target", "")
        found.parts.append((where, target))
        if attrs.get("TargetMode", "").lower() == "external" and kind in _FETCHING:
            found.refuse(where, f"引用了外部的「{target[:60]}」：读者打开文件时会访问其他网站。"
                                "请把内容直接插入文档后另存")


def _docx(data: bytes) -> list[tuple[str, str]]:
    import docx
    document = docx.Document(io.BytesIO(data))
    out = [(f"第{i}段", p.text) for i, p in enumerate(document.paragraphs, 1) if p.text.strip()]
    for t, table in enumerate(document.tables, 1):
        for r, row in enumerate(table.rows, 1):
            out.append((f"第{t}个表格第{r}行", "\t".join(cell.text for cell in row.cells)))
    for s, section in enumerate(document.sections, 1):
        for label, part in (("页眉", section.header), ("页脚", section.footer)):
            text = "\n".join(p.text for p in part.paragraphs)
            if text.strip():
                out.append((f"第{s}节{label}", text))
    return out + _properties(document.core_properties)


def _xlsx(data: bytes) -> list[tuple[str, str]]:
    import openpyxl
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
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
    return out


# PDF keys and action types that run something in the reader's PDF viewer, and what they are.
_PDF_KEYS = {"/JS": "JavaScript 脚本", "/JavaScript": "JavaScript 脚本", "/AA": "打开或翻页时自动执行的动作",
             "/EmbeddedFile": "嵌入的文件", "/EmbeddedFiles": "嵌入的文件", "/RichMedia": "嵌入的多媒体（Flash 等）",
             "/XFA": "XFA 动态表单（可含脚本）"}
_PDF_ANNOTATIONS = {
    "/RichMedia": "嵌入的多媒体（Flash 等）",
    "/FileAttachment": "嵌入的文件（附件注释）",
    "/Movie": "嵌入的多媒体",
    "/Sound": "嵌入的声音",
    "/Screen": "嵌入的多媒体",
    "/3D": "嵌入的三维模型",
}
_PDF_ACTIONS = {
    "/JavaScript": "JavaScript 脚本",
    "/Launch": "启动其他程序的动作",
    "/SubmitForm": "向网站提交表单的动作",
    "/ImportData": "导入数据的动作",
    "/GoToE": "打开嵌入文件的动作",
    "/Rendition": "播放多媒体的动作",
    "/GoToR": "打开其他文件的动作",
}


def _pdf(data: bytes) -> Found:
    import pypdf
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise Unreadable("encrypted")
    found = Found()
    _pdf_objects(reader, found)
    found.parts += [(f"第{n}页", page.extract_text() or "") for n, page in enumerate(reader.pages, 1)]
    for key, value in (reader.metadata or {}).items():
        found.parts.append((f"文档属性 {str(key).lstrip('/')}", str(value)))
    xmp = reader.xmp_metadata
    if xmp is not None:
        xml = xmp.rdf_root.toxml() if hasattr(xmp, "rdf_root") else ""
        text = xml_text(xml)
        if text:
            found.parts.append(("文档属性 XMP", text))
    for name, field in (reader.get_fields() or {}).items():
        if field.get("/V") not in (None, ""):
            found.parts.append((f"表单 {name}", str(field.get("/V"))))
    found.parts = [(field, text) for field, text in found.parts if text.strip()]
    return found


def _pdf_objects(reader, found: Found) -> None:
    """Visit every object reachable from the trailer once: active content anywhere (the catalog, a
    page, an annotation, a form field, an object stream) and pictures that keep their metadata."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject
    seen: set[tuple[int, int]] = set()
    stack: list = [reader.trailer]
    visited = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise Refused(f"PDF 内部对象超过 {MAX_PDF_OBJECTS} 个，不像正常的文档，可能是恶意构造的文件")
        if isinstance(obj, DictionaryObject):
            for key, value in obj.items():
                if key in _PDF_KEYS:
                    found.refuse("PDF 内容", f"含有{_PDF_KEYS[key]}，读者打开时可能被执行。请用“打印为 PDF”或另存为 "
                                             "PDF/A 重新生成")
                elif key == "/Subtype" and value in _PDF_ANNOTATIONS:
                    found.refuse("PDF 内容", f"含有{_PDF_ANNOTATIONS[value]}，读者打开时可能被执行或释放。请用“打印为 "
                                             "PDF”或另存为 PDF/A 重新生成")
                elif key == "/S" and value in _PDF_ACTIONS:
                    found.refuse("PDF 内容", f"含有{_PDF_ACTIONS[value]}，读者打开时可能被执行。请用“打印为 PDF”"
                                             "或另存为 PDF/A 重新生成")
                if key not in ("/Parent", "/P"):
                    stack.append(value)
            if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image":
                _pdf_picture(obj, found)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def _pdf_picture(stream, found: Found) -> None:
    filters = stream.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, list) else [str(filters)]
    if names and names[-1] == "/DCTDecode" and len(names) == 1:
        message = identifying_metadata(stream._data)
        if message:
            found.refuse("PDF 中的图片", f"{message}。请用去掉拍摄信息的照片重新生成 PDF")
