"""Turns pydantic's validation errors into Chinese messages that name the field and the line."""
from __future__ import annotations

import difflib
import typing

from pydantic import BaseModel, ValidationError

from .problems import Problems
from .yamlload import line_of


def field_path(loc: tuple) -> str:
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _allowed_values(model: type[BaseModel], loc: tuple) -> list[str]:
    """The Literal choices of the field at `loc`, walking nested models and lists."""
    annotation: typing.Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        fields = getattr(annotation, "model_fields", None)
        if not fields or step not in fields:
            return []
        annotation = fields[step].annotation
        annotation = _unwrap(annotation)
    return [str(a) for a in typing.get_args(annotation)] if typing.get_origin(annotation) is typing.Literal else []


def _unwrap(annotation):
    """Strip Optional[...] and list[...] so we reach the model or Literal inside."""
    for _ in range(4):
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union) or str(origin) == "<class 'types.UnionType'>":
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if args else annotation
        else:
            break
    return annotation


def _known_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    annotation: typing.Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        fields = getattr(annotation, "model_fields", {})
        if step not in fields:
            break
        annotation = _unwrap(fields[step].annotation)
    return list(getattr(annotation, "model_fields", {}))


def describe(error: dict, model: type[BaseModel]) -> str:
    kind, loc, value = error["type"], error["loc"], error.get("input")
    if kind == "missing":
        return "缺少必填字段"
    if kind == "extra_forbidden":
        known = _known_fields(model, loc[:-1])
        near = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.5)
        hint = f"，是否应为「{near[0]}」？" if near else f"。可用字段：{'、'.join(known)}"
        return f"未知字段「{loc[-1]}」{hint}"
    if kind == "literal_error":
        allowed = _allowed_values(model, loc)
        text = "必须为" + "或".join(f"「{a}」" for a in allowed) if allowed else "取值无效"
        near = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.3)
        hint = f"。是否应为「{near[0]}」？" if near else ""
        return f"取值{text}，实际为「{_shown(value)}」{hint}"
    if kind in ("string_type",):
        hint = "（是/否、日期等请加引号）" if isinstance(value, (bool,)) or value is None else ""
        return f"应为文本，实际为「{_shown(value)}」{hint}"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if "a-z0-9" in pattern:
            return f"编号只能由小写字母、数字和连字符组成，实际为「{_shown(value)}」"
        if pattern.startswith("^\\d{4}"):
            return f"格式应为「1975-03」（年-月），实际为「{_shown(value)}」"
        return f"格式不正确：「{_shown(value)}」"
    if kind == "string_too_short":
        return "不能为空"
    if kind == "string_too_long":
        return f"过长（最多 {error.get('ctx', {}).get('max_length')} 字）"
    if kind.startswith("date") or kind.startswith("datetime"):
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
            problems.error(path, line_of(raw, loc), field_path(prefix + loc), describe(error, model))
        return None
