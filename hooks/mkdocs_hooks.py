"""MkDocs adapter for the renda_site generator: run it, register what it wrote, decorate articles.

Kept thin on purpose (see DESIGN.md): all the logic lives in renda_site, which knows nothing of MkDocs.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))

from renda_site import ContentError, Result, generate  # noqa: E402
from renda_site.output import write_pages  # noqa: E402
from renda_site.qr import QrCodes  # noqa: E402

log = logging.getLogger("mkdocs.plugins.renda_site")
CACHE = Path(".cache") / "generated"
_state: dict = {}


def on_config(config):
    """Check and generate before MkDocs touches the output folder: bad data leaves the last site intact."""
    root = Path(config.config_file_path).resolve().parent
    started = time.perf_counter()
    _state["data_error"] = False          # only a data error of this very build may be tolerated
    try:
        result = generate(root, site_url=config.site_url, directory_urls=config.use_directory_urls)
    except ContentError as exc:
        for problem in exc.problems.errors:
            log.error(str(problem))
        log.error("共 %d 个错误。", len(exc.problems.errors))
        _state["data_error"] = True
        raise PluginError("数据检查未通过，网站未生成。请按上面的提示修改后再试。") from None
    if result.problems.warnings:
        log.info("数据检查有 %d 个警告（不影响生成），运行 python -m renda_site check 查看。", len(result.problems.warnings))
    out_dir = root / CACHE
    stats = write_pages(result.pages, out_dir, result.files)
    _state.update(result=result, root=root, out_dir=out_dir)
    log.info("生成页面 %d 个、文件 %d 个（写入 %d，未变 %d，删除 %d），用时 %.2f 秒", len(result.pages), len(result.files),
             stats.written, stats.unchanged, stats.removed, time.perf_counter() - started)
    if not config.site_url:
        log.info("mkdocs.yml 未填写 site_url，页面底部不显示本页二维码。")
    return config


def on_files(files: Files, config) -> Files:
    result: Result = _state["result"]
    docs_dir = Path(config.docs_dir).resolve()
    # Pages, then files MkDocs copies as they are (feeds, JSON, CSV): both live in the cache folder.
    generated = [(p.uri, p.edit_path) for p in result.pages] + [(f.path, None) for f in result.files]
    for uri, edit_path in generated:
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} 与自动生成的页面或文件同名，请删除或改名该文件")
        file = File(uri, str(_state["out_dir"]), config.site_dir, config.use_directory_urls)
        if edit_path:
            # "Edit this page" opens the data file the page was generated from.
            file.edit_uri = Path(_relative(_state["root"] / edit_path, docs_dir)).as_posix()
        files.append(file)
    # Every page's address is known now: QR codes are drawn meanwhile by a second process.
    _close("qr")
    _state["qr"] = QrCodes(config.site_url, [f.url for f in files.documentation_pages()])
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    return _state["result"].decorate(page.file.src_uri, markdown)


def on_startup(command, **kwargs):
    _state["command"] = command


def on_pre_build(config):
    """Search index (not under `mkdocs serve`, nor with RENDA_PAGEFIND=0): pages are handed to it
    as they are converted, Pagefind starts in on_env and runs beside the theme's rendering."""
    _close("indexer")
    if os.environ.get("RENDA_PAGEFIND") == "0" or _state.get("command") == "serve":
        return
    from renda_site.search_index import SearchIndexer
    from renda_site.search_plan import search_plan
    _state["indexer"] = SearchIndexer(search_plan(_state["result"].site, config.nav, config.use_directory_urls))


def on_page_content(html: str, page, config, files) -> str:
    indexer = _state.get("indexer")
    if indexer is not None:
        # The same body overrides/partials/content.html marks with data-pagefind-body (title, text).
        title = "" if "<h1" in html else f"<h1>{page.title or config.site_name}</h1>"
        body = f'<div class="rd-page-body" data-pagefind-body>\n{title}\n{html}\n</div>'
        indexer.add_body(page.file.dest_uri, body, config.theme["language"])
    return html


def on_env(env, config, files):
    if _state.get("indexer") is not None:
        _state["indexer"].start()
    return env


def on_post_build(config):
    _close("qr")
    indexer = _state.pop("indexer", None)
    if indexer is not None:
        try:
            stats = indexer.finish(config.site_dir)
        except RuntimeError as exc:
            raise PluginError(str(exc)) from None
        log.info("站内搜索索引：%d 个页面，%.1f KB；页面生成后又等待 %.2f 秒", stats.pages, stats.bytes / 1024, stats.waited)


def on_build_error(error):
    _close("indexer")
    _close("qr")


def _close(key: str) -> None:
    """Stop the helper process of this build (QR worker or Pagefind) and forget it."""
    helper = _state.pop(key, None)
    if helper is not None:
        helper.close()


def on_page_context(context, page, config, nav):
    context["renda_qr"] = _state["qr"].block(page.url)
    return context


def on_serve(server, config, builder):
    """Preview: a data error must not stall the preview. MkDocs' server holds every request until a
    rebuild succeeds; swallowing our own data error instead keeps the last good site served (on_config
    failed before the output folder was touched) and the browser gets it back at once."""
    def tolerant_builder(*args, **kwargs):
        try:
            builder(*args, **kwargs)
        except BaseException:
            if not _state.get("data_error") or sys.exc_info()[0] is KeyboardInterrupt:
                raise
            log.error("预览仍显示上次成功生成的网站。改正上面列出的错误并保存后，预览会自动更新。")
    server.builder = tolerant_builder
    return server


def _relative(path: Path, start: Path) -> str:
    return os.path.relpath(path, start)
