"""nginx for tests: started by the test itself, unprivileged, with the sample config the project ships.

The server block is `deploy/nginx/renda.conf` with its placeholders filled in (the same substitution
deploy/README.md tells administrators to do); only the outer `nginx.conf` here is test plumbing: no
daemon, pid/logs/temp files in a temporary prefix, so it runs as any user and several test runs can
coexist. Without nginx the tests skip, unless RENDA_REQUIRE_NGINX=1 (CI) makes that a failure.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest

from browser import free_port, stop_process

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "deploy" / "nginx" / "renda.conf"
MIME_TYPES = ("/etc/nginx/mime.types", "/usr/local/etc/nginx/mime.types", "/usr/local/nginx/conf/mime.types")

BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"   # Debian's libnginx-mod-http-brotli-filter

MAIN_CONF = """\
{modules}daemon off;
master_process off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {mime};
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/renda.conf;
}}
"""


def find_nginx() -> str | None:
    return os.environ.get("RENDA_NGINX") or shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None)


def require_nginx() -> str:
    path = find_nginx()
    if path:
        return path
    if os.environ.get("RENDA_REQUIRE_NGINX") == "1":
        pytest.fail("nginx not found, and RENDA_REQUIRE_NGINX=1 demands it")
    pytest.skip("nginx not found on this machine")


def render_sample(listen: str, web_root: Path, prefix: str, brotli: bool = False) -> str:
    """deploy/nginx/renda.conf with its placeholders filled in; prefix is "" or like "/renda".
    With `brotli`, the sample's commented brotli lines are switched on, as its comment tells users to."""
    text = SAMPLE.read_text(encoding="utf-8")
    if brotli:
        text = re.sub(r"^(\s*)# (brotli\w* )", r"\1\2", text, flags=re.M)
    for name, value in (("__LISTEN__", listen), ("__WEB_ROOT__", str(web_root)), ("__PREFIX__", prefix)):
        assert name in text, f"{SAMPLE} lost its placeholder {name}"
        text = text.replace(name, value)
    return text


@contextlib.contextmanager
def nginx_server(web_root: Path, prefix: str = "", port: int | None = None, brotli: bool = False) -> Iterator[str]:
    """Serve `web_root` with the sample config; the site is at `web_root/<prefix>/`. Yields its base URL."""
    binary = require_nginx()
    mime = next((m for m in MIME_TYPES if Path(m).is_file()), None)
    assert mime, "nginx is installed but its mime.types was not found"
    prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
    with tempfile.TemporaryDirectory(prefix="renda-nginx-") as tmp:
        for attempt in range(5):            # the free port may be taken between probe and bind: retry
            chosen = port or free_port()
            (Path(tmp) / "renda.conf").write_text(render_sample(f"127.0.0.1:{chosen}", web_root, prefix, brotli), encoding="utf-8")
            (Path(tmp) / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, mime=mime, modules=f"load_module {BROTLI_MODULE};\n" if brotli else ""), encoding="utf-8")
            check = subprocess.run([binary, "-t", "-p", tmp, "-e", f"{tmp}/error.log", "-c", f"{tmp}/nginx.conf"],
                                   capture_output=True, text=True)
            assert check.returncode == 0, f"nginx rejected the sample config:\n{check.stderr}"
            process = subprocess.Popen([binary, "-p", tmp, "-e", f"{tmp}/error.log", "-c", f"{tmp}/nginx.conf"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if _wait_listening(process, chosen):
                break
            process.kill()
            error = process.communicate()[1]
            if "Address already in use" not in error or port:
                raise AssertionError(f"nginx did not start:\n{error}\n{_log(tmp)}")
        else:
            raise AssertionError("nginx found no free port")
        try:
            yield f"http://127.0.0.1:{chosen}{prefix}/"
        finally:
            stop_process(process)


def _wait_listening(process: subprocess.Popen, port: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
        time.sleep(0.05)
    return False


def _log(tmp: str) -> str:
    path = Path(tmp) / "error.log"
    return path.read_text(errors="replace") if path.exists() else ""
