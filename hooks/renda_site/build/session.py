"""One build of the site by a static generator (MkDocs' hook adapter, or any other): generating and
checking, writing the generated files, the helper processes, and what is reported to the editor.

`BuildSession` owns the helper processes of a build — the QR worker and Pagefind — and `close()` stops
both and removes their temporary files. It is called on every exit path: the end of the build, a failed
build, the end of `mkdocs serve`, and interpreter exit, because Ctrl-C during `mkdocs build` raises a
KeyboardInterrupt that no build event sees.
"""
from __future__ import annotations

import atexit
import logging
import os
import signal
import threading
import time
import weakref
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..address import SITEMAP, Address, docs_relative
from ..input.pictures import PictureError
from ..input.privacy import digits
from ..pipeline import generate
from ..problems import ContentError, collapse
from ..publish.audit import Context
from ..publish.images import RASTER, clean_image
from ..publish.output import WriteStats, write_pages
from ..publish.published import Origins, PageAudit, publish_only_what_is_used
from ..stages import stage, timed, write_stage_times
from .incremental import BODIES, FULL, RECORDS, Generation, regenerate, stamps
from .qr import QrCodes
from .staging import StagedSite, drop_source_maps

if TYPE_CHECKING:
    from .search_index import SearchIndexer

CACHE = Path(".cache") / "generated"       # generated Markdown and files: outside docs/, so the preview's
                                           # watcher does not see its own output


# How the preview generated after a save (incremental.py): the path taken, and why.
_PATHS = {
    FULL: "预览：完整生成（%s）",
    RECORDS: "预览：增量生成，改动了 %s；重新渲染 %d / %d 个生成页面",
    BODIES: "预览：只改了文章正文（%s），生成的页面不受影响，不再重新生成",
}


# Picture -> ((inode, size, mtime), its cleaned copy or None): the preview's answers of published_image.
_CLEANED: dict[str, tuple[tuple[int, int, int], str | None]] = {}


class BuildFailed(Exception):
    """The build must stop; the message is for editors (the details were logged already)."""


