"""The build, from the files to the pages, in the order it runs:

    load      input/        read data/, docs/ and mkdocs.yml; every file's own checks
    validate  model/        the typed records, the rules across records (Checker)
    relate    model/        the catalog: every record with its references resolved both ways
    pages     kinds/        what each record kind makes (PageSpec), the home page and site map
    publish   publish/      feeds, open data (with Popolo and the JSON Schemas)
    render    render/       every page spec rendered to Markdown (the open-data page last: it lists sizes)

`check` stops after validate (the pre-commit check, `bash dev.sh check`); `generate` runs it all and
returns a Result. Writing the site, QR codes, the search index and the swap into the published folder
are build steps around this (build/); the editors' tools (editors/) use the sources only. Nothing here
names a record kind: every step loops over the registry (kinds/__init__.py).
"""
from __future__ import annotations

import contextlib
import datetime
import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .address import Address
from .clock import beijing_today
from .input.load import Loaded, load_data
from .kinds import KINDS
from .model.catalog import Catalog
from .model.checker import Checker
from .model.records import PUBLIC_NUMBERS, SITE
from .outputs import GeneratedFile, GeneratedPage, PageSpec
from .problems import ContentError, Problems
from .stages import stage


def sources() -> list:
    """Every data source, in reading order: the site's configuration first (the kinds' checks use it)."""
    return [SITE, *(source for kind in KINDS for source in kind.sources), PUBLIC_NUMBERS]


@dataclass
class Result:
    catalog: Catalog
    specs: list[PageSpec]
    pages: list[GeneratedPage]
    files: list[GeneratedFile]  # feeds, open data: published as they are, beside the pages
    problems: Problems            # warnings only: a result is never made from content with errors
    public_numbers: list[str] = field(default_factory=list)   # data/public_numbers.yaml, for the output audit
    settings: dict = field(default_factory=dict)     # mkdocs.yml as parsed (the 网站体检 reads the site's tags)
    docs_files: set[str] = field(default_factory=set)
    today: datetime.date | None = None
    # What the result was made from, kept by a preview for its next save (build/incremental.py).
    loaded: Loaded | None = field(default=None, repr=False)
    checker: Checker | None = field(default=None, repr=False)

    def decorate(self, src_uri: str, markdown: str) -> str:
        from .render.decorate import decorate
        return decorate(self.catalog, src_uri, markdown)

    def withheld(self) -> list[str]:
        """Source paths of the pages this build does not publish (drafts, scheduled articles)."""
        return sorted(self.catalog.withheld_pages())

    def inspection(self, directory_urls: bool = True):
        """The 网站体检 of this build (see inspection/)."""
        from .inspection import inspect
        from .render.page_tags import heading_titles

        return inspect(
            self.catalog,
            self.settings,
            self.specs,
            self.today or beijing_today(),
            self._where(directory_urls),
            {f.path for f in self.files},
            self.docs_files,
            heading_titles(self.pages),
        )

    def page_tags(self, directory_urls: bool = True):
        """The page tags of every page (render/page_tags.py), for the theme."""
        from .render.page_tags import PageTags, heading_titles

        return PageTags(
            self.catalog, self.settings, self.specs, self._where(directory_urls), heading_titles(self.pages), self.today
        )

    def _where(self, directory_urls: bool) -> Address:
        return Address(self.settings.get("site_url") or None, directory_urls)

    def search_plan(self, nav: list | None = None, directory_urls: bool = True):
        from .publish.search_plan import search_plan
        return search_plan(self.catalog, KINDS, self.specs, nav, directory_urls)


def check(root: Path, today: datetime.date | None = None) -> tuple[Problems, Loaded]:
    """Load and check everything below `root`; returns the problems and the loaded content."""
    problems, loaded, _ = _check(root, today)
    return problems, loaded


def _check(root: Path, today: datetime.date | None) -> tuple[Problems, Loaded, Checker]:
    problems = Problems()
    with _no_cycle_collection():
        with stage("读取数据（YAML、Markdown、附件）"):
            loaded = load_data(Path(root), sources(), problems)
        loaded.today = today or beijing_today()
        with stage("校验（模型、引用、隐私、正文）"):
            checker = Checker(loaded, KINDS, problems, loaded.today)
            checker.run(loaded.one("site"))
    return problems, loaded, checker


