"""常委会会议: the data model of one Standing Committee meeting, and the rules types cannot say."""
from __future__ import annotations

import datetime
from collections import Counter
from typing import Annotated

from pydantic import ConfigDict, Field

from ...model.records import Id, Record, Text
from ...model.references import PageRef, RefTo
from ...text import cn_number
from ..appointments import NAME as APPOINTMENTS, ListId
from ..deputies import NAME as DEPUTIES, DeputyId
from ..terms import NAME as TERMS, TermId

NAME = "meetings"                  # the kind's registry name, its data folder's name
MeetingId = Annotated[Id, RefTo(NAME)]   # a field holding the id of a 常委会会议

MEMBER_ROLE = "常委会"          # a member of the Standing Committee holds a role naming it


class Vote(Record):
    model_config = ConfigDict(title="表决结果")
    in_favour: int = Field(ge=0, description="赞成票数")
    against: int = Field(ge=0, description="反对票数")
    abstain: int = Field(ge=0, description="弃权票数")

    @property
    def cast(self) -> int:
        return self.in_favour + self.against + self.abstain


class AgendaItem(Record):
    model_config = ConfigDict(title="会议议程")
    title: Text = Field(description="议程，如 听取和审议县人民政府关于……的报告")
    documents: list[PageRef] = Field(
        default_factory=list, description="审议的报告、草案等文件，docs/ 下的 Markdown 页面"
    )
    opinion: PageRef | None = Field(default=None, description="会后形成的审议意见，docs/ 下的 Markdown 页面")
    adopted: PageRef | None = Field(default=None, description="表决通过的决定、决议等的全文，docs/ 下的 Markdown 页面")
    appointments: ListId | None = Field(default=None, description="表决的任免名单编号（与本次会议编号相同）")
    vote: Vote | None = Field(default=None, description="表决结果；不表决的议程不填")


class Meeting(Record):
    model_config = ConfigDict(title="常委会会议")
    id: Id = Field(description="编号，<届次>-<会议次数>，与文件名相同，如 \"18-17\"")
    term: TermId = Field(description="届次编号")
    number: int = Field(ge=1, le=999, description="本届常委会第几次会议")
    start: datetime.date = Field(description="会议日期（开始日期）")
    end: datetime.date | None = Field(default=None, description="结束日期；一天的会议不填")
    place: Text | None = Field(default=None, description="会议地点")
    presiding: list[DeputyId] = Field(min_length=1, description="主持会议的常委会主任或副主任（代表编号）")
    members: int = Field(ge=1, description="常委会组成人员人数（应到）")
    present: int = Field(ge=0, description="出席会议的组成人员人数（实到）")
    present_members: list[DeputyId] = Field(
        default_factory=list, description="出席会议的组成人员（代表编号），可只列有代表个人页面的"
    )
    invited_deputies: list[DeputyId] = Field(default_factory=list, description="列席会议的县人大代表（代表编号）")
    observers: list[Text] = Field(default_factory=list, description="其他列席人员，如 县人民政府副县长×××")
    agenda: list[AgendaItem] = Field(min_length=1, description="会议议程，按顺序")
    news: list[PageRef] = Field(default_factory=list, description="会议的报道，docs/ 下的 Markdown 页面")

    @property
    def last_day(self) -> datetime.date:
        return self.end or self.start


def passed(meeting: Meeting, vote: Vote) -> bool:
    """通过: more votes in favour than half of all members of the Standing Committee (not of those present)."""
    return vote.in_favour * 2 > meeting.members


def meeting_title(catalog, meeting: Meeting) -> str:
    """清溪县第十八届人民代表大会常务委员会第十七次会议."""
    term = catalog.get(TERMS, meeting.term)
    return f"{catalog.county}{term.name}人民代表大会常务委员会第{cn_number(meeting.number)}次会议"


def short_title(catalog, meeting: Meeting) -> str:
    """十八届常委会第十七次会议: in tables on phones, where the full name takes five lines."""
    term = catalog.get(TERMS, meeting.term)
    return f"{term.name.removeprefix('第')}常委会第{cn_number(meeting.number)}次会议"


