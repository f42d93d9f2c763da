"""The preview's next save: generate again from the previous generation, doing only what the change can affect.

`mkdocs serve` keeps this process between saves. After each successful generation the preview keeps a
`Generation` (the result, with the content it was made from, and the size and time of every input file);
at the next save `regenerate` compares the files with it and takes one of three paths:

- 只改了文章正文: only the bodies of existing hand-written pages changed, and nothing a generated page
  shows of them (front matter, first paragraph, first image, the deputies they name). The changed files
  get their own checks (the loader's, the privacy scan, the body checks) and the previous result is used
  as it is: no generated page changes. Any finding sends the save down the full path, which reports it.
- 增量生成: data record files (or hand-written pages) changed, none added or removed. Everything is
  checked as in a full build (the rules across records need it); every page spec is made again, but only
  the pages the change can reach are rendered again: the changed records' own pages, the pages of the
  records related to them through the declared relations (see `reached`), and every page that is not one
  record's own (listings, indexes, home, site map, open data). The others keep their earlier Markdown.
- 完整生成: anything else (mkdocs.yml, data/site.yaml and the other single-file lists, templates, theme,
  files added or removed, images and attachments, a first build, an earlier data error).

Correctness is the rule: tests/test_incremental.py compares each path with a full generation of the same
content, byte for byte.
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..clock import beijing_today
from ..input.load import Loader
from ..input.privacy import scan
from ..kinds import KINDS
from ..model.bodies import check_bodies
from ..model.catalog import Catalog
from ..model.references import PAGES
from ..outputs import GeneratedPage, PageSpec
from ..pipeline import Result, generate
from ..problems import Problems

# What a save may change, relative to the project root; a change anywhere else is not seen here.
WATCHED = ("data", "docs", "overrides", "hooks", "mkdocs.yml")
FULL, RECORDS, BODIES = "完整生成", "增量生成", "只改了文章正文"

Stamps = dict[str, tuple[int, int]]          # path relative to the root -> (mtime in ns, size)
Node = tuple[str, str]                       # (kind name, record key)


def stamps(root: Path) -> Stamps:
    """Size and modification time of every file the build reads (one walk of the folders)."""
    found: Stamps = {}
    prefix = len(str(root)) + 1
    for top in WATCHED:
        path = root / top
        if path.is_file():
            stat = path.stat()
            found[top] = (stat.st_mtime_ns, stat.st_size)
            continue
        stack = [str(path)] if path.is_dir() else []
        while stack:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                    else:
                        stat = entry.stat(follow_symlinks=False)
                        found[entry.path[prefix:].replace(os.sep, "/")] = (stat.st_mtime_ns, stat.st_size)
    return found


@dataclass
class Generation:
    """A successful generation, kept by the preview for its next save."""

    result: Result
    stamps: Stamps
    page_tags: Any = None                     # the session's page tags of this result (made once)
    edges: dict[Node, set[Node]] | None = field(default=None, repr=False)   # record -> records it refers to


@dataclass
class Outcome:
    result: Result
    path: str                                 # FULL, RECORDS or BODIES
    why: str                                  # in Chinese, for the log
    rerendered: set[str] | None = None        # RECORDS: the pages rendered again (None: all of them)
    rewritten: set[str] = field(default_factory=set)   # RECORDS: the files (feeds, open data) that changed


def regenerate(root: Path, previous: Generation | None, now: Stamps, site_url: str | None,
               directory_urls: bool) -> Outcome:
    """The result for the content now below `root`, made along the cheapest path that is safe."""
    if previous is None:
        return Outcome(generate(root, site_url=site_url, directory_urls=directory_urls), FULL, "首次生成")
    changed = {path for path, stamp in now.items() if previous.stamps.get(path) != stamp}
    removed = previous.stamps.keys() - now.keys()
    record_files = _record_files(previous.result)
    why = _needs_full(changed, removed, now, previous.stamps, record_files)
    if previous.result.today != beijing_today():      # scheduled articles may be published from today
        why = "日期变了（北京时间）"
    if why:
        return Outcome(generate(root, site_url=site_url, directory_urls=directory_urls), FULL, why)
    if all(path.endswith(".md") and path.startswith("docs/") for path in changed):
        if _bodies_only(root, previous, changed):
            return Outcome(previous.result, BODIES, "、".join(sorted(changed)))
    rerendered: set[str] = set()

    def reuse(catalog: Catalog, specs: list[PageSpec]) -> dict[str, GeneratedPage]:
        again = pages_to_render(previous, catalog, specs, changed)
        rerendered.update(again)
        earlier = {page.uri: page for page in previous.result.pages}
        return {spec.uri: earlier[spec.uri] for spec in specs if spec.uri not in again and spec.uri in earlier}

    result = generate(root, site_url=site_url, directory_urls=directory_urls, reuse=reuse)
    earlier_files = {file.path: file.data for file in previous.result.files}
    rewritten = {file.path for file in result.files if earlier_files.get(file.path) != file.data}
    return Outcome(result, RECORDS, "、".join(sorted(changed)), rerendered, rewritten)


def _record_files(result: Result) -> set[str]:
    """The files that hold exactly one record each, and whose records a save may change incrementally:
    one-record data files (data/deputies/d0001.yaml) and hand-written pages."""
    assert result.loaded is not None
    from ..input.sources import DataSource
    one_per_file: list[DataSource] = [s for kind in KINDS for s in kind.sources if s.shape in ("files", "pages")]
    files = set()
    for source in one_per_file:
        for record in result.loaded.of(source.kind):
            files.add(_file(record))
    return files


def _file(record: Any) -> str:
    path = getattr(record, "path", None)          # a hand-written page (input.load.Article)
    return path if isinstance(path, str) else record.origin.path


def _needs_full(changed: set[str], removed: set[str], now: Stamps, before: Stamps, record_files: set[str]) -> str:
    """Why this save needs the full generation ("" when it does not)."""
    added = now.keys() - before.keys()
    if added or removed:
        return f"文件增加或删除：{_some(added | removed)}"
    if not changed:
        return "没有找到改动的文件"
    others = {path for path in changed if path not in record_files}
    if others:
        return f"改动的文件不是单条记录或文章：{_some(others)}"
    return ""


def _some(paths: Iterable[str]) -> str:
    shown = sorted(paths)
    return "、".join(shown[:3]) + (f" 等 {len(shown)} 个" if len(shown) > 3 else "")


def _bodies_only(root: Path, previous: Generation, changed: set[str]) -> bool:
    """Whether only the bodies of these pages changed, in ways no generated page shows, and they pass their
    own checks; if so the earlier records take the new bodies (the page decoration reads them)."""
    result, checker = previous.result, previous.result.checker
    assert result.loaded is not None and checker is not None
    source = next(s for kind in KINDS for s in kind.sources if s.shape == "pages")
    earlier = {a.path: a for a in result.loaded.of(source.kind)}
    problems = Problems()
    loader = Loader(root, problems)
    fresh = []
    for path in sorted(changed):
        old = earlier.get(path)
        full = root / path
        if old is None or loader.refused(full):
            return False
        new = loader.article(source.model, full, root / source.path)
        if new is None or problems.items:
            return False
        if (new.meta, new.lead, new.image, new.body_line) != (old.meta, old.lead, old.image, old.body_line):
            return False
        if _named(result.catalog, old.body) != _named(result.catalog, new.body):
            return False
        fresh.append((old, new))
    scan(loader.documents, result.public_numbers, problems)
    check_bodies(checker, [new for _, new in fresh])
    if problems.items:
        return False
    for old, new in fresh:
        old.body = new.body
    return True


def _named(catalog: Catalog, text: str) -> list[tuple[str, str]]:
    """The records a page's text names (relations found in texts), as the catalog finds them."""
    found = []
    for kind in catalog.kinds.values():
        for relation in kind.relations:
            if relation.text is not None:
                found += sorted(catalog.names_in(relation, text).items())
    return found


