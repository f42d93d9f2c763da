"""The site's people and bodies in the Popolo data standard (shuju/popolo.json), the format of
EveryPolitician and Open Civic Data, so others can reuse the data without learning this site's schema.

One document with the lists Popolo names — persons, organizations (the people's congress, its Standing
Committee, 代表团/小组, 专门委员会), memberships (with start, end and role), posts, areas (选区), events
(each term as a legislative period, each congress session and Standing Committee meeting) and
vote_events (with their counts). Each record kind contributes its own objects (`RecordKind.popolo`),
with ids of the form `<kind>/<id>` made by the helper below, so references between kinds agree
without any kind knowing another's ids. Only what the pages show is exported; links and images carry
absolute URLs, so they appear only when the site's public address (site_url) is known.
"""
from __future__ import annotations

import json

from .. import address
from ..address import Address
from ..outputs import GeneratedFile

LISTS = ("persons", "organizations", "memberships", "posts", "areas", "events", "vote_events")
FILE = address.open_data("popolo.json")


class PopoloIds:
    """What a kind's `popolo()` uses: ids for any kind's records, the people's congress, links."""

    assembly = "renda"                         # the people's congress itself, the root organization

    def __init__(self, where: Address):
        self.where = where

    @staticmethod
    def id(kind: str, key: str) -> str:
        return f"{kind}/{key}"

    def links(self, page: str) -> list[dict]:
        url = self.where.absolute(self.where.page(page))
        return [{"url": url, "note": "本站页面"}] if url else []

    def file(self, path: str) -> str | None:
        return self.where.absolute(self.where.file(path))


def _compact(value):
    """Without the keys whose value is None: Popolo leaves out what is unknown."""
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def popolo(catalog, kinds, where: Address) -> dict:
    out: dict[str, list] = {key: [] for key in LISTS}
    ids = PopoloIds(where)
    for kind in kinds:
        for key, items in kind.popolo(catalog, ids).items():
            out[key] += items
    return _compact(out)


def popolo_file(catalog, kinds, where: Address) -> GeneratedFile:
    text = json.dumps(popolo(catalog, kinds, where), ensure_ascii=False, separators=(",", ":"))
    return GeneratedFile(FILE, (text + "\n").encode("utf-8"))