def check_meeting(m: Meeting, checker) -> None:
    if m.id != f"{m.term}-{m.number}":
        checker.error(m, ("id",), f"编号应为「{m.term}-{m.number}」（届次-会议次数）")
    if m.end and m.end < m.start:
        checker.error(m, ("end",), "结束日期早于开始日期")
    term = checker.get(TERMS, m.term)
    if term and (m.start < term.start or (term.end and m.start > term.end)):
        checker.error(m, ("start",), f"会议日期不在{term.name}任期内")
    if m.start > checker.today:
        checker.error(m, ("start",), f"会议日期「{m.start}」晚于今天")
    if m.present > m.members:
        checker.error(m, ("present",), f"实到人数 {m.present} 超过应到人数（组成人员 {m.members} 人）")
    if len(m.present_members) > m.present:
        checker.error(m, ("present_members",), f"列出的出席人员 {len(m.present_members)} 人，超过实到人数 {m.present}")
    _people(m, checker)
    seen_lists: set[str] = set()
    for index, item in enumerate(m.agenda):
        _item(m, index, item, checker, seen_lists)
    for index, page in enumerate(m.news):
        checker.docs_file(m, ("news", index), page, "会议报道页面", (".md",))


def _people(m: Meeting, checker) -> None:
    for field in ("presiding", "present_members", "invited_deputies"):
        ids = getattr(m, field)
        counts = Counter(ids)
        for index, deputy in enumerate(ids):
            loc = (field, index)
            if counts[deputy] > 1:
                checker.error(m, loc, f"代表「{deputy}」重复列出")
            if checker.get(DEPUTIES, deputy) is None:
                continue                               # reported as a dangling reference
            roles = checker.serving(DEPUTIES, deputy, m.term, m.start)
            if roles is None:
                checker.error(m, loc, f"代表「{deputy}」在会议日期（{m.start}）不是第 {m.term} 届代表")
            elif field != "invited_deputies" and not any(MEMBER_ROLE in role for role in roles):
                checker.error(
                    m, loc, f"代表「{deputy}」不是常委会组成人员（代表文件的 roles 中没有常委会职务）", warning=True
                )
    for index, deputy in enumerate(m.invited_deputies):
        if deputy in m.present_members:
            checker.error(m, ("invited_deputies", index), f"代表「{deputy}」已列为出席的组成人员，不再列为列席")


def _item(m: Meeting, index: int, item: AgendaItem, checker, seen_lists: set) -> None:
    loc = ("agenda", index)
    for i, page in enumerate(item.documents):
        checker.docs_file(m, loc + ("documents", i), page, "文件页面", (".md",))
    if item.opinion:
        checker.docs_file(m, loc + ("opinion",), item.opinion, "审议意见页面", (".md",))
    if item.adopted:
        checker.docs_file(m, loc + ("adopted",), item.adopted, "通过的文件页面", (".md",))
    if item.vote:
        if item.vote.cast > m.present:
            checker.error(m, loc + ("vote",), f"表决票数合计 {item.vote.cast} 超过实到人数 {m.present}")
        if item.adopted and not passed(m, item.vote):
            checker.error(m, loc + ("adopted",), f"赞成票 {item.vote.in_favour} 未超过组成人员 {m.members} 人的半数，"
                          "表决未通过，不能填写通过的文件 adopted")
    elif item.adopted or item.appointments:
        checker.error(m, loc + ("vote",), "表决通过的议程宜填写表决结果 vote（赞成、反对、弃权票数）", warning=True)
    if item.appointments:
        if item.appointments != m.id:
            checker.error(m, loc + ("appointments",), f"任免名单编号应与会议编号「{m.id}」相同"
                                                      "（任免名单以会议编号命名）")
        elif item.appointments in seen_lists:
            checker.error(m, loc + ("appointments",), f"任免名单「{item.appointments}」在议程中已出现过")
        seen_lists.add(item.appointments)
        lst = checker.get(APPOINTMENTS, item.appointments)
        if lst is not None and not m.start <= lst.date <= m.last_day:
            checker.error(m, loc + ("appointments",), f"任免名单「{lst.id}」的通过日期（{lst.date}）不在会议日期内")


def check_adopted_once(meetings: list[Meeting], checker) -> None:
    """A text is adopted once: the same page adopted at two meetings is a mistake in one of them."""
    first: dict[str, Meeting] = {}
    for m in sorted(meetings, key=lambda m: (m.start, m.id)):
        for index, item in enumerate(m.agenda):
            if item.adopted and first.setdefault(item.adopted, m) is not m:
                checker.error(
                    m, ("agenda", index, "adopted"), f"「{item.adopted}」已在会议「{first[item.adopted].id}」表决通过"
                )


def check_numbers(meetings: list[Meeting], checker) -> None:
    """One meeting per number in a term; the file named after it keeps the number."""
    first: dict[tuple[str, int], Meeting] = {}
    for m in sorted(meetings, key=lambda m: (m.id != f"{m.term}-{m.number}", m.origin.path)):
        if first.setdefault((m.term, m.number), m) is not m:
            checker.error(m, ("number",), f"第 {m.term} 届常委会第 {m.number} 次会议已见于 "
                                          f"{first[(m.term, m.number)].origin.path}")
