"""How long ago the home page and each column were last updated, against the limit of the column's type
(data/site.yaml `inspection`), and which columns are empty — the first items of a 19号 inspection.

A column is a first URL folder of the column bar. What it holds is every published page there: articles
and the pages of records (公报 issues, appointment lists, meetings, suggestions …), each with the date the
record kind gives (`RecordKind.updated`). The home page shows the newest of everything, so its last
update is the newest date on the site.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..render.page_tags import ColumnInfo, PageTags, folder_of

STATIC = None          # a limit of neither days nor months: 静态介绍, never stale


@dataclass(frozen=True)
class ColumnState:
    column: ColumnInfo
    pages: int
    last: datetime.date | None
    limit_text: str | None        # 14 天, 6 个月; None: no limit
    overdue: bool

    @property
    def empty(self) -> bool:
        return self.pages == 0


def months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return datetime.date(year, month, min(day.day, (following - datetime.timedelta(days=1)).day))


def deadline(limit, today: datetime.date) -> tuple[datetime.date | None, str | None]:
    """The oldest update date still within `limit` (None: no limit), and the limit as text."""
    if limit is None or (limit.days is None and limit.months is None):
        return None, None
    if limit.days is not None:
        return today - datetime.timedelta(days=limit.days), f"{limit.days} 天"
    return months_before(today, limit.months), f"{limit.months} 个月"


def column_states(catalog, tags: PageTags, today: datetime.date) -> list[ColumnState]:
    """Each column's count of pages (its own listing pages left out) and last update."""
    limits = {limit.type: limit for limit in catalog.config.inspection.limits}
    counts: dict[str, int] = {}
    for page in tags.pages():
        spec = tags.specs.get(page)
        if spec is None or spec.layout != "listing":
            counts[folder_of(page)] = counts.get(folder_of(page), 0) + 1
    states = []
    for folder, column in tags.columns.items():
        if not folder:
            continue
        last = tags.column_last.get(folder)
        oldest, limit_text = deadline(limits.get(column.type or "动态要闻"), today)
        overdue = oldest is not None and (last is None or last < oldest)
        states.append(ColumnState(column, counts.get(folder, 0), last, limit_text, overdue))
    return states


def home_state(catalog, tags: PageTags) -> tuple[datetime.date | None, int]:
    """The home page's last update (the newest date on the site) and its limit in days."""
    return max(tags.column_last.values(), default=None), catalog.config.inspection.home_days
