"""Shared model parts: the record base class, field types, and the models that are not a record kind of
their own (the site's configuration, page front matter, the list of public numbers). Each record kind's
own models live in its module under kinds/.

The models are the single source of truth for what a data file may hold, and for what each field means
(`Field(description=...)`: shown in editors' tooltips, scaffolds, messages and the open-data pages).
Unknown fields are errors (extra="forbid"): there is no field for ID-card or phone numbers, and a
misspelt field cannot carry private data onto the public site unnoticed.
"""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints
from pydantic.fields import ComputedFieldInfo, FieldInfo

from ..input.sources import DataSource, Source

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=20000)]
YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")]
DocsPath = Annotated[str, StringConstraints(pattern=r"^[^/\\].*[^/\\]$", max_length=300)]


class NotForEditors:
    """Marks a front-matter field that MkDocs, the theme or the generated listing pages read, and that an
    editor never writes (`template`, `hide` …): a scaffold leaves it out, so a new file cannot carry
    `template: null` into a build. Written in the field's type: `Annotated[str | None, NOT_FOR_EDITORS]`."""


NOT_FOR_EDITORS = NotForEditors()


def for_editors(info: FieldInfo) -> bool:
    """Is this model field (a pydantic FieldInfo) one an editor fills in?"""
    return info.description is not None and not any(isinstance(m, NotForEditors) for m in info.metadata)


def _title(name: str, info: FieldInfo | ComputedFieldInfo) -> str:
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


class Column(Record):
    model_config = ConfigDict(title="文章栏目")
    id: Id = Field(description="栏目目录名，即 docs/ 下的文件夹名")
    title: Text = Field(description="栏目名称")
    description: Text | None = Field(default=None, description="栏目说明")
    per_page: int = Field(default=15, ge=1, le=200, description="列表每页条数")
    type: Text = Field(
        default="动态要闻",
        description="栏目类型，决定网站体检的更新期限（inspection.limits 中的一种），"
        "如 动态要闻、通知公告、政策文件、静态介绍",
    )
    keywords: Text | None = Field(default=None, description="栏目关键词（网页元数据 ColumnKeywords），留空时用栏目名称")


class Topic(Record):
    model_config = ConfigDict(title="专题")
    title: Text = Field(description="专题名称，如 学习贯彻地方组织法")
    url: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300,
                                          pattern=r"^(https?://[^\s<>\"]+|[^/\\:\s][^:\s]*\.md)$")] = Field(
        description="专题页面：docs/ 下的 Markdown 文件（如 zhuanti/xuexi.md），或 http(s) 网址")


class HomeConfig(Record):
    model_config = ConfigDict(title="首页")
    # None: every block the record kinds offer, in the registry's order (kinds/__init__.py): a new kind's
    # block is on the home page without naming it here.
    blocks: list[Id] | None = Field(
        default=None,
        description="首页板块及其顺序：栏目的编号（如 dongtai、gongbao、renmian、daibiao），"
                    "intro 为本站简介，photos 为图片新闻；没有内容的栏目不显示。"
                    "不填时显示全部板块：第一个栏目、图片新闻、其他栏目，最后是本站简介")
    items: int = Field(default=6, ge=1, le=20, description="每个板块显示的条数")
    topics: list[Topic] = Field(default_factory=list, description="专题链接（首页底部的专题一行）")
ResultCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,4}$")]


class ResultClass(Record):
    model_config = ConfigDict(title="办理结果分类")
    code: ResultCode = Field(description="代码（字母或数字），如 A")
    name: Text = Field(description="名称，如 已解决或采纳")


DEFAULT_CATEGORIES = ["经济发展", "农业农村", "城乡建设", "交通运输", "生态环境", "教育科技", "医疗卫生", "社会保障",
                      "政法综治", "其他"]
DEFAULT_RESULTS = [
    ("A", "已解决或采纳"),
    ("B", "正在解决或列入计划"),
    ("C", "因条件限制暂时不能解决"),
    ("D", "留作参考"),
]


