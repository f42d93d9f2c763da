from __future__ import annotations

import functools
from collections import defaultdict

from pypinyin import Style, lazy_pinyin

from .. import urls
from ..models import Action
from .base import PageKind, listing_feed, paginate

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


def sentence_parts(action: str) -> tuple[str, str, str]:
    """The fixed words before the name, between name and position, and after the position."""
    before, rest = SENTENCES[action].split("{name}")
    middle, after = rest.split("{position}")
    return before, middle, after


@functools.lru_cache(maxsize=None)
def pinyin_key(name: str) -> tuple[str, str]:
    return (" ".join(lazy_pinyin(name, style=Style.NORMAL)), name)


class AppointmentListPages(PageKind):
    """One page per 任免名单, entries grouped by action, linked to the bulletin that published it."""

    template = "appointment_list.md.j2"

    def contexts(self):
        for lst in self.site.appointments:
            grouped = defaultdict(list)
            for entry in lst.entries:
                grouped[entry.action].append(entry)
            groups = [(action, grouped[action]) for action in ACTION_ORDER if action in grouped]
            yield urls.appointment_list(lst.id), lst.origin.path, {
                "list": lst, "groups": groups, "parts": sentence_parts,
                "publication": self.site.publication_of_list.get(lst.id)}


class AppointmentIndexPages(PageKind):
    """人事任免: every list, newest first, paginated."""

    template = "appointment_index.md.j2"
    per_page = 20

    def contexts(self):
        for pager in paginate(self.site.appointments, self.per_page, "renmian"):
            yield pager.uri, "data/appointments", {"pager": pager,
                                                   "feed": listing_feed(self.site, "renmian", "人事任免")}


class PeopleIndexPage(PageKind):
    """Everyone named in any list, sorted by pinyin, each with every entry that names them."""

    template = "people_index.md.j2"

    def contexts(self):
        people = defaultdict(list)
        for lst in self.site.appointments:
            for entry in lst.entries:
                people[(entry.name, entry.deputy)].append((lst, entry))
        ordered = sorted(people, key=lambda key: pinyin_key(key[0]))
        by_letter = defaultdict(list)
        for key in ordered:
            letter = pinyin_key(key[0])[0][:1].upper() or "#"
            by_letter[letter if letter.isalpha() else "#"].append((key, sorted(people[key], key=lambda p: p[0].date)))
        yield urls.PEOPLE, "data/appointments", {"by_letter": by_letter, "parts": sentence_parts}
