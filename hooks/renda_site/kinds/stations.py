"""代表联络站 / 代表之家: one file per station (data/stations/<id>.yaml) — where residents meet their
deputies: the town, the address, reception days and hours, an office phone, the deputies assigned.

Pages: one per station and a directory by town (under the 代表工作 column). Each deputy's page names
their station, through the relation below.
"""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints

from .. import address
from ..input.sources import DataSource
from ..model.kind import Draft, OpenDataSet, RecordKind, Scaffold
from ..model.records import DocsPath, Id, LongText, Record, Text
from ..model.relations import MENTIONS, Relation
from ..outputs import HomeBlock, Link, PageSpec, SearchHint, Section, SiteMapGroup, crumb
from .deputies import NAME as DEPUTIES, DeputyId
from .groups import NAME as GROUPS
from .terms import NAME as TERMS

NAME = "stations"                  # the kind's registry name, its data folder's name

StationKind = Literal["代表联络站", "代表之家"]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[0-9][0-9 ()（）-]{5,24}[0-9]$")]
INDEX = address.STATION_INDEX
GROUP_SUFFIX = "代表团"            # a town's 代表团 is named after it: 城关镇代表团


class Station(Record):
    model_config = ConfigDict(title="代表联络站")
    id: Id = Field(description="编号，与文件名相同，如 chengguan-renminlu")
    name: Text = Field(description="名称，如 城关镇人民路社区人大代表联络站")
    kind: StationKind = Field(description="类别")
    town: Text = Field(description="所在乡镇，须与 data/groups.yaml 中本届某个代表团的名称一致（去掉“代表团”）")
    address: Text = Field(description="地址")
    reception_days: Text = Field(description="接待日，如 每月10日、25日")
    reception_hours: Text | None = Field(default=None, description="接待时间，如 上午9:00—11:30")
    phone: Phone | None = Field(default=None, description="办公电话（座机）；不得填写个人手机号码")
    photo: DocsPath | None = Field(default=None, description="照片，docs/ 下的路径")
    opened: datetime.date | None = Field(default=None, description="建成或揭牌日期")
    deputies: list[DeputyId] = Field(default_factory=list, description="进站代表（本届代表的编号）")
    intro: LongText | None = Field(default=None, description="简介（Markdown）：功能室、联系的村（社区）、近期活动")


def towns(groups, term_id: str | None) -> list[str]:
    """The towns of the current term: its 代表团, named after them."""
    return [g.name.removesuffix(GROUP_SUFFIX) for g in groups
            if g.kind == "代表团" and g.term == term_id and g.name.endswith(GROUP_SUFFIX)]


def town_order(catalog):
    """Sort key of stations in the county's own order of its towns (the order of the current term's
    代表团 in data/groups.yaml, as the county lists them), not by the characters of their names."""
    terms = catalog.records(TERMS)
    current = max(terms, key=lambda t: t.start).id if terms else None
    order = {town: i for i, town in enumerate(towns(catalog.records(GROUPS), current))}
    return lambda s: (order.get(s.town, len(order)), s.town, s.kind != "代表之家", s.name)


def _deputy_section(catalog, refs) -> Section:
    rows = [(catalog.link(NAME, ref.source), ref.source.town, ref.source.reception_days) for ref in refs]
    return Section("代表联络站", ("联络站", "乡镇", "接待日"), rows)


FIELDS = [
    ("id", None),
    ("name", None),
    ("kind", None),
    ("town", "所在乡镇"),
    ("address", None),
    ("reception_days", None),
    ("reception_hours", None),
    ("phone", None),
    ("photo", "照片地址"),
    ("opened", None),
    ("deputies", "进站代表（列表）：deputy（代表编号）和 name（姓名）"),
    ("intro", "简介（Markdown 文本）"),
    ("url", "联络站页面地址"),
]
CSV = [
    "id",
    "name",
    "kind",
    "town",
    "address",
    "reception_days",
    "reception_hours",
    "phone",
    "opened",
    "deputies",
    "url",
]


