"""A real `mkdocs serve --livereload` on a free loopback port, for the preview tests and the benchmark.

`mkdocs serve` cannot bind port 0, so a free port is found by binding a socket to 0 first; if another
process takes it in between, the server fails to start and we try another port.
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from support.browser import free_port, stop_process


@dataclass
class Served:
    url: str                      # ends with '/'
    process: subprocess.Popen
    lines: list[str] = field(default_factory=list)

    def log(self) -> str:
        return "\n".join(self.lines)

    def wait_for_log(self, text: str, after: int = 0, timeout: float = 60) -> int:
        """Wait until a log line after index `after` contains `text`; returns the line count then."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines[after:]):
                return len(self.lines)
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"mkdocs serve did not log {text!r} within {timeout}s:\n{self.log()}")

    def get(self, path: str, timeout: float = 90) -> str:
        # MkDocs' server holds a request until the rebuild in progress ends: on a busy machine that is
        # longer than a page usually takes; the tests time what they mean to time themselves.
        with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
            return response.read().decode("utf-8")

    def wait_for_page(self, path: str, text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        html = ""
        while time.monotonic() < deadline:
            html = self.get(path)
            if text in html:
                return html
            time.sleep(0.1)
        raise AssertionError(f"{path} never showed {text!r}:\n{self.log()}")


@contextlib.contextmanager
def mkdocs_serve(project: Path, attempts: int = 3) -> Iterator[Served]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", RENDA_PAGEFIND="0", PYTHONUNBUFFERED="1")
    for attempt in range(attempts):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}",
             "-f", str(project / "mkdocs.yml")],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            encoding="utf-8")
        served = Served(f"http://127.0.0.1:{port}/", process)
        reader = threading.Thread(target=_read, args=(process, served.lines), daemon=True)
        reader.start()
        try:
            served.wait_for_log("Serving on", timeout=90)
        except AssertionError:
            stop_process(process)
            if attempt + 1 < attempts and "Address already in use" in served.log():
                continue
            raise
        try:
            yield served
        finally:
            stop_process(process)
        return


def _read(process: subprocess.Popen, lines: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line.rstrip("\n"))


