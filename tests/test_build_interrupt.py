"""Ctrl-C during `mkdocs build` and `mkdocs serve` stops the build's helper processes (the QR worker and
Pagefind) and removes their temporary folders: nothing is left running or lying around, and the editor
sees no traceback from a helper. A terminal sends SIGINT to the whole process group; a CI runner or a
script may signal only the build process itself — both are tried."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.browser import free_port
from support.project import ctrl_c_as_in_a_terminal, synthetic_site

PAGES = 700          # above the QR worker's threshold (500 pages), so a second process draws the codes


@pytest.fixture(scope="module")
def big_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("interrupt") / "project"
    synthetic_site(PAGES, project)
    return project


def group_members(pgid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every live process in the process group `pgid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                found.append((int(entry.name), command))
        except (OSError, IndexError, ValueError):
            continue
    return found


def wait_for(process: subprocess.Popen, wanted: list[str], timeout: float = 120) -> None:
    """Until every command-line fragment in `wanted` is among the process group's members."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        members = " | ".join(cmd for _, cmd in group_members(process.pid))
        if all(w in members for w in wanted):
            return
        assert process.poll() is None, "the build ended before the helpers were seen"
        time.sleep(0.05)
    raise AssertionError(f"helpers {wanted} never seen; group: {group_members(process.pid)}")


def interrupt_and_check(process: subprocess.Popen, tmp: Path, whole_group: bool) -> str:
    if whole_group:
        os.killpg(process.pid, signal.SIGINT)      # what a terminal's Ctrl-C does
    else:
        os.kill(process.pid, signal.SIGINT)
    started = time.monotonic()
    output = process.communicate(timeout=60)[0]
    assert time.monotonic() - started < 30, "stopping took too long"
    deadline = time.monotonic() + 10
    while group_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert group_members(process.pid) == [], "a helper process survived"
    assert list(tmp.iterdir()) == [], "temporary folders were left behind"
    assert "Traceback" not in output, output[-3000:]
    return output


@pytest.mark.parametrize("whole_group", [True, False], ids=["terminal", "build-process-only"])
def test_ctrl_c_during_build_stops_qr_worker_and_pagefind(big_project, tmp_path, whole_group):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp), NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                               cwd=big_project, env=env, start_new_session=True, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, preexec_fn=ctrl_c_as_in_a_terminal)
    try:
        wait_for(process, ["multiprocessing.spawn", "pagefind"])
        interrupt_and_check(process, tmp, whole_group)
        assert process.returncode != 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def test_ctrl_c_during_the_previews_first_build(big_project, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp), NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}"],
                               cwd=big_project, env=env, start_new_session=True, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, preexec_fn=ctrl_c_as_in_a_terminal)
    try:
        wait_for(process, ["multiprocessing.spawn"])
        interrupt_and_check(process, tmp, whole_group=True)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def test_a_build_started_with_ctrl_c_ignored_is_not_stopped_by_it(big_project, tmp_path):
    """A build started in the background with Ctrl-C ignored (nohup, `&` in a script) keeps it ignored: a
    SIGINT neither stops it nor closes its helpers under it (which once made it fail with a traceback)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    site = tmp_path / "site"
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                               cwd=big_project, env=env, start_new_session=True, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        wait_for(process, ["multiprocessing.spawn", "pagefind"])
        os.kill(process.pid, signal.SIGINT)
        output = process.communicate(timeout=120)[0]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 0 and "Traceback" not in output, output[-3000:]
    assert (site / "index.html").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
