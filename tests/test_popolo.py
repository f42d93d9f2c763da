"""shuju/popolo.json: the site's people, bodies, terms, meetings and votes in the Popolo standard — valid
against the published Popolo JSON Schemas (vendored unchanged in tests/fixtures/popolo/, CC BY 4.0, see
its README), every reference between its objects resolving, and the same facts as the pages."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from support import urls
from support.project import ROOT, demo_site_url

FIXTURES = ROOT / "tests" / "fixtures" / "popolo"
SCHEMA_OF = {"persons": "person", "organizations": "organization", "memberships": "membership", "posts": "post",
             "areas": "area", "events": "event", "vote_events": "vote_event"}
# Where each reference points: the field, and the lists whose ids it may name.
REFERENCES = {"person_id": ("persons",), "organization_id": ("organizations",),
              "parent_id": ("organizations", "events"),
              "post_id": ("posts",), "area_id": ("areas",), "legislative_period_id": ("events",),
              "legislative_session_id": ("events",)}


def validators() -> dict[str, jsonschema.Draft3Validator]:
    """A draft-3 validator per list, resolving each schema's $refs to the vendored files by their ids."""
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.json"))]
    registry = Registry().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT3)) for schema in schemas)
    by_name = {schema["id"].rsplit("/", 1)[1].removesuffix(".json#"): schema for schema in schemas}
    return {key: jsonschema.Draft3Validator(by_name[name], registry=registry,
                                            format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER)
            for key, name in SCHEMA_OF.items()}


@pytest.fixture(scope="module")
def popolo(built) -> dict:
    return json.loads((built.site / urls.POPOLO).read_text(encoding="utf-8"))


def errors_of(document: dict) -> list[str]:
    checks = validators()
    return [f"{key}[{i}] {e.json_path}: {e.message}" for key, check in checks.items()
            for i, item in enumerate(document.get(key, [])) for e in check.iter_errors(item)]


def test_every_object_is_valid_popolo(popolo):
    assert set(popolo) == set(SCHEMA_OF)
    assert all(popolo[key] for key in SCHEMA_OF), {key: len(popolo[key]) for key in SCHEMA_OF}
    assert errors_of(popolo) == []
    print("\npopolo.json: " + ", ".join(f"{key} {len(popolo[key])}" for key in SCHEMA_OF))


def test_the_validation_can_fail(popolo):
    """The vendored schemas do reject what Popolo forbids (so the test above can fail)."""
    person = dict(popolo["persons"][0], birth_date="1964年5月", other_names=[{"name": ["周", "远"]}])
    vote = dict(popolo["vote_events"][0], counts=[{"option": "yes", "value": "二十四"}])
    found = errors_of({"persons": [person], "vote_events": [vote]})
    assert any("birth_date" in e for e in found) and any("other_names[0].name" in e for e in found), found
    assert any("counts" in e and "integer" in e for e in found), found


def test_ids_are_unique_and_every_reference_resolves(popolo):
    ids: dict[str, set[str]] = {}
    for key in SCHEMA_OF:
        values = [item["id"] for item in popolo[key] if "id" in item]
        assert len(values) == len(set(values)), key
        ids[key] = set(values)
    checked = 0
    for key in SCHEMA_OF:
        for item in popolo[key]:
            for nested in [item, item.get("motion", {})]:
                for field, lists in REFERENCES.items():
                    if field in nested:
                        assert any(nested[field] in ids[name] for name in lists), (key, field, nested[field])
                        checked += 1
    assert checked > 500, checked


def test_the_export_holds_what_the_site_publishes(popolo, demo):
    site = demo.site
    persons = {p["id"]: p for p in popolo["persons"]}
    assert len(persons) == len(site.deputies)
    for deputy in site.deputies:
        person = persons[f"deputies/{deputy.id}"]
        assert person["name"] == deputy.name
        assert [o["name"] for o in person.get("other_names", [])] == deputy.other_names
        served = [m for m in popolo["memberships"] if m["person_id"] == person["id"]
                  and m["organization_id"] == "renda"]
        assert (sorted(m["legislative_period_id"] for m in served)
                == sorted(f"terms/{s.term.id}" for s in site.seats_by_deputy[deputy.id]))
    kinds = {o["classification"] for o in popolo["organizations"]}
    assert {"legislature", "代表团", "常委会", "专门委员会"} <= kinds
    events = {e["id"]: e for e in popolo["events"]}
    meetings = demo.catalog.records("meetings")
    assert {f"meetings/{m.id}" for m in meetings} | {f"terms/{t.id}" for t in site.terms} <= set(events)
    assert {e["classification"] for e in events.values()} == {"legislative period", "人民代表大会会议", "常委会会议"}
    voted = [(m, n, item) for m in meetings for n, item in enumerate(m.agenda, 1) if item.vote]
    assert len(popolo["vote_events"]) == len(voted)
    by_id = {v["id"]: v for v in popolo["vote_events"]}
    for meeting, number, item in voted:
        counts = {c["option"]: c["value"] for c in by_id[f"meetings/{meeting.id}/{number}"]["counts"]}
        vote = item.vote
        assert (counts["yes"], counts["no"], counts["abstain"]) == (vote.in_favour, vote.against, vote.abstain)
        assert sum(counts.values()) == meeting.members
    areas = {a["name"] for a in popolo["areas"]}
    assert areas == {s.membership.constituency for seats in site.seats_by_deputy.values() for s in seats
                     if s.membership.constituency}


def test_links_and_images_are_absolute_addresses_of_the_site(popolo, built):
    """Popolo wants URIs: with site_url the export links each person and meeting to its page."""
    public = demo_site_url()
    addresses = [link["url"] for key in ("persons", "events") for item in popolo[key]
                 for link in item.get("links", []) + item.get("sources", [])]
    addresses += [p["image"] for p in popolo["persons"] if "image" in p]
    assert len(addresses) > len(popolo["persons"])
    for address in addresses:
        assert address.startswith(public) and re.fullmatch(r"https?://[^\s]+", address), address
        target = built.site / address[len(public):]
        assert target.exists() or (target / "index.html").is_file()


def test_open_data_page_lists_the_popolo_file(built):
    page = built.html(urls.OPEN_DATA)
    assert "popolo.json" in page and "Popolo" in page
