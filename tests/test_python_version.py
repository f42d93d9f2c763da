"""An older Python is refused in Chinese before anything fails in English: by dev.sh before it creates the
virtual environment, and by the package itself. Runs where an older Python is installed (pyenv's)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support.project import HOOKS, ROOT, copy_project


def _older_python() -> str | None:
    """A Python older than 3.11: pyenv's own binaries (its shims need PYENV_VERSION), else one on PATH."""
    pyenv = Path.home() / ".pyenv" / "versions"
    found = sorted(pyenv.glob("3.10*/bin/python3")) + sorted(pyenv.glob("3.9*/bin/python3"))
    return str(found[0]) if found else shutil.which("python3.10") or shutil.which("python3.9")


OLD = _older_python()
needs_old = pytest.mark.skipif(OLD is None, reason="没有 3.11 以前的 Python")


def older(*args: str, env: dict, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, env=dict(os.environ, **env), cwd=cwd, check=False)


@needs_old
def test_the_package_refuses_an_older_python():
    done = older(OLD, "-m", "renda_site", "check", env={"PYTHONPATH": str(HOOKS)}, cwd=ROOT)
    assert done.returncode == 1
    assert done.stderr.startswith("需要 Python 3.11 或更高版本，现在运行的是 3.")
    assert "Traceback" not in done.stderr


@needs_old
def test_dev_sh_refuses_an_older_python_before_creating_the_venv(tmp_path):
    project = copy_project(tmp_path / "p")
    for name in ("dev.sh", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    done = older("bash", "dev.sh", "check", env={"PYTHON": OLD, "VENV": ".venv"}, cwd=project)
    assert done.returncode == 1
    assert done.stderr.startswith("需要 Python 3.11 或更高版本，本机是：Python 3.")
    assert not (project / ".venv").exists()