class BuildSession:
    def __init__(self, root: Path, site_url: str | None, directory_urls: bool, log: logging.Logger,
                 cache: bool = True, inspect: bool = True, previous: Generation | None = None,
                 incremental: bool = False):
        """`cache`: write the generated pages and files to the cache folder (the preview, a --dirty build:
        only what changed is rewritten and re-rendered); without it they are handed over in memory.
        `inspect`: run the 网站体检 (the preview runs it at its first build only).
        `incremental` (the preview): generate from `previous`, the last successful generation of this
        process, doing only what the saved change can affect (incremental.py); `self.generation` is then
        kept for the next save."""
        self.root, self.site_url, self.directory_urls, self.log = Path(root), site_url, directory_urls, log
        self.cache, self.incremental = cache, incremental
        self.out_dir = self.root / CACHE
        self.qr: QrCodes | None = None
        self.indexer: SearchIndexer | None = None
        self.staged: StagedSite | None = None
        self.finished = False            # the last page and the search index are written
        self.origins = Origins()         # where each file of the build came from (the published set)
        self.auditor: PageAudit | None = None    # a build's pages, audited as they are written
        self.data_error = False          # this build stopped on a data error (the preview tolerates it)
        started = time.perf_counter()
        self.generation: Generation | None = None
        outcome = None
        try:
            if incremental:
                with stage("预览：找出改动的文件"):
                    now = stamps(self.root)
                outcome = regenerate(self.root, previous, now, site_url, directory_urls)
                self.result = outcome.result
            else:
                self.result = generate(self.root, site_url=site_url, directory_urls=directory_urls)
        except ContentError as exc:
            for problem in exc.problems.errors:
                log.error(str(problem))
            log.error("共 %d 个错误。", len(exc.problems.errors))
            self.data_error = True
            raise BuildFailed(
                "数据检查未通过，网站未生成。请按上面的提示修改后再试（只检查数据：bash dev.sh check）。"
            ) from None
        # Only a session with something to close is watched. A session refused on its data, left in the
        # weak set, was collected later: Ctrl-C landing in that weak reference's callback was swallowed
        # ("Exception ignored in ... _remove") and the preview went on running.
        _OPEN.add(self)
        _stop_helpers_on_interrupt()
        warnings = self.result.problems.warnings
        if warnings:
            # info, not warning: `mkdocs build --strict` stops on any warning logged
            log.info("数据检查有 %d 个警告（不影响生成）：", len(warnings))
            for line in collapse(warnings):
                log.info("  %s", line)
        if outcome is not None:
            self.generation = Generation(self.result, now)
            log.info(_PATHS[outcome.path], outcome.why, *(() if outcome.rerendered is None
                                                           else (len(outcome.rerendered), len(self.result.pages))))
        if outcome is not None and outcome.path == BODIES and previous is not None:
            # Nothing generated changed: the pages, files and page tags on hand are this content's.
            assert previous.page_tags is not None
            self.writing, self.tags = WriteStats(unchanged=len(self.result.pages)), previous.page_tags
            self.generation = replace(previous, stamps=now)
            log.info("生成页面 %d 个（未变），用时 %.2f 秒", len(self.result.pages), time.perf_counter() - started)
            return
        if cache:
            # Feeds and open-data files are copied only after every page is converted: written meanwhile.
            with stage("写出生成的页面（缓存文件夹）"):
                self.writing = write_pages(self.result.pages, self.out_dir, self.result.files,
                                           files_in_background=True,
                                           only=None if outcome is None or outcome.rerendered is None
                                           else outcome.rerendered | outcome.rewritten)
            log.info(
                "生成页面 %d 个（写入 %d，未变 %d，删除 %d）、文件 %d 个（在后台写入），用时 %.2f 秒",
                len(self.result.pages),
                self.writing.written,
                self.writing.unchanged,
                self.writing.removed,
                len(self.result.files),
                time.perf_counter() - started,
            )
        else:
            self.writing = WriteStats()
            log.info("生成页面 %d 个、文件 %d 个（直接交给 MkDocs，不写缓存），用时 %.2f 秒", len(self.result.pages),
                     len(self.result.files), time.perf_counter() - started)
        if not site_url:
            log.info("mkdocs.yml 未填写 site_url，页面底部不显示本页二维码。")
        with stage("页面标签（政府网站发展指引）"):
            self.tags = self.result.page_tags(directory_urls)      # the theme prints them (on_page_context)
        if self.generation is not None:
            self.generation.page_tags = self.tags
        if not inspect:
            return
        with stage("网站体检"):
            inspection = self.result.inspection(directory_urls)    # warnings only: a build always goes on
            inspection.write(self.root)
        for line in inspection.summary():
            log.info(line)

    def generated(self, docs_dir: str) -> list[tuple[str, str | None, str | bytes | None]]:
        """(path under the output folder, edit link relative to `docs_dir`, content) of every page and
        file; content is None when it was written to the cache folder (`out_dir`). A generated page's
        "edit this page" opens the data file it was made from."""
        pages = [(p.uri, docs_relative(str(self.root / p.edit_path), docs_dir) if p.edit_path else None,
                  None if self.cache else p.markdown) for p in self.result.pages]
        return pages + [(f.path, None, None if self.cache else f.data) for f in self.result.files]

    def stage(self, site_dir: str, keep: bool = False) -> str:
        """The folder to build into instead of `site_dir`; `site_dir` gets the build only when it is
        complete (see staging.py). `keep`: start from a copy of the published site (a --dirty build
        rewrites only what changed)."""
        self.staged = StagedSite(Path(site_dir), keep)
        return str(self.staged.stage)

    def withheld(self) -> list[str]:
        """Pages the build leaves out (drafts, scheduled articles); the preview shows them, marked."""
        return self.result.withheld()

    @timed("图片去掉元数据")
    def published_image(self, path: str) -> str | None:
        """A copy of the raster image at `path` without its metadata, to publish instead; None: as it is."""
        if not path.lower().endswith(RASTER):
            return None
        # The preview asks again for every picture at each save: a file unchanged since it last asked
        # (same inode, size and time, and the cleaned copy still there) gives the same answer.
        stat = os.stat(path)
        stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        known = _CLEANED.get(path) if self.incremental else None
        if known is not None and known[0] == stamp and (known[1] is None or os.path.exists(known[1])):
            return known[1]
        try:
            cleaned = clean_image(Path(path), self.root / ".cache" / "images")
        except (OSError, PictureError) as exc:  # Pillow cannot read it: a damaged or mislabelled file
            raise BuildFailed(
                f"图片「{docs_relative(path, str(self.root))}」无法读取（{exc}），请换成正常的图片文件"
            ) from None
        _CLEANED[path] = (stamp, str(cleaned) if cleaned else None)
        return _CLEANED[path][1]

    @timed("记录每个文件的来源")
    def record_origins(self, docs_dir: str, files: list[tuple[str, str | None, bool, str]]) -> None:
        """(output path, source file or None, is a published page, source path) of every file the static
        generator will write: what it came from decides whether it must be used to be published."""
        generated = {p.uri: p.edit_path for p in self.result.pages}
        folders = ((str(self.out_dir), "kit"), (docs_dir, "docs"), (str(self.root / "overrides"), "overrides"))
        for dest, source, is_page, src_uri in files:
            if is_page:
                edit = generated[src_uri] if src_uri in generated else f"docs/{src_uri}"
                self.origins.pages[dest] = edit or f"自动生成的页面 {src_uri}"
                continue
            origin = "kit" if source is None else next(
                (name for folder, name in folders if Path(source).is_relative_to(folder)), "theme")
            shown = {"docs": f"docs/{src_uri}", "overrides": f"overrides/{src_uri}", "theme": f"主题 {src_uri}"}.get(
                origin, ""
            )
            self.origins.copied[dest] = (origin, shown)

    @timed("每页：正文装饰（链接、引用、署名）")
    def decorate(self, src_uri: str, markdown: str) -> str:
        return self.result.decorate(src_uri, markdown)

    @timed("启动二维码和审计进程")
    def start_helpers(self, page_urls: list[str], audit: bool) -> None:
        """Every page's address is known: QR codes are drawn meanwhile by a second process, and (`audit`:
        a build, not the preview, which also shows drafts) the pages are audited as they are written."""
        self._stop("qr")
        self.qr = QrCodes(self.site_url, page_urls)
        self._stop("auditor")
        if audit:
            self.auditor = PageAudit(self.audit_context(), len(page_urls))

    @timed("每页：交给输出审计进程")
    def audited(self, dest_uri: str, html: str) -> str:
        """A page as MkDocs writes it, handed to the audit; returned as it is."""
        if self.auditor is not None:
            self.auditor.add(dest_uri, html)
        return html

    @timed("每页：取页面标签")
    def page_tags(self, src_uri: str) -> dict[str, str]:
        return self.tags.tags(src_uri)

    @timed("每页：取二维码")
    def qr_block(self, page_url: str):
        assert self.qr is not None                # made with the pages' addresses
        return self.qr.block(page_url)

    @timed("搜索索引的分部计划")
    def prepare_search(self, nav: list | None) -> None:
        """The search index is built as pages are converted (`index_content`): Pagefind indexes each
        part of it as soon as the part is full, beside MkDocs, and the last one from `start_search`.
        `RENDA_PAGEFIND=0` builds without it."""
        if os.environ.get("RENDA_PAGEFIND") == "0":
            return
        from .search_index import SearchIndexer
        self._stop("indexer")
        self.indexer = SearchIndexer(self.result.search_plan(nav, self.directory_urls))

    def conversion_order(self, src_uris: list[str]) -> list[int] | None:
        """The order in which the pages should be converted for the search index (None: any order)."""
        if self.indexer is None:
            return None
        from .search_index import mixed_order
        return mixed_order(src_uris)

    @timed("每页：提取搜索文本")
    def index_content(self, dest_uri: str, content: str, title: str) -> None:
        if self.indexer is not None:
            self.indexer.add_content(dest_uri, content, title)

    @timed("等待缓存写完，启动最后一部分索引")
    def start_search(self) -> None:
        """Every page is converted (MkDocs' on_env): the files must be written before they are copied."""
        self.files_written()
        if self.indexer is not None:
            self.indexer.start()

    def files_written(self) -> None:
        try:
            self.writing.wait()
        except OSError as exc:
            raise BuildFailed(f"生成的文件未能写入 {self.out_dir}：{exc}") from None

    def finish(self, site_dir: str) -> None:
        """After the last page: publish only what is used and audit it (a build), wait for Pagefind,
        put its bundle into the site, stop the helpers."""
        self._stop("qr")
        # The preview's output folder holds Material's maps only where its assets are (docs/ can hold none:
        # the loader refuses the file type); looking there alone spares a walk of every page's folder.
        drop_source_maps(Path(site_dir), "assets" if self.incremental else "")
        if self.auditor is not None:
            with stage("发布集与输出审计（最后一页之后）"):
                self.publish_only_what_is_used(Path(site_dir))      # while Pagefind indexes its last part
        indexer, self.indexer = self.indexer, None
        if indexer is not None:
            try:
                with stage("等待 Pagefind（最后一页之后）"):
                    stats = indexer.finish(site_dir)
            except RuntimeError as exc:
                raise BuildFailed(str(exc)) from None
            parts = f"，分 {stats.parts} 部分" if stats.parts > 1 else ""
            self.log.info("站内搜索索引：%d 个页面，%.1f KB%s；页面生成后又等待 %.2f 秒",
                          stats.pages, stats.bytes / 1024, parts, stats.waited)
        self.finished = True

    def publish_only_what_is_used(self, site: Path) -> None:
        """Leave out what no published page uses; audit what stays; fail the build on any finding."""
        started = time.perf_counter()
        auditor, self.auditor = self.auditor, None
        assert auditor is not None                # made with the pages' addresses
        checked = auditor.results()
        waited = time.perf_counter() - started
        also = {item.path for item in getattr(self.result.catalog.config, "publish_also", None) or ()}
        outcome = publish_only_what_is_used(site, self.origins, auditor.context, also, checked)
        if outcome.dropped:
            shown = "、".join(outcome.dropped[:10]) + (
                f" 等 {len(outcome.dropped)} 个" if len(outcome.dropped) > 10 else ""
            )
            self.log.info("没有任何发布的页面使用，未发布：%s（确需发布的，在 data/site.yaml 的 publish_also "
                          "中写明理由）", shown)
        if outcome.problems:
            for problem in outcome.problems:
                self.log.error("发布前检查未通过：%s", problem)
            raise BuildFailed(f"发布前检查发现 {len(outcome.problems)} 处问题（见上面的 ERROR 行），网站未发布，"
                              "已发布的网站保持不变。")
        self.log.info("发布前检查：%d 个文件逐一检查通过（其中 %d 个页面在生成时已由第二个进程检查；未使用而不发布的："
                      "本站文件 %d 个、主题文件 %d 个），页面生成后又用时 %.2f 秒（等待第二个进程 %.2f 秒）",
                      outcome.kept, len(checked), len(outcome.dropped), outcome.dropped_theme,
                      time.perf_counter() - started, waited)

    def theme_globals(self) -> dict[str, str]:
        """Addresses the theme's own templates link to (the footer and the 404 page: 网站地图), from the
        routes table like every other address."""
        return {"renda_sitemap": Address(directory_urls=self.directory_urls).page(SITEMAP)}

    def audit_context(self) -> Context:
        config = self.result.catalog.config
        url = urlsplit(self.site_url or "")
        return Context(site_path=url.path if url.path.endswith("/") else url.path + "/",
                       own_hosts=frozenset({url.hostname.lower()} if url.hostname else ()),
                       embed_hosts=frozenset(getattr(config, "embed_hosts", None) or ()),
                       public_numbers=frozenset(digits(n) for n in self.result.public_numbers),
                       attachments_cache=self.root / ".cache" / "attachments")

    def abandon(self) -> None:
        """The build failed after it started writing: the staged folder goes, the published site stays."""
        self.finished = False
        self.close()

    def close(self) -> None:
        """End of the build: a finished, staged build is published; anything else is thrown away."""
        writing = getattr(self, "writing", None)
        if writing is not None and writing._pending is not None:
            writing._pending.join()               # never leave a half-written cache behind
        self._stop("indexer")
        self._stop("qr")
        self._stop("auditor")
        _OPEN.discard(self)
        staged, self.staged = self.staged, None
        if staged is not None:
            if self.finished:
                with stage("发布（换上新的网站文件夹）"):
                    staged.publish()
                self.log.info("网站已完整生成，发布到 %s", staged.target)
            else:
                staged.discard()
                self.log.error("网站生成未完成，已发布的网站（%s）保持不变。", staged.target)
        write_stage_times()

    def _stop(self, name: str) -> None:
        helper = getattr(self, name)
        setattr(self, name, None)
        if helper is not None:
            helper.close()


_OPEN: weakref.WeakSet[BuildSession] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for session in list(_OPEN):
        session.close()


def _stop_helpers_on_interrupt() -> None:
    """Ctrl-C stops the helpers first, then interrupts as before. Without this, interpreter exit would
    first wait for the QR worker to finish every code queued, and only then run the atexit handler."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or getattr(previous, "stops_helpers", False):
        return
    if previous == signal.SIG_IGN:           # started with Ctrl-C ignored (`nohup … &`, a background job):
        return                               # it is not meant to stop this build, so it must not close it

    def interrupted(signum, frame):
        _close_all()
        if callable(previous):
            previous(signum, frame)          # Python's default raises KeyboardInterrupt
        else:
            raise KeyboardInterrupt

    interrupted.stops_helpers = True         # type: ignore[attr-defined]
    signal.signal(signal.SIGINT, interrupted)