@contextlib.contextmanager
def _no_cycle_collection():
    """Loading and generating make hundreds of thousands of objects that all stay alive; Python's cycle
    collector runs again and again over them for nothing. Reference counting still frees everything as
    usual; cycles made meanwhile are collected once it is back on. Nested use keeps it off until the
    outermost exits."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Given the new catalog and every page spec, the pages kept from an earlier result instead of being
# rendered again, by source path (a preview's next save, see build/incremental.py).
Reuse = Callable[[Catalog, list[PageSpec]], dict[str, GeneratedPage]]


def generate(root: Path, today: datetime.date | None = None, site_url: str | None = None,
             directory_urls: bool = True, reuse: Reuse | None = None) -> Result:
    """Check the content and render every generated page and file. Raises ContentError on any error.

    `site_url` (the public address, if known) and `directory_urls` (a/b.md -> a/b/) come from whatever
    builds the site; they make the absolute links of feeds and the URLs in open data. `reuse` names the
    pages that need not be rendered again (their earlier rendering is still right)."""
    with _no_cycle_collection():
        return _generate(root, today, site_url, directory_urls, reuse)


def _generate(root: Path, today: datetime.date | None, site_url: str | None, directory_urls: bool,
              reuse: Reuse | None = None) -> Result:
    problems, loaded, checker = _check(root, today)
    if problems.errors:
        raise ContentError(problems)
    # Imported here: templates and pinyin take most of the start-up time, and `check` (a pre-commit
    # hook) needs neither.
    from .publish.feeds import feed_files
    from .publish.opendata import OpenData
    from .render.env import render_pages
    with stage("关联记录（catalog）"):
        catalog = build_catalog(loaded)
    where = Address(site_url or None, directory_urls)
    with stage("生成页面的规格（各类记录）"):
        specs = page_specs(catalog)
    with stage("订阅源和开放数据"):
        open_data = OpenData(catalog, KINDS, where)
        files = [*feed_files(catalog, KINDS, where), *open_data.files()]
        specs += [open_data.page(files), open_data.developer_page(files)]
    kept = reuse(catalog, specs) if reuse is not None else {}
    with stage("渲染生成的页面（模板）"):
        rendered = iter(render_pages([s for s in specs if s.uri not in kept], catalog, directory_urls))
        pages = [kept[s.uri] if s.uri in kept else next(rendered) for s in specs]
    _check_unique(pages, files, problems)
    return Result(catalog, specs, pages, files, problems, [p.number for p in loaded.of("public_numbers")],
                  site_settings(loaded), loaded.docs_files, loaded.today, loaded, checker)


def site_settings(loaded: Loaded) -> dict:
    """mkdocs.yml as read by the loader ({} without one)."""
    from .input.settings import SETTINGS_FILE
    return next((dict(raw) for path, raw in loaded.documents if path == SETTINGS_FILE and isinstance(raw, dict)), {})


def inspect_checked(loaded: Loaded):
    """The 网站体检 of content that `check` found without errors (for `check`): every page and file is
    made as for a build, but no page is rendered except those whose title only their heading says."""
    from .inspection import inspect
    from .publish.feeds import feed_files
    from .publish.opendata import OpenData
    from .render.env import render_pages
    from .render.page_tags import heading_titles
    catalog = build_catalog(loaded)
    settings = site_settings(loaded)
    where = Address(settings.get("site_url") or None)
    specs = page_specs(catalog)
    open_data = OpenData(catalog, KINDS, where)
    files = [*feed_files(catalog, KINDS, where), *open_data.files()]
    specs += [open_data.page(files), open_data.developer_page(files)]
    shown = {kind.page(r) for kind in KINDS for r in catalog.records(kind.name)}
    titles = heading_titles(render_pages([s for s in specs if s.uri not in shown], catalog))   # the pages of no record
    assert loaded.today is not None          # check() gave the content its date
    return inspect(catalog, settings, specs, loaded.today, where, {f.path for f in files}, loaded.docs_files, titles)


def build_catalog(loaded: Loaded) -> Catalog:
    """The catalog of checked content (call only when `check` found no error)."""
    return Catalog(loaded.one("site"), KINDS, loaded)


def page_specs(catalog: Catalog) -> list[PageSpec]:
    """Every generated page but the open-data page (which needs the sizes of the files it lists)."""
    from .render.site_pages import home_page, sitemap_page
    return [home_page(catalog, KINDS), *(spec for kind in KINDS for spec in kind.pages(catalog)),
            sitemap_page(catalog, KINDS)]


def _check_unique(pages: list[GeneratedPage], files: list[GeneratedFile], problems: Problems) -> None:
    """Two outputs at one address (a record whose id makes the same path as a listing page)
    would silently overwrite each other: report it against the record's file instead."""
    owner: dict[str, str | None] = {}
    for path, edit_path in [(p.uri, p.edit_path) for p in pages] + [(f.path, None) for f in files]:
        if path in owner:
            blamed = next((e for e in (edit_path, owner[path]) if e and e.endswith(".yaml")), edit_path or owner[path])
            problems.error(blamed or "data", None, "id", f"生成的地址 {path} 与另一个自动生成的页面或文件重复，"
                                                         "请改用其他编号")
        owner[path] = edit_path
    if problems.errors:
        raise ContentError(problems)
