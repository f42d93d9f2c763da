"""Open data: every exported value is shown on its record page, collections equal the per-record files,
CSV opens in Excel (UTF-8 with BOM), the explanation page documents every field and is linked."""
from __future__ import annotations

import csv
import datetime
import importlib.machinery
import io
import json
import re
import sys
import types
from html.parser import HTMLParser

import markdown
import pytest

from support import urls
from support.project import ROOT, local_url, output_path
from support.sitecrawl import target_file

from renda_site import generate
from renda_site.address import Address
from renda_site.kinds import KINDS
from renda_site.kinds.appointments import ENTRY_CSV
from renda_site.kinds.deputies import DEPUTY_CSV
from renda_site.publish.opendata import PublicUrls
from renda_site.text import cn_date
from test_site_build import nav_targets

ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
MARKDOWN_KEYS = {"bio", "text", "intro"}          # exported as written; the page shows them rendered


class PageText(HTMLParser):
    """The visible text of a page's article (whitespace collapsed) and the targets of its links/images."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.urls: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth and tag in ("a", "img"):
            self.urls.append(attrs.get("href") or attrs.get("src") or "")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", "", "".join(self.parts))


def read_page(built, uri: str) -> tuple[str, set]:
    parser = PageText()
    parser.feed(built.html(uri))
    page = built.site / output_path(uri)
    return parser.text, {target_file(built.site, page, u) for u in parser.urls if u and not u.startswith("#")}


def shown(value) -> str:
    """How a value is printed on a page: ISO dates as 2024年3月1日, year-months as 1964年5月."""
    text = str(value)
    if ISO_DATE.match(text):
        return cn_date(datetime.date.fromisoformat(text))
    if re.match(r"^\d{4}-\d\d$", text):
        return f"{text[:4]}年{int(text[5:])}月"
    return re.sub(r"\s+", "", text)


def assert_on_page(built, record: dict, page_uri: str, checked: list) -> None:
    """Each value of `record` (recursively) is on the page: text in its text, addresses as link targets."""
    site = built.site
    text, targets = read_page(built, page_uri)
    def address(url: str):
        url = local_url(url, "")                  # absolute when site_url is set: the public address
        return site / (url + "index.html" if url.endswith("/") else url)

    def link_key(key: str):
        """Addresses (url, photo, any *_url or *_urls) and deputy ids are checked as link targets."""
        if key in ("url", "photo") or key.endswith(("_url", "_urls")):
            return address
        return (lambda id_: site / output_path(urls.deputy(id_))) if key == "deputy" else None
    # The record's own address and id are those of the page itself.
    assert address(record["url"]) == site / output_path(page_uri)
    assert record.get("id") in (None, page_uri.rsplit("/", 1)[-1][:-3])

    def visit(key: str, value, top: bool) -> None:
        if value is None or value == [] or (top and key in ("url", "id")):
            return
        if isinstance(value, list):
            for item in value:
                visit(key, item, False)
        elif isinstance(value, dict):
            for k, v in value.items():
                visit(k, v, top and not key)
        elif link_key(key):                           # an address or an id: the page must link to it
            assert link_key(key)(value) in targets, (page_uri, key, value)
        elif key in MARKDOWN_KEYS:                    # Markdown: compare its rendered text
            plain = re.sub(r"<[^>]+>", "", markdown.markdown(value))
            assert shown(plain) in text, (page_uri, key)
        else:
            assert shown(value) in text, (page_uri, key, value)
        checked.append(key)

    visit("", record, True)


def test_every_exported_value_is_on_its_record_page(built, demo):
    site = built.site
    # Every record of every kind with open data: a new kind is checked without changing this test.
    uris = [kind.page(r) for kind in KINDS if kind.open_data for r in demo.catalog.records(kind.name)]
    assert {urls.deputy("d0001"), urls.appointment_list("18-19"), urls.bulletin(2024, 3)} <= set(uris)
    checked: list[str] = []
    for uri in uris:
        record = json.loads((site / urls.record_json(uri)).read_text(encoding="utf-8"))
        assert_on_page(built, record, uri, checked)
    assert len(checked) > 1000, len(checked)
    for key in ("name", "gender", "birth", "bio", "photo", "constituency", "end_reason", "note", "deputy",
                "adopted", "bulletin_url", "meetings", "serial", "url", "roles"):
        assert key in checked, f"the demo never exercises {key}"
    print(f"\n{len(uris)} record files, {len(checked)} values, each found on its record page")


def project(demo, kind_name: str, record) -> dict:
    """A record as its kind's first dataset publishes it."""
    kind = next(k for k in KINDS if k.name == kind_name)
    return kind.project(kind.open_data[0], record, demo.catalog, PublicUrls(Address()))


