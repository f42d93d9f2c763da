"""Serve a built site on this computer, as it will be served: with Python's http.server, or with nginx
and the sample configuration deploy/nginx/renda.conf (placeholders filled in as deploy/README.md says).
The tests and the benchmarks serve the site this way too.

    python deploy/local_serve.py site/              # http.server, http://127.0.0.1:<port>/
    python deploy/local_serve.py site/ --nginx      # nginx with the sample config (gzip, caching headers)

nginx runs unprivileged: no daemon, pid/logs/temp files in a temporary prefix, so it runs as any user
and several runs can coexist.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

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
def nginx_server(web_root: Path, prefix: str = "", port: int | None = None, brotli: bool = False,
                 binary: str | None = None) -> Iterator[str]:
    """Serve `web_root` with the sample config; the site is at `web_root/<prefix>/`. Yields its base URL."""
    binary = binary or find_nginx()
    if not binary:
        raise FileNotFoundError("nginx not found (install Debian's nginx, or set RENDA_NGINX)")
    mime = next((m for m in MIME_TYPES if Path(m).is_file()), None)
    assert mime, "nginx is installed but its mime.types was not found"
    prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
    with tempfile.TemporaryDirectory(prefix="renda-nginx-") as tmp:
        for _attempt in range(5):           # the free port may be taken between probe and bind: retry
            chosen = port or free_port()
            (Path(tmp) / "renda.conf").write_text(render_sample(f"127.0.0.1:{chosen}", web_root, prefix, brotli),
                                                  encoding="utf-8")
            modules = f"load_module {BROTLI_MODULE};\n" if brotli else ""
            (Path(tmp) / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, mime=mime, modules=modules),
                                                  encoding="utf-8")
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


def free_port() -> int:
    """A loopback port nobody listens on now, for servers that cannot bind port 0 themselves
    (`mkdocs serve -a`, nginx's `listen`)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_process(process: subprocess.Popen, timeout: float = 10) -> None:
    """Terminate a server started by a test, and kill it if it does not stop in time."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that closes the connection before the reply is sent (a page left while it loads)
        is normal; anything else is still printed."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def static_server(root: Path, prefix: str = "") -> Iterator[str]:
    """Serve `root` over HTTP on a free loopback port; yields the base URL (ending in '/').

    With `prefix` (e.g. "renda"), the site is served under that sub-path, as a portal would mount it.
    """
    serve_dir = Path(root)
    holder = None
    if prefix:
        import tempfile
        holder = tempfile.TemporaryDirectory()
        mount = Path(holder.name) / prefix
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(Path(root).resolve(), target_is_directory=True)
        serve_dir = Path(holder.name)
    handler = functools.partial(_QuietHandler, directory=str(serve_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        yield f"http://127.0.0.1:{port}/" + (f"{prefix}/" if prefix else "")
    finally:
        server.shutdown()
        server.server_close()
        if holder:
            holder.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description="在本机预览生成好的网站（Ctrl-C 停止）")
    parser.add_argument("site", type=Path, help="生成的网站文件夹，如 site/")
    parser.add_argument("--nginx", action="store_true", help="用 nginx 和 deploy/nginx/renda.conf 提供服务")
    args = parser.parse_args()
    server = nginx_server(args.site.resolve()) if args.nginx else static_server(args.site)
    with server as base:
        print(f"网站地址：{base}（按 Ctrl-C 停止）")
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