def pages_to_render(previous: Generation, catalog: Catalog, specs: list[PageSpec], changed: set[str]) -> set[str]:
    """The generated pages a change of the records in the `changed` files can reach (see module doc)."""
    before = previous.result.catalog
    if previous.edges is None:
        previous.edges = refers_to(before)
    now_edges = refers_to(catalog)
    nodes: set[Node] = set()
    for graph, edges in ((before, previous.edges), (catalog, now_edges)):
        reverse: dict[Node, set[Node]] = defaultdict(set)
        for source, targets in edges.items():
            for target in targets:
                reverse[target].add(source)
        for start in _records_in(graph, changed):
            nodes |= reached(start, edges, reverse)
    own = {page for kind in catalog.kinds.values() for r in catalog.records(kind.name) if (page := kind.page(r))}
    pages = {page for graph in (before, catalog) for name, key in nodes if (page := graph.page_of(name, key))}
    return {spec.uri for spec in specs if spec.uri not in own or spec.uri in pages}


def reached(start: Node, edges: dict[Node, set[Node]], reverse: dict[Node, set[Node]]) -> set[Node]:
    """The records whose pages may show something of `start`. A record page shows its own record, the
    records it refers to and theirs (X → Y → start), the records that refer to it (its tables: Y → X),
    those that refer to these (start → Y → X: the bulletin that published an appointment list, on the
    page of a deputy the list names) and what those refer to (Y → start beside Y → X: a suggestion's
    units on its lead deputy's page)."""
    referring, referred = reverse.get(start, set()), edges.get(start, set())
    found = {start} | referring | referred
    for other in referring:
        found |= reverse.get(other, set()) | edges.get(other, set())
    for other in referred:
        found |= edges.get(other, set())
    return found


def refers_to(catalog: Catalog) -> dict[Node, set[Node]]:
    """Every record's references (typed and found in texts) as a graph: record -> records it refers to."""
    edges: dict[Node, set[Node]] = defaultdict(set)
    for ref in catalog.references():
        target = catalog.pages_kind if ref.relation.target == PAGES else ref.relation.target
        edges[(ref.kind, catalog.kinds[ref.kind].key(ref.source))].add((target, ref.target))
    return edges


def _records_in(catalog: Catalog, files: set[str]) -> list[Node]:
    return [(name, kind.key(r)) for name, kind in catalog.kinds.items() for r in catalog.records(name)
            if _file(r) in files] + [(name, key) for (name, key), (r, _) in catalog.withheld.items()
                                     if _file(r) in files]
