"""What readers hand to the cleanup: a document as a flat sequence of lines and tables.

A `.txt` gives one Line per text line; a `.docx` gives one Line per paragraph (with its Word style as
a hint) and one Table per table, in body order. Blank lines are Lines with empty text.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class ImportFailed(Exception):
    """The file cannot be imported; the message is for editors (Chinese, names the file)."""


@dataclass
class Line:
    text: str
    style: str = ""            # Word paragraph style name, e.g. "Heading 1", "Title"; "" for text files
    indent: int = 0            # leading blank columns: a full-width space counts 2, a tab 4

    @property
    def indented(self) -> bool:
        return self.indent >= 2


@dataclass
class Table:
    rows: list[list[str]]


@dataclass
class Report:
    """What the import did, for the editor (printed) and for the tests."""

    page_markers: list[str] = field(default_factory=list)
    repeated_lines: list[str] = field(default_factory=list)     # headers/footers found on several pages
    noise_lines: list[str] = field(default_factory=list)        # watermarks, adverts, web page chrome
    joins: int = 0                                              # hard-wrapped lines joined to the previous
    headings: dict[int, int] = field(default_factory=dict)      # Markdown level -> count
    run_in_headings: int = 0                                    # "（一）加强领导。正文……" kept as bold lead
    tables: int = 0
    attachments: int = 0
    metadata: dict[str, str] = field(default_factory=dict)
    metadata_lines: list[str] = field(default_factory=list)      # masthead, number line, 印发/抄送 lines
    missing: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)             # each repair of damaged text, one line each
    chrome: dict[str, list[str]] = field(default_factory=dict)   # kind of page leftover -> lines removed
    chrome_dates: list[tuple] = field(default_factory=list)      # (date, line) of dates in the page's chrome
    page_joins: int = 0                                          # paragraphs rejoined across a page marker
    damage: list[str] = field(default_factory=list)              # damage found and left as it is
    warnings: list[str] = field(default_factory=list)            # what the editor must do (no date …)

    def removed(self, kind: str, text: str) -> None:
        """A line of the page the text was copied from, removed as `kind` (网页页脚, 分享按钮 …)."""
        self.chrome.setdefault(kind, []).append(text)
        self.noise_lines.append(text)

    def lines(self) -> list[str]:
        levels = "，".join(f"{'#' * level} {count} 个" for level, count in sorted(self.headings.items())) or "无"
        out = [f"标题层次：{levels}；段首小标题 {self.run_in_headings} 个",
               (f"删除页码 {len(self.page_markers)} 行，重复的页眉页脚 {len(self.repeated_lines)} 行，"
                f"水印/广告/网页杂项 {len(self.noise_lines)} 行；接续断行 {self.joins} 处"),
               f"表格 {self.tables} 个，附件 {self.attachments} 项"]
        by_kind = {line for lines in self.chrome.values() for line in lines}     # listed by kind below
        dropped = self.repeated_lines + [line for line in self.noise_lines if line not in by_kind]
        if dropped:
            shown = "；".join(dict.fromkeys(dropped))      # each distinct line once, in order
            out.append(f"删除的行（请确认不是正文）：{shown[:300]}{'……' if len(shown) > 300 else ''}")
        out += [f"修复：{line}" for line in self.repairs]
        for kind, lines in self.chrome.items():
            shown = "；".join(dict.fromkeys(lines))
            out.append(f"删除{kind} {len(lines)} 行：{shown[:120]}{'……' if len(shown) > 120 else ''}")
        if self.page_joins:
            out.append(f"接回在页码处断开的段落 {self.page_joins} 处")
        out += [f"{key}：{value}" for key, value in self.metadata.items()]
        if self.missing:
            out.append("未找到：" + "、".join(self.missing) + "（请手工填写）")
        out += [f"请核对（未改动）：{line}" for line in self.damage]
        out += [f"警告：{line}" for line in self.warnings]
        return out