def test_hidden_fields_are_not_exported(demo):
    """organization (grouping only) and a birth day (the page shows year and month) never leave."""
    lst = demo.site.appointments[0]
    assert any(e.organization for e in lst.entries)
    assert all("organization" not in e for e in project(demo, "appointments", lst)["entries"])
    deputy = demo.site.deputies[0].model_copy(update={"birth": "1964-05-12"})
    assert project(demo, "deputies", deputy)["birth"] == "1964-05"
    full = {"id", "name", "other_names", "gender", "ethnicity", "birth", "party", "education", "photo", "bio",
            "memberships"}
    assert set(type(deputy).model_fields) == full, "a new model field must be considered for export"


def test_collections_equal_the_record_files(built, demo):
    def load(path):
        return json.loads((built.site / path).read_text(encoding="utf-8"))
    deputies = load(urls.open_data("deputies.json"))
    assert deputies["count"] == len(demo.site.deputies) == len(deputies["records"])
    assert deputies["records"] == [load(urls.record_json(urls.deputy(d.id))) for d in demo.site.deputies]
    lists = load(urls.open_data("appointments.json"))["records"]
    assert lists == [load(urls.record_json(urls.appointment_list(a.id))) for a in demo.site.appointments]
    issues = load(urls.open_data("bulletins.json"))["records"]
    assert issues == [load(urls.record_json(urls.bulletin(b.year, b.number))) for b in demo.site.bulletins]
    # and the same for every kind that publishes open data, new ones included
    compared = 0
    for kind in KINDS:
        for dataset in kind.open_data:
            records = demo.catalog.records(kind.name)
            collection = load(urls.open_data(f"{dataset.name}.json"))
            assert collection["count"] == len(records) == len(collection["records"]), kind.name
            assert collection["records"] == [load(urls.record_json(kind.page(r))) for r in records], kind.name
            if dataset.csv_columns:
                rows = read_csv(built.site / urls.open_data(f"{dataset.name}.csv"))
                assert rows and list(rows[0]) == dataset.csv_columns, kind.name
                assert len(rows) == len(list(dataset.csv_rows(collection["records"]))), kind.name
            compared += 1
    assert compared >= 6


