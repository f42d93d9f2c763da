"""One model per record kind. The models are the single source of truth for what a data file may hold.

Unknown fields are errors (extra="forbid"): there is no field for ID-card or phone numbers, and a
misspelt field cannot carry private data onto the public site unnoticed.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=20000)]
YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")]
DocsPath = Annotated[str, StringConstraints(pattern=r"^[^/\\].*[^/\\]$", max_length=300)]

Gender = Literal["男", "女"]
GroupKind = Literal["代表团", "代表小组", "专门委员会", "常委会"]
EndReason = Literal["届满", "辞职", "罢免", "调离", "去世", "资格终止"]
ItemType = Literal["地方性法规", "决议", "决定", "报告", "审议意见", "任免名单", "公告", "其他"]
Action = Literal["任命", "免去", "决定任命", "决定免去", "批准任命", "接受辞职", "撤职", "决定代理"]


@dataclass(frozen=True)
class Source:
    """Where a record came from: its file (relative to the project root) and its parsed YAML."""

    path: str
    raw: Any
    loc: tuple = ()           # where the record sits in its file: (3,) for the 4th item of terms.yaml


def _title(name: str, info) -> str:
    """A field's Chinese title in the JSON Schema (shown by editors' tooltips): its description up to the
    first comma or bracket, so each field is described once, in one place."""
    text = info.description or name
    for stop in "，；（(":
        text = text.split(stop)[0]
    return text.strip() or name


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True,
                              field_title_generator=_title)
    _source: Source | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Source:
        assert self._source is not None
        return self._source


class Term(Record):
    model_config = ConfigDict(title="届次")
    id: Id = Field(description="届次编号，如 \"18\"")
    name: Text = Field(description="届次名称，如 第十八届")
    start: datetime.date = Field(description="开始日期")
    end: datetime.date | None = Field(default=None, description="结束日期；本届尚未结束时留空")


class Group(Record):
    model_config = ConfigDict(title="代表团、代表小组、专门委员会")
    id: Id = Field(description="编号，如 t18-chengguan")
    name: Text = Field(description="名称，如 城关镇代表团")
    kind: GroupKind = Field(description="类别")
    term: Id = Field(description="所属届次编号")


class Membership(Record):
    model_config = ConfigDict(title="任职记录")
    term: Id = Field(description="届次编号")
    group: Id | None = Field(default=None, description="所在代表团或代表小组的编号")
    constituency: Text | None = Field(default=None, description="选区或选举单位")
    position: Text | None = Field(default=None, description="工作单位及职务")
    roles: list[Text] = Field(default_factory=list, description="在人大的职务，如 县人大常委会委员")
    start: datetime.date | None = Field(default=None, description="开始日期；留空时为本届开始日期")
    end: datetime.date | None = Field(default=None, description="提前终止的日期；任期届满时留空")
    end_reason: EndReason | None = Field(default=None, description="提前终止的原因")


class Deputy(Record):
    model_config = ConfigDict(title="人大代表")
    id: Id = Field(description="稳定编号，如 d0001；不随姓名变化，不重复使用")
    name: Text = Field(description="姓名")
    other_names: list[Text] = Field(default_factory=list, description="曾用名")
    gender: Gender = Field(description="性别")
    ethnicity: Text | None = Field(default=None, description="民族")
    birth: YearMonth | None = Field(default=None, description="出生年月，如 \"1975-03\"")
    party: Text | None = Field(default=None, description="政治面貌")
    education: Text | None = Field(default=None, description="学历")
    photo: DocsPath | None = Field(default=None, description="照片，docs/ 下的路径")
    bio: LongText | None = Field(default=None, description="简介（Markdown）")
    memberships: list[Membership] = Field(min_length=1, description="各届任职情况")


class BulletinItem(Record):
    model_config = ConfigDict(title="公报目录条目")
    title: Text = Field(description="标题")
    type: ItemType = Field(description="类别")
    page: DocsPath | None = Field(default=None, description="全文所在的 Markdown 文件，docs/ 下的路径")
    appointments: Id | None = Field(default=None, description="任免名单编号（类别为任免名单时）")
    adopted: datetime.date | None = Field(default=None, description="通过日期")


class Bulletin(Record):
    model_config = ConfigDict(title="常委会公报（一期）")
    year: int = Field(ge=1949, le=2100, description="年份")
    number: int = Field(ge=1, le=99, description="期号（当年第几期）")
    serial: int | None = Field(default=None, ge=1, description="总期号")
    date: datetime.date = Field(description="出版日期")
    term: Id = Field(description="届次编号")
    meetings: list[Text] = Field(default_factory=list, description="刊载的会议")
    pdf: DocsPath | None = Field(default=None, description="整期 PDF，docs/ 下的路径")
    items: list[BulletinItem] = Field(min_length=1, description="目录")


class AppointmentEntry(Record):
    model_config = ConfigDict(title="任免事项")
    action: Action = Field(description="任免类别")
    name: Text = Field(description="姓名")
    position: Text = Field(description="职务")
    organization: Text | None = Field(default=None, description="所属机关，用于分组")
    deputy: Id | None = Field(default=None, description="如为人大代表，填写代表编号")
    note: Text | None = Field(default=None, description="备注")


class AppointmentList(Record):
    model_config = ConfigDict(title="任免名单")
    id: Id = Field(description="编号，如 \"18-19\"（届次-会议次数）")
    title: Text = Field(description="标题")
    meeting: Text = Field(description="会议名称")
    term: Id = Field(description="届次编号")
    date: datetime.date = Field(description="会议通过日期")
    entries: list[AppointmentEntry] = Field(min_length=1, description="任免事项")


class Column(Record):
    model_config = ConfigDict(title="文章栏目")
    id: Id = Field(description="栏目目录名，即 docs/ 下的文件夹名")
    title: Text = Field(description="栏目名称")
    description: Text | None = Field(default=None, description="栏目说明")
    per_page: int = Field(default=15, ge=1, le=200, description="列表每页条数")


class SiteInfo(Record):
    model_config = ConfigDict(title="网站基本信息")
    name: Text = Field(description="网站名称")
    body: Text = Field(description="主办机关全称，如 清溪县人民代表大会常务委员会")
    intro: LongText | None = Field(default=None, description="首页简介（Markdown）")
    columns: list[Column] = Field(min_length=1, description="文章栏目")


class Disclosure(Record):
    model_config = ConfigDict(title="政府信息公开要素")
    index_no: Text | None = Field(default=None, description="索引号")
    publisher: Text | None = Field(default=None, description="发布机构")
    doc_date: datetime.date | None = Field(default=None, description="发文日期")
    category: Text | None = Field(default=None, description="信息类别")
    scope: Text | None = Field(default=None, description="公开范围")
    doc_no: Text | None = Field(default=None, description="文号")


class ArticleMeta(Record):
    """Front matter of a Markdown page. MkDocs/Material keys are allowed beside ours."""
    model_config = ConfigDict(title="文章元数据")

    title: Text = Field(description="标题")
    date: datetime.date | None = Field(default=None, description="发布日期")
    source: Text | None = Field(default=None, description="来源")
    author: Text | None = Field(default=None, description="作者")
    disclosure: Disclosure | None = Field(default=None, description="政府信息公开要素")
    description: Text | None = Field(default=None, description="页面摘要（供搜索引擎使用，MkDocs 字段）")
    hide: list[str] | None = Field(default=None, description="隐藏页面部件，如 toc、navigation（MkDocs Material 字段）")
    template: str | None = Field(default=None, description="页面模板（MkDocs 字段）")
    icon: str | None = Field(default=None, description="页面图标（MkDocs Material 字段）")
    status: str | None = Field(default=None, description="页面状态标记（MkDocs Material 字段）")
    feed: str | None = Field(default=None, description="订阅源（站内路径，如 dongtai/feed.xml）")
    feed_title: Text | None = Field(default=None, description="订阅源名称")


class PublicNumber(Record):
    """A number that looks private (a mobile or ID-card number) but may be published, with the reason.

    Kept in one file, data/public_numbers.yaml, so a reviewer sees every exception in one place."""

    model_config = ConfigDict(title="确认可以公开的号码")
    number: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 -]{5,24}[0-9Xx]$")] = Field(
        description="号码，如 \"139 0000 0000\"（空格和连字符可有可无）")
    reason: Text = Field(description="可以公开的理由，如 县人大信访值班手机，已在本机关门户网站公开")