class SuggestionSettings(Record):
    """How this office handles deputies' suggestions: its own deadline, categories and result classes."""

    model_config = ConfigDict(title="代表建议办理设置")
    reply_months: int = Field(default=3, ge=1, le=12,
                              description="答复期限（月），自交办之日起计算；代表法规定为三个月，最长不超过六个月")
    categories: list[Text] = Field(default_factory=lambda: list(DEFAULT_CATEGORIES), min_length=1,
                                   description="建议类别（代表建议的 category 只能取其中之一）")
    results: list[ResultClass] = Field(
        default_factory=lambda: [ResultClass(code=c, name=n) for c, n in DEFAULT_RESULTS], min_length=1,
        description="办理结果分类（答复的 result 填写其代码）")


class AlsoPublished(Record):
    """A file of docs/ that no page links or embeds but that must be published all the same."""

    model_config = ConfigDict(title="另外发布的文件")
    path: Annotated[str, StringConstraints(pattern=r"^[^/\\:][^\\:]*$", max_length=300)] = Field(
        description="docs/ 中的路径，如 assets/js/t2s.txt")
    reason: Text = Field(description="为什么没有页面链接它也要发布，如 站内搜索的脚本读取它")


class UpdateLimit(Record):
    """How often a type of column must be updated (国办秘函〔2019〕19号: 动态要闻 two weeks, 通知公告 and
    政策文件 six months); a type without days or months has no limit (静态介绍)."""

    model_config = ConfigDict(title="栏目更新期限")
    type: Text = Field(description="栏目类型，如 动态要闻")
    days: int | None = Field(default=None, ge=1, le=3660, description="最长多少天不更新，如 14")
    months: int | None = Field(default=None, ge=1, le=120, description="最长多少个月不更新，如 6")


class InspectedSection(Record):
    """A column of the column bar that is not an article column (made from data, or fixed pages)."""

    model_config = ConfigDict(title="其他栏目")
    id: Id = Field(description="网址的第一级文件夹，如 gongbao、renmian、gaikuang")
    title: Text | None = Field(default=None, description="栏目名称（网页元数据 ColumnName）；留空时用栏目条上的名称")
    type: Text = Field(description="栏目类型（inspection.limits 中的一种）")
    description: Text | None = Field(default=None, description="栏目说明（网页元数据 ColumnDescription）")
    keywords: Text | None = Field(default=None, description="栏目关键词（网页元数据 ColumnKeywords）")


DEFAULT_LIMITS = [("动态要闻", 14, None), ("通知公告", None, 6), ("政策文件", None, 6), ("静态介绍", None, None)]


class InspectionSettings(Record):
    """The build-time 网站体检: the update limit of each type of column, and the columns not in `columns`."""

    model_config = ConfigDict(title="网站体检")
    home_days: int = Field(default=14, ge=1, le=3660, description="首页最长多少天不更新（19号文：两周）")
    limits: list[UpdateLimit] = Field(
        default_factory=lambda: [UpdateLimit(type=t, days=d, months=m) for t, d, m in DEFAULT_LIMITS], min_length=1,
        description="各类栏目的更新期限")
    sections: list[InspectedSection] = Field(default_factory=list,
                                             description="文章栏目以外的栏目（由数据生成的栏目、固定页面）的类型、"
                                                         "说明和关键词")


