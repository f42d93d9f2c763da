"""代表建议 as open data: what a suggestion's page shows, one record per suggestion (suggestions.json, and
the JSON file beside each page), one row per suggestion in suggestions.csv."""
from __future__ import annotations

from ...model.kind import OpenDataSet
from ..deputies import NAME as DEPUTIES
from ..sessions import NAME as SESSIONS
from ..units import NAME as UNITS
from .model import NAME, STATUSES, Reply, Suggestion, due, on_time

FIELDS = [
    ("session", "提出建议的人民代表大会会议（名称）"),
    ("number", None),
    ("title", None),
    ("category", None),
    ("lead", "领衔代表：deputy（代表编号）和 name（姓名）"),
    ("cosigners", "附议代表（列表），每项同 lead"),
    ("filed", None),
    ("text", None),
    ("assigned", None),
    ("due", "答复期限（交办后的月数见本页说明）"),
    ("lead_unit", "主办单位：name（名称）和 url（单位页面地址）"),
    ("co_units", "协办单位（列表），每项同 lead_unit"),
    ("supervision", "重点督办：leader（督办领导，同 lead）和 note（说明）；非重点督办建议为 null"),
    ("replies", "答复（列表），每项的字段见下表"),
    ("status", "办理状态：待交办、办理中、已答复、重新办理、已办结"),
    ("reply_timing", "首次答复是否在答复期限内：按期答复、逾期答复；尚未答复时为 null"),
    ("closed", None),
    ("url", "建议页面地址"),
]
REPLY_FIELDS = [
    ("date", None),
    ("doc_no", None),
    ("result", "办理结果分类代码，如 A"),
    ("result_name", "办理结果分类名称"),
    ("text", "答复全文（Markdown）；全文在单独页面时为 null"),
    ("url", "答复全文页面地址；全文在本页时为 null"),
    ("feedback", None),
    ("satisfaction", None),
]
CSV = ["session", "number", "title", "category", "lead", "cosigners", "filed", "assigned", "lead_unit", "co_units",
       "status", "first_reply", "reply_timing", "result", "satisfaction", "closed", "url"]


def _rows(records: list[dict]):
    for r in records:                          # one row per suggestion; the final reply's result and view
        final = r["replies"][-1] if r["replies"] else {}
        yield {**{k: r[k] for k in ("session", "number", "title", "category", "filed", "assigned", "status",
                                    "reply_timing", "closed", "url")},
               "lead": r["lead"]["name"], "cosigners": [c["name"] for c in r["cosigners"]],
               "lead_unit": r["lead_unit"]["name"] if r["lead_unit"] else None,
               "co_units": [u["name"] for u in r["co_units"]],
               "first_reply": r["replies"][0]["date"] if r["replies"] else None,
               "result": final.get("result"), "satisfaction": final.get("satisfaction")}


OPEN_DATA = OpenDataSet(
    "suggestions", "代表建议", "代表建议及其办理：每件一项，含全文、交办、各次答复和代表意见", FIELDS, Suggestion,
    nested=[("replies", "代表建议的答复", Reply, REPLY_FIELDS)],
    csv_summary="代表建议：每件一行（不含建议和答复全文）", csv_columns=CSV, csv_rows=_rows,
    csv_note="`suggestions.csv` 每行是一件代表建议：`lead`、`cosigners` 为代表姓名，`lead_unit`、`co_units` "
             "为单位名称，"
             "`first_reply` 为首次答复日期，`result`、`satisfaction` 为最终答复（重新办理后为再次答复）"
             "的办理结果代码和代表意见。",
    notes=["代表建议的编号在同一次人民代表大会会议内唯一：`session` 和 `number` 一起确定一件建议。"])


def _deputy(catalog, deputy_id: str) -> dict:
    return {"deputy": deputy_id, "name": catalog.title(DEPUTIES, catalog.get(DEPUTIES, deputy_id))}


def _unit(catalog, unit_id: str, urls) -> dict:
    unit = catalog.get(UNITS, unit_id)
    return {"name": unit.name, "url": urls.page(catalog.page(UNITS, unit))}


def project(s: Suggestion, catalog, urls) -> dict:
    index = catalog.index(NAME)
    timing = on_time(s, index.months)
    deadline = due(s, index.months)
    return {
        "session": catalog.title(SESSIONS, catalog.get(SESSIONS, s.session)),
        "number": s.number,
        "title": s.title,
        "category": s.category,
        "lead": _deputy(catalog, s.lead),
        "cosigners": [_deputy(catalog, d) for d in s.cosigners],
        "filed": s.filed.isoformat(),
        "text": s.text.strip(),
        "assigned": s.assigned.isoformat() if s.assigned else None,
        "due": deadline.isoformat() if deadline else None,
        "lead_unit": _unit(catalog, s.lead_unit, urls) if s.lead_unit else None,
        "co_units": [_unit(catalog, u, urls) for u in s.co_units],
        "supervision": {"leader": _deputy(catalog, s.supervision.leader), "note": s.supervision.note}
        if s.supervision
        else None,
        "replies": [
            {
                "date": r.date.isoformat(),
                "doc_no": r.doc_no,
                "result": r.result,
                "result_name": index.result_names.get(r.result),
                "text": r.text.strip() if r.text else None,
                "url": urls.page(r.page) if r.page else None,
                "feedback": r.feedback.isoformat() if r.feedback else None,
                "satisfaction": r.satisfaction,
            }
            for r in s.replies
        ],
        "status": STATUSES[s.status],
        "reply_timing": None if timing is None else "按期答复" if timing else "逾期答复",
        "closed": s.closed.isoformat() if s.closed else None,
        "url": urls.page(catalog.page(NAME, s)),
    }


__all__ = ["OPEN_DATA", "project"]
