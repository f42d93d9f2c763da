"""On Windows' Git Bash (untested there: Scripts\\ instead of bin/, `py` instead of python3) dev.sh says so in
Chinese, names the tested way (WSL's Ubuntu) and stops before creating anything; its help still works."""
from __future__ import annotations

import os
import subprocess

from support.project import dev_sh_project


def test_git_bash_on_windows_is_refused_in_chinese(tmp_path):
    project = dev_sh_project(tmp_path / "p")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "uname").write_text("#!/bin/sh\necho MINGW64_NT-10.0-19045\n", encoding="utf-8")   # what Git Bash prints
    (fake / "uname").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "VENV"}
    env["PATH"] = f"{fake}:{env['PATH']}"

    def run(*args):
        return subprocess.run(["bash", "dev.sh", *args], cwd=project, env=env, capture_output=True, text=True,
                              check=False)

    refused = run("check")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("这台电脑是 Windows（Git Bash）。"
                                     "本工具包只在 Debian、Ubuntu 等 Linux 系统上测试过")
    assert "wsl --install" in refused.stderr and "bash dev.sh check" in refused.stderr
    assert run("help").returncode == 0
    env["PATH"] = env["PATH"].split(":", 1)[1]                       # the real uname: Linux
    assert run("check").returncode == 0