class SiteConfig(Record):
    model_config = ConfigDict(title="网站基本信息")
    name: Text = Field(description="网站名称")
    body: Text = Field(description="主办机关全称，如 清溪县人民代表大会常务委员会")
    area: Text | None = Field(default=None, description="本行政区域的名称，如 清溪县（写成"
                                                        "「清溪县第十八届人民代表大会代表」）；"
                                                         "留空时取主办机关全称中「人民代表大会常务委员会」之前的部分")
    intro: LongText | None = Field(default=None, description="首页简介（Markdown）")
    columns: list[Column] = Field(min_length=1, description="文章栏目")
    home: HomeConfig = Field(default_factory=HomeConfig, description="首页的板块、顺序和专题")
    embed_hosts: list[
        Annotated[str, StringConstraints(pattern=r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")]
    ] = Field(
        default_factory=list,
        description="文章中允许用 <iframe> 嵌入的网站（主机名，如 map.example.cn）；"
        "服务器的内容安全策略 frame-src 中也要加上它们",
    )

    @property
    def area_name(self) -> str:
        """清溪县: the region whose people's congress this is."""
        return self.area or self.body.removesuffix("人民代表大会常务委员会")
    suggestions: SuggestionSettings = Field(default_factory=SuggestionSettings,
                                            description="代表建议的办理：答复期限、类别、办理结果分类")
    inspection: InspectionSettings = Field(default_factory=InspectionSettings,
                                           description="网站体检：首页和各类栏目的更新期限，其他栏目的类型")
    publish_also: list[AlsoPublished] = Field(
        default_factory=list, description="另外发布的文件：docs/ 中没有任何页面链接或嵌入、但需要发布的文件"
                                          "（如脚本读取的数据），"
                                          "每项写明理由。其他没有页面使用的文件不发布")


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
    headline: bool = Field(default=False, description="首页头条：是则显示在首页最上方（有多篇时取最新的一篇）")
    draft: bool = Field(default=False, description="草稿：是则不发布，只在本地预览中显示（标有「草稿」）")
    style: Literal["gongwen", "web"] | None = Field(
        default=None,
        description="版式：gongwen 为公文样式（标题居中、首行缩进、落款右对齐），web 为网页样式；留空时按栏目决定",
    )
    keywords: list[Text] | Text | None = Field(
        default=None, description="关键词（供网站检查工具和搜索引擎使用）：一个或多个"
    )
    image: DocsPath | None = Field(
        default=None,
        description="代表图片：首页图片新闻和网页元数据 Image 用的照片（docs/ 下的路径）；留空时用正文中的第一张图片",
    )
    column_type: Text | None = Field(
        default=None, description="栏目类型（网页元数据 ColumnType；留空时按 mkdocs.yml extra.column_types）"
    )
    hide: Annotated[list[str] | None, NOT_FOR_EDITORS] = Field(
        default=None, description="隐藏页面部件，如 toc、navigation（MkDocs Material 字段）"
    )
    template: Annotated[str | None, NOT_FOR_EDITORS] = Field(default=None, description="页面模板（MkDocs 字段）")
    icon: Annotated[str | None, NOT_FOR_EDITORS] = Field(default=None, description="页面图标（MkDocs Material 字段）")
    status: Annotated[str | None, NOT_FOR_EDITORS] = Field(
        default=None, description="页面状态标记（MkDocs Material 字段）"
    )
    feed: Annotated[
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9/_.-]*\.xml$", max_length=300)] | None,
        NOT_FOR_EDITORS,
    ] = Field(default=None, description="订阅源（站内路径，如 dongtai/feed.xml）")
    feed_title: Annotated[Text | None, NOT_FOR_EDITORS] = Field(default=None, description="订阅源名称")


class PublicNumber(Record):
    """A number that looks private (a mobile or ID-card number) but may be published, with the reason.

    Kept in one file, data/public_numbers.yaml, so a reviewer sees every exception in one place."""

    model_config = ConfigDict(title="确认可以公开的号码")
    number: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 -]{5,24}[0-9Xx]$")] = Field(
        description="号码：手机号 11 位或身份证号 18 位，空格和连字符可有可无")
    reason: Text = Field(description="可以公开的理由，如 县人大信访值班手机，已在本机关门户网站公开")


SITE = DataSource("site", SiteConfig, "data/site.yaml", "single", "site", "网站基本信息（data/site.yaml）",
                  missing="缺少网站配置文件 data/site.yaml")
PUBLIC_NUMBERS = DataSource("public_numbers", PublicNumber, "data/public_numbers.yaml", "list", "public-numbers",
                            "确认可以公开的号码（data/public_numbers.yaml）", required=False)
