"""MkDocs adapter for the renda_site generator: run it, register what it wrote, decorate articles.

Kept thin on purpose (see DESIGN.md): all the logic lives in renda_site, which knows nothing of MkDocs.
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))

from renda_site import ContentError, Result, generate  # noqa: E402
from renda_site.output import write_pages  # noqa: E402

log = logging.getLogger("mkdocs.plugins.renda_site")
CACHE = Path(".cache") / "generated"
_state: dict = {}


def on_config(config):
    """Check and generate before MkDocs touches the output folder: bad data leaves the last site intact."""
    root = Path(config.config_file_path).resolve().parent
    started = time.perf_counter()
    _state["data_error"] = False          # only a data error of this very build may be tolerated
    try:
        result = generate(root)
    except ContentError as exc:
        for problem in exc.problems.errors:
            log.error(str(problem))
        log.error("共 %d 个错误。", len(exc.problems.errors))
        _state["data_error"] = True
        raise PluginError("数据检查未通过，网站未生成。请按上面的提示修改后再试。") from None
    if result.problems.warnings:
        log.info("数据检查有 %d 个警告（不影响生成），运行 python -m renda_site check 查看。", len(result.problems.warnings))
    out_dir = root / CACHE
    stats = write_pages(result.pages, out_dir)
    _state.update(result=result, root=root, out_dir=out_dir)
    log.info("生成页面 %d 个（写入 %d，未变 %d，删除 %d），用时 %.2f 秒", len(result.pages),
             stats.written, stats.unchanged, stats.removed, time.perf_counter() - started)
    return config


def on_files(files: Files, config) -> Files:
    result: Result = _state["result"]
    docs_dir = Path(config.docs_dir).resolve()
    for page in result.pages:
        if files.get_file_from_path(page.uri) is not None:
            raise PluginError(f"docs/{page.uri} 与自动生成的页面同名，请删除或改名该文件")
        file = File(page.uri, str(_state["out_dir"]), config.site_dir, config.use_directory_urls)
        if page.edit_path:
            # "Edit this page" opens the data file the page was generated from.
            file.edit_uri = Path(_relative(_state["root"] / page.edit_path, docs_dir)).as_posix()
        files.append(file)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    return _state["result"].decorate(page.file.src_uri, markdown)


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
    import os
    return os.path.relpath(path, start)
