"""argparse in Chinese: its usage line, help headings and error messages, for the editors' commands.

argparse takes every text it prints through the module's own `_` (gettext); Python ships no Chinese
catalogue for it, so the texts an editor can meet are translated here, by their English originals.
"""
from __future__ import annotations

import argparse

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
