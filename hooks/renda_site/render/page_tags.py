"""The page tags of 政府网站发展指引 (政府网站网页元数据) for every page of the site, computed once from the
catalog and the site settings: the theme prints them (partials/rd-meta.html) and the 网站体检 checks them,
so what the inspection reports is what the pages carry.

Site tags come from mkdocs.yml (site_name, site_url, extra.footer.site_code); column tags from the column
the page lives in (its first URL folder): data/site.yaml `columns` or `inspection.sections`, with the
title the column bar shows; page tags from the page's front matter, or the record it shows, falling back
to the column's and then the site's values where the 指引 allows a site-wide value (Keywords, Author,
Description, Image).
"""
from __future__ import annotations

import datetime
import html
import posixpath
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..address import HOME, Address
from ..model.kind import RecordKind

SITE_TAGS = ("SiteName", "SiteDomain", "SiteIDCode")
COLUMN_TAGS = ("ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType")
ARTICLE_TAGS = ("ArticleTitle", "PubDate", "ContentSource", "Keywords", "Author", "Description", "Image", "Url")
TAG_NAMES = SITE_TAGS + COLUMN_TAGS + ARTICLE_TAGS
DESCRIPTION_LENGTH = 120


@dataclass(frozen=True)
class ColumnInfo:
    folder: str
    title: str
    type: str | None
    description: str | None
    keywords: str | None


def nav_columns(settings: dict) -> list[tuple[str, str]]:
    """(first URL folder, title) of each top-level entry of mkdocs.yml `nav`: the column bar."""
    out = []
    for entry in settings.get("nav") or []:
        if not isinstance(entry, dict) or len(entry) != 1:
            continue
        title, target = next(iter(entry.items()))
        while isinstance(target, list) and target:
            target = target[0]
            if isinstance(target, dict) and target:
                target = next(iter(target.values()))
        if isinstance(target, str) and not target.startswith(("http://", "https://")):
            out.append((target.split("/")[0] if "/" in target else "", str(title)))
    return out


def columns_of(config, settings: dict) -> dict[str, ColumnInfo]:
    """Folder -> column, for every column of the column bar and of data/site.yaml."""
    titles = dict(nav_columns(settings))
    found: dict[str, ColumnInfo] = {}
    for column in config.columns:
        found[column.id] = ColumnInfo(column.id, titles.get(column.id, column.title), column.type,
                                      column.description, column.keywords)
    for section in config.inspection.sections:
        found[section.id] = ColumnInfo(section.id, section.title or titles.get(section.id, section.id), section.type,
                                       section.description, section.keywords)
    for folder, title in titles.items():
        if folder and folder not in found:
            found[folder] = ColumnInfo(folder, title, None, None, None)
    return found


def folder_of(uri: str) -> str:
    return uri.split("/")[0] if "/" in uri else ""


