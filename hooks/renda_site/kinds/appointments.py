"""人事任免: one file per appointment list (data/appointments/<id>.yaml), the decisions of one meeting.

Pages: one per list (entries grouped by action, in the wording offices use), the paginated 人事任免
section, and an index of everyone named in any list, by pinyin. Entries that name a deputy mention them:
the deputy's page lists them (任免记录) through that relation.
"""
from __future__ import annotations

import datetime
import functools
import re
from collections import defaultdict
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from .. import address
from ..input.sources import DataSource
from ..model.kind import Draft, OpenDataSet, RecordKind, Scaffold
from ..model.records import Id, Record, Text
from ..model.references import RefTo
from ..model.relations import ADOPTS, BELONGS_TO, MENTIONS, PUBLISHES, Relation
from ..outputs import (
    FEED_LENGTH,
    Entry,
    Feed,
    HomeBlock,
    HomeItem,
    Link,
    PageSpec,
    SearchHint,
    Section,
    SiteMapGroup,
    paginate,
)
from ..text import cn_date, cn_number
from .deputies import NAME as DEPUTIES, DeputyId
from .terms import NAME as TERMS, TermId, current_term

NAME = "appointments"                  # the kind's registry name, its data folder's name
ListId = Annotated[Id, RefTo(NAME)]   # a field holding the id of a 任免名单

Action = Literal["任命", "免去", "决定任命", "决定免去", "批准任命", "接受辞职", "撤职", "决定代理"]
ACTION_ORDER = list(Action.__args__)  # type: ignore[attr-defined]
SENTENCES = {
    "任命": "任命{name}为{position}",
    "决定任命": "决定任命{name}为{position}",
    "批准任命": "批准任命{name}为{position}",
    "免去": "免去{name}的{position}职务",
    "决定免去": "决定免去{name}的{position}职务",
    "撤职": "撤销{name}的{position}职务",
    "接受辞职": "接受{name}辞去{position}职务的请求",
    "决定代理": "决定由{name}代理{position}职务",
}
SECTION = address.APPOINTMENTS
INDEX = address.APPOINTMENT_INDEX
PEOPLE = address.APPOINTED_PEOPLE


class AppointmentEntry(Record):
    model_config = ConfigDict(title="任免事项")
    action: Action = Field(description="任免类别")
    name: Text = Field(description="姓名")
    position: Text = Field(description="职务")
    organization: Text | None = Field(default=None, description="所属机关，用于分组")
    deputy: DeputyId | None = Field(default=None, description="如为人大代表，填写代表编号")
    note: Text | None = Field(default=None, description="备注")


class AppointmentList(Record):
    model_config = ConfigDict(title="任免名单")
    id: Id = Field(description="编号，与通过它的常委会会议编号相同，如 \"18-19\"（届次-会议次数）")
    title: Text = Field(description="标题")
    term: TermId = Field(description="届次编号")
    date: datetime.date = Field(description="会议通过日期")
    entries: list[AppointmentEntry] = Field(min_length=1, description="任免事项")


def sentence_parts(action: str) -> tuple[str, str, str]:
    """The fixed words before the name, between name and position, and after the position."""
    before, rest = SENTENCES[action].split("{name}")
    middle, after = rest.split("{position}")
    return before, middle, after


def sentence(entry: AppointmentEntry) -> str:
    before, middle, after = sentence_parts(entry.action)
    return f"{before}{entry.name}{middle}{entry.position}{after}"


@functools.cache
def pinyin_key(name: str) -> tuple[str, str]:
    # Imported here, not at the top: only generating pages sorts by pinyin, and its dictionaries
    # are a large part of the start-up of `check`.
    from pypinyin import Style, lazy_pinyin
    return (" ".join(lazy_pinyin(name, style=Style.NORMAL)), name)


def _deputy_section(catalog, refs) -> Section:
    """任免记录 on a deputy's page: every entry naming the deputy, oldest list first."""
    rows = []
    for ref in sorted(refs, key=lambda r: (r.source.date, r.source.id)):
        lst, entry = ref.source, ref.holder
        published = catalog.refs_to(NAME, lst.id, PUBLISHES)
        issue = catalog.link(published[0].kind, published[0].source) if published else ""
        rows.append((cn_date(lst.date), f"{entry.action}：{entry.position}", catalog.link(NAME, lst), issue))
    return Section("任免记录", ("日期", "事项", "任免名单", "刊载公报"), rows,
                   tuple((ref.source.term, "任免事项") for ref in refs))


def adopted_by(catalog, lst) -> tuple[Link, str | None] | None:
    """The meeting that adopted the list (the one whose agenda names it), as a link and a note on the vote."""
    refs = catalog.refs_to(NAME, lst.id, ADOPTS)
    return catalog.cite(refs[0]) if refs else None


