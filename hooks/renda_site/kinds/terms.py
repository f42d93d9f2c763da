"""届次: the terms of the people's congress (data/terms.yaml). A term's page is its roster (代表名单),
drawn by the kind whose records serve in terms."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import ConfigDict, Field

from .. import address
from ..input.sources import DataSource
from ..model.kind import RecordKind
from ..model.records import Id, Record, Text
from ..model.references import RefTo

NAME = "terms"                  # the kind's registry name, its data folder's name
TermId = Annotated[Id, RefTo(NAME)]   # a field holding the id of a 届次


class Term(Record):
    model_config = ConfigDict(title="届次")
    id: Id = Field(description="届次编号，如 \"18\"")
    name: Text = Field(description="届次名称，如 第十八届")
    start: datetime.date = Field(description="开始日期")
    end: datetime.date | None = Field(default=None, description="结束日期；本届尚未结束时留空")


@dataclass(frozen=True)
class Terms:
    ordered: list[Term]          # oldest first

    @property
    def current(self) -> Term | None:
        return self.ordered[-1] if self.ordered else None

    @property
    def newest_first(self) -> list[Term]:
        return list(reversed(self.ordered))

    def on(self, day: datetime.date | None) -> Term | None:
        """The term that `day` falls in (None before the first term, or without a day)."""
        if day is None:
            return None
        return next((t for t in reversed(self.ordered) if t.start <= day and (t.end is None or day <= t.end)), None)


def current_term(editor: Any) -> Term:
    """The newest term, for a new file's blanks (`bash dev.sh new`); `editor` is the scaffolder."""
    terms = editor.loaded.of(NAME)
    if not terms:
        raise editor.error("data/terms.yaml 中没有可用的届次，请先填写届次")
    newest: Term = max(terms, key=lambda t: t.start)
    return newest


class TermsKind(RecordKind):
    name = NAME
    label = "届次"
    sources = (DataSource(NAME, Term, "data/terms.yaml", "list", "terms", "届次（data/terms.yaml）"),)

    def order(self, records):
        return sorted(records, key=lambda t: t.start)

    def page(self, term) -> str:
        return address.term_roster(term.id)

    def title(self, term, catalog) -> str:
        return term.name

    def check(self, checker) -> None:
        for term in checker.records(self.name):
            if term.end and term.end < term.start:
                checker.error(term, ("end",), "结束日期早于开始日期")

    def index(self, catalog) -> Terms:
        return Terms(catalog.records(self.name))

    def popolo(self, catalog, popolo):
        """The people's congress itself, and each of its terms as a legislative period."""
        assembly = {"id": popolo.assembly, "name": f"{catalog.county}人民代表大会", "classification": "legislature"}
        return {"organizations": [assembly], "events": [{
            "id": popolo.id(self.name, t.id), "name": f"{catalog.county}{t.name}人民代表大会",
            "classification": "legislative period", "organization_id": popolo.assembly,
            "start_date": t.start.isoformat(), "end_date": t.end.isoformat() if t.end else None,
        } for t in catalog.records(self.name)]}


KIND = TermsKind()
