"""Readers: a .docx (python-docx) or a .txt file into Lines and Tables, in document order. A file that is
not what its name says (a binary file, a .docx that is not a Word file) or holds no text is refused with
a Chinese message naming it (ImportFailed), before anything is written."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from .blocks import ImportFailed, Line, Table

# Bytes no text file holds: C0 controls other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

INDENT = re.compile(r"^[ \u00a0\u3000\t]*")
COLUMNS = {" ": 1, "\u00a0": 1, "\u3000": 2, "\t": 4}


def _line(text: str, style: str = "") -> Line:
    indent = INDENT.match(text)
    assert indent is not None                 # the pattern matches the empty string
    lead = indent.group(0) if text.strip() else ""
    return Line(text.rstrip(), style, sum(COLUMNS[c] for c in lead))


def decode(raw: bytes, name: str) -> str:
    """The text of a .txt file: UTF-8 (with or without BOM), UTF-16 with BOM (Notepad's "Unicode"), or
    GBK/GB18030 (Notepad's "ANSI" on Chinese Windows)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFailed(
                f"{name} 以 UTF-16（“Unicode”）标记开头，但内容不完整，无法读取。请用记事本打开，另存为 UTF-8"
            ) from None
    if b"\x00" in raw:
        raise ImportFailed(f"{name} 不是文本文件（含有二进制数据，可能是图片、压缩包或改了扩展名的其他文件）。"
                           "请打开原文件，复制正文粘贴到记事本，另存为 UTF-8 的 .txt")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFailed(f"{name} 的编码无法识别（既不是 UTF-8，也不是 GBK）。请用记事本打开，另存为 UTF-8")
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise ImportFailed(
            f"{name} 不是文本文件（含有大量控制字符）。请打开原文件，复制正文粘贴到记事本，另存为 UTF-8 的 .txt"
        )
    return text


def read_txt(path: Path) -> list[Line | Table]:
    text = decode(path.read_bytes(), path.name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[Line] = []
    for raw_line in text.split("\n"):
        for part in raw_line.split("\f"):            # pdftotext marks page breaks with a form feed
            out.append(_line(part))
    return _tab_tables(out)


def _tab_tables(lines: list[Line]) -> list[Line | Table]:
    """A table copied from a web page or Word arrives as tab-separated lines: two or more such
    lines in a row become a Table."""
    out: list[Line | Table] = []
    run: list[Line] = []
    for line in lines + [Line("")]:
        if "\t" in line.text.strip():
            run.append(line)
            continue
        if len(run) >= 2:
            out.append(Table([[c.strip() for c in line.text.strip().split("\t")] for line in run]))
        else:
            out.extend(run)
        run = []
        out.append(line)
    return out[:-1]


def read_docx(path: Path) -> list[Line | Table]:
    import zipfile

    import docx  # python-docx; imported here so the site build never needs it

    from ...input.attachments import Refused, guard_zip
    from .numbering import Numbering
    try:
        with zipfile.ZipFile(path) as archive:     # a zip bomb is refused before python-docx unpacks it
            guard_zip(archive, f"{path.name} ")
    except Refused as exc:
        raise ImportFailed(str(exc)) from None
    except (zipfile.BadZipFile, OSError):
        pass                                       # not a zip: python-docx says so below, in the same words
    try:
        document = docx.Document(str(path))
    except Exception:      # python-docx raises zipfile, KeyError, ValueError … for what is not a Word file
        raise ImportFailed(f"{path.name} 不是 Word 文件（.docx）：可能是改了扩展名的 .doc、.wps 或其他文件。"
                           "请用 Word 或 WPS 打开它，“另存为” Word 文档（.docx）后再导入") from None
    numbering = Numbering(document)
    out: list[Line | Table] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            out.append(Table(_table_rows(block)))
            continue
        style = block.style.name if block.style is not None else ""
        text = numbering.label(block) + block.text    # "一、" drawn by Word's numbering, not in the text
        # A manual line break inside a paragraph is a wrap, not a new paragraph.
        for index, part in enumerate(text.split("\n")):
            out.append(_line(part, style if index == 0 else ""))
    return out


def _table_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            # A horizontally merged cell is returned once per grid column: its text goes in the first
            # column only, the others stay empty so the columns still line up.
            if previous is not None and cell._tc is previous:
                cells.append("")
                continue
            previous = cell._tc
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        rows.append(cells)
    return rows
