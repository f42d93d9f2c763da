"""Relations between records: how one record kind refers to another by its registry name."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..outputs import Link, Section

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
PAGES = "pages"              # target of relations that point at a hand-written page in docs/

# How a hand-written page names a record that cites it, per relation name: words before and after the
# link, in the page's provenance footer («本文刊载于《……公报》2024年第2期（决定）。»).
CITED_AS = {
    PUBLISHES: ("本文刊载于", ""),
    ADOPTS: ("本文经", "表决通过"),
    CONSIDERS: ("相关会议：", ""),
    REPORTED_BY: ("相关会议：", ""),
    ANSWERED_BY: ("本文是对", "的答复"),
}


@dataclass(frozen=True)
class Relation:
    """References from records of the declaring kind to records of `target` (a kind name, or PAGES).

    `refs(record)` yields (target id, loc, detail): loc is where the reference stands in the record (for
    located errors), detail whatever the relation carries (the item or entry that refers).
    `label` names the target in messages (「届次「18」不存在于 data/terms.yaml」). A relation with
    `section` also puts a table on the target's record page, built from every reference to it (or
    several tables: a list of them); with `cite` the target's page can name the referring record
    («刊载于……公报……»): a link and a note.

    With `text` the references are found rather than typed: the catalog looks for the names of the
    target kind's records (`RecordKind.names`) in `text(record)`, in one pass over each text; the detail
    is the name found. A name that two records share (同名同姓) is not attributed to either.
    """

    name: str
    target: str
    label: str
    refs: Callable[[Any], Iterable[tuple[str, tuple[Any, ...], Any]]]
    section: Callable[[Any, list[Ref]], Section | list[Section] | None] | None = None
    cite: Callable[[Any, Ref], tuple[Link | None, str | None]] | None = None
    check: bool = True           # report references to records that do not exist
    text: Callable[[Any], str | None] | None = None


@dataclass(frozen=True)
class Ref:
    """One reference of a record (`source`, of kind `kind`) to `target`."""

    relation: Relation
    kind: str
    source: Any
    target: str
    loc: tuple[Any, ...]
    detail: Any = None


def no_refs(record: Any) -> tuple[()]:
    """`refs` of a relation whose references are found in a text (see Relation.text)."""
    return ()
