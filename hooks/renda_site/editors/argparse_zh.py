"""argparse in Chinese: its usage line, help headings and error messages, for the editors' commands.

argparse takes every text it prints through the module's own `_` (gettext); Python ships no Chinese
catalogue for it, so the texts an editor can meet are translated here, by their English originals.
"""
from __future__ import annotations

import argparse
import difflib
from typing import Any

_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s（用 -h 查看这个命令能用哪些参数）",
    "invalid choice: %(value)r (choose from %(choices)s)": "没有「%(value)s」这一项，可选：%(choices)s",
    "expected one argument": "后面需要写一个值",
    "expected at most one argument": "后面最多写一个值",
    "expected at least one argument": "后面至少写一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "invalid %(type)s value: %(value)r": "「%(value)s」不是有效的%(type)s值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须提供参数 %s 中的一个",
    "ignored explicit argument %r": "多余的值 %r",
}
_original = argparse._  # type: ignore[attr-defined]  # argparse's gettext alias, not in typeshed


def _translate(message: str) -> str:
    return _CHINESE.get(message, _original(message))


def install() -> None:
    """From now on argparse speaks Chinese (this process only)."""
    argparse._ = _translate  # type: ignore[attr-defined]  # argparse's gettext alias, not in typeshed


class ChineseArgumentParser(argparse.ArgumentParser):
    """An unknown choice (a subcommand, a record kind) is answered with the one probably meant: by
    spelling (「deputyy」→ deputy) or by its Chinese name in the choice's help (「代表」→ deputy)."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        names = [str(choice) for choice in action.choices]
        helps = {item.dest: item.help or "" for item in getattr(action, "_choices_actions", [])}
        guess = closest_choice(str(value), names, helps)
        hint = f"是否应为「{guess}」？" if guess else ""
        raise argparse.ArgumentError(action, f"没有「{value}」这一项。{hint}可选：{'、'.join(names)}")


def closest_choice(value: str, names: list[str], helps: dict[str, str]) -> str | None:
    """The choice an editor probably meant by `value`: a near spelling, else the choice whose help's first
    words name it (the shortest such help, so 代表 is the deputy rather than 代表建议)."""
    near = difflib.get_close_matches(value.lower(), names, n=1, cutoff=0.6)
    if near:
        return near[0]
    if not value.strip():
        return None
    named = [(len(helps[name].split()[0]), name) for name in names
             if helps.get(name) and value in helps[name].split()[0]]
    return min(named)[1] if named else None
