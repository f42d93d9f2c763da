"""nginx for tests: the sample config served by deploy/local_serve.py. Without nginx the tests skip,
unless RENDA_REQUIRE_NGINX=1 (CI) makes that a failure."""
from __future__ import annotations

import os

import pytest

from support.project import ROOT  # noqa: F401  (puts hooks/ on sys.path)

from local_serve import BROTLI_MODULE, MAIN_CONF, MIME_TYPES, find_nginx, nginx_server as _nginx_server, render_sample

# What the hosting tests import from here: local_serve's constants and helpers, and nginx that must be there.
__all__ = ["BROTLI_MODULE", "MAIN_CONF", "MIME_TYPES", "find_nginx", "nginx_server", "render_sample", "require_nginx"]


def require_nginx() -> str:
    path = find_nginx()
    if path:
        return path
    if os.environ.get("RENDA_REQUIRE_NGINX") == "1":
        pytest.fail("nginx not found, and RENDA_REQUIRE_NGINX=1 demands it")
    pytest.skip("nginx not found on this machine")


def nginx_server(web_root, prefix: str = "", port: int | None = None, brotli: bool = False):
    return _nginx_server(web_root, prefix, port, brotli, binary=require_nginx())
