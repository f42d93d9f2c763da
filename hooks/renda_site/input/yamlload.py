"""YAML loading that remembers where every key and list item stands in the file.

Editors need errors that point at a line, so mappings and sequences are built as dict/list
subclasses that carry the 1-based line of each key or item. libyaml's C parser is used when
PyYAML was built with it: large data folders are read faster (bench/README.md).
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

    def resolve(self, kind, value, implicit):
        """PyYAML's Resolver.resolve for a loader without path resolvers, with the implicit resolvers
        (null, bool, int, float, timestamp ...) looked up by first character in one table: libyaml calls
        this for every value of every file."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG


# The implicit resolvers as Resolver.resolve tries them: those registered for the value's first character
# ('' for the empty value), then those for any character (None).
_WILDCARD = tuple(_Base.yaml_implicit_resolvers.get(None, []))
_IMPLICIT = {first: tuple(resolvers) + _WILDCARD
             for first, resolvers in _Base.yaml_implicit_resolvers.items() if first is not None}


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
                "found unhashable key", key_node.start_mark) from None
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
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SCALAR = yaml.ScalarNode


# Limits that no real data file comes near (the deepest demo file nests 5 levels, the largest holds a
# few thousand values), so that a hostile or broken file fails at once with a located error instead of
# taking minutes and gigabytes (an alias bomb: 500 bytes that expand to billions of values) or crashing
# the process (libyaml composes recursively in C: tens of thousands of nested brackets overflow its stack).
MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 50
MAX_VALUES = 500_000
DEEP = f"嵌套超过 {MAX_DEPTH} 层，数据文件不会这样深，请检查括号和缩进（「*」引用也算在内）"


class LimitError(yaml.YAMLError):
    """A file beyond the limits above; `problem` is the Chinese message, `problem_mark` where it is."""

    def __init__(self, problem: str, mark=None):
        super().__init__(problem)
        self.problem, self.problem_mark = problem, mark


def load_yaml(text: str, loader_class: type = LocatedLoader):
    """Parse one YAML document; raises yaml.YAMLError with a problem_mark on bad syntax."""
    text = text.removeprefix("\ufeff")         # "UTF-8 with BOM", as Windows Notepad saves it
    if len(text) > MAX_BYTES:
        raise LimitError(f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB），数据文件不应这样大，"
                         "请检查是否误存了其他内容")
    # Every collection starts at one of the characters [ { - ? : , so their count bounds the nesting depth:
    # only a file with very many of them is scanned (without composing) for its depth first.
    nesting = sum(text.count(c) for c in "[{?:-")
    if nesting > 10_000:
        _check_event_depth(text)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()          # libyaml parses and composes in C
        if node is None:
            return None
        if "*" in text:                          # aliases (and merge keys, which need them) expand
            _check_expansion(node)
        return _build(loader, node, set())
    finally:
        loader.dispose()


def _check_event_depth(text: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise LimitError(DEEP, event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_expansion(root: yaml.Node) -> None:
    """Depth and size of the document once every alias (*name) and merge key (<<) is expanded, computed
    over the distinct nodes without expanding anything (an iterative walk: no recursion limit)."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in size:
            continue
        children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else \
            node.value if isinstance(node, yaml.SequenceNode) else []
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in size)
            if len(stack) > 4 * MAX_VALUES:
                raise LimitError("数据项过多", node.start_mark)
            continue
        size[key] = 1 + sum(size.get(id(c), 0) for c in children)
        depth[key] = 1 + max((depth.get(id(c), 0) for c in children), default=0)
        if depth[key] > MAX_DEPTH:
            raise LimitError(DEEP, node.start_mark)
        if size[key] > MAX_VALUES:
            raise LimitError(f"展开「&」「*」引用或「<<」合并后超过 {MAX_VALUES} 项，"
                             "数据文件不需要这样的写法，请直接写出每一项", node.start_mark)


def _build(loader: LocatedLoader, node: yaml.Node, active: set):
    """The same objects as yaml.load with the constructors above, built by a direct walk of the node tree.

    PyYAML's generic construct_object machinery (generators, state stacks, per-node bookkeeping) was most
    of the time spent loading a large site; plain strings, lists and mappings -- nearly every node
    in our data -- are built here directly, and every other scalar (dates, numbers, booleans, null) or
    tag still goes through PyYAML's own constructors, so the values are identical."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if node.tag not in (_SEQ, _MAP) or isinstance(node, yaml.ScalarNode):
        try:
            return loader.construct_object(node, deep=True)
        except ValueError:             # 2026-11-31, 2026-02-29: YAML reads the shape of a date, Python refuses the day
            if node.tag != _TIMESTAMP:
                raise
            raise LimitError(f"日期「{node.value}」不存在（该月没有这一天，或月份、时间写错了）。"
                             f"请改成正确的日期，并加上引号，如 \"2026-11-30\"", node.start_mark) from None
    if id(node) in active:
        raise yaml.constructor.ConstructorError(None, None, "found a recursive alias", node.start_mark)
    if len(active) >= MAX_DEPTH:                  # `active` holds the collections above this one
        raise LimitError(DEEP, node.start_mark)
    active.add(id(node))
    data: LocatedList | LocatedDict
    # Below, a plain string (nearly every key and value) is taken as it is, without a call.
    if isinstance(node, yaml.SequenceNode):
        data = LocatedList(child.value if child.tag == _STR and child.__class__ is _SCALAR
                           else _build(loader, child, active) for child in node.value)
        data.line = node.start_mark.line + 1
        data.item_lines = [child.start_mark.line + 1 for child in node.value]
    else:
        data = LocatedDict()
        data.line = node.start_mark.line + 1
        data.key_lines = {}
        data.duplicate_keys = []
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR and key_node.__class__ is _SCALAR \
                else _build(loader, key_node, active)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
                ) from None
            if key in data:
                data.duplicate_keys.append((key, key_node.start_mark.line + 1))
            data[key] = value_node.value if value_node.tag == _STR and value_node.__class__ is _SCALAR \
                else _build(loader, value_node, active)
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
    ("cannot start any token", ("出现了不能作为开头的字符（常见原因：用 Tab 键缩进，请改用空格；或值以 @、` 开头，"
                                "请加引号）")),
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
    if isinstance(exc, LimitError):
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        return line + line_offset, _key_near(text.splitlines(), line - 1), exc.problem
    if isinstance(exc, yaml.reader.ReaderError):      # a character YAML refuses: NUL, other control codes
        # libyaml counts the position in bytes of the UTF-8 text, PyYAML's own reader in characters
        before = text.encode("utf-8")[:exc.position] if _Base is not yaml.SafeLoader else text[:exc.position]
        breaks = before.count(b"\n") if isinstance(before, bytes) else before.count("\n")
        line = breaks + 1 if isinstance(exc.position, int) else 1
        return line + line_offset, _key_near(text.splitlines(), line - 1), \
            f"含有不可见的控制字符（U+{exc.character:04X}），常见于从其他软件复制的文字或损坏的文件，请删除该字符" \
            if isinstance(exc.character, int) else "含有不可见的控制字符，请删除"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    if "flow" in str(getattr(exc, "context", "")) and context_mark:
        mark = context_mark      # an unclosed [ or {: PyYAML notices on a later line; point at the bracket
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
