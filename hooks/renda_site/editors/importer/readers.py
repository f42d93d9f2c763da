"""Readers: a .docx (python-docx) or a .txt file into Lines and Tables, in document order."""
from __future__ import annotations

import re
from pathlib import Path

from .blocks import Line, Table

INDENT = re.compile(r"^[ \u00a0\u3000\t]*")
COLUMNS = {" ": 1, "\u00a0": 1, "\u3000": 2, "\t": 4}


def _line(text: str, style: str = "") -> Line:
    lead = INDENT.match(text).group(0) if text.strip() else ""
    return Line(text.rstrip(), style, sum(COLUMNS[c] for c in lead))


def read_txt(path: Path) -> list[Line | Table]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):       # Windows Notepad in China still saves GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError("无法识别文件编码，请另存为 UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[Line | Table] = []
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
            out.append(Table([[c.strip() for c in l.text.strip().split("\t")] for l in run]))
        else:
            out.extend(run)
        run = []
        out.append(line)
    return out[:-1]


def read_docx(path: Path) -> list[Line | Table]:
    import docx   # python-docx; imported here so the site build never needs it

    from .numbering import Numbering

    document = docx.Document(str(path))
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
