"""YAML loading that remembers where every key and list item stands in the file.

Editors need errors that point at a line, so mappings and sequences are built as dict/list
subclasses that carry the 1-based line of each key or item. libyaml's C parser is used when
PyYAML was built with it: it is several times faster on large data folders.
"""
from __future__ import annotations

import re

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedDict(dict):
    """A mapping that knows its own line, the line of each key, and keys given twice."""

    line: int = 0
    key_lines: dict
    duplicate_keys: list


class LocatedList(list):
    """A sequence that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list


class LocatedLoader(_Base):  # type: ignore[misc, valid-type]
    # No path resolvers are registered, so PyYAML's per-node bookkeeping for them is skipped.
    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


def _construct_mapping(loader: LocatedLoader, node: yaml.MappingNode):
    data = LocatedDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    data.duplicate_keys = []
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                "found unhashable key", key_node.start_mark)
        if key in data:
            data.duplicate_keys.append((key, key_node.start_mark.line + 1))
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1


def _construct_sequence(loader: LocatedLoader, node: yaml.SequenceNode):
    data = LocatedList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


LocatedLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
LocatedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def load_yaml(text: str):
    """Parse one YAML document; raises yaml.YAMLError with a problem_mark on bad syntax."""
    loader = LocatedLoader(text)
    try:
        node = loader.get_single_node()          # libyaml parses and composes in C
        return None if node is None else _build(loader, node, set())
    finally:
        loader.dispose()


def _build(loader: LocatedLoader, node: yaml.Node, active: set):
    """The same objects as yaml.load with the constructors above, built by a direct walk of the node tree.

    PyYAML's generic construct_object machinery (generators, state stacks, per-node bookkeeping) was most
    of the time spent loading a large site; plain strings, lists and mappings -- nearly every node
    in our data -- are built here directly, and every other scalar (dates, numbers, booleans, null) or
    tag still goes through PyYAML's own constructors, so the values are identical."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if node.tag not in (_SEQ, _MAP) or isinstance(node, yaml.ScalarNode):
        return loader.construct_object(node, deep=True)
    if id(node) in active:
        raise yaml.constructor.ConstructorError(None, None, "found a recursive alias", node.start_mark)
    active.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        data = LocatedList(_build(loader, child, active) for child in node.value)
        data.line = node.start_mark.line + 1
        data.item_lines = [child.start_mark.line + 1 for child in node.value]
    else:
        data = LocatedDict()
        data.line = node.start_mark.line + 1
        data.key_lines = {}
        data.duplicate_keys = []
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = _build(loader, key_node, active)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark)
            if key in data:
                data.duplicate_keys.append((key, key_node.start_mark.line + 1))
            data[key] = _build(loader, value_node, active)
            data.key_lines[key] = key_node.start_mark.line + 1
    active.discard(id(node))
    return data


def line_of(data, path: tuple) -> int | None:
    """The line of the deepest element of `path` (keys and list indexes) that exists in `data`."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, LocatedDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


# PyYAML's reasons, in the words an editor can act on. Matched by substring, first match wins.
_SYNTAX_REASONS = [
    ("tab character", "不能用 Tab 键缩进，请改用空格"),
    ("cannot start any token", "出现了不能作为开头的字符（常见原因：用 Tab 键缩进，请改用空格；或值以 @、` 开头，请加引号）"),
    ("mapping values are not allowed", "此处不能出现「: 」（值里含有冒号时请给整个值加引号，或检查缩进）"),
    ("could not find expected ':'", "缺少冒号「:」，或上一行的引号未闭合"),
    ("did not find expected key", "缩进不一致，或上一行的引号未闭合"),
    ("did not find expected '-' indicator", "列表项的缩进不一致"),
    ("expected <block end>", "缩进不一致"),
    ("found unexpected end of stream", "引号未闭合"),
    ("found unknown escape character", "双引号中的反斜杠「\\」须写成「\\\\」，或改用单引号"),
    ("expected ',' or ']'", "方括号列表「[ ]」未闭合或缺少逗号"),
    ("expected ',' or '}'", "花括号「{ }」未闭合或缺少逗号"),
    ("found undefined alias", "「*」开头的值须加引号"),
    ("found unhashable key", "字段名不能是列表或映射"),
    ("found character that cannot start", "出现了不能作为开头的字符，请给整个值加引号"),
]
_KEY = re.compile(r"^\s*(?:-\s+)*([^\s:#'\"\[\]{}-][^:#]*?)\s*:(?:\s|$)")


def _key_near(lines: list[str], index: int) -> str | None:
    """The field on the line with the syntax error, or on the nearest line above it that has one."""
    for i in range(min(index, len(lines) - 1), -1, -1):
        match = _KEY.match(lines[i])
        if match:
            return match.group(1)
    return None


def describe_syntax_error(exc: yaml.YAMLError, text: str, line_offset: int = 0) -> tuple[int | None, str | None, str]:
    """(line, field, Chinese message) for a YAML syntax error; line and column are 1-based in the file."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if "flow" in str(getattr(exc, "context", "")) and getattr(exc, "context_mark", None):
        mark = exc.context_mark      # an unclosed [ or {: PyYAML notices on a later line; point at the bracket
    reason = getattr(exc, "problem", None) or str(exc)
    explained = next((cn for en, cn in _SYNTAX_REASONS if en in reason), f"无法解析（{reason}）")
    if mark is None:
        return None, None, f"YAML 语法错误：{explained}"
    lines = text.splitlines()
    # PyYAML reports some errors (an unclosed quote, a bad indent) on the line after the real mistake,
    # sometimes past the last line: point at the last line with content at or before the mark.
    index = min(mark.line, len(lines) - 1) if lines else 0
    column = mark.column + 1 if mark.line < len(lines) else len(lines[index]) + 1 if lines else 1
    while index > 0 and not lines[index].strip():
        index -= 1
        column = len(lines[index]) + 1
    # An unclosed double quote swallows the lines after it and PyYAML stumbles later: point at the quote.
    for above in range(index):
        quotes = len(re.findall(r'(?<!\\)"', lines[above].split(" #")[0]))
        if quotes % 2:
            return above + 1 + line_offset, _key_near(lines, above), \
                f"YAML 语法错误（第 {lines[above].index(chr(34)) + 1} 列）：双引号未闭合"
    return index + 1 + line_offset, _key_near(lines, index), f"YAML 语法错误（第 {column} 列）：{explained}"
