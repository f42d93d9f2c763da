"""Typed references: a model field that holds the key of another record says so in its type.

    DeputyId = Annotated[Id, RefTo(NAME)]        # in the deputies kind's module, beside its NAME
    deputy: DeputyId | None = Field(...)                # in any model that refers to a deputy

A relation (model/relations.py) then names only the field, by its path in the record ("entries.*.deputy":
`*` is every item of a list). The target kind and where each reference stands (for located errors) come
from walking the model's declared types and the record's values, here, the same way for every kind.
"""
from __future__ import annotations

import functools
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from .records import DocsPath

EVERY = "*"          # a step of a path: every item of a list


@dataclass(frozen=True)
class RefTo:
    """The marker in a reference field's type: the registry name of the kind it refers to (or PAGES)."""

    kind: str


PAGES = "pages"              # target of references to a hand-written page in docs/
PageRef = Annotated[DocsPath, RefTo(PAGES)]


class NotAReference(TypeError):
    """A relation names a path that is not a reference field of the model (a programming error)."""


# A trie of paths: each step maps to the steps after it; a path ends in LEAF, which maps to its detail.
LEAF = object()
Trie = dict[Any, Any]


def split(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))


@functools.lru_cache(maxsize=1024)
def target_of(model: type, path: tuple[str, ...]) -> str:
    """The kind that the field at `path` of `model` refers to, read from its declared type."""
    return _target(model, path, path, model)


def _target(annotation: Any, path: tuple[str, ...], whole: tuple[str, ...], model: type) -> str:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *marks = get_args(annotation)
        found = [mark.kind for mark in marks if isinstance(mark, RefTo)]
        if found and not path:
            return found[-1]
        return _target(base, path, whole, model)
    if origin in (Union, types.UnionType):
        present = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(present) == 1:
            return _target(present[0], path, whole, model)
    if path:
        step, rest = path[0], path[1:]
        if step == EVERY and origin is list:
            return _target(get_args(annotation)[0], rest, whole, model)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and step in annotation.model_fields:
            return _target(get_type_hints(annotation, include_extras=True)[step], rest, whole, model)
    raise NotAReference(f"{model.__name__}: {'.'.join(whole)} is not a field declared as a reference (RefTo)")


def trie_of(paths: Mapping[str, Any]) -> Trie:
    """The paths (with the detail each carries), merged where they share steps: walking the trie visits
    the references in the order they stand in the record (an agenda item's documents, then its opinion)."""
    trie: Trie = {}
    for path, detail in paths.items():
        node = trie
        for step in split(path):
            node = node.setdefault(step, {})
        node[LEAF] = detail
    return trie


def located(record: Any, trie: Trie) -> Iterator[tuple[str, tuple[Any, ...], Any, Any]]:
    """(key, loc, holder, detail) of every reference that `record` holds at the trie's paths, in order:
    `holder` is the model object whose field holds the key (the record, a list entry, an agenda item)."""
    yield from _walk(record, record, trie, ())


def _walk(value: Any, holder: Any, trie: Trie, loc: tuple[Any, ...]) -> Iterator[tuple[str, tuple[Any, ...], Any, Any]]:
    for step, rest in trie.items():
        if step is LEAF:
            if value is not None:
                yield value, loc, holder, rest
        elif step == EVERY:
            for index, item in enumerate(value or ()):
                yield from _walk(item, holder, rest, loc + (index,))
        elif value is not None:
            yield from _walk(getattr(value, step), value, rest, loc + (step,))
