"""Relations between records: how one record kind refers to another, declared as data."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..outputs import Link, Section
from .references import PAGES, Trie, located, split, target_of, trie_of

# Relation names, each with one meaning that target kinds may rely on:
MENTIONS = "mentions"        # the record names the target (a person named in an entry, in a suggestion, in an article)
PUBLISHES = "publishes"      # the record publishes the target (an issue carries a document, a page, a meeting's texts)
BELONGS_TO = (
    "belongs_to"  # the record is part of the target (a membership of a term or a group, a suggestion of a session)
)
ADOPTS = "adopts"  # the record adopted the target by a vote (a meeting adopts a decision's text, an appointment list)
CONSIDERS = "considers"      # the record deliberated on the target (a meeting hears a report; the 审议意见 it formed)
REPORTED_BY = "reported_by"  # the target page reports on the record (a news article about a meeting)
HANDLED_BY = "handled_by"    # the target handles the record (a unit that leads or helps with a suggestion)
ANSWERED_BY = "answered_by"  # the target page is the record's answer (a unit's reply to a suggestion, kept as a page)

# How a hand-written page names a record that cites it, per relation name: words before and after the
# link, in the page's provenance footer («本文刊载于《……公报》2024年第2期（决定）。»).
CITED_AS = {
    PUBLISHES: ("本文刊载于", ""),
    ADOPTS: ("本文经", "表决通过"),
    CONSIDERS: ("相关会议：", ""),
    REPORTED_BY: ("相关会议：", ""),
    ANSWERED_BY: ("本文是对", "的答复"),
}


@dataclass(frozen=True, eq=False)      # one relation is one declaration: compared by identity
class Relation:
    """References from records of the declaring kind to records of another kind (or to PAGES).

    `at` names the reference fields by their paths in the record ("entries.*.deputy"; `*` is every
    item of a list), each with the detail its references carry (a role: {"presiding.*": "主持"}), or
    as a tuple of paths when they carry none. The target kind is each field's declared type
    (`Annotated[Id, RefTo(NAME)]`, see references.py): all paths of a relation refer to one kind.
    A reference knows where it stands (`loc`, for located errors) and the model object holding it
    (`holder`: the record, a list entry, an agenda item).
    `label` names the target in messages (「届次「18」不存在于 data/terms.yaml」). A relation with
    `section` also puts a table on the target's record page, built from every reference to it (or
    several tables: a list of them); with `cite` the target's page can name the referring record
    («刊载于……公报……»): a link and a note.

    With `text` (a field name) the references are found rather than typed: the catalog looks for the
    names of `target`'s records (`RecordKind.names`) in that text, in one pass over each text; the detail
    is the name found. A name that two records share (同名同姓) is not attributed to either.

    A kind's relations are bound to its model when the kind's class is made (RecordKind), so a path that
    is not a reference field fails on import, not in a build.
    """

    name: str
    label: str
    at: Mapping[str, Any] | tuple[str, ...] = ()
    section: Callable[[Any, list[Ref]], Section | list[Section] | None] | None = None
    cite: Callable[[Any, Ref], tuple[Link | None, str | None]] | None = None
    check: bool = True           # report references to records that do not exist
    text: str | None = None
    target: str = ""             # the kind referred to: read from the model by `bind`, given for `text`
    _trie: Trie = field(default_factory=dict, compare=False, repr=False)

    def bind(self, model: type) -> Relation:
        """The relation with its target kind read from `model`'s reference fields."""
        paths = dict(self.at) if isinstance(self.at, Mapping) else dict.fromkeys(self.at)
        targets = {target_of(model, split(path)) for path in paths}
        if self.text is not None:
            if paths or not self.target:
                raise TypeError(f"{model.__name__}: a relation found in a text names its target and no fields")
            return self
        if len(targets) != 1:
            raise TypeError(f"{model.__name__}: relation {self.name} must refer to one kind, not {sorted(targets)}")
        return replace(self, target=targets.pop(), _trie=trie_of(paths))

    def refs(self, record: Any) -> Iterator[tuple[str, tuple[Any, ...], Any, Any]]:
        """(target key, loc, holder, detail) of each reference `record` holds, in the order they stand."""
        return located(record, self._trie)


@dataclass(frozen=True)
class Ref:
    """One reference of a record (`source`, of kind `kind`) to `target`."""

    relation: Relation
    kind: str
    source: Any
    target: str
    loc: tuple[Any, ...]
    detail: Any = None
    holder: Any = None


__all__ = ["PAGES", "Ref", "Relation", "CITED_AS", "MENTIONS", "PUBLISHES", "BELONGS_TO", "ADOPTS", "CONSIDERS",
           "REPORTED_BY", "HANDLED_BY", "ANSWERED_BY"]
