"""Scaffolding: `bash dev.sh new <kind>` writes a new record or article file with every field present and
a Chinese comment on each. Each record kind says where the file goes and what it starts with (its
`Scaffold` and `draft`); this module writes it.

Fields, their order, whether they are required, their allowed values and their comments all come
from the pydantic models (`Field(description=...)`), so a scaffold cannot drift from the schema.
Required fields without a value are written as "" — `check` rejects them until an editor fills them.
Fields MkDocs or the theme read (`template`, `hide` …, marked NOT_FOR_EDITORS in the model) are left out.
"""
from __future__ import annotations

import datetime
import difflib
import json
import re
import typing
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..clock import beijing_today
from ..input.load import Loaded, load_data
from ..input.messages import _unwrap
from ..kinds import KINDS
from ..model.kind import RecordKind
from ..model.records import for_editors
from ..pipeline import sources
from ..problems import Problems
from .slug import slugify

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


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
        if not for_editors(info):
            continue
        prefix = first_prefix if not lines else pad
        nested = _model_in(info.annotation)
        value = values.get(name)
        is_list = typing.get_origin(_strip_optional(info.annotation)) is list
        if nested is not None and is_list and value == []:
            # Empty on purpose (a new suggestion has no reply yet): the fields of an item as comments.
            lines.append(f"{prefix}{name}: []  # {comment(info)}；需要时删去 []，去掉下面各行的 #")
            lines += [f"{pad}#{line}" for line in model_yaml(nested, {}, 4, "  - ")]
        elif nested is not None and is_list:
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
                value = "" if info.is_required() else info.get_default(call_default_factory=True)
            lines.append(f"{prefix}{name}: {scalar(value)}  # {comment(info)}")
    return lines


def _strip_optional(annotation):
    """`X | None` -> X; anything else unchanged."""
    args = typing.get_args(annotation)
    rest = [a for a in args if a is not type(None)]
    return rest[0] if type(None) in args and len(rest) == 1 else annotation


def scaffolds() -> dict[str, RecordKind]:
    """command -> the kind that answers `bash dev.sh new <command>`."""
    return {kind.scaffold.command: kind for kind in KINDS if kind.scaffold is not None}


class Scaffolder:
    """What a kind's `draft` may ask: the project root, the loaded content, today,
    the county's name, the columns, a file-name slug, and `error(message)` to refuse."""

    def __init__(self, root: Path, today: datetime.date | None = None):
        self.root = Path(root)
        self.today = today or beijing_today()
        self.loaded: Loaded = load_data(self.root, sources(), Problems())   # problems elsewhere don't block

    def county(self) -> str:
        site = self.loaded.one("site")
        return site.area_name if site else ""

    def columns(self) -> dict:
        site = self.loaded.one("site")
        return {c.id: c for c in site.columns} if site else {}

    def unknown_column(self, given: str) -> ScaffoldError:
        """The error for a --column that is not a column: every column with its name, and the one meant
        when the name was given (人大动态 for dongtai) or the folder name is a typo (dongtia)."""
        columns = self.columns()
        meant = [c for c in columns if columns[c].title == given.strip()]
        meant = meant or difflib.get_close_matches(given.lower(), list(columns), n=1, cutoff=0.6)
        hint = f"是否应为 --column {meant[0]}（{columns[meant[0]].title}）？" if meant else ""
        return ScaffoldError(
            f"栏目「{given}」不存在。{hint}可用栏目：" + "、".join(f"{c}（{columns[c].title}）" for c in columns)
        )

    def slug(self, title: str, given: str | None = None) -> str:
        """The file-name part: `given` (the editor's --slug) as it is, or the title in pinyin without the
        words every title shares (the body's and the county's name)."""
        if given is None:
            return slugify(title, self.county())
        if not SLUG.fullmatch(given):
            raise ScaffoldError(f"--slug「{given}」只能由小写字母、数字和连字符组成，如 zhaokai-zhuren-huiyi-2")
        return given

    @staticmethod
    def error(message: str) -> ScaffoldError:
        return ScaffoldError(message)

    def new(self, command: str, args) -> Scaffold:
        kind = scaffolds()[command]
        assert kind.scaffold is not None        # scaffolds() holds only kinds that have one
        draft = kind.draft(self, args)
        lines = model_yaml(kind.scaffold.model, draft.values)
        if draft.path.endswith(".md"):
            text = "\n".join(["---", f"# {draft.header}"] + lines + ["---", ""])
            text += ("\n<!-- 在这里写正文（这一行可删除）。不要再写一级标题「# 标题」，层次用「## 一、」「### （一）」"
                     "。 -->\n")
        else:
            text = _yaml_file(draft.header, lines)
        return self.write(draft.path, text, draft.clash)

    def write(self, rel: str, text: str, clash: str | None = None) -> Scaffold:
        """Write a new file; an existing one is named (with its title, if it has one) and kept."""
        path = self.root / rel
        if path.exists():
            pages = (page for s in sources() if s.shape == "pages" for page in self.loaded.of(s.kind))
            title = next((page.meta.title for page in pages if page.path == rel and page.meta), None)
            raise ScaffoldError(f"{rel} 已存在" + (f"（标题「{title}」）" if title else "") + "，未覆盖。"
                                + (clash or ""))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return Scaffold(path, text)


def _yaml_file(header: str, lines: list[str]) -> str:
    return "\n".join([f"# {header}"] + lines) + "\n"


__all__ = ["Scaffolder", "ScaffoldError", "scaffolds", "scalar", "slugify"]
