"""The suggestions' own lookups, computed once: by session, by unit, the replies newest first, and the
figures of each session and each unit."""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from ... import address
from ...text import cn_number
from ..sessions import NAME as SESSIONS
from ..terms import NAME as TERMS
from ..units import NAME as UNITS
from .checks import settings_of
from .figures import Figures, figures
from .model import Suggestion


@dataclass(frozen=True)
class SuggestionsIndex:
    months: int                              # 答复期限
    categories: list[str]
    results: list[tuple[str, str]]           # (code, name) in the office's order
    by_session: dict[str, list[Suggestion]]  # by number
    sessions: list                           # sessions that have suggestions, newest first
    by_unit: dict[str, list[tuple[Suggestion, str]]]   # unit id -> (suggestion, 主办 | 协办)
    session_figures: dict[str, Figures]
    replies: list[tuple[datetime.date, Suggestion]]    # each suggestion by its latest reply, newest first
    unit_names: dict[str, str]

    @property
    def result_names(self) -> dict[str, str]:
        return dict(self.results)

    def result_label(self, code: str) -> str:
        return f"{code} 类（{self.result_names.get(code, '')}）"


def build_index(catalog, kind_name: str) -> SuggestionsIndex:
    settings = settings_of(catalog.config)
    by_session: dict[str, list[Suggestion]] = defaultdict(list)
    by_unit: dict[str, list[tuple[Suggestion, str]]] = defaultdict(list)
    for s in catalog.records(kind_name):
        by_session[s.session].append(s)
        if s.lead_unit:
            by_unit[s.lead_unit].append((s, "主办"))
        for unit in s.co_units:
            by_unit[unit].append((s, "协办"))
    sessions = sorted((catalog.get(SESSIONS, sid) for sid in by_session), key=lambda x: x.start, reverse=True)
    replies = sorted(((s.final.date, s) for s in catalog.records(kind_name) if s.final),
                     key=lambda pair: (pair[0], pair[1].session, pair[1].number), reverse=True)
    return SuggestionsIndex(
        settings.reply_months, list(settings.categories), [(r.code, r.name) for r in settings.results],
        dict(by_session), sessions, dict(by_unit),
        {sid: figures(items, settings.reply_months) for sid, items in by_session.items()}, replies,
        {u.id: u.name for u in catalog.records(UNITS)})


def short_session(catalog, session) -> str:
    """十八届人大三次会议: how county sites name a session in tables and running text."""
    term = catalog.get(TERMS, session.term)
    return f"{term.name.removeprefix('第')}人大{cn_number(session.number)}次会议"


def session_page(session_id: str) -> str:
    """A session's suggestions (the filterable listing)."""
    return address.session_suggestions(session_id)


def summary_page(session_id: str) -> str:
    """A session's figures and charts (办理情况)."""
    return address.session_summary(session_id)
