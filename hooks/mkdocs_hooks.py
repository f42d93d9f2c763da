"""MkDocs glue for the renda_site generator, which knows nothing of MkDocs (see DESIGN.md).
`RENDA_PAGEFIND=0` builds without the search index, as `mkdocs serve` does."""
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import normalize_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from renda_site.publish.session import BuildFailed, BuildSession  # noqa: E402

log = logging.getLogger("mkdocs.plugins.renda_site")
_state: dict = {}              # module globals survive `mkdocs serve` rebuilds: one session at a time


def on_startup(command, dirty=False, **kwargs):
    _state["command"], _state["cache"] = command, command == "serve" or dirty   # incremental: keep files


def on_config(config):
    """Check and generate before MkDocs touches the output folder: bad data leaves the last site intact."""
    on_shutdown()
    _state["data_error"] = True            # until this build's data is known to be good
    try:
        _state["session"] = BuildSession(Path(config.config_file_path).resolve().parent, config.site_url,
                                         config.use_directory_urls, log, _state.get("cache", True))
    except BuildFailed as exc:
        raise PluginError(str(exc)) from None
    _state["data_error"] = False


def on_files(files, config):
    session = _state["session"]
    for uri, edit_uri, content in session.generated(str(Path(config.docs_dir).resolve())):
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} 与自动生成的页面或文件同名，请删除或改名该文件")
        file = File(uri, str(session.out_dir), config.site_dir, config.use_directory_urls) if content is None \
            else File.generated(config, uri, content=content)
        file.edit_uri = edit_uri or file.edit_uri
        files.append(file)
    session.start_qr([f.url for f in files.documentation_pages()])


def on_nav(nav, config, files):
    _state["nav_uris"] = {page.file.src_uri for page in nav.pages}
    _state["nav_urls"] = [page.url for page in nav.pages] + ["assets/"]   # "assets/" pins the page depth


def on_pre_build(config):
    if _state.get("command") != "serve":                 # the preview builds no search index
        _state["session"].prepare_search(config.nav)


def on_page_markdown(markdown, page, config, files):
    return _state["session"].decorate(page.file.src_uri, markdown)


def on_page_content(html, page, config, files):
    _state["session"].index_content(page.file.dest_uri, html, page.title or config.site_name, config.theme["language"])


def on_env(env, config, files):
    _state["session"].start_search()
    if os.environ.get("RENDA_NAV_CACHE") != "0":       # 0: render the nav for every page (to compare)
        _cache_nav(env.get_template("partials/nav.html"))


def _cache_nav(template) -> None:
    """For a page not itself in the nav no nav item is active: its nav HTML differs from another such page's
    only by the relative URLs of the links. Render once per distinct set of those URLs (same bytes)."""
    render, cache, nav_uris, urls = template.root_render_func, {}, _state["nav_uris"], _state["nav_urls"]

    def cached_render(context):
        page = context.get("page")
        if page is None or getattr(page, "file", None) is None or page.file.src_uri in nav_uris:
            yield from render(context)
            return
        key = tuple(normalize_url(url, page=page, base=context.get("base_url", "")) for url in urls)
        if key not in cache:
            cache[key] = "".join(render(context))
        yield cache[key]

    template.root_render_func = cached_render


def on_page_context(context, page, config, nav):
    context["renda_qr"] = _state["session"].qr_block(page.url)


def on_post_build(config):
    try:
        _state["session"].finish(config.site_dir)
    except BuildFailed as exc:
        raise PluginError(str(exc)) from None


def on_shutdown(error=None):
    session = _state.pop("session", None)
    if session is not None:
        session.close()


on_build_error = on_shutdown


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
    server.builder = tolerant_builder
    return server
