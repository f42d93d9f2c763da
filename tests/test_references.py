"""Typed references: a relation names reference fields by path; their kind comes from the model's types."""
from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import Field

import support.project  # noqa: F401  (puts hooks/ on the import path)

from renda_site.input.sources import DataSource
from renda_site.kinds import KINDS
from renda_site.model.kind import RecordKind
from renda_site.model.records import Id, Record, Text
from renda_site.model.references import PAGES, NotAReference, RefTo
from renda_site.model.relations import MENTIONS, Relation

PersonId = Annotated[Id, RefTo("people")]


class Role(Record):
    person: PersonId | None = Field(default=None)
    title: Text


class Event(Record):
    id: Id
    host: PersonId
    guests: list[PersonId] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    place: Text | None = None


def source(model: type) -> tuple[DataSource, ...]:
    return (DataSource("events", model, "data/events", "files", "event", "活动"),)


def test_the_target_kind_comes_from_the_fields_declared_type():
    class Events(RecordKind):
        name = "events"
        sources = source(Event)
        relations = (Relation(MENTIONS, "人员", {"host": "主持", "roles.*.person": "角色", "guests.*": "嘉宾"}),)

    (relation,) = Events.relations
    assert relation.target == "people"
    event = Event(id="e1", host="p1", guests=["p2", "p3"],
                  roles=[Role(person="p4", title="主讲"), Role(title="记录"), Role(person="p1", title="点评")])
    found = list(relation.refs(event))
    # declaration order of the fields; items in their order; an empty optional field is no reference
    assert [(key, loc, detail) for key, loc, _, detail in found] == [
        ("p1", ("host",), "主持"),
        ("p4", ("roles", 0, "person"), "角色"),
        ("p1", ("roles", 2, "person"), "角色"),
        ("p2", ("guests", 0), "嘉宾"),
        ("p3", ("guests", 1), "嘉宾"),
    ]
    # the holder is the model object whose field holds the key: the record, or the list entry
    assert found[0][2] is event and found[1][2] is event.roles[0]


@pytest.mark.parametrize("path", ["place", "guest", "roles.*.title", "host.*", "roles.person"])
def test_a_path_that_is_not_a_reference_field_fails_when_the_kind_is_made(path):
    with pytest.raises(NotAReference, match=path.replace("*", r"\*")):
        class Events(RecordKind):
            name = "events"
            sources = source(Event)
            relations = (Relation(MENTIONS, "人员", (path,)),)


def test_every_declared_relation_refers_to_a_registered_kind_or_to_pages():
    names = {kind.name for kind in KINDS}
    for kind in KINDS:
        for relation in kind.relations:
            assert relation.target in names | {PAGES}, (kind.name, relation.name, relation.target)
            assert relation.target != kind.name or relation.text is None


def test_the_catalog_follows_a_reference_field_to_its_records(demo):
    catalog = demo.catalog
    meeting = next(m for m in catalog.records("meetings") if m.invited_deputies)
    invited = [catalog.get("deputies", d) for d in meeting.invited_deputies]
    assert catalog.follow(meeting, "invited_deputies.*") == invited
    assert catalog.follow(meeting, "term") is catalog.get("terms", meeting.term)
    assert catalog.kind_of(catalog.follow(meeting, "term")) == "terms"
    unsupervised = next(s for s in catalog.records("suggestions") if s.supervision is None)
    assert catalog.follow(unsupervised, "supervision.leader") is None
    answered = next(r for s in catalog.records("suggestions") for r in s.replies if r.page)
    assert catalog.follow(answered, "page") is catalog.get(catalog.pages_kind, answered.page)
