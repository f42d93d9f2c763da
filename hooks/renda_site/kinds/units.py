"""承办单位 (data/units.yaml): the bodies that handle deputies' suggestions — county government
departments, towns, other county bodies.

Pages: one per unit, showing whatever other kinds say about it through their relations (the
suggestions it handled and their figures), and an index of all units by kind.
"""
from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import ConfigDict, Field

from .. import address
from ..input.sources import DataSource
from ..model.kind import RecordKind
from ..model.records import Id, Record, Text
from ..model.references import RefTo
from ..model.relations import HANDLED_BY
from ..outputs import Link, PageSpec, SearchHint, SiteMapGroup, crumb

NAME = "units"                  # the kind's registry name, its data folder's name
UnitId = Annotated[Id, RefTo(NAME)]   # a field holding the id of a 承办单位

UnitKind = Literal["县政府部门", "乡镇", "县直单位", "其他"]
INDEX = address.UNIT_INDEX


class Unit(Record):
    model_config = ConfigDict(title="承办单位")
    id: Id = Field(description="编号，如 jiaotong；一经使用不再更改")
    name: Text = Field(description="单位名称（规范简称），如 县交通运输局")
    kind: UnitKind = Field(description="单位类别")


class UnitsKind(RecordKind):
    name = NAME
    label = "承办单位"
    sources = (DataSource(NAME, Unit, "data/units.yaml", "list", "units", "承办单位（data/units.yaml）",
                          required=False),)

    def page(self, unit) -> str:
        return address.unit(unit.id)

    def check(self, checker) -> None:
        first: dict[str, Unit] = {}
        for unit in checker.records(self.name):
            if first.setdefault(unit.name, unit) is not unit:
                checker.error(unit, ("name",), f"单位名称「{unit.name}」已登记为「{first[unit.name].id}」："
                                               "同一单位只能登记一次")

    def pages(self, catalog):
        units = catalog.records(self.name)
        for unit in units:
            # Like a person's page, a unit's page comes first when its name is searched (the `person` hint).
            yield PageSpec(self.page(unit), "unit.md.j2", {"unit": unit, "index": INDEX,
                                                         "sections": catalog.sections_about(self.name, unit.id)},
                           "data/units.yaml", SearchHint(person=(unit.name,)),
                           layout="record", crumbs=(crumb("承办单位", INDEX),))
        if units:
            by_kind = {kind: [u for u in units if u.kind == kind] for kind in get_args(UnitKind)}
            yield PageSpec(
                INDEX,
                "units.md.j2",
                {
                    "by_kind": {k: v for k, v in by_kind.items() if v},
                    "handled": {u.id: len(catalog.refs_to(self.name, u.id, HANDLED_BY)) for u in units},
                },
                "data/units.yaml",
                SearchHint(skip=True),
                layout="listing",
            )

    def column_links(self, catalog):
        if catalog.records(self.name):
            yield address.HANDLING, Link(INDEX, "代表建议承办单位")

    def sitemap(self, catalog):
        if catalog.records(self.name):
            yield SiteMapGroup("代表建议", [Link(INDEX, "代表建议承办单位")])


KIND = UnitsKind()
