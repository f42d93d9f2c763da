"""常委会会议 as open data (meetings.json and meetings.csv, what the meeting pages show) and in the
Popolo standard (each meeting an event, each vote a vote event with its counts)."""
from __future__ import annotations

from ...model.kind import OpenDataSet
from ...model.relations import PUBLISHES
from ..appointments import NAME as APPOINTMENTS
from ..articles import NAME as ARTICLES
from ..deputies import NAME as DEPUTIES
from ..groups import NAME as GROUPS
from ..terms import NAME as TERMS
from .model import NAME, AgendaItem, Meeting, meeting_title, passed

FIELDS = [("id", None), ("title", "会议名称"), ("term", "届次"), ("start", None), ("end", None), ("place", None),
          ("presiding", "主持人（列表）：deputy（代表编号）和 name（姓名）"), ("members", None), ("present", None),
          ("present_members", "列出的出席组成人员（列表），每项同 presiding"),
          ("invited_deputies", "列席的县人大代表（列表），每项同 presiding"), ("observers", None),
          ("agenda", "会议议程（列表），每项的字段见下表"), ("news", "会议报道（列表）：title（标题）和 url（地址）"),
          ("bulletins", "刊载本次会议文件的常委会公报（列表）：title 和 url"), ("url", "会议页面地址")]
ITEM_FIELDS = [
    ("title", None),
    ("documents", "审议的文件（列表）：title 和 url"),
    ("opinion", "审议意见：title 和 url"),
    ("adopted", "表决通过的文件：title 和 url"),
    ("appointments", "表决的任免名单：title 和 url"),
    (
        "vote",
        "表决结果：in_favour（赞成）、against（反对）、abstain（弃权）、result（通过或未通过）；不表决的议程为 null",
    ),
]
CSV = ["meeting_id", "meeting", "start", "item", "title", "in_favour", "against", "abstain", "result", "url"]


def _rows(records: list[dict]):
    for m in records:                          # one row per agenda item
        for number, item in enumerate(m["agenda"], 1):
            vote = item["vote"] or {}
            yield {
                "meeting_id": m["id"],
                "meeting": m["title"],
                "start": m["start"],
                "item": number,
                "title": item["title"],
                **{k: vote.get(k) for k in ("in_favour", "against", "abstain", "result")},
                "url": m["url"],
            }


OPEN_DATA = OpenDataSet(
    "meetings", "常委会会议", "常委会会议：每次会议一项，含出席、列席、议程和表决结果", FIELDS, Meeting,
    nested=[("agenda", "会议议程", AgendaItem, ITEM_FIELDS)],
    csv_summary="常委会会议议程：每个议程一行，含表决结果", csv_columns=CSV, csv_rows=_rows,
    csv_note="`meetings.csv` 每行是一次会议的一个议程：`meeting_id`（会议编号）、`meeting`（会议名称）、`start`"
             "（会议日期）、"
             "`item`（议程序号）、`title`，表决的议程有 `in_favour`、`against`、`abstain` 和 `result`，`url` "
             "为会议页面地址。",
    notes=["表决“通过”指赞成票超过常委会全体组成人员（`members`）的半数，而不是出席人员的半数。"])


def _person(catalog, deputy: str) -> dict:
    return {"deputy": deputy, "name": catalog.title(DEPUTIES, catalog.get(DEPUTIES, deputy))}


def _page(catalog, urls, page: str) -> dict:
    article = catalog.get(ARTICLES, page)
    return {"title": article.meta.title if article else page, "url": urls.page(page)}


def project(m: Meeting, catalog, urls) -> dict:
    def item(entry: AgendaItem) -> dict:
        lst = catalog.get(APPOINTMENTS, entry.appointments) if entry.appointments else None
        return {
            "title": entry.title,
            "documents": [_page(catalog, urls, p) for p in entry.documents],
            "opinion": _page(catalog, urls, entry.opinion) if entry.opinion else None,
            "adopted": _page(catalog, urls, entry.adopted) if entry.adopted else None,
            "appointments": {"title": lst.title, "url": urls.page(catalog.page(APPOINTMENTS, lst))} if lst else None,
            "vote": {
                "in_favour": entry.vote.in_favour,
                "against": entry.vote.against,
                "abstain": entry.vote.abstain,
                "result": "通过" if passed(m, entry.vote) else "未通过",
            }
            if entry.vote
            else None,
        }

    issues = catalog.refs_to(NAME, m.id, PUBLISHES)         # the bulletin issues that carry the meeting
    return {
        "id": m.id,
        "title": meeting_title(catalog, m),
        "term": catalog.get(TERMS, m.term).name,
        "start": m.start.isoformat(),
        "end": m.end.isoformat() if m.end else None,
        "place": m.place,
        "presiding": [_person(catalog, d) for d in m.presiding],
        "members": m.members,
        "present": m.present,
        "present_members": [_person(catalog, d) for d in m.present_members],
        "invited_deputies": [_person(catalog, d) for d in m.invited_deputies],
        "observers": list(m.observers),
        "agenda": [item(entry) for entry in m.agenda],
        "news": [_page(catalog, urls, p) for p in m.news],
        "bulletins": [
            {"title": catalog.title(ref.kind, ref.source), "url": urls.page(catalog.page(ref.kind, ref.source))}
            for ref in issues
        ],
        "url": urls.page(catalog.page(NAME, m)),
    }


def popolo(catalog, helper, meetings: list[Meeting]) -> dict:
    """Each meeting an event of its term, held by the term's Standing Committee; each vote a vote event."""
    committees = {g.term: g for g in catalog.records(GROUPS) if g.kind == "常委会"}
    events, votes = [], []
    for m in meetings:
        body = helper.id(GROUPS, committees[m.term].id) if m.term in committees else helper.assembly
        event = helper.id(NAME, m.id)
        events.append({"id": event, "name": meeting_title(catalog, m), "classification": "常委会会议",
                       "start_date": m.start.isoformat(), "end_date": m.last_day.isoformat(), "location": m.place,
                       "organization_id": body, "parent_id": helper.id(TERMS, m.term),
                       "sources": helper.links(catalog.page(NAME, m))})
        for number, entry in enumerate(m.agenda, 1):
            if entry.vote is None:
                continue
            result = "pass" if passed(m, entry.vote) else "fail"
            votes.append({"id": f"{event}/{number}", "identifier": f"议程{number}", "organization_id": body,
                          "legislative_session_id": event, "result": result,
                          "motion": {"text": entry.title, "organization_id": body, "legislative_session_id": event,
                                     "requirement": "赞成票超过常委会全体组成人员的半数", "result": result},
                          "counts": [{"option": "yes", "value": entry.vote.in_favour},
                                     {"option": "no", "value": entry.vote.against},
                                     {"option": "abstain", "value": entry.vote.abstain},
                                     {"option": "not voting", "value": m.present - entry.vote.cast},
                                     {"option": "absent", "value": m.members - m.present}]})
    return {"events": events, "vote_events": votes}


__all__ = ["OPEN_DATA", "project", "popolo"]
