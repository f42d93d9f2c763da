"""The date of "today" for every stage: the calendar date in Beijing, whatever the machine's clock zone.

A CI runner keeps UTC: between 00:00 and 08:00 Beijing time its local date is still yesterday, so an
article dated today would be rejected as "in the future" and a scheduled one would come a day late.
`RENDA_TODAY=2026-05-01` stands in for today (a preview of what a later build will publish, and tests).
"""
from __future__ import annotations

import datetime
import os
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")     # the tzdata package supplies it where the system has no zone data


def beijing_now() -> datetime.datetime:
    return datetime.datetime.now(BEIJING)


def beijing_today(now: datetime.datetime | None = None) -> datetime.date:
    """Today in Beijing; `now` (an aware time) is for tests."""
    if now is not None:
        return now.astimezone(BEIJING).date()
    override = os.environ.get("RENDA_TODAY", "").strip()
    if override:
        try:
            return datetime.date.fromisoformat(override)
        except ValueError:
            raise SystemExit(f"环境变量 RENDA_TODAY 应为日期，格式如 2026-05-01，实际为「{override}」") from None
    return beijing_now().date()