class StationsKind(RecordKind):
    name = NAME
    label = "联络站"
    sources = (
        DataSource(NAME, Station, "data/stations", "files", "station", "代表联络站（data/stations/<编号>.yaml）"),
    )
    id_matches_file = True
    relations = (
        Relation(MENTIONS, "代表编号", ("deputies.*",), section=_deputy_section),
    )
    open_data = (OpenDataSet(
        "stations", "代表联络站", "代表联络站和代表之家：每站一项，含地址、接待日和进站代表", FIELDS, Station,
        csv_summary="代表联络站：每站一行", csv_columns=CSV,
        csv_rows=lambda records: ({**r, "deputies": [d["name"] for d in r["deputies"]]} for r in records),
        csv_note="`stations.csv` 每行是一个联络站，`deputies` 为进站代表的姓名。"),)
    scaffold = Scaffold("station", "新建代表联络站 data/stations/<编号>.yaml", Station,
                        [("--id", {"required": True, "help": "编号（小写字母、数字和连字符），如 shimen-xincun"}),
                         ("--town", {"default": "", "help": "所在乡镇，如 石门镇"})],
                        example_args=("--id", "shimen-xincun", "--town", "石门镇"),
                        example={"name": "石门镇新村社区人大代表联络站", "kind": "代表联络站",
                                 "address": "石门镇新村社区党群服务中心", "reception_days": "每月5日"})

    def file_of(self, key: str) -> str:
        return f"data/stations/{key}.yaml"

    def order(self, records):
        return sorted(records, key=lambda s: (s.town, s.kind != "代表之家", s.name))

    def page(self, station) -> str:
        return address.station(station.id)

    def updated(self, station):
        return station.opened

    def check(self, checker) -> None:
        terms = checker.records(TERMS)
        current = max(terms, key=lambda t: t.start).id if terms else None
        known = towns(checker.records(GROUPS), current)
        names: dict[str, Station] = {}
        for station in checker.records(self.name):
            if known and station.town not in known:
                checker.error(station, ("town",), f"乡镇「{station.town}」不是本届代表团所在的乡镇（可选："
                                                  f"{'、'.join(known)}）")
            if names.setdefault(station.name, station) is not station:
                checker.error(station, ("name",), f"名称「{station.name}」已见于 {names[station.name].origin.path}")
            if station.photo:
                checker.docs_file(
                    station, ("photo",), station.photo, "照片", (".jpg", ".jpeg", ".png", ".webp", ".svg")
                )
            if station.opened and station.opened > checker.today:
                checker.error(station, ("opened",), f"日期「{station.opened}」晚于今天")
            checker.markdown(station, ("intro",), station.intro)
            for index, deputy in enumerate(station.deputies):
                if station.deputies.index(deputy) < index:
                    checker.error(station, ("deputies", index), f"代表「{deputy}」重复列出")
                elif current and checker.get(DEPUTIES, deputy) is not None and \
                        checker.serving(DEPUTIES, deputy, current, checker.today) is None:
                    checker.error(station, ("deputies", index), f"代表「{deputy}」不是本届（第 {current} 届）现任代表")

    def pages(self, catalog):
        stations = catalog.records(self.name)
        for station in stations:
            yield PageSpec(
                self.page(station),
                "station.md.j2",
                {"station": station, "index": INDEX},
                station.origin.path,
                SearchHint(),
                layout="record", crumbs=(crumb("代表联络站", INDEX),),
            )
        if stations:
            by_town: dict[str, list[Station]] = {}
            for station in sorted(stations, key=town_order(catalog)):
                by_town.setdefault(station.town, []).append(station)
            yield PageSpec(INDEX, "stations.md.j2", {"by_town": by_town, "total": len(stations)}, "data/stations",
                           SearchHint(skip=True), layout="listing")

    def project(self, dataset, station, catalog, urls) -> dict:
        return {
            "id": station.id,
            "name": station.name,
            "kind": station.kind,
            "town": station.town,
            "address": station.address,
            "reception_days": station.reception_days,
            "reception_hours": station.reception_hours,
            "phone": station.phone,
            "photo": urls.file(station.photo) if station.photo else None,
            "opened": station.opened.isoformat() if station.opened else None,
            "deputies": [
                {"deputy": d, "name": catalog.title(DEPUTIES, catalog.get(DEPUTIES, d))} for d in station.deputies
            ],
            "intro": station.intro.strip() if station.intro else None,
            "url": urls.page(self.page(station)),
        }

    def column_links(self, catalog):
        if catalog.records(self.name):
            yield address.DEPUTY_WORK, Link(INDEX, f"代表联络站（{len(catalog.records(self.name))} 个）")

    def sitemap(self, catalog):
        if catalog.records(self.name):
            yield SiteMapGroup("代表和名录", [Link(INDEX, "代表联络站（按乡镇）")])

    def home(self, catalog):
        """Shown inside 代表工作: how many stations, in how many towns, and the way to the directory."""
        stations = catalog.records(self.name)
        if stations:
            yield HomeBlock(address.DEPUTY_WORK, "代表工作", None, [], "stations_home.md.j2",
                            {"total": len(stations), "towns": len({s.town for s in stations}), "index": INDEX})

    def draft(self, editor, args) -> Draft:
        return Draft(f"data/stations/{args.id}.yaml", "代表联络站。deputies 填写进站的本届代表编号；电话只写办公座机。",
                     {"id": args.id, "town": args.town, "deputies": []})


KIND = StationsKind()
