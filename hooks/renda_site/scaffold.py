"""Scaffolding: new record and article files with every field present and a Chinese comment on each.

Fields, their order, whether they are required, their allowed values and their comments all come
from the pydantic models (`Field(description=...)`), so a scaffold cannot drift from the schema.
Required fields without a value are written as "" — `check` rejects them until an editor fills them.
"""
from __future__ import annotations

import datetime
import json
import re
import typing
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel
from pypinyin import lazy_pinyin

from . import models
from .load import Content, load_content
from .messages import _unwrap
from .problems import Problems
from .text import cn_number

KINDS = ("deputy", "bulletin", "appointments", "article")


class ScaffoldError(Exception):
    """A scaffold cannot be written (unknown column, file exists…); the message is for editors."""


@dataclass(frozen=True)
class Scaffold:
    path: Path          # the file written
    text: str


def scalar(value: object) -> str:
    """A YAML scalar: strings and dates always quoted (YAML 1.1 turns 2024-03-01 and `no` into non-text)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (datetime.date, str)):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    raise TypeError(value)


def comment(info) -> str:
    text = info.description or ""
    choices = _literal_choices(info.annotation)
    if choices:
        text += "：" + "、".join(choices)
    return text + ("（必填）" if info.is_required() else "")


def _literal_choices(annotation) -> list[str]:
    inner = _unwrap(annotation)
    return [str(a) for a in typing.get_args(inner)] if typing.get_origin(inner) is typing.Literal else []


def _model_in(annotation) -> type[BaseModel] | None:
    inner = _unwrap(annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def model_yaml(model: type[BaseModel], values: dict, indent: int = 0, first_prefix: str = "") -> list[str]:
    """The lines of one record: every documented field of `model`, `values` filled in, blanks elsewhere.

    A list of nested records (memberships, items, entries) gets one blank item so its fields show too.
    """
    lines: list[str] = []
    pad = " " * indent
    for name, info in model.model_fields.items():
        if info.description is None:          # MkDocs/theme keys in ArticleMeta: not ours to explain
            continue
        prefix = first_prefix if not lines else pad
        nested = _model_in(info.annotation)
        value = values.get(name)
        is_list = typing.get_origin(_strip_optional(info.annotation)) is list
        if nested is not None and is_list:
            items = value if value is not None else [{}]
            lines.append(f"{prefix}{name}:  # {comment(info)}")
            for item in items:
                lines += model_yaml(nested, item, indent + 4, pad + "  - ")
        elif nested is not None:
            # An optional block such as `disclosure`: off by default, its fields shown as comments.
            if value:
                lines.append(f"{prefix}{name}:  # {comment(info)}")
                lines += model_yaml(nested, value, indent + 2, pad + "  ")
            else:
                lines.append(f"{prefix}{name}: null  # {comment(info)}；需要时删去 null，去掉下面各行的 #")
                lines += [f"{pad}#  {line.strip()}" for line in model_yaml(nested, {}, 0)]
        else:
            if name not in values:
                value = "" if info.is_required() else ([] if is_list else None)
            lines.append(f"{prefix}{name}: {scalar(value)}  # {comment(info)}")
    return lines


def _strip_optional(annotation):
    """`X | None` -> X; anything else unchanged."""
    args = typing.get_args(annotation)
    rest = [a for a in args if a is not type(None)]
    return rest[0] if type(None) in args and len(rest) == 1 else annotation


class Scaffolder:
    def __init__(self, root: Path, today: datetime.date | None = None):
        self.root = Path(root)
        self.today = today or datetime.date.today()
        self.content: Content = load_content(self.root, Problems())   # problems elsewhere don't block

    def current_term(self) -> models.Term:
        if not self.content.terms:
            raise ScaffoldError("data/terms.yaml 中没有可用的届次，请先填写届次")
        return max(self.content.terms, key=lambda t: t.start)

    def county(self) -> str:
        body = self.content.site.body if self.content.site else ""
        return body.replace("人民代表大会常务委员会", "")

    def write(self, rel: str, text: str) -> Scaffold:
        path = self.root / rel
        if path.exists():
            raise ScaffoldError(f"{rel} 已存在，未覆盖")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return Scaffold(path, text)

    def deputy(self, name: str = "") -> Scaffold:
        used = [int(m[1]) for p in (self.root / "data/deputies").glob("d*.yaml")
                if (m := re.fullmatch(r"d(\d+)", p.stem))]
        new_id = f"d{max(used, default=0) + 1:04d}"
        values = {"id": new_id, "name": name, "memberships": [{"term": self.current_term().id}]}
        lines = model_yaml(models.Deputy, values)
        return self.write(f"data/deputies/{new_id}.yaml", _yaml_file(
            f"人大代表 {new_id}。编号一经使用不再改变。填写标有（必填）的空白项；不知道的可选项保留 null。", lines))

    def bulletin(self, year: int | None = None) -> Scaffold:
        year = year or self.today.year
        numbers = [b.number for b in self.content.bulletins if b.year == year]
        numbers += [int(p.stem) for p in (self.root / f"data/bulletins/{year}").glob("*.yaml") if p.stem.isdigit()]
        serials = [b.serial for b in self.content.bulletins if b.serial]
        date = self.today if self.today.year == year else datetime.date(year, 12, 31)
        values = {"year": year, "number": max(numbers, default=0) + 1,
                  "serial": max(serials) + 1 if serials else None, "date": date,
                  "term": self.current_term().id}
        lines = model_yaml(models.Bulletin, values)
        return self.write(f"data/bulletins/{year}/{values['number']}.yaml", _yaml_file(
            "常委会公报一期。items 每项一条目录；全文页面 page 是 docs/ 下的 Markdown 文件，任免名单一项填写 appointments。", lines))

    def appointments(self, meeting: int | None = None) -> Scaffold:
        term = self.current_term()
        held = [int(a.id.split("-")[1]) for a in self.content.appointments
                if a.term == term.id and re.fullmatch(r"[0-9a-z]+-\d+", a.id)]
        meeting = meeting or max(held, default=0) + 1
        list_id = f"{term.id}-{meeting}"
        values = {"id": list_id, "term": term.id, "date": self.today,
                  "title": f"{self.county()}{term.name}人大常委会第{cn_number(meeting)}次会议任免名单",
                  "meeting": f"{self.county()}{term.name}人民代表大会常务委员会第{cn_number(meeting)}次会议"}
        lines = model_yaml(models.AppointmentList, values)
        return self.write(f"data/appointments/{list_id}.yaml", _yaml_file(
            "任免名单。entries 每项一人一事；复制「- action:」开头的一整段可增加一项。", lines))

    def article(self, column: str, title: str = "", slug: str | None = None) -> Scaffold:
        columns = {c.id: c for c in self.content.site.columns} if self.content.site else {}
        if column not in columns:
            raise ScaffoldError(f"栏目「{column}」不存在。可用栏目：" + "、".join(f"{c}（{columns[c].title}）" for c in columns))
        slug = slugify(slug or title) or "wenzhang"
        rel = f"docs/{column}/{self.today.isoformat()}-{slug}.md"
        lines = model_yaml(models.ArticleMeta, {"title": title, "date": self.today})
        text = "\n".join(["---", f"# {columns[column].title}栏目文章。title 和 date 必填。"] + lines + ["---", ""])
        text += "\n<!-- 在这里写正文（这一行可删除）。不要再写一级标题「# 标题」，层次用「## 一、」「### （一）」。 -->\n"
        return self.write(rel, text)


def _yaml_file(header: str, lines: list[str]) -> str:
    return "\n".join([f"# {header}"] + lines) + "\n"


def slugify(text: str, limit: int = 8) -> str:
    """A file-name part in pinyin: 代表联络站 -> daibiao-lianluozhan. Only a-z, 0-9 and '-'."""
    words = []
    for word in lazy_pinyin(text or ""):
        word = re.sub(r"[^a-z0-9]+", "-", word.lower()).strip("-")
        if word:
            words.append(word)
    return "-".join(words[:limit])
