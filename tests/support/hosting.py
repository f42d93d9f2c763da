"""Shared helpers of the hosting tests: builds with site_url set or unset, and serving them two ways."""
from __future__ import annotations

import contextlib
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from support.browser import static_server
from support.nginx_server import nginx_server
from support.project import ROOT, output_path

sys.path.insert(0, str(ROOT / "deploy"))
import variant  # noqa: E402

SERVERS = ("nginx", "http.server")
PREFIXES = ("", "renda")
# The site's search input, whichever Pagefind UI the search feature uses.
SEARCH_BOX = "input[type=search], .pagefind-ui__search-input, [data-renda-search] input"


def build(project: Path, site: Path, site_url: str | None, **settings) -> Path:
    """Strict build of `project` into `site`, with site_url set explicitly both ways (never mkdocs.yml's)."""
    result = variant.build(project, site, {"site_url": site_url, **settings}, name="hosting")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr, result.stdout + result.stderr
    return site


@contextlib.contextmanager
def serve(server: str, site: Path, prefix: str) -> Iterator[str]:
    """Serve the folder `site` (which may still be empty: files are read per request) at `/<prefix>/`."""
    if server == "nginx":
        if prefix:
            web_root = site.parent / f"www-{site.name}"
            web_root.mkdir(exist_ok=True)
            mount = web_root / prefix
            if not mount.exists():
                mount.symlink_to(site.resolve(), target_is_directory=True)
        else:
            web_root = site
        with nginx_server(web_root, prefix) as base:
            yield base
    else:
        with static_server(site, prefix) as base:
            yield base


def page_url(base: str, uri: str) -> str:
    """The served URL of the page built from `uri` (directory URLs)."""
    path = output_path(uri)
    return base + (path[:-len("index.html")] if path.endswith("index.html") else path)


import pytest  # noqa: E402

from support.project import copy_project  # noqa: E402


@pytest.fixture(scope="session")
def hosting_project(tmp_path_factory) -> Path:
    """A copy of the demo project that the hosting tests build in various ways."""
    return copy_project(tmp_path_factory.mktemp("hosting-project"))


@pytest.fixture(scope="session")
def unset_site(hosting_project, tmp_path_factory) -> Path:
    """The demo built with site_url explicitly unset (the same files serve at any prefix)."""
    return build(hosting_project, tmp_path_factory.mktemp("unset") / "site", None)


def fetch(url: str) -> bytes:
    status, _, body = get(url)
    assert status == 200, url
    return body


def get(url: str, encoding: str = "identity") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class LiveSites:
    """Servers that stay up for the session, each serving a build whose site_url is the server's own URL
    (so it is built after the server got its port). One per (server, prefix), shared by the tests."""

    def __init__(self, project: Path, tmp_path_factory):
        self.project, self.tmp, self.stack, self.cache = project, tmp_path_factory, contextlib.ExitStack(), {}

    def get(self, server: str, prefix: str) -> tuple[str, Path]:
        key = (server, prefix)
        if key not in self.cache:
            site = self.tmp.mktemp(f"live-{server}-{prefix or 'root'}") / "site"
            site.mkdir()
            base = self.stack.enter_context(serve(server, site, prefix))
            build(self.project, site, base)
            self.cache[key] = (base, site)
        return self.cache[key]


@pytest.fixture(scope="session")
def live_sites(hosting_project, tmp_path_factory):
    sites = LiveSites(hosting_project, tmp_path_factory)
    yield sites
    sites.stack.close()
