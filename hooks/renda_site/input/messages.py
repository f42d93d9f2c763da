"""Turns pydantic's validation errors into Chinese messages that name the field and the line."""
from __future__ import annotations

import difflib
import types
import typing

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..problems import Problems
from .yamlload import line_of

# The start of the message for an id that is not written as ids are (the checker recognises it: a name
# written where an id belongs is answered with the id).
ID_FORMAT = "编号只能由小写字母、数字和连字符组成，实际为"

# Values editors type out of habit, mapped to the value the model expects ("did you mean").
ALIASES = {
    "m": "男",
    "male": "男",
    "man": "男",
    "男性": "男",
    "f": "女",
    "female": "女",
    "woman": "女",
    "女性": "女",
    "辞去": "辞职",
    "离任": "调离",
    "调出": "调离",
    "病故": "去世",
    "逝世": "去世",
    "终止": "资格终止",
    "任期届满": "届满",
    "免职": "免去",
    "任职": "任命",
    "法规": "地方性法规",
    "任免": "任免名单",
    "辞职": "接受辞职",
    "代理": "决定代理",
}


def field_path(loc: tuple) -> str:
    """`("memberships", 0, "term")` -> `memberships 第1项 term`: list positions counted from 1, as editors count."""
    return " ".join(f"第{step + 1}项" if isinstance(step, int) else str(step) for step in loc)


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _unwrap(annotation):
    """Strip Optional[...] and list[...] so we reach the model or Literal inside."""
    for _ in range(4):
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if args else annotation
        else:
            break
    return annotation


def _field_info(model: type[BaseModel], loc: tuple):
    """The pydantic FieldInfo at `loc` (None when the path leaves the model), walking nested models and lists."""
    annotation: typing.Any = model
    info = None
    for step in loc:
        if isinstance(step, int):
            continue
        fields = getattr(annotation, "model_fields", None)
        if not fields or step not in fields:
            return None
        info = fields[step]
        annotation = _unwrap(info.annotation)
    return info


def _allowed_values(model: type[BaseModel], loc: tuple) -> list[str]:
    info = _field_info(model, loc)
    annotation = _unwrap(info.annotation) if info else None
    return [str(a) for a in typing.get_args(annotation)] if typing.get_origin(annotation) is typing.Literal else []


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    if not [s for s in loc if not isinstance(s, int)]:
        return model
    info = _field_info(model, loc)
    inner = _unwrap(info.annotation) if info else None
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def _label(info) -> str:
    """The Chinese name of a field: its description up to the first comma or bracket."""
    description = (info.description or "") if info else ""
    for stop in "，；（(":
        description = description.split(stop)[0]
    return description.strip()


def suggest_field(model: type[BaseModel], loc: tuple, unknown: str) -> str | None:
    """The known field nearest to `unknown`: by spelling, by alias, or by its Chinese name (性别 -> gender)."""
    inner = _model_at(model, loc)
    if inner is None:
        return None
    known = {name: _label(info) for name, info in inner.model_fields.items()}
    for info in inner.model_fields.values():
        if info.alias and info.alias.lower() == unknown.lower():
            return info.alias
    near = difflib.get_close_matches(unknown.lower(), list(known), n=1, cutoff=0.6)
    if near:
        return near[0]
    by_label = [
        name for name, label in known.items() if label and (unknown == label or unknown in label or label in unknown)
    ]
    return by_label[0] if by_label else None


def suggest_value(value: object, allowed: list[str]) -> str | None:
    text = str(value).strip()
    alias = ALIASES.get(text.lower())
    if alias in allowed:
        return alias
    for choice in allowed:          # 资格 -> 资格终止, 决定任命书 -> 决定任命
        if text and (text in choice or choice in text):
            return choice
    near = difflib.get_close_matches(text, allowed, n=1, cutoff=0.3)
    return near[0] if near else None


def describe(error: ErrorDetails, model: type[BaseModel]) -> str:
    kind, loc, value = error["type"], error["loc"], error.get("input")
    if kind == "missing":
        label = _label(_field_info(model, loc))
        return f"缺少必填字段「{loc[-1]}」" + (f"（{label}）" if label else "")
    if kind == "extra_forbidden":
        inner = _model_at(model, loc[:-1])
        known = list(inner.model_fields) if inner else []
        near = suggest_field(model, loc[:-1], str(loc[-1]))
        hint = f"，是否应为「{near}」？" if near else f"。可用字段：{'、'.join(known)}"
        return f"未知字段「{loc[-1]}」{hint}（为防止泄露个人信息，不允许出现未定义的字段）"
    if kind == "literal_error":
        allowed = _allowed_values(model, loc)
        text = "必须为" + "或".join(f"「{a}」" for a in allowed) if allowed else "取值无效"
        near = suggest_value(value, allowed)
        hint = f"。是否应为「{near}」？" if near else ""
        return f"取值{text}，实际为「{_shown(value)}」{hint}"
    if kind == "string_type":
        hint = "（是/否、日期、数字等请加引号）" if isinstance(value, (bool, int, float)) or value is None else ""
        return f"应为文本，实际为「{_shown(value)}」{hint}"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if pattern.endswith("\\.xml$"):
            return f"应为站内订阅源文件的路径（如 dongtai/feed.xml），实际为「{_shown(value)}」"
        if "a-z0-9" in pattern:
            return f"{ID_FORMAT}「{_shown(value)}」"
        if pattern.startswith("^(https?"):
            return f"应为 http(s) 网址，或 docs/ 下的 .md 文件（如 zhuanti/xuexi.md），实际为「{_shown(value)}」"
        if pattern.startswith("^\\d{4}"):
            return f"格式应为「1975-03」（年-月），实际为「{_shown(value)}」"
        if "/\\\\" in pattern:
            return f"路径应相对于 docs/ 文件夹，不能以「/」开头或结尾，实际为「{_shown(value)}」"
        return f"格式不正确：「{_shown(value)}」"
    if kind == "string_too_short":
        return "不能为空"
    if kind == "string_too_long":
        return f"过长（最多 {error.get('ctx', {}).get('max_length')} 字）"
    if kind.startswith(("date", "datetime")):
        return f"应为日期，格式如 \"2024-03-01\"，实际为「{_shown(value)}」"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"应为整数，实际为「{_shown(value)}」"
    if kind in ("greater_than_equal", "less_than_equal"):
        ctx = error.get("ctx", {})
        bound = ctx.get("ge", ctx.get("le"))
        return f"应{'不小于' if kind == 'greater_than_equal' else '不大于'} {bound}，实际为「{_shown(value)}」"
    if kind == "list_type":
        return f"应为列表（每项以「- 」开头），实际为「{_shown(value)}」"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"应为「字段: 值」形式的映射，实际为「{_shown(value)}」"
    if kind == "too_short":
        return "至少需要一项"
    return f"取值无效：{error.get('msg')}"


def validate(model: type[BaseModel], raw: object, path: str, problems: Problems, prefix: tuple = ()):
    """Build `model` from `raw`; on failure add one located problem per field and return None."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            # A problem always names a field; an error about the whole record names the record's place.
            where = field_path(prefix + loc) or field_path(prefix) or "（整个文件）"
            problems.error(path, line_of(raw, loc), where, describe(error, model))
        return None