LIST_FIELDS = [
    ("id", "名单编号，如 18-19（届次-会议次数）"),
    ("title", None),
    ("meeting", "通过名单的常委会会议名称"),
    ("meeting_url", "会议页面地址"),
    ("term", "届次"),
    ("date", None),
    ("bulletin", "刊载的常委会公报期号"),
    ("bulletin_url", "该期公报页面地址"),
    ("url", "任免名单页面地址"),
    ("entries", "任免事项（列表），每项的字段见下表"),
]
ENTRY_FIELDS = [("action", "任免类别，如 任命、免去、决定任命、接受辞职"), ("name", None), ("position", None),
                ("note", None), ("deputy", "如为人大代表，其代表编号")]
ENTRY_CSV = ["list_id", "list_title", "meeting", "date", *[key for key, _ in ENTRY_FIELDS], "url"]


def _entry_rows(lists: list[dict]):
    for lst in lists:                              # one row per entry
        for entry in lst["entries"]:
            yield {"list_id": lst["id"], "list_title": lst["title"], "meeting": lst["meeting"],
                   "date": lst["date"], **entry, "url": lst["url"]}


class AppointmentsKind(RecordKind):
    name = NAME
    label = "任免名单"
    sources = (DataSource(NAME, AppointmentList, "data/appointments", "files", "appointment-list",
                          "任免名单（data/appointments/<编号>.yaml）"),)
    id_matches_file = True
    section = (SECTION, "人事任免")
    relations = (
        Relation(BELONGS_TO, "届次", ("term",)),
        Relation(MENTIONS, "代表编号", ("entries.*.deputy",), section=_deputy_section),
    )
    open_data = (OpenDataSet(
        "appointments", "任免名单", "人事任免名单：每份名单一项，含全部任免事项", LIST_FIELDS, AppointmentList,
        nested=[("entries", "任免事项", AppointmentEntry, ENTRY_FIELDS)],
        csv_summary="人事任免事项：每项一行", csv_columns=ENTRY_CSV, csv_rows=_entry_rows,
        csv_note="`appointments.csv` 每行是一项任免事项，列为 `list_id`（名单编号）、`list_title`（名单标题）、"
                 "`meeting`、`date`、任免事项的各项字段和 `url`（名单页面地址）。"),)
    scaffold = Scaffold("appointments", "新建任免名单 data/appointments/<届次>-<会议次数>.yaml", AppointmentList,
                        [("--meeting", {"type": int, "help": "本届常委会第几次会议，默认为已有名单的下一次"})],
                        example={"entries": [{"action": "任命", "name": "郑晓明", "position": "县审计局局长"}]})

    def file_of(self, key: str) -> str:
        return f"data/appointments/{key}.yaml"

    def order(self, records):
        return sorted(records, key=lambda a: (a.date, a.id), reverse=True)      # newest first

    def page(self, lst) -> str:
        return address.appointment_list(lst.id)

    def updated(self, lst):
        return lst.date

    def names(self, lst):
        return tuple(entry.name for entry in lst.entries)

    def check(self, checker) -> None:
        for lst in checker.records(self.name):
            term = checker.get(TERMS, lst.term)
            if term and (lst.date < term.start or (term.end and lst.date > term.end)):
                checker.error(lst, ("date",), f"会议日期不在{term.name}任期内")
            for index, entry in enumerate(lst.entries):
                deputy = checker.get(DEPUTIES, entry.deputy)
                if deputy and entry.name != deputy.name and entry.name not in deputy.other_names:
                    checker.error(lst, ("entries", index, "deputy"),
                                  f"姓名「{entry.name}」与代表 {deputy.id} 的姓名「{deputy.name}」不一致，"
                                  "请核对代表编号", warning=True)
            if not checker.refs_to(self.name, lst.id, ADOPTS) and not checker.refs_may_be_missing(self.name, ADOPTS):
                checker.error(
                    lst,
                    ("id",),
                    f"任免名单「{lst.id}」未列入任何一次常委会会议的议程"
                    f'（在 data/meetings/{lst.id}.yaml 的议程中加一项 appointments: "{lst.id}"）',
                    warning=True,
                )
            if not checker.refs_to(self.name, lst.id, PUBLISHES) and not checker.refs_may_be_missing(
                self.name, PUBLISHES
            ):
                checker.error(lst, ("id",), f"任免名单「{lst.id}」未被任何一期公报刊载"
                              f"（在公报目录中加一项 appointments: \"{lst.id}\"）", warning=True)

    def pages(self, catalog):
        lists = catalog.records(self.name)
        feed = {"path": address.feed(SECTION), "title": catalog.feed_title("人事任免")}
        for lst in lists:
            grouped = defaultdict(list)
            for entry in lst.entries:
                grouped[entry.action].append(entry)
            published = catalog.refs_to(self.name, lst.id, PUBLISHES)
            yield PageSpec(self.page(lst), "appointment_list.md.j2", {
                "list": lst, "groups": [(a, grouped[a]) for a in ACTION_ORDER if a in grouped], "parts": sentence_parts,
                "published": catalog.cite(published[0])[0] if published else None, "meeting": adopted_by(catalog, lst),
                "index": INDEX, "people": PEOPLE}, lst.origin.path, SearchHint(date=lst.date),
                layout="record")
        for pager in paginate(lists, 20, SECTION):
            yield PageSpec(
                pager.uri,
                "appointment_index.md.j2",
                {
                    "pager": pager,
                    "feed": feed,
                    "people": PEOPLE,
                    "meetings": {a.id: adopted_by(catalog, a) for a in pager.items},
                },
                "data/appointments",
                SearchHint(skip=pager.number == 1),
                layout="listing", feed=feed["path"], feed_title=feed["title"],
            )
        # The person index lists every name of the site: left out of the search index, where it came
        # first for every name and its result text alone was a large download.
        yield PageSpec(PEOPLE, "people_index.md.j2", {"by_letter": self._people(lists), "parts": sentence_parts,
                                                       "index": INDEX}, "data/appointments", SearchHint(skip=True),
                       layout="record")

    @staticmethod
    def _people(lists) -> dict:
        people = defaultdict(list)
        for lst in lists:
            for entry in lst.entries:
                people[(entry.name, entry.deputy)].append((lst, entry))
        by_letter = defaultdict(list)
        for key in sorted(people, key=lambda key: pinyin_key(key[0])):
            letter = pinyin_key(key[0])[0][:1].upper() or "#"
            by_letter[letter if letter.isalpha() else "#"].append((key, sorted(people[key], key=lambda p: p[0].date)))
        return by_letter

    def feeds(self, catalog):
        entries = []
        for a in catalog.records(self.name)[:FEED_LENGTH]:
            meeting = adopted_by(catalog, a)
            entries.append(Entry(self.page(a), a.title, a.date, (meeting[0].text if meeting else "") +
                                 f"{cn_date(a.date)}通过：" + "；".join(sentence(e) for e in a.entries) + "。"))
        yield Feed(address.feed(SECTION), INDEX, "人事任免", catalog.feed_title("人事任免"), None, entries)

    def project(self, dataset, lst, catalog, urls) -> dict:
        published = catalog.refs_to(self.name, lst.id, PUBLISHES)
        issue = published[0] if published else None
        meeting = adopted_by(catalog, lst)
        return {
            "id": lst.id, "title": lst.title, "meeting": meeting[0].text if meeting else None,
            "meeting_url": urls.page(meeting[0].page) if meeting else None,
            "term": catalog.get(TERMS, lst.term).name, "date": lst.date.isoformat(),
            "bulletin": catalog.title(issue.kind, issue.source) if issue else None,
            "bulletin_url": urls.page(catalog.page(issue.kind, issue.source)) if issue else None,
            "url": urls.page(self.page(lst)),
            "entries": [{"action": e.action, "name": e.name, "position": e.position, "note": e.note,
                         "deputy": e.deputy} for e in lst.entries],
        }

    def sitemap(self, catalog):
        yield SiteMapGroup("代表和名录", [Link(INDEX, "人事任免名单"), Link(PEOPLE, "任免人员索引（按姓名拼音排序）")])

    def home(self, catalog):
        """人事任免: the latest list with its first entries, and the lists before it."""
        lists = catalog.records(self.name)
        if not lists:
            return
        items = [HomeItem(catalog.link(self.name, lst), lst.date) for lst in lists[1:catalog.config.home.items]]
        yield HomeBlock(SECTION, "人事任免", Link(INDEX, "更多任免名单"), items, "appointments_home.md.j2",
                        {"list": lists[0], "sentences": [sentence(e) for e in lists[0].entries[:4]]})

    def draft(self, editor, args) -> Draft:
        term = current_term(editor)
        held = [int(a.id.split("-")[1]) for a in editor.loaded.of(self.name)
                if a.term == term.id and re.fullmatch(r"[0-9a-z]+-\d+", a.id)]
        meeting = args.meeting or max(held, default=0) + 1
        list_id = f"{term.id}-{meeting}"
        county = editor.county()
        values = {"id": list_id, "term": term.id, "date": editor.today,
                  "title": f"{county}{term.name}人大常委会第{cn_number(meeting)}次会议任免名单"}
        return Draft(f"data/appointments/{list_id}.yaml",
                     f"任免名单。entries 每项一人一事；复制「- action:」开头的一整段可增加一项。"
                     f"在会议文件 data/meetings/{list_id}.yaml 的议程中写 appointments: \"{list_id}\"，"
                     "名单页面即链接到会议。", values)


KIND = AppointmentsKind()
