"""代表团、代表小组、专门委员会 (data/groups.yaml): the bodies a person belongs to within a term."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from ..input.sources import DataSource
from ..model.kind import RecordKind
from ..model.records import Id, Record, Text
from ..model.references import RefTo
from ..model.relations import BELONGS_TO, Relation
from .terms import NAME as TERMS, TermId

NAME = "groups"                  # the kind's registry name, its data folder's name
GroupId = Annotated[Id, RefTo(NAME)]   # a field holding the id of a 代表团或代表小组

GroupKind = Literal["代表团", "代表小组", "专门委员会", "常委会"]


class Group(Record):
    model_config = ConfigDict(title="代表团、代表小组、专门委员会")
    id: Id = Field(description="编号，如 t18-chengguan")
    name: Text = Field(description="名称，如 城关镇代表团")
    kind: GroupKind = Field(description="类别")
    term: TermId = Field(description="所属届次编号")


class GroupsKind(RecordKind):
    name = NAME
    label = "代表团/小组"
    sources = (DataSource(NAME, Group, "data/groups.yaml", "list", "groups",
                          "代表团、代表小组、专门委员会（data/groups.yaml）"),)
    relations = (Relation(BELONGS_TO, "届次", ("term",)),)

    def popolo(self, catalog, popolo):
        """Each group as an organization within the people's congress, for the term it belongs to."""
        return {"organizations": [{
            "id": popolo.id(self.name, g.id), "name": g.name, "classification": g.kind, "parent_id": popolo.assembly,
            "legislative_period_id": popolo.id(TERMS, g.term),
        } for g in catalog.records(self.name)]}


KIND = GroupsKind()
