"""What a record kind declares about itself. Each module under kinds/ subclasses `RecordKind` once; every
stage of the pipeline (load, check, catalog, pages, feeds, open data, schemas, search, scaffolds, site map,
home page) loops over the registry of kinds instead of naming them.

A kind refers to another kind through a typed reference field of its model (`Annotated[Id, RefTo(...)]`,
see references.py) and a declared `Relation` naming that field: one kind says its items *publish* records
of a second kind, another that its entries *mention* people of a third; the third kind's record page then
lists whatever any kind says about its record, importing none of them.
"""
from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..input.sources import DataSource
from ..outputs import Feed, HomeBlock, Link, PageSpec, SiteMapGroup
from .catalog import Catalog
from .checker import Checker
from .relations import Relation

if TYPE_CHECKING:
    from .records import SiteConfig


@dataclass(frozen=True)
class OpenDataSet:
    """A kind's records as open data: `<name>.json` (all records), optional `<name>.csv`, and one JSON
    file beside each record page. `fields` are (key, meaning) — meaning None takes the model field's
    description, so a field is explained once; nested lists of records get their own tables."""

    name: str                                   # shuju/<name>.json
    dataset: str                                # 人大代表
    summary: str                                # one line for the download table
    fields: list[tuple[str, str | None]]
    model: type
    nested: list[tuple[str, str, type, list[tuple[str, str | None]]]] = field(default_factory=list)
    csv_summary: str | None = None              # with csv_columns: shuju/<name>.csv
    csv_columns: list[str] = field(default_factory=list)
    csv_rows: Callable[[list[dict[str, Any]]], Iterable[dict[str, Any]]] | None = None
    csv_note: str | None = None                 # explains the CSV's rows and columns
    notes: list[str] = field(default_factory=list)   # usage notes printed on the 数据开放 page


@dataclass(frozen=True)
class Scaffold:
    """`bash dev.sh new <command>`: the kind says where the new file goes and what it holds; the
    editors' scaffolder writes every field of `model` with its description as a comment."""

    command: str
    help: str
    model: type
    arguments: list[tuple[str, dict[str, Any]]] = field(default_factory=list)   # (flag, argparse keyword arguments)
    # What an editor would type: the command's arguments, and the values filled into the new file's
    # blanks, nested as in the file ({"items": [{"title": …}]}). tests/test_editors_scaffold.py fills every
    # kind's scaffold with them and builds the site, so whatever a scaffold lets `check` accept builds.
    example_args: tuple[str, ...] = ()
    example: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Draft:
    """What a kind's scaffold produces: a new data file's path, its header comment and its values."""

    path: str
    header: str
    values: dict[str, Any]
    clash: str | None = None      # told when `path` exists already: how to choose another name


