"""Publish only what a published page needs: the published set is computed from the finished build, not
copied from the source folders.

MkDocs copies every file of docs/ and of the theme folders into the site. Here, after the last page is
written and before the build is swapped in, the set that may stay is computed: the pages published
today (drafts and scheduled articles were never written), the files those pages and their style sheets
link, embed or load (followed from page to style sheet to font or picture), the kit's own outputs
(feeds, open data, the search index, the site map), and the files data/site.yaml lists under
`publish_also` with a reason. Everything else copied from docs/, overrides/ or the theme is removed
and reported, so a budget draft dropped into docs/ or the pictures of a scheduled article do not go out.

Every file that stays is audited (audit.py) as the reader will receive it; any finding fails the build,
naming the published file and the source it came from, and the previous site stays as it was.
"""
from __future__ import annotations

import os
import threading
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from ..input.filetypes import signature_problem, video_problem
from ..input.pictures import RASTER
from . import audit
from .helper import helper_process

# Files the static generator writes itself, beside the pages (not copied from any source folder).
GENERATOR_FILES = {"404.html", "sitemap.xml", "sitemap.xml.gz", "robots.txt"}
SEARCH_FOLDER = "pagefind/"
_TEXT = (".txt", ".csv", ".xml", ".json", ".tsv")
_OPAQUE = (".gz", ".wasm", ".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".woff", ".woff2")
_OFFICE = (".pdf", ".docx", ".xlsx", ".pptx")


@dataclass
class Origins:
    """Where each file of the build came from: `pages` maps a page's output file to its source (docs/x.md,
    or the data file of a generated page); `copied` maps a copied file to (origin, source), origin being
    docs, overrides, theme or kit (the generator's feeds and open data)."""

    pages: dict[str, str] = field(default_factory=dict)
    copied: dict[str, tuple[str, str]] = field(default_factory=dict)

    def source(self, rel: str) -> str:
        if rel in self.pages:
            return self.pages[rel]
        return self.copied.get(rel, ("", "本工具包"))[1] or "本工具包"

    def origin(self, rel: str) -> str:
        if rel in self.pages or rel in GENERATOR_FILES or rel.startswith(SEARCH_FOLDER):
            return "kit"
        return self.copied.get(rel, ("unknown", ""))[0]


@dataclass
class Outcome:
    kept: int = 0
    dropped: list[str] = field(default_factory=list)        # sources of the files left out (docs/, overrides/)
    dropped_theme: int = 0
    problems: list[str] = field(default_factory=list)       # Chinese, one line each, naming file and source


class PageAudit:
    """The pages of a build audited as MkDocs writes them, by a second process on the other core: what
    `finish` then reads from the disk is only what the pages did not cover (the theme's pages, the
    style sheets, the files). Without a process (a small preview, a container without process
    semaphores) every file is read and checked at the end instead."""

    BATCH = 100
    LEAST = 500          # fewer pages are read at the end: starting the process would take longer

    def __init__(self, context: audit.Context, pages: int):
        self.context = context
        self.pool = helper_process() if pages >= self.LEAST and threading.current_thread() is threading.main_thread() \
            else None
        self.batch: list[tuple[str, str]] = []
        self.futures: list = []

    def add(self, rel: str, page: str) -> None:
        if self.pool is None:
            return
        self.batch.append((rel, page))
        if len(self.batch) >= self.BATCH:
            self._submit()

    def _submit(self) -> None:
        assert self.pool is not None              # add() submits only with a pool
        try:
            self.futures.append(self.pool.submit(check_pages, self.batch, self.context))
        except (OSError, RuntimeError):
            self.close()                          # the worker is gone: these pages are read at the end
        self.batch = []

    def results(self) -> dict[str, audit.Checked]:
        if self.batch and self.pool is not None:
            self._submit()
        checked: dict[str, audit.Checked] = {}
        for future in self.futures:
            try:
                checked.update(future.result())
            except Exception:                     # a batch the worker did not finish is read at the end
                continue
        self.close()
        return checked

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


_WORKER_LINES: list[audit.NewLines] = []


def check_pages(batch: list[tuple[str, str]], context: audit.Context) -> list[tuple[str, audit.Checked]]:
    """In the worker: one batch of pages, with the lines of the earlier batches known."""
    if not _WORKER_LINES:
        _WORKER_LINES.append(audit.NewLines())
    return [(rel, audit.check_html(rel, page, context, _WORKER_LINES[0])) for rel, page in batch]


def publish_only_what_is_used(site: Path, origins: Origins, context: audit.Context, also: set[str],
                              checked: dict[str, audit.Checked] | None = None) -> Outcome:
    """Remove from `site` what no published page uses; audit what stays. `also`: docs paths to keep;
    `checked`: pages audited already (PageAudit)."""
    outcome = Outcome()
    present: set[str] = set()
    for folder, dirs, files in os.walk(site, followlinks=False):
        here = Path(folder)
        for name in dirs + files:
            path = here / name
            rel = path.relative_to(site).as_posix()
            if path.is_symlink():
                outcome.problems.append(f"{rel}：生成结果中不能有符号链接（来自 {origins.source(rel)}）")
            elif name in files:
                present.add(rel)
    roots = {rel for rel in present if rel.endswith(".html") or origins.origin(rel) == "kit"} | (also & present)
    used, scripts = _follow(site, roots, present, origins, context, outcome, checked or {})
    for rel in sorted(present - used):
        origin = origins.origin(rel)
        if origin == "unknown":
            outcome.problems.append(f"{rel}：生成结果中出现了来历不明的文件，不能发布")
            continue
        (site / rel).unlink()
        if origin == "theme":
            outcome.dropped_theme += 1
        else:
            outcome.dropped.append(origins.source(rel))
    for folder, _, _ in os.walk(site, topdown=False):
        if folder != str(site) and not os.listdir(folder):
            os.rmdir(folder)                     # a folder whose every file was left out
    for rel in sorted(used):
        if rel.endswith(".js") and origins.origin(rel) in ("docs", "overrides") and rel not in scripts:
            (site / rel).unlink()                # a script of docs/ goes out only when a page loads it
            outcome.dropped.append(origins.source(rel))
            continue
        outcome.kept += 1
        for problem in _audit_file(site / rel, rel, origins, context):
            outcome.problems.append(f"{rel}（来自 {origins.source(rel)}）：{problem}")
    return outcome


def _follow(site: Path, roots: set[str], present: set[str], origins: Origins, context: audit.Context,
            outcome: Outcome, done: dict[str, audit.Checked]) -> tuple[set[str], set[str]]:
    """Every file reached from the roots through pages and style sheets; pages and style sheets are
    audited on the way (they are read once)."""
    used, scripts = set(roots), set()
    new_lines = audit.NewLines()
    queue = deque(sorted(roots))
    while queue:
        rel = queue.popleft()
        if not rel.endswith((".html", ".css")) or rel.startswith(SEARCH_FOLDER):
            continue
        checked = done.get(rel)
        if checked is None:
            text = (site / rel).read_text(encoding="utf-8", errors="replace")
            checked = audit.check_html(rel, text, context, new_lines) if rel.endswith(".html") else \
                audit.check_css(rel, text, context, own=origins.origin(rel) != "theme")
        outcome.problems += [f"{rel}（来自 {origins.source(rel)}）：{p}" for p in dict.fromkeys(checked.problems)]
        scripts |= checked.scripts
        for target in checked.uses:
            if target not in present and target + "/index.html" in present:
                target += "/index.html"
            if target in present and target not in used:
                used.add(target)
                queue.append(target)
    return used, scripts


def _audit_file(path: Path, rel: str, origins: Origins, context: audit.Context) -> list[str]:
    suffix = path.suffix.lower()
    if suffix in (".html", ".css") and not rel.startswith(SEARCH_FOLDER):
        return []                                 # audited while following the links
    if rel.startswith(SEARCH_FOLDER) and origins.origin(rel) == "kit":
        return []                                 # Pagefind's own files and the index of the audited pages
    if suffix == ".js":
        return [] if origins.origin(rel) != "unknown" else ["来历不明的脚本"]
    if suffix in RASTER:
        return audit.check_picture(path).problems
    if suffix == ".svg":
        return audit.check_svg(rel, path.read_text(encoding="utf-8", errors="replace"), context).problems
    if suffix in _OFFICE:
        return audit.check_attachment(path, context).problems
    if suffix in _TEXT:
        return audit.check_text(rel, path.read_text(encoding="utf-8", errors="replace"), context).problems
    if suffix == ".mp4":
        problem = video_problem(path)
        return [problem] if problem else []
    if suffix in (".mp3", ".woff", ".woff2"):
        problem = signature_problem(path)
        return [problem] if problem else []
    if suffix in _OPAQUE:
        return []
    return [f"文件类型「{suffix or '（无扩展名）'}」不在可以发布的类型中"]
