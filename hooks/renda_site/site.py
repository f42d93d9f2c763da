"""Model step: the checked content plus every index the pages need, computed once.

Page renderers only look things up here; none of them scans all records, so the cost of a build
grows linearly with the number of records.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from . import models, urls
from .load import Article, Content


@dataclass(frozen=True)
class Publication:
    """A bulletin item, with the issue that carries it."""

    bulletin: models.Bulletin
    item: models.BulletinItem


@dataclass(frozen=True)
class Seat:
    """One membership of one deputy, with its term and group resolved."""

    deputy: models.Deputy
    membership: models.Membership
    term: models.Term
    group: models.Group | None

    @property
    def start(self) -> datetime.date:
        return self.membership.start or self.term.start

    @property
    def end(self) -> datetime.date | None:
        return self.membership.end or self.term.end

    @property
    def ended_early(self) -> bool:
        return self.membership.end is not None


@dataclass
class Site:
    info: models.SiteInfo
    terms: list[models.Term]                         # oldest first
    deputies: list[models.Deputy]
    bulletins: list[models.Bulletin]                 # newest first
    appointments: list[models.AppointmentList]       # newest first
    articles_by_column: dict[str, list[Article]]     # newest first
    articles_by_uri: dict[str, Article]
    term_by_id: dict[str, models.Term] = field(default_factory=dict)
    group_by_id: dict[str, models.Group] = field(default_factory=dict)
    deputy_by_id: dict[str, models.Deputy] = field(default_factory=dict)
    list_by_id: dict[str, models.AppointmentList] = field(default_factory=dict)
    seats_by_term: dict[str, list[Seat]] = field(default_factory=dict)
    seats_by_deputy: dict[str, list[Seat]] = field(default_factory=dict)
    entries_by_deputy: dict[str, list[tuple[models.AppointmentList, models.AppointmentEntry]]] = field(default_factory=dict)
    publication_of_list: dict[str, Publication] = field(default_factory=dict)
    publications_of_page: dict[str, list[Publication]] = field(default_factory=dict)

    @property
    def current_term(self) -> models.Term | None:
        return self.terms[-1] if self.terms else None

    def bulletin_title(self, bulletin: models.Bulletin) -> str:
        serial = f"（总第{bulletin.serial}期）" if bulletin.serial else ""
        return f"{bulletin.year}年第{bulletin.number}期{serial}"


def build_site(content: Content) -> Site:
    assert content.site is not None
    columns = {c.id for c in content.site.columns}
    by_column: dict[str, list[Article]] = {c: [] for c in columns}
    for article in content.articles:
        if article.column:
            by_column[article.column].append(article)
    for articles in by_column.values():
        articles.sort(key=lambda a: (a.meta.date, a.src_uri), reverse=True)
    site = Site(
        info=content.site,
        terms=sorted(content.terms, key=lambda t: t.start),
        deputies=sorted(content.deputies, key=lambda d: d.id),
        bulletins=sorted(content.bulletins, key=lambda b: (b.year, b.number), reverse=True),
        appointments=sorted(content.appointments, key=lambda a: (a.date, a.id), reverse=True),
        articles_by_column=by_column,
        articles_by_uri={a.src_uri: a for a in content.articles},
    )
    site.term_by_id = {t.id: t for t in site.terms}
    site.group_by_id = {g.id: g for g in content.groups}
    site.deputy_by_id = {d.id: d for d in site.deputies}
    site.list_by_id = {a.id: a for a in site.appointments}
    seats_by_term: dict[str, list[Seat]] = defaultdict(list)
    seats_by_deputy: dict[str, list[Seat]] = defaultdict(list)
    for deputy in site.deputies:
        for membership in deputy.memberships:
            seat = Seat(deputy, membership, site.term_by_id[membership.term],
                        site.group_by_id.get(membership.group) if membership.group else None)
            seats_by_term[membership.term].append(seat)
            seats_by_deputy[deputy.id].append(seat)
    site.seats_by_term = dict(seats_by_term)
    site.seats_by_deputy = {k: sorted(v, key=lambda s: s.start) for k, v in seats_by_deputy.items()}
    entries: dict[str, list] = defaultdict(list)
    for appointment in reversed(site.appointments):           # oldest first on a deputy's page
        for entry in appointment.entries:
            if entry.deputy:
                entries[entry.deputy].append((appointment, entry))
    site.entries_by_deputy = dict(entries)
    pages: dict[str, list[Publication]] = defaultdict(list)
    for bulletin in site.bulletins:
        for item in bulletin.items:
            publication = Publication(bulletin, item)
            if item.appointments:
                site.publication_of_list[item.appointments] = publication
            if item.page:
                pages[item.page].append(publication)
    site.publications_of_page = dict(pages)
    return site


__all__ = ["Site", "Seat", "Publication", "build_site", "urls"]
