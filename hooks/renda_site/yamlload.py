"""YAML loading that remembers where every key and list item stands in the file.

Editors need errors that point at a line, so mappings and sequences are built as dict/list
subclasses that carry the 1-based line of each key or item. libyaml's C parser is used when
PyYAML was built with it: it is several times faster on large data folders.
"""
from __future__ import annotations

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
    of the time spent loading a 10,000-page site; plain strings, lists and mappings -- nearly every node
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