def read_csv(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so Excel on Chinese Windows reads it"
    assert b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_rows_match_json(built, demo):
    deputies = json.loads((built.site / urls.open_data("deputies.json")).read_text())["records"]
    rows = read_csv(built.site / urls.open_data("deputies.csv"))
    assert list(rows[0]) == DEPUTY_CSV
    expected = [(d["id"], m["term"]) for d in deputies for m in d["memberships"]]
    assert [(r["id"], r["term"]) for r in rows] == expected
    for row in rows:
        record = next(d for d in deputies if d["id"] == row["id"])
        membership = next(m for m in record["memberships"] if m["term"] == row["term"])
        assert row["name"] == record["name"] and row["roles"] == "、".join(membership["roles"])
        assert row["end"] == (membership["end"] or "")
    lists = json.loads((built.site / urls.open_data("appointments.json")).read_text())["records"]
    rows = read_csv(built.site / urls.open_data("appointments.csv"))
    assert list(rows[0]) == ENTRY_CSV
    assert [(r["list_id"], r["name"], r["position"]) for r in rows] == \
        [(lst["id"], e["name"], e["position"]) for lst in lists for e in lst["entries"]]


def test_csv_cells_cannot_become_formulas():
    from renda_site.publish.opendata import csv_cell
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell(["甲", "乙"]) == "甲、乙" and csv_cell(None) == ""


def test_explanation_page_documents_every_field_and_file(built, demo):
    reader, targets = read_page(built, urls.OPEN_DATA)
    text, _ = read_page(built, urls.OPEN_DATA_FIELDS)          # field by field: for developers
    assert built.site / output_path(urls.OPEN_DATA_FIELDS) in targets
    for technical in ("publisher", "JSON Schema", "data/", "YAML", "schema"):
        assert technical not in reader, technical                          # the readers' page explains, in words
    published = 0
    for kind in KINDS:
        for dataset in kind.open_data:
            documented = {k for k, _ in dataset.fields}
            records = demo.catalog.records(kind.name)
            assert records, f"the demo has no {kind.name} to publish"
            exported = project(demo, kind.name, records[0])
            assert set(exported) == documented, kind.name
            for key, _title, _model, fields in dataset.nested:
                assert set(exported[key][0]) == {k for k, _ in fields}, (kind.name, key)
                documented |= {k for k, _ in fields}
            for key in documented | set(dataset.csv_columns):
                assert key in text, (kind.name, key)
            for name in [f"{dataset.name}.json"] + ([f"{dataset.name}.csv"] if dataset.csv_columns else []):
                assert built.site / urls.open_data(name) in targets
                published += 1
    assert published >= 5
    assert "BOM" in text and "Excel" in text and "Excel" in reader
    for uri in (urls.DEPUTIES, urls.APPOINTMENTS, urls.BULLETINS, urls.HOME, urls.deputy("d0001")):
        assert built.site / output_path(urls.OPEN_DATA) in read_page(built, uri)[1], uri
    assert output_path(urls.OPEN_DATA) not in nav_targets(built)


def test_record_pages_link_their_json(built, demo):
    uris = [kind.page(demo.catalog.records(kind.name)[-1]) for kind in KINDS if kind.open_data]
    assert {urls.deputy(demo.site.deputies[-1].id), urls.appointment_list(demo.site.appointments[-1].id)} <= set(uris)
    for uri in uris:
        assert built.site / urls.record_json(uri) in read_page(built, uri)[1], uri


@pytest.fixture
def schema_module(monkeypatch):
    """Stands in for renda_site.publish.schema (the validation branch's module) until the lead merges it."""
    module = types.ModuleType("renda_site.publish.schema")
    module.__spec__ = importlib.machinery.ModuleSpec("renda_site.publish.schema", None)
    module.schemas = lambda: {"deputy": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}}
    monkeypatch.setitem(sys.modules, "renda_site.publish.schema", module)
    return module


def test_schemas_are_published_when_the_schema_module_exists(schema_module):
    result = generate(ROOT)
    files = {f.path: f.data for f in result.files}
    assert json.loads(files[urls.open_data("schema/deputy.schema.json")])["type"] == "object"
    page = next(p.markdown for p in result.pages if p.uri == urls.OPEN_DATA_FIELDS)
    assert "schema/deputy.schema.json" in page and "JSON Schema" in page
    reader = next(p.markdown for p in result.pages if p.uri == urls.OPEN_DATA)
    assert "schema" not in reader.lower() and "ziduan.md" in reader


def test_published_schemas_are_the_models_schemas(built):
    """The downloads under shuju/schema/ are exactly what renda_site.publish.schema makes from the models."""
    from renda_site.publish.schema import schemas
    expected = schemas()
    published = {p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8"))
                 for p in (built.site / "shuju" / "schema").glob("*.schema.json")}
    assert published == expected and len(published) >= 5


def test_an_id_that_collides_with_a_generated_page_is_an_error(tmp_path):
    """A deputy whose id is goucheng-18 would overwrite the composition page of term 18."""
    from support.project import copy_project

    from renda_site import ContentError
    project = copy_project(tmp_path / "p")
    source = project / "data" / "deputies" / "d0010.yaml"          # a deputy no other record names
    source.rename(project / "data" / "deputies" / "goucheng-18.yaml")
    path = project / "data" / "deputies" / "goucheng-18.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('id: "d0010"', 'id: "goucheng-18"'), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        generate(project)
    messages = [str(p) for p in caught.value.problems.errors]
    assert any(m.startswith("data/deputies/goucheng-18.yaml") and "daibiao/goucheng-18.md" in m
               for m in messages), messages


def test_open_data_page_says_when_addresses_are_absolute():
    result = generate(ROOT, site_url="https://example.gov.cn/renda/")
    page = next(p.markdown for p in result.pages if p.uri == urls.OPEN_DATA_FIELDS)
    assert "为完整网址" in page
    deputies = json.loads(next(f.data for f in result.files if f.path == urls.open_data("deputies.json")))
    assert deputies["records"][0]["url"].startswith("https://example.gov.cn/renda/daibiao/")
