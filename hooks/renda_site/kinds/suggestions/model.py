"""代表建议: the data model of one suggestion and its handling, and what follows from it without
looking elsewhere — its status, its timeline, its reply deadline.

The status and the timeline are derived, never typed: 提出 → 交办 → 答复 → 征询意见 → 办结, and after
a 不满意: 重新办理 (from that feedback) → 再次答复 → 征询意见 → 办结.
"""
from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Literal

from pydantic import ConfigDict, Field

from ...model.records import LongText, Record, ResultCode, Text
from ...model.references import PageRef
from ..deputies import DeputyId
from ..sessions import SessionId
from ..units import UnitId

NAME = "suggestions"                  # the kind's registry name, its data folder's name

Satisfaction = Literal["满意", "基本满意", "不满意"]
SATISFACTIONS = list(Satisfaction.__args__)  # type: ignore[attr-defined]
UNHAPPY = "不满意"

# Status codes (ASCII: they go into data attributes and the address bar) and what readers see.
STATUSES = {"daijiaoban": "待交办", "banli": "办理中", "dafu": "已答复", "chongban": "重新办理", "banjie": "已办结"}


class Reply(Record):
    model_config = ConfigDict(title="答复")
    date: datetime.date = Field(description="答复日期")
    doc_no: Text | None = Field(default=None, description="答复文号，如 清交函〔2024〕15号")
    result: ResultCode = Field(description="办理结果分类的代码，见 data/site.yaml 的 suggestions.results，如 A")
    text: LongText | None = Field(default=None, description="答复全文（Markdown）；或用 page 指向 docs/ 下的页面")
    page: PageRef | None = Field(default=None, description="答复全文所在的 Markdown 页面，docs/ 下的路径（代替 text）")
    feedback: datetime.date | None = Field(default=None, description="征询代表意见的日期；尚未征询时留空")
    satisfaction: Satisfaction | None = Field(default=None, description="代表对答复的意见；须同时填写 feedback")


class Supervision(Record):
    model_config = ConfigDict(title="重点督办")
    leader: DeputyId = Field(description="督办的常委会领导（代表编号，常委会主任或副主任）")
    note: Text | None = Field(default=None, description="督办说明，如 由县人大常委会副主任督办，分管副县长领办")


class Suggestion(Record):
    model_config = ConfigDict(title="代表建议")
    session: SessionId = Field(description="提出建议的人民代表大会会议编号，与所在文件夹同名，如 \"18-3\"")
    number: int = Field(ge=1, le=9999, description="建议编号（第几号），与文件名相同")
    title: Text = Field(description="标题，如 关于加快农村公路养护改造的建议")
    category: Text = Field(description="类别，见 data/site.yaml 的 suggestions.categories")
    lead: DeputyId = Field(description="领衔代表（代表编号）")
    cosigners: list[DeputyId] = Field(default_factory=list, description="附议代表（代表编号）")
    filed: datetime.date = Field(description="提出日期")
    text: LongText = Field(min_length=1, description="建议内容（Markdown）")
    assigned: datetime.date | None = Field(default=None, description="交办日期；尚未交办时留空")
    lead_unit: UnitId | None = Field(default=None, description="主办单位（承办单位编号，见 data/units.yaml）")
    co_units: list[UnitId] = Field(default_factory=list, description="协办单位（承办单位编号）")
    supervision: Supervision | None = Field(default=None, description="重点督办（由主任会议确定，其他建议不填）")
    replies: list[Reply] = Field(
        default_factory=list, description="答复，按时间先后；第二次答复只在代表不满意、重新办理之后"
    )
    closed: datetime.date | None = Field(default=None, description="办结日期；尚未办结时留空")

    @property
    def key(self) -> str:
        return f"{self.session}-{self.number}"

    @property
    def deputies(self) -> list[str]:
        return [self.lead, *self.cosigners]

    @property
    def units(self) -> list[str]:
        return ([self.lead_unit] if self.lead_unit else []) + list(self.co_units)

    @property
    def final(self) -> Reply | None:
        return self.replies[-1] if self.replies else None

    @property
    def status(self) -> str:
        if self.closed:
            return "banjie"
        if not self.assigned:
            return "daijiaoban"
        if not self.replies:
            return "banli"
        return "chongban" if self.replies[-1].satisfaction == UNHAPPY else "dafu"

    @property
    def redone(self) -> bool:
        """Whether the deputy was dissatisfied with an answer at some point (重新办理)."""
        return any(r.satisfaction == UNHAPPY for r in self.replies)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when that month is shorter (11-30 + 3 -> 02-28)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due(suggestion: Suggestion, months: int) -> datetime.date | None:
    """答复期限: `months` after 交办 (a reply on that very day is on time)."""
    return add_months(suggestion.assigned, months) if suggestion.assigned else None


def on_time(suggestion: Suggestion, months: int) -> bool | None:
    """Whether the first reply came by the deadline; None while there is no reply."""
    deadline = due(suggestion, months)
    if deadline is None or not suggestion.replies:
        return None
    return suggestion.replies[0].date <= deadline


@dataclass(frozen=True)
class Step:
    label: str                   # 提出, 交办, 答复, 征询意见, 重新办理, 再次答复, 办结
    date: datetime.date
    note: str = ""
    reply: int | None = None     # the reply the step belongs to (0-based), to link its full text


def timeline(suggestion: Suggestion, unit_names: dict[str, str], result_names: dict[str, str]) -> list[Step]:
    """The steps the suggestion went through, in order."""
    s = suggestion
    steps = [Step("提出", s.filed, f"{len(s.deputies)} 名代表联名提出" if s.cosigners else "代表个人提出")]
    if s.assigned:
        note = f"交{unit_names.get(s.lead_unit or '', '')}主办" + (
            "，" + "、".join(unit_names.get(u, u) for u in s.co_units) + "协办" if s.co_units else "")
        steps.append(Step("交办", s.assigned, note))
    for index, reply in enumerate(s.replies):
        if index:
            steps.append(
                Step("重新办理", s.replies[index - 1].feedback or reply.date, "代表对答复不满意，承办单位重新办理")
            )
        result = f"办理结果 {reply.result} 类（{result_names.get(reply.result, '')}）"
        steps.append(Step("再次答复" if index else "答复", reply.date,
                          "，".join(p for p in (reply.doc_no, result) if p), index))
        if reply.feedback:
            steps.append(
                Step("征询意见", reply.feedback, f"代表意见：{reply.satisfaction}" if reply.satisfaction else "")
            )
    if s.closed:
        steps.append(Step("办结", s.closed))
    elif s.status == "chongban":
        steps.append(
            Step("重新办理", s.replies[-1].feedback or s.replies[-1].date, "代表对答复不满意，承办单位正在重新办理")
        )
    return steps
