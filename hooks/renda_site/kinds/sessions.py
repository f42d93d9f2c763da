"""人民代表大会会议 (data/sessions.yaml): the sessions of the people's congress of each term, at which
deputies file their suggestions. A session's pages (its suggestions, their handling) are drawn by the
kind whose records belong to sessions."""
from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import ConfigDict, Field

from ..input.sources import DataSource
from ..model.kind import RecordKind
from ..model.records import Id, Record, Text
from ..model.references import RefTo
from ..model.relations import BELONGS_TO, Relation
from ..text import cn_number
from .terms import NAME as TERMS, TermId

NAME = "sessions"                  # the kind's registry name, its data folder's name
SessionId = Annotated[Id, RefTo(NAME)]   # a field holding the id of a 人代会会议


class Session(Record):
    model_config = ConfigDict(title="人民代表大会会议")
    id: Id = Field(description="编号，<届次>-<会次>，如 \"18-3\"（第十八届人民代表大会第三次会议）")
    term: TermId = Field(description="届次编号")
    number: int = Field(ge=1, le=99, description="会次（本届第几次会议）")
    start: datetime.date = Field(description="开幕日期")
    end: datetime.date | None = Field(default=None, description="闭幕日期；一天的会议可不填")
    place: Text | None = Field(default=None, description="会议地点，如 清溪县人民会堂")

    @property
    def last_day(self) -> datetime.date:
        return self.end or self.start


def session_title(catalog, session: Session) -> str:
    """清溪县第十八届人民代表大会第三次会议."""
    term = catalog.get(TERMS, session.term)
    return f"{catalog.county}{term.name}人民代表大会第{cn_number(session.number)}次会议"


class SessionsKind(RecordKind):
    name = NAME
    label = "人代会会议"
    sources = (DataSource(NAME, Session, "data/sessions.yaml", "list", "sessions",
                          "人民代表大会会议（data/sessions.yaml）", required=False),)
    relations = (Relation(BELONGS_TO, "届次", ("term",)),)

    def order(self, records):
        return sorted(records, key=lambda s: s.start)

    def title(self, session, catalog) -> str:
        return session_title(catalog, session)

    def check(self, checker) -> None:
        seen: dict[tuple[str, int], Session] = {}
        for session in checker.records(self.name):
            if session.id != f"{session.term}-{session.number}":
                checker.error(session, ("id",), f"编号应为「{session.term}-{session.number}」（届次-会次）")
            first = seen.setdefault((session.term, session.number), session)
            if first is not session:
                checker.error(session, ("number",), f"第 {session.term} 届第 {session.number} 次会议已见于编号"
                                                    f"「{first.id}」")
            if session.end and session.end < session.start:
                checker.error(session, ("end",), "闭幕日期早于开幕日期")
            term = checker.get(TERMS, session.term)
            if term and (session.start < term.start or (term.end and session.start > term.end)):
                checker.error(session, ("start",), f"开幕日期不在{term.name}任期内")
            if session.start > checker.today:
                checker.error(session, ("start",), f"开幕日期「{session.start}」晚于今天")

    def popolo(self, catalog, popolo):
        return {"events": [{
            "id": popolo.id(self.name, s.id), "name": session_title(catalog, s), "classification": "人民代表大会会议",
            "start_date": s.start.isoformat(), "end_date": s.last_day.isoformat(), "location": s.place,
            "organization_id": popolo.assembly, "parent_id": popolo.id(TERMS, s.term),
        } for s in catalog.records(self.name)]}


KIND = SessionsKind()
