"""MkDocs 1.x is no longer maintained; ProperDocs is its maintained fork (the same 1.6 code, its own
package). The demo built by ProperDocs is the demo built by MkDocs: every file the same, but for the
generator's name in each page's <meta name="generator">."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.project import HOOKS, copy_project

PROPERDOCS = Path(sys.executable).with_name("properdocs")


def _build(command: str, project: Path, site: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(HOOKS), NO_MKDOCS_2_WARNING="1", RENDA_PAGEFIND="0")
    return subprocess.run([str(Path(sys.executable).with_name(command)), "build", "--strict",
                           "-f", str(project / "mkdocs.yml"),
                           "-d", str(site)], env=env, capture_output=True, text=True, timeout=600)


def _files(site: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".html":
                data = b"\n".join(line for line in data.split(b"\n") if b'name="generator"' not in line)
            out[path.relative_to(site).as_posix()] = data
    return out


@pytest.mark.skipif(not PROPERDOCS.exists() and not os.environ.get("CI"),
                    reason="properdocs 未安装（requirements-dev.txt）")
def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    assert PROPERDOCS.exists(), "CI installs requirements-dev.txt, which pins properdocs"
    project = copy_project(tmp_path / "p")
    built = {}
    for command in ("mkdocs", "properdocs"):
        result = _build(command, project, tmp_path / command)
        assert result.returncode == 0, result.stderr[-3000:]
        built[command] = _files(tmp_path / command)
        shutil.rmtree(project / ".cache", ignore_errors=True)
    assert built["mkdocs"].keys() == built["properdocs"].keys()
    different = [name for name in built["mkdocs"] if built["mkdocs"][name] != built["properdocs"][name]]
    assert different == []
    page = (tmp_path / "properdocs" / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in page                         # the build really ran on ProperDocs
