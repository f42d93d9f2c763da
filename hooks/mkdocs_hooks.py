"""MkDocs glue for the renda_site generator, which knows nothing of MkDocs (its layout: CONTRIBUTING.md,
「生成器的结构」). `RENDA_PAGEFIND=0` builds without the search index, as `mkdocs serve` does."""
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

sys.path.insert(0, str(Path(__file__).resolve().parent))

from renda_site.build.preview import IdleCollector, notify_on_save  # noqa: E402
from renda_site.build.session import BuildFailed, BuildSession  # noqa: E402

log = logging.getLogger("mkdocs.plugins.renda_site")
_state: dict = {}              # module globals survive `mkdocs serve` rebuilds: one session at a time
_collector = IdleCollector()   # the preview's cycle collection, between rebuilds


def on_startup(command, dirty=False, **kwargs):
    _state["command"], _state["dirty"] = command, dirty
    _collector.active = command == "serve"
    _state["cache"] = command == "serve" or dirty      # incremental builds keep the generated files on disk


def on_config(config):
    """Check and generate before MkDocs touches the output folder: bad data leaves the last site intact."""
    on_shutdown()
    _collector.building()
    _state["data_error"] = True            # until this build's data is known to be good
    try:
        # The preview runs the 网站体检 once, at its first build: each save then shows the page sooner.
        inspect = _state.get("command") != "serve" or not _state.get("inspected")
        _state["session"] = BuildSession(Path(config.config_file_path).resolve().parent, config.site_url,
                                         config.use_directory_urls, log, _state.get("cache", True), inspect,
                                         _state.get("generation"), incremental=_state.get("command") == "serve")
    except BuildFailed as exc:
        raise PluginError(str(exc)) from None
    _state["generation"] = _state["session"].generation   # the next save of the preview starts from it
    _state["data_error"] = False
    if inspect and _state.get("command") == "serve":
        log.info("预览期间保存修改后不再重复网站体检，页面更新更快；需要时运行 bash dev.sh check。")
    _state["inspected"] = True
    if _state.get("command") == "build":        # published only once complete (a --dirty build too)
        config.site_dir = _state["session"].stage(config.site_dir, keep=bool(_state.get("dirty")))


def on_files(files, config):
    session = _state["session"]
    for uri, edit_uri, content in session.generated(str(Path(config.docs_dir).resolve())):
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} 与自动生成的页面或文件同名，请删除或改名该文件")
        file = File(uri, str(session.out_dir), config.site_dir, config.use_directory_urls) if content is None \
            else File.generated(config, uri, content=content)
        file.edit_uri = edit_uri or file.edit_uri
        files.append(file)
    for uri in session.withheld():                  # built by the preview only, with a 草稿 mark
        if (file := files.get_file_from_path(uri)) is not None:
            file.inclusion = InclusionLevel.DRAFT
    if _state.get("command") == "build":         # what each file came from decides what a build publishes
        session.record_origins(
            str(Path(config.docs_dir).resolve()),
            [
                (f.dest_uri, f.abs_src_path, f.is_documentation_page() and f.inclusion.is_included(), f.src_uri)
                for f in files
            ],
        )
    for file in files.media_files():                 # photos without their EXIF/XMP (docs/ untouched)
        try:
            cleaned = session.published_image(file.abs_src_path) if file.abs_src_path else None
        except BuildFailed as exc:
            raise PluginError(str(exc)) from None
        if cleaned:
            file.abs_src_path = cleaned
    pages = [file for file in files if file.is_documentation_page()]
    order = session.conversion_order([file.src_uri for file in pages])
    if order is not None:                            # MkDocs converts the pages in the order of `files`
        files = Files([pages[i] for i in order] + [file for file in files if not file.is_documentation_page()])
    session.start_helpers([f.url for f in files.documentation_pages()], audit=_state.get("command") == "build")
    return files


def on_pre_build(config):
    if _state.get("command") != "serve":                 # the preview builds no search index
        _state["session"].prepare_search(config.nav)


def on_page_markdown(markdown, page, config, files):
    return _state["session"].decorate(page.file.src_uri, markdown)


def on_page_content(html, page, config, files):
    _state["session"].index_content(page.file.dest_uri, html, page.title or config.site_name)


def on_env(env, config, files):
    env.globals.update(_state["session"].theme_globals())
    _state["session"].start_search()


def on_post_page(output, page, config):
    return _state["session"].audited(page.file.dest_uri, output)


def on_page_context(context, page, config, nav):
    context["renda_qr"] = _state["session"].qr_block(page.url)
    context["renda_tags"] = _state["session"].page_tags(page.file.src_uri)


def on_post_build(config):
    try:
        _state["session"].finish(config.site_dir)
    except BuildFailed as exc:
        raise PluginError(str(exc)) from None
    _collector.built()


def on_shutdown(error=None):
    session = _state.pop("session", None)
    if session is not None:
        session.close()


def on_build_error(error=None):
    if not _state.get("data_error"):      # past generation, its files may not all be written: start afresh
        _state.pop("generation", None)
    session = _state.pop("session", None)
    if session is not None:
        session.abandon()


def on_serve(server, config, builder):
    """MkDocs' server holds every request until a rebuild succeeds: our own data error is swallowed, so
    the last good site stays served (on_config failed before the output folder was touched)."""
    def tolerant_builder(*args, **kwargs):
        try:
            builder(*args, **kwargs)
        except Exception:
            if not _state.get("data_error"):
                raise
            log.error("预览仍显示上次成功生成的网站。改正上面列出的错误并保存后，预览会自动更新。")
        finally:
            _collector.built()
    server.builder = tolerant_builder
    notify_on_save(server, log)
    return server
