"""常委会公报: one file per issue (data/bulletins/<year>/<number>.yaml), its table of contents pointing at
the full texts (Markdown pages in docs/) and at appointment lists.

Pages: one per issue, the archive (section page) and one page per year. Each item *publishes* its page
or its appointment list: those pages say which issue carries them, through that relation.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from pathlib import PurePosixPath
from typing import Literal

from pydantic import ConfigDict, Field

from .. import address
from ..input.sources import DataSource
from ..model.kind import Draft, OpenDataSet, RecordKind, Scaffold
from ..model.records import DocsPath, Record, Text
from ..model.references import PageRef
from ..model.relations import BELONGS_TO, PUBLISHES, Relation
from ..outputs import FEED_LENGTH, Entry, Feed, HomeBlock, HomeItem, Link, PageSpec, SearchHint, SiteMapGroup, crumb
from .appointments import NAME as APPOINTMENTS, ListId
from .meetings import NAME as MEETINGS, MeetingId
from .terms import NAME as TERMS, TermId, current_term

NAME = "bulletins"                  # the kind's registry name, its data folder's name

ItemType = Literal["地方性法规", "决议", "决定", "报告", "审议意见", "任免名单", "公告", "其他"]
SECTION = address.BULLETINS
ARCHIVE = address.BULLETIN_ARCHIVE


class BulletinItem(Record):
    model_config = ConfigDict(title="公报目录条目")
    title: Text = Field(description="标题")
    type: ItemType = Field(description="类别")
    page: PageRef | None = Field(default=None, description="全文所在的 Markdown 文件，docs/ 下的路径")
    appointments: ListId | None = Field(default=None, description="任免名单编号（类别为任免名单时）")
    adopted: datetime.date | None = Field(default=None, description="通过日期")


class Bulletin(Record):
    model_config = ConfigDict(title="常委会公报（一期）")
    year: int = Field(ge=1949, le=2100, description="年份")
    number: int = Field(ge=1, le=99, description="期号（当年第几期）")
    serial: int | None = Field(default=None, ge=1, description="总期号")
    date: datetime.date = Field(description="出版日期")
    term: TermId = Field(description="届次编号")
    meetings: list[MeetingId] = Field(default_factory=list, description="刊载的常委会会议（会议编号，如 \"18-17\"）")
    pdf: DocsPath | None = Field(default=None, description="整期 PDF，docs/ 下的路径")
    items: list[BulletinItem] = Field(min_length=1, description="目录")


def year_page(year: int) -> str:
    return address.bulletin_year(year)


def _cite(catalog, ref) -> tuple[Link, str]:
    """「本文刊载于《……公报》2024年第2期（决定）」: the issue's full title, and the item's type."""
    return Link(catalog.page(NAME, ref.source), full_title(catalog, ref.source)), ref.holder.type


def _cite_issue(catalog, ref) -> tuple[Link, None]:
    return Link(catalog.page(NAME, ref.source), full_title(catalog, ref.source)), None


def short_title(bulletin: Bulletin) -> str:
    serial = f"（总第{bulletin.serial}期）" if bulletin.serial else ""
    return f"{bulletin.year}年第{bulletin.number}期{serial}"


def full_title(catalog, bulletin: Bulletin) -> str:
    return f"{catalog.body}公报 {short_title(bulletin)}"


BULLETIN_FIELDS = [
    ("year", None),
    ("number", "当年期号"),
    ("serial", None),
    ("title", "期号全称"),
    ("date", None),
    ("term", "届次"),
    ("meetings", "刊载的常委会会议名称（列表）"),
    ("meeting_urls", "这些会议的页面地址（列表，顺序同 meetings）"),
    ("pdf", "整期 PDF 地址"),
    ("url", "本期公报页面地址"),
    ("items", "目录（列表），每项的字段见下表"),
]
ITEM_FIELDS = [("title", None), ("type", "类别，如 决议、决定、报告、审议意见、任免名单"),
               ("adopted", None), ("url", "全文或任免名单页面地址")]


class BulletinsKind(RecordKind):
    name = NAME
    label = "公报"
    unique_ids = False               # issues have numbers, checked per year below
    sources = (DataSource(NAME, Bulletin, "data/bulletins", "files", "bulletin",
                          "常委会公报（data/bulletins/<年>/<期号>.yaml）", nested=True),)
    section = (SECTION, "常委会公报")
    relations = (
        Relation(BELONGS_TO, "届次", ("term",)),
        Relation(PUBLISHES, "任免名单", ("items.*.appointments",), cite=_cite),
        Relation(PUBLISHES, "常委会会议", ("meetings.*",), cite=_cite_issue),
        Relation(PUBLISHES, "全文页面", ("items.*.page",), cite=_cite, check=False),
    )
    open_data = (OpenDataSet("bulletins", "常委会公报", "常委会公报：每期一项，含目录", BULLETIN_FIELDS, Bulletin,
                             nested=[("items", "公报目录", BulletinItem, ITEM_FIELDS)]),)
    scaffold = Scaffold(
        "bulletin",
        "新建一期公报 data/bulletins/<年>/<期号>.yaml",
        Bulletin,
        [("--year", {"type": int, "help": "年份，默认今年"})],
        example={
            "items": [
                {
                    "title": "清溪县人民代表大会常务委员会公告（第十八届第十一号）",
                    "type": "公告",
                    "page": "gongbao/wenjian/2024/gonggao-18-11.md",
                }
            ]
        },
    )

    def key(self, bulletin) -> str:
        return f"{bulletin.year}-{bulletin.number}"

    def order(self, records):
        return sorted(records, key=lambda b: (b.year, b.number), reverse=True)      # newest first

    def page(self, bulletin) -> str:
        return address.bulletin(bulletin.year, bulletin.number)

    def updated(self, bulletin):
        return bulletin.date

    def title(self, bulletin, catalog) -> str:
        return short_title(bulletin)

    def check(self, checker) -> None:
        bulletins = checker.records(self.name)
        for bulletin in bulletins:
            self._check(bulletin, checker)
        for ref in self._duplicate_publications(checker):
            checker.error(ref.source, ref.loc, f"任免名单「{ref.target}」已由另一期公报刊载")
        self._numbers(bulletins, checker)

    @staticmethod
    def _duplicate_publications(checker):
        seen: set[str] = set()
        for ref in checker.refs_from(NAME, PUBLISHES):
            if ref.relation.target != APPOINTMENTS or checker.missing(APPOINTMENTS, ref.target):
                continue
            if ref.target in seen:
                yield ref
            seen.add(ref.target)

    @staticmethod
    def _check(bulletin: Bulletin, checker) -> None:
        parts = PurePosixPath(bulletin.origin.path).parts
        if parts[-2:] != (str(bulletin.year), f"{bulletin.number}.yaml"):
            checker.error(bulletin, ("number",), f"文件应位于 data/bulletins/{bulletin.year}/{bulletin.number}.yaml"
                                                 "（与 year、number 一致）")
        if bulletin.date.year != bulletin.year:
            checker.error(bulletin, ("date",), f"出版日期不在 {bulletin.year} 年")
        if bulletin.pdf:
            checker.docs_file(bulletin, ("pdf",), bulletin.pdf, "PDF 文件", (".pdf",))
        for index, meeting_id in enumerate(bulletin.meetings):
            meeting = checker.get(MEETINGS, meeting_id)
            if bulletin.meetings.index(meeting_id) < index:
                checker.error(bulletin, ("meetings", index), f"会议「{meeting_id}」重复列出")
            elif meeting is not None and meeting.start > bulletin.date:
                checker.error(
                    bulletin, ("meetings", index), f"会议「{meeting_id}」（{meeting.start}）在本期出版日期之后"
                )
        for index, item in enumerate(bulletin.items):
            loc = ("items", index)
            if item.page:
                checker.docs_file(bulletin, loc + ("page",), item.page, "全文页面", (".md",))
            if item.adopted and item.adopted > bulletin.date:
                checker.error(bulletin, loc + ("adopted",), f"通过日期晚于本期出版日期（{bulletin.date}）")
            if item.type == "任免名单" and not item.appointments:
                checker.error(bulletin, loc + ("appointments",), "类别为「任免名单」的条目须填写任免名单编号")
            if not item.page and not item.appointments:
                checker.error(bulletin, loc + ("page",), "须填写全文页面 page（或任免名单编号 appointments）")

    @staticmethod
    def _numbers(bulletins, checker) -> None:
        """One issue per number in a year, one per serial number overall. When two files claim a number,
        the one whose file name matches it keeps it and the other is reported."""
        def well_placed(b) -> bool:
            return b.origin.path.endswith(f"/{b.year}/{b.number}.yaml")

        by_number: dict = {}
        by_serial: dict = {}
        for bulletin in sorted(bulletins, key=lambda b: (not well_placed(b), b.origin.path)):
            first = by_number.setdefault((bulletin.year, bulletin.number), bulletin)
            if first is not bulletin:
                checker.error(bulletin, ("number",), f"期号重复：{bulletin.year} 年第 {bulletin.number} 期已见于 "
                                                     f"{first.origin.path}")
            if bulletin.serial is not None:
                first = by_serial.setdefault(bulletin.serial, bulletin)
                if first is not bulletin:
                    checker.error(bulletin, ("serial",), f"期号重复：总第 {bulletin.serial} 期已见于 "
                                                         f"{first.origin.path}")

    def pages(self, catalog):
        bulletins = catalog.records(self.name)
        for bulletin in bulletins:
            yield PageSpec(
                self.page(bulletin),
                "bulletin.md.j2",
                {
                    "bulletin": bulletin,
                    "items": self._items(catalog, bulletin),
                    "meetings": self._meetings(catalog, bulletin),
                    "archive": ARCHIVE,
                    "year_page": year_page,
                },
                bulletin.origin.path,
                SearchHint(date=bulletin.date),
                layout="record", crumbs=(crumb(f"{bulletin.year}年", year_page(bulletin.year)),),
            )
        by_year = defaultdict(list)
        for bulletin in bulletins:                 # newest first already
            by_year[bulletin.year].append(bulletin)
        years = sorted(by_year, reverse=True)
        feed = {"path": address.feed(SECTION), "title": catalog.feed_title("常委会公报")}
        common = {"years": years, "feed": feed, "archive": ARCHIVE, "year_page": year_page}
        yield PageSpec(ARCHIVE, "bulletin_archive.md.j2", {**common, "by_year": by_year, "year": None},
                       "data/bulletins", SearchHint(skip=True),
                       layout="listing", feed=feed["path"], feed_title=feed["title"])
        for year in years:
            yield PageSpec(
                year_page(year),
                "bulletin_archive.md.j2",
                {**common, "by_year": {year: by_year[year]}, "year": year},
                f"data/bulletins/{year}",
                SearchHint(skip=True),
                layout="listing", feed=feed["path"], feed_title=feed["title"],
            )

    @staticmethod
    def _meetings(catalog, bulletin) -> list[Link]:
        return [catalog.link(MEETINGS, catalog.get(MEETINGS, m)) for m in bulletin.meetings]

    @staticmethod
    def _items(catalog, bulletin) -> list[tuple[BulletinItem, str]]:
        """Each item with the page it links to: its full text, or its appointment list."""
        return [(item, item.page or catalog.page_of(APPOINTMENTS, item.appointments)) for item in bulletin.items]

    def feeds(self, catalog):
        entries = [
            Entry(
                self.page(b), full_title(catalog, b), b.date, "本期目录：" + "；".join(item.title for item in b.items)
            )
            for b in catalog.records(self.name)[:FEED_LENGTH]
        ]
        yield Feed(address.feed(SECTION), ARCHIVE, "常委会公报", catalog.feed_title("常委会公报"), None, entries)

    def project(self, dataset, bulletin, catalog, urls) -> dict:
        return {
            "year": bulletin.year,
            "number": bulletin.number,
            "serial": bulletin.serial,
            "title": short_title(bulletin),
            "date": bulletin.date.isoformat(),
            "term": catalog.get(TERMS, bulletin.term).name,
            "meetings": [m.text for m in self._meetings(catalog, bulletin)],
            "meeting_urls": [urls.page(m.page) for m in self._meetings(catalog, bulletin)],
            "pdf": urls.file(bulletin.pdf) if bulletin.pdf else None,
            "url": urls.page(self.page(bulletin)),
            "items": [
                {
                    "title": item.title,
                    "type": item.type,
                    "adopted": item.adopted.isoformat() if item.adopted else None,
                    "url": urls.page(page),
                }
                for item, page in self._items(catalog, bulletin)
            ],
        }

    def sitemap(self, catalog):
        years = sorted({b.year for b in catalog.records(self.name)}, reverse=True)
        yield SiteMapGroup(
            "常委会公报", [Link(ARCHIVE, "常委会公报总目")] + [Link(year_page(y), f"{y}年常委会公报") for y in years]
        )

    def home(self, catalog):
        """常委会公报: the latest issue and its table of contents."""
        bulletins = catalog.records(self.name)
        if not bulletins:
            return
        latest = bulletins[0]
        items = [HomeItem(Link(target, item.title), item.adopted, item.type)
                 for item, target in self._items(catalog, latest)][:catalog.config.home.items]
        yield HomeBlock(
            SECTION, "常委会公报", Link(ARCHIVE, "更多公报"), items, "bulletins_home.md.j2", {"bulletin": latest}
        )

    def draft(self, editor, args) -> Draft:
        year = args.year or editor.today.year
        bulletins = editor.loaded.of(self.name)
        numbers = [b.number for b in bulletins if b.year == year]
        numbers += [int(p.stem) for p in (editor.root / f"data/bulletins/{year}").glob("*.yaml") if p.stem.isdigit()]
        serials = [b.serial for b in bulletins if b.serial]
        date = editor.today if editor.today.year == year else datetime.date(year, 12, 31)
        values = {"year": year, "number": max(numbers, default=0) + 1,
                  "serial": max(serials) + 1 if serials else None, "date": date, "term": current_term(editor).id}
        return Draft(f"data/bulletins/{year}/{values['number']}.yaml",
                     "常委会公报一期。items 每项一条目录；全文页面 page 是 docs/ 下的 Markdown 文件，任免名单一项填写 "
                     "appointments。", values)


KIND = BulletinsKind()
