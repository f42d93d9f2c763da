"""Open data: deputies, appointment lists and 公报 issues as JSON and CSV, a JSON file beside each record
page, and the page that explains them (数据开放).

Rule: a download holds only what the record pages show. So each record is rebuilt here from the fields
the page templates print (not dumped from the model): a deputy's birth date keeps year and month as on
the page, an appointment entry's `organization` (used for grouping only, never shown) is left out, and a
membership's end reason appears only when the page shows it. tests/test_opendata.py checks every value
against the built page. The field lists below are also what the explanation page prints.
"""
from __future__ import annotations

import csv
import importlib
import importlib.util
import io
import json
from typing import Iterable

from . import models, urls
from .address import Address
from .pages.base import GeneratedFile, PageKind
from .site import Site

# (key, what it means) — printed on the explanation page, in this order.
DEPUTY_FIELDS = [
    ("id", "代表编号：稳定编号，不随姓名变化，不重复使用"), ("name", "姓名"), ("other_names", "曾用名（列表）"),
    ("gender", "性别"), ("ethnicity", "民族"), ("birth", "出生年月，格式为 年-月，如 1975-03"),
    ("party", "政治面貌"), ("education", "学历"), ("photo", "照片地址"), ("bio", "简介（Markdown 文本）"),
    ("url", "代表个人页面地址"), ("memberships", "各届任职情况（列表），每项的字段见下表"),
]
MEMBERSHIP_FIELDS = [
    ("term", "届次，如 第十八届"), ("group", "代表团或代表小组"), ("constituency", "选区或选举单位"),
    ("position", "工作单位及职务"), ("roles", "在人大的职务（列表）"), ("start", "任期开始日期"),
    ("end", "任期结束日期；尚在任期内时为空"), ("end_reason", "提前终止代表资格的原因；任期届满时为空"),
]
LIST_FIELDS = [
    ("id", "名单编号，如 18-19（届次-会议次数）"), ("title", "标题"), ("meeting", "会议名称"),
    ("term", "届次"), ("date", "会议通过日期"), ("bulletin", "刊载的常委会公报期号"),
    ("bulletin_url", "该期公报页面地址"), ("url", "任免名单页面地址"), ("entries", "任免事项（列表），每项的字段见下表"),
]
ENTRY_FIELDS = [
    ("action", "任免类别，如 任命、免去、决定任命、接受辞职"), ("name", "姓名"), ("position", "职务"),
    ("note", "备注"), ("deputy", "如为人大代表，其代表编号"),
]
BULLETIN_FIELDS = [
    ("year", "年份"), ("number", "当年期号"), ("serial", "总期号"), ("title", "期号全称"), ("date", "出版日期"),
    ("term", "届次"), ("meetings", "刊载的会议（列表）"), ("pdf", "整期 PDF 地址"), ("url", "本期公报页面地址"),
    ("items", "目录（列表），每项的字段见下表"),
]
ITEM_FIELDS = [("title", "标题"), ("type", "类别，如 决议、决定、报告、审议意见、任免名单"),
               ("adopted", "通过日期"), ("url", "全文或任免名单页面地址")]

DEPUTY_CSV = ["id", "name", "other_names", "gender", "ethnicity", "birth", "party", "education",
              *[key for key, _ in MEMBERSHIP_FIELDS], "url"]
ENTRY_CSV = ["list_id", "list_title", "meeting", "date", *[key for key, _ in ENTRY_FIELDS], "url"]
CSV_FORMULA_START = ("=", "+", "-", "@")   # Excel would run such a cell as a formula