class RecordKind:
    """Base class: every method has a harmless default, so a kind declares only what it has."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Binds the kind's declared relations to its model: each takes its target kind from the
        reference fields it names (see Relation.bind), so a wrong path fails when the kind is imported."""
        super().__init_subclass__(**kwargs)
        if "relations" in cls.__dict__:
            cls.relations = tuple(relation.bind(cls.sources[0].model) for relation in cls.relations)

    name: ClassVar[str]                         # registry name, the data folder's name
    label: ClassVar[str]                        # in messages: 「代表编号「d0001」重复」
    sources: ClassVar[tuple[DataSource, ...]] = ()
    relations: ClassVar[tuple[Relation, ...]] = ()
    id_matches_file: ClassVar[bool] = False     # the id must equal the file name
    unique_ids: ClassVar[bool] = True           # ids must be unique within the kind
    section: ClassVar[tuple[str, str] | None] = None   # (first URL folder, section title) of its pages
    open_data: ClassVar[tuple[OpenDataSet, ...]] = ()
    scaffold: ClassVar[Scaffold | None] = None

    # identity and address
    def key(self, record: Any) -> str:
        key: str = record.id
        return key

    def file_of(self, key: str) -> str:
        """The file that holds the record `key` (a reference to it is not reported when that file
        could not be read: its own error is reported already)."""
        return self.sources[0].path if self.sources else ""

    def order(self, records: list[Any]) -> list[Any]:
        """The records in the order the site shows them."""
        return records

    def page(self, record: Any) -> str | None:
        """Source path (under docs/) of the record's own page, if it has one."""
        return None

    def withheld(self, record: Any, today: datetime.date) -> str | None:
        """Why a checked record is not published on `today` (a draft, a date still to come), or None.
        A withheld record is on no page, listing, feed, site map, search index or open-data file, and
        its own page is built only by the preview."""
        return None

    def sections(self, config: SiteConfig) -> list[tuple[str, str]]:
        """(first URL folder, section title) of the sections its pages live in, e.g. ("daibiao", "代表风采")."""
        return [self.section] if self.section else []

    def title(self, record: Any, catalog: Catalog) -> str:
        title: str = getattr(record, "title", None) or getattr(record, "name", None) or self.key(record)
        return title

    # stages
    def check(self, checker: Checker) -> None:
        """Checks across records that types cannot express; report through the checker."""

    def index(self, catalog: Catalog) -> object:
        """The kind's own lookups, computed once (see Catalog.index)."""
        return None

    def pages(self, catalog: Catalog) -> Iterable[PageSpec]:
        return ()

    def feeds(self, catalog: Catalog) -> Iterable[Feed]:
        return ()

    def project(self, dataset: OpenDataSet, record: Any, catalog: Catalog, urls: Any) -> dict[str, Any]:
        """One record as open data (only what its page shows); `urls` gives public page/file URLs."""
        raise NotImplementedError

    def names(self, record: Any) -> Iterable[str]:
        """The names by which a text refers to the record (a person's name and former names): what a
        relation with `text` looks for (see Relation.text)."""
        return ()

    def serving(self, record: Any, term: str, day: datetime.date | None = None) -> tuple[str, ...] | None:
        """For records that serve in terms (people): None when the record does not serve in `term` on
        `day` (on any day of the term when `day` is None), else the roles it holds then (maybe none).
        Other kinds' checks ask this through `Checker.serving`, without knowing how service is recorded."""
        return None

    def column_links(self, catalog: Catalog) -> Iterable[tuple[str, Link]]:
        """(column id, link) of pages a reader of an article column should find at the top of its
        listing (the 代表建议 column leads to each session's suggestions)."""
        return ()

    def popolo(self, catalog: Catalog, popolo: Any) -> dict[str, list[dict[str, Any]]]:
        """The kind's records in the Popolo data standard ("persons", "organizations", "memberships",
        "posts", "areas", "events", "vote_events"): see publish/popolo.py for `popolo`'s helpers."""
        return {}

    def updated(self, record: Any) -> datetime.date | None:
        """The date the record's page was last updated, for the 网站体检 (None: a record without one)."""
        return None

    def search_dates(self, catalog: Catalog) -> Iterable[tuple[str, Any]]:
        """(source path, date) of hand-written pages the kind knows the date of."""
        return ()

    def sitemap(self, catalog: Catalog) -> Iterable[SiteMapGroup]:
        return ()

    def home(self, catalog: Catalog) -> Iterable[HomeBlock]:
        """What the home page shows of this kind: blocks named by section (see outputs.HomeBlock)."""
        return ()

    def draft(self, editor: Any, args: argparse.Namespace) -> Draft:
        """A new data file for `bash dev.sh new <scaffold.command>` (see Scaffold). `editor` is the
        scaffolder: its `root`, `loaded` content, `today`, `county()` and `error(message)`."""
        raise NotImplementedError

    def link(self, record: Any, catalog: Catalog) -> Link | None:
        page = self.page(record)
        return Link(page, self.title(record, catalog)) if page else None