class PageTags:
    """`titles`: source path -> title of generated pages that show no single record (a statistics page),
    as their Markdown heading says; `today`: dates after it are not updates yet."""

    def __init__(self, catalog, settings: dict, specs, where: Address, titles: dict[str, str] | None = None,
                 today=None):
        self.catalog, self.settings, self.where = catalog, settings or {}, where
        self.columns = columns_of(catalog.config, self.settings)
        self.specs = {spec.uri: spec for spec in specs}
        self.titles = titles or {}
        self.records: dict[str, tuple[RecordKind, Any]] = {}
        self.dates = {}                      # source path -> last update, of every record's page
        for name, kind in catalog.kinds.items():
            for record in catalog.records(name):
                page = kind.page(record)
                if page and page not in self.records:
                    self.records[page] = (kind, record)
                    self.dates[page] = kind.updated(record)
        self.column_last: dict[str, datetime.date] = {}     # folder -> its newest update
        for page, day in self.dates.items():
            folder = folder_of(page)
            if day is not None and (today is None or day <= today) and day > self.column_last.get(folder, day.min):
                self.column_last[folder] = day
        extra = self.settings.get("extra") or {}
        footer = extra.get("footer") or {}
        masthead = extra.get("masthead") or {}
        site_url = self.settings.get("site_url") or ""
        self.site = {"SiteName": self.settings.get("site_name") or catalog.config.name,
                     "SiteDomain": urlsplit(site_url).hostname or "" if site_url else "",
                     "SiteIDCode": str(footer.get("site_code") or "")}
        self.keywords = _text(extra.get("keywords"))
        column_types = extra.get("column_types")
        self.column_types: dict[str, Any] = column_types if isinstance(column_types, dict) else {}
        self.author = _text(self.settings.get("site_author")) or catalog.config.body
        self.description = _text(self.settings.get("site_description")) or _text(catalog.config.intro)
        self.emblem = masthead.get("emblem") if isinstance(masthead.get("emblem"), str) else None

    def pages(self) -> list[str]:
        """Every published page's source path: the generated pages and the hand-written ones."""
        return sorted(set(self.specs) | {uri for uri in self.records if uri.endswith(".md")})

    def page_kind(self, uri: str) -> str:
        """home, listing (a column's list or a section's index) or content (an article, a record)."""
        if uri == HOME:
            return "home"
        spec = self.specs.get(uri)
        if (spec is not None and spec.layout == "listing") or uri.endswith("/index.md"):
            return "listing"
        return "content"

    def required(self, uri: str) -> tuple[str, ...]:
        """The tags the 指引 asks of this kind of page."""
        kind = self.page_kind(uri)
        if kind == "home":
            return SITE_TAGS + ("Keywords", "Description", "Url")
        if kind == "listing":
            return SITE_TAGS + COLUMN_TAGS + ("Keywords", "Description", "Url")
        return TAG_NAMES

    def tags(self, uri: str) -> dict[str, str]:
        """Tag name -> value of the page built from `uri` (a path under docs/); empty values left out."""
        values = dict(self.site)
        column = self.columns.get(folder_of(uri)) if uri != HOME else None
        if column is not None:
            values.update(ColumnName=column.title, ColumnDescription=column.description or "",
                          ColumnKeywords=column.keywords or column.title,
                          ColumnType=_text(self.column_types.get(column.folder)) or column.type or "")
        meta, record_title, date, source, image = None, "", None, "", None
        held = self.records.get(uri)
        if held is not None:
            record_kind, record = held
            record_title = record_kind.title(record, self.catalog)
            date = record_kind.updated(record)
            meta = getattr(record, "meta", None)
            if meta is None:                   # a record made from data: published by the office itself
                source, image = self.catalog.config.body, getattr(record, "photo", None)
                date = date or self.column_last.get(folder_of(uri))     # a record without a date of its own
            else:
                source = meta.source or ""
                image = meta.image or _first_image(uri, record)
        spec = self.specs.get(uri)
        if held is None and spec is not None:
            # A page made from many records (statistics, an index, the open data): the office's, as new as
            # its column (or as the newest content of the site, for a column of no dated records).
            record_title = self.titles.get(uri, "")
            date = (
                spec.search.date or self.column_last.get(folder_of(uri)) or max(self.column_last.values(), default=None)
            )
            source = self.catalog.config.body
        kind = self.page_kind(uri)
        if kind == "content":
            values.update(ArticleTitle=record_title,
                          PubDate=date.isoformat() if date else "", ContentSource=source)
        values["Keywords"] = _text(getattr(meta, "keywords", None)) or (column.keywords if column else None) \
            or self.keywords or ""
        values["Author"] = _text(getattr(meta, "author", None)) or self.author
        lead = getattr(held[1], "lead", "") if held else ""
        values["Description"] = _text(getattr(meta, "description", None)) or _cut(lead) \
            or (record_title if kind == "content" else "") or (column.description if column else "") \
            or self.description or ""
        picture = image or self.emblem
        values["Image"] = (self.where.absolute(self.where.file(picture)) or self.where.file(picture)) if picture else ""
        values["Url"] = self.where.absolute(self.where.page(uri)) or ""
        return {name: value for name in TAG_NAMES if (value := str(values.get(name) or "").strip())}


_HEADING = re.compile(r"^# (.+)$", re.MULTILINE)


def heading_titles(pages) -> dict[str, str]:
    """Source path -> the text of the first level-1 heading of each generated page (GeneratedPage)."""
    titles = {}
    for page in pages:
        match = _HEADING.search(page.markdown)
        if match:
            titles[page.uri] = html.unescape(re.sub(r"<[^>]+>|\{[^}]*\}\s*$", "", match.group(1))).strip()
    return titles


def _first_image(uri: str, article) -> str | None:
    """The first image of an article's body, as a path under docs/ (None for an image of another host)."""
    image = getattr(article, "image", None)
    if not image or "://" in image[0] or image[0].startswith(("/", "data:")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(uri), image[0].split("#")[0]))


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(str(v).strip() for v in value if str(v).strip())
    return " ".join(str(value).split()) if value else ""


def _cut(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= DESCRIPTION_LENGTH else text[:DESCRIPTION_LENGTH - 1] + "…"