class OpenData:
    def __init__(self, site: Site, address: Address):
        self.site, self.address = site, address

    def url(self, src_uri: str) -> str:
        return self.address.absolute(self.address.page(src_uri)) or self.address.page(src_uri)

    def file_url(self, path: str) -> str:
        return self.address.absolute(self.address.file(path)) or self.address.file(path)

    def deputy(self, deputy: models.Deputy) -> dict:
        memberships = [{
            "term": seat.term.name,
            "group": seat.group.name if seat.group else None,
            "constituency": seat.membership.constituency,
            "position": seat.membership.position,
            "roles": list(seat.membership.roles),
            "start": seat.start.isoformat(),
            "end": seat.end.isoformat() if seat.end else None,
            "end_reason": seat.membership.end_reason if seat.ended_early else None,
        } for seat in self.site.seats_by_deputy.get(deputy.id, [])]
        return {
            "id": deputy.id, "name": deputy.name, "other_names": list(deputy.other_names),
            "gender": deputy.gender, "ethnicity": deputy.ethnicity,
            "birth": deputy.birth[:7] if deputy.birth else None,      # the page shows year and month only
            "party": deputy.party, "education": deputy.education,
            "photo": self.file_url(deputy.photo) if deputy.photo else None,
            "bio": deputy.bio.strip() if deputy.bio else None,
            "url": self.url(urls.deputy(deputy.id)), "memberships": memberships,
        }

    def appointment_list(self, lst: models.AppointmentList) -> dict:
        publication = self.site.publication_of_list.get(lst.id)
        bulletin = publication.bulletin if publication else None
        return {
            "id": lst.id, "title": lst.title, "meeting": lst.meeting,
            "term": self.site.term_by_id[lst.term].name, "date": lst.date.isoformat(),
            "bulletin": self.site.bulletin_title(bulletin) if bulletin else None,
            "bulletin_url": self.url(urls.bulletin(bulletin.year, bulletin.number)) if bulletin else None,
            "url": self.url(urls.appointment_list(lst.id)),
            "entries": [{"action": e.action, "name": e.name, "position": e.position, "note": e.note,
                         "deputy": e.deputy} for e in lst.entries],
        }

    def bulletin(self, bulletin: models.Bulletin) -> dict:
        return {
            "year": bulletin.year, "number": bulletin.number, "serial": bulletin.serial,
            "title": self.site.bulletin_title(bulletin), "date": bulletin.date.isoformat(),
            "term": self.site.term_by_id[bulletin.term].name, "meetings": list(bulletin.meetings),
            "pdf": self.file_url(bulletin.pdf) if bulletin.pdf else None,
            "url": self.url(urls.bulletin(bulletin.year, bulletin.number)),
            "items": [{"title": item.title, "type": item.type,
                       "adopted": item.adopted.isoformat() if item.adopted else None,
                       "url": self.url(item.page or urls.appointment_list(item.appointments or ""))}
                      for item in bulletin.items],
        }

    def files(self) -> list[GeneratedFile]:
        site = self.site
        deputies = [self.deputy(d) for d in site.deputies]
        lists = [self.appointment_list(a) for a in site.appointments]
        bulletins = [self.bulletin(b) for b in site.bulletins]
        out = [
            _json(urls.open_data("deputies.json"), self.collection("人大代表", deputies)),
            _csv(urls.open_data("deputies.csv"), DEPUTY_CSV, _deputy_rows(deputies)),
            _json(urls.open_data("appointments.json"), self.collection("任免名单", lists)),
            _csv(urls.open_data("appointments.csv"), ENTRY_CSV, _entry_rows(lists)),
            _json(urls.open_data("bulletins.json"), self.collection("常委会公报", bulletins)),
        ]
        for name, schema in sorted(published_schemas().items()):
            out.append(_json(urls.open_data(f"schema/{name}.schema.json"), schema, indent=1))
        out += [_json(urls.record_json(urls.deputy(d.id)), r) for d, r in zip(site.deputies, deputies)]
        out += [_json(urls.record_json(urls.appointment_list(a.id)), r) for a, r in zip(site.appointments, lists)]
        out += [_json(urls.record_json(urls.bulletin(b.year, b.number)), r) for b, r in zip(site.bulletins, bulletins)]
        return out

    def collection(self, dataset: str, records: list[dict]) -> dict:
        return {"publisher": self.site.info.body, "dataset": dataset, "count": len(records), "records": records}


def published_schemas() -> dict[str, dict]:
    """The JSON Schemas of the data files, when the schema module (renda_site.schema) is present."""
    if importlib.util.find_spec(f"{__package__}.schema") is None:
        return {}
    return importlib.import_module(f"{__package__}.schema").schemas()


def _deputy_rows(deputies: list[dict]) -> Iterable[dict]:
    for deputy in deputies:                        # one row per term served
        for membership in deputy["memberships"]:
            yield {**{k: deputy[k] for k in DEPUTY_CSV if k in deputy}, **membership}


def _entry_rows(lists: list[dict]) -> Iterable[dict]:
    for lst in lists:                              # one row per entry
        for entry in lst["entries"]:
            yield {"list_id": lst["id"], "list_title": lst["title"], "meeting": lst["meeting"],
                   "date": lst["date"], **entry, "url": lst["url"]}


def _json(path: str, value: object, indent: int | None = None) -> GeneratedFile:
    """Data files compact (json's C encoder runs only without indent: indenting the 4,000 record files
    of the 10,000-page benchmark took 1 s of the build); schemas, which people read, indented."""
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    return GeneratedFile(path, (text + "\n").encode("utf-8"))


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    text = "、".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(CSV_FORMULA_START) else text


def _csv(path: str, header: list[str], rows: Iterable[dict]) -> GeneratedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer)                    # RFC 4180: CRLF line ends, quotes where needed
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(row.get(key)) for key in header])
    # UTF-8 with a byte order mark: Excel on Chinese Windows otherwise reads the file as GBK.
    return GeneratedFile(path, buffer.getvalue().encode("utf-8-sig"))


class OpenDataPage(PageKind):
    """数据开放: every download with its size and fields. Not in the nav; linked from the sections."""

    template = "open_data.md.j2"

    def __init__(self, site: Site, files: list[GeneratedFile], address: Address):
        super().__init__(site)
        self.sizes = {f.path: len(f.data) for f in files}
        self.absolute = bool(address.site_url)

    def contexts(self):
        site = self.site
        examples = []
        if site.deputies:
            examples.append(("代表", urls.deputy(site.deputies[0].id)))
        if site.appointments:
            examples.append(("任免名单", urls.appointment_list(site.appointments[0].id)))
        if site.bulletins:
            examples.append(("公报", urls.bulletin(site.bulletins[0].year, site.bulletins[0].number)))
        feeds = [(c.title, urls.feed(c.id)) for c in site.info.columns]
        feeds += [("常委会公报", urls.feed("gongbao")), ("人事任免", urls.feed("renmian"))]
        schemas = sorted(p for p in self.sizes if p.startswith(urls.open_data("schema/")))
        yield urls.OPEN_DATA, None, {
            "sizes": self.sizes, "open_data": urls.open_data, "record_json": urls.record_json,
            "examples": examples, "feeds": feeds, "absolute": self.absolute, "schemas": schemas, "formula_start": " ".join(CSV_FORMULA_START),
            "tables": [("deputies.json、deputies.csv", "人大代表", DEPUTY_FIELDS),
                       ("memberships", "代表各届任职", MEMBERSHIP_FIELDS),
                       ("appointments.json、appointments.csv", "任免名单", LIST_FIELDS),
                       ("entries", "任免事项", ENTRY_FIELDS),
                       ("bulletins.json", "常委会公报", BULLETIN_FIELDS), ("items", "公报目录", ITEM_FIELDS)],
        }
