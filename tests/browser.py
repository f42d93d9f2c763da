"""Real components for tests: Debian's Chromium driven by Playwright, and a static HTTP server.

Browser tests skip when Chromium is absent on a user's machine; CI sets RENDA_REQUIRE_BROWSER=1 so a
missing browser fails instead (a skipped browser test must never pass CI silently).
`playwright install` cannot download browsers here, so Playwright always gets `executable_path`.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """RENDA_CHROMIUM if set, else the first Chromium on PATH."""
    explicit = os.environ.get("RENDA_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def require_or_skip(what: str, found: object) -> None:
    """Skip when a real component is missing, unless CI demands it."""
    if found:
        return
    if os.environ.get("RENDA_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} not found, and RENDA_REQUIRE_BROWSER=1 demands it")
    pytest.skip(f"{what} not found on this machine")


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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/" + (f"{prefix}/" if prefix else "")
    finally:
        server.shutdown()
        server.server_close()
        if holder:
            holder.cleanup()


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium browser (Playwright, Debian's binary). One per test session."""
    path = find_chromium()
    require_or_skip("Chromium", path)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_or_skip("Playwright", None)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()
