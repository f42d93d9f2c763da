"""Render step: one class per page kind, each turning the Site into generated Markdown pages."""
from __future__ import annotations

from .appointments import AppointmentListPages, AppointmentIndexPages, PeopleIndexPage
from .base import GeneratedFile, GeneratedPage, PageKind
from .bulletins import BulletinArchivePages, BulletinIssuePages
from .columns import ColumnListingPages
from .composition import CompositionPages
from .deputies import DeputyIndexPages, DeputyPages
from .home import HomePage

PAGE_KINDS: list[type[PageKind]] = [
    HomePage,
    DeputyPages, DeputyIndexPages, CompositionPages,
    BulletinIssuePages, BulletinArchivePages,
    AppointmentListPages, AppointmentIndexPages, PeopleIndexPage,
    ColumnListingPages,
]

__all__ = ["GeneratedFile", "GeneratedPage", "PageKind", "PAGE_KINDS"]
