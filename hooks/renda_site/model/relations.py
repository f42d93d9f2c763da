"""Relations between records: how one record kind refers to another by its registry name."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..outputs import Link, Section

# Relation names, each with one meaning that target kinds may rely on:
MENTIONS = "mentions"        # the record names the target (a person named in an entry)
PUBLISHES = "publishes"      # the record publishes the target (an issue carries a document or a page)
BELONGS_TO = "belongs_to"    # the record is part of the target (a membership of a term or a group)
PAGES = "pages"              # target of relations that point at a hand-written page in docs/


@dataclass(frozen=True)
class Relation:
    """References from records of the declaring kind to records of `target` (a kind name, or PAGES).

    `refs(record)` yields (target id, loc, detail): loc is where the reference stands in the record (for
    located errors), detail whatever the relation carries (the item or entry that refers).
    `label` names the target in messages (「届次「18」不存在于 data/terms.yaml」). A relation with
    `section` also puts a table on the target's record page, built from every reference to it; with `cite`
    the target's page can name the referring record (「刊载于……公报……」): a link and a note.
    """

    name: str
    target: str
    label: str
    refs: Callable[[Any], Iterable[tuple[str, tuple, Any]]]
    section: Callable[[Any, list["Ref"]], Section | None] | None = None
    cite: Callable[[Any, "Ref"], tuple[Link, str | None]] | None = None
    check: bool = True           # report references to records that do not exist


@dataclass(frozen=True)
class Ref:
    """One reference of a record (`source`, of kind `kind`) to `target`."""

    relation: Relation
    kind: str
    source: Any
    target: str
    loc: tuple
    detail: Any = None


