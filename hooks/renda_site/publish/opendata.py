"""Open data: every dataset the record kinds declare, as JSON (and CSV where declared), a JSON file beside
each record page, the JSON Schemas of the data files, and the page that explains them (数据开放).

Rule: a download holds only what the record pages show. So each kind rebuilds its records from the
fields its templates print (`RecordKind.project`), not dumped from the model; tests/test_opendata.py
checks every value against the built page. Field meanings come from the models (one description per
field), except where a dataset says what a projected field means (a URL, a term's name for its id).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from pydantic import BaseModel

from .. import address
from ..address import Address
from ..outputs import GeneratedFile, PageSpec, SearchHint, crumb
from .feeds import feeds_of
from .popolo import FILE as POPOLO, popolo_file
from .schema import schemas

CSV_FORMULA_START = ("=", "+", "-", "@")   # Excel would run such a cell as a formula


class PublicUrls:
    """What a kind's projection uses for addresses: public URLs when site_url is known, else root-relative."""

    def __init__(self, where: Address):
        self.page, self.file = where.page_public, where.file_public


def meanings(dataset_model: type[BaseModel], fields: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """(key, meaning) with the model field's description where the dataset gives none."""
    described = dataset_model.model_fields
    return [(key, meaning if meaning is not None else described[key].description) for key, meaning in fields]


class OpenData:
    def __init__(self, catalog, kinds, where: Address):
        self.catalog, self.kinds, self.address = catalog, list(kinds), where
        urls = PublicUrls(where)
        self.projected = {(kind.name, ds.name): [kind.project(ds, r, catalog, urls) for r in catalog.records(kind.name)]
                          for kind in self.kinds for ds in kind.open_data}

    def datasets(self):
        for kind in self.kinds:
            for ds in kind.open_data:
                yield kind, ds

    def files(self) -> list[GeneratedFile]:
        out = []
        for kind, ds in self.datasets():
            records = self.projected[(kind.name, ds.name)]
            out.append(_json(address.open_data(f"{ds.name}.json"), self.collection(ds.dataset, records)))
            if ds.csv_columns:
                out.append(_csv(address.open_data(f"{ds.name}.csv"), ds.csv_columns, ds.csv_rows(records)))
        out.append(popolo_file(self.catalog, self.kinds, self.address))
        for name, schema in sorted(schemas().items()):
            out.append(_json(address.open_data(f"schema/{name}.schema.json"), schema, indent=1))
        for kind, ds in self.datasets():
            records = self.catalog.records(kind.name)
            for record, projected in zip(records, self.projected[(kind.name, ds.name)], strict=True):
                out.append(_json(address.record_json(kind.page(record)), projected))
        return out

    def collection(self, dataset: str, records: list[dict]) -> dict:
        return {"publisher": self.catalog.body, "dataset": dataset, "count": len(records), "records": records}

    def page(self, files: list[GeneratedFile]) -> PageSpec:
        """数据开放, for readers: what can be downloaded, how to open it, the feeds. Not in the nav;
        linked from the sections."""
        return PageSpec(address.OPEN_DATA, "open_data.md.j2", self._context(files), None, SearchHint())

    def developer_page(self, files: list[GeneratedFile]) -> PageSpec:
        """数据字段说明, for developers: the files' structure, every field, the JSON Schemas."""
        return PageSpec(address.OPEN_DATA_FIELDS, "open_data_fields.md.j2", self._context(files), None, SearchHint(),
                        crumbs=(crumb("数据开放", address.OPEN_DATA),))

    def _context(self, files: list[GeneratedFile]) -> dict:
        downloads, tables, examples, notes, csv_notes = [], [], [], [], []
        for kind, ds in self.datasets():
            downloads.append((f"{ds.name}.json", ds.summary, "JSON"))
            if ds.csv_columns:
                downloads.append((f"{ds.name}.csv", ds.csv_summary, "CSV"))
            files_of = "、".join(f"{ds.name}.{ext}" for ext in ("json", "csv") if ext == "json" or ds.csv_columns)
            tables.append((files_of, ds.dataset, meanings(ds.model, ds.fields)))
            tables += [(key, title, meanings(model, fields)) for key, title, model, fields in ds.nested]
            records = self.catalog.records(kind.name)
            if records:
                examples.append((kind.label, kind.page(records[0])))
            notes += ds.notes
            csv_notes += [ds.csv_note] if ds.csv_note else []
        downloads.append((POPOLO.removeprefix("shuju/"), ("人大代表、代表团和常委会、任职、选区、会议和表决结果，"
                           "按 Popolo 国际通用格式（EveryPolitician、Open Civic Data 采用）整理"), "JSON（Popolo）"))
        notes.append("`popolo.json` 遵循 Popolo 数据规范（popoloproject.com）："
                     "`persons`（代表）、`organizations`（人民代表大会、常委会、代表团、专门委员会）、`memberships`"
                     "（任职，含起止日期和职务）、"
                     "`posts`（常委会职务）、`areas`（选区）、`events`（届次、人代会会议、常委会会议）、`vote_events`"
                     "（表决及赞成、反对、弃权票数）。"
                     "编号为「类别/编号」，如 `deputies/d0001`、`meetings/18-17`。")
        sizes = {f.path: len(f.data) for f in files}
        return {
            "sizes": sizes, "downloads": downloads, "examples": examples, "tables": tables, "notes": notes,
            "csv_notes": csv_notes, "datasets": [ds.dataset for _, ds in self.datasets()],
            "feeds": [(feed.name, feed.path) for feed in feeds_of(self.catalog, self.kinds)],
            "absolute": bool(self.address.site_url), "formula_start": " ".join(CSV_FORMULA_START),
            "schemas": sorted(p for p in sizes if p.startswith(address.open_data("schema/")))}


def _json(path: str, value: object, indent: int | None = None) -> GeneratedFile:
    """Data files compact (json's C encoder runs only without indent, and indenting thousands of record
    files is slow); schemas, which people read, indented."""
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
