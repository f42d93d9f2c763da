"""Guard rails: the yamllint settings accept the demo data and reject the mistakes editors make;
.editorconfig fixes UTF-8 and LF."""
from __future__ import annotations

import subprocess
import sys

from support.project import ROOT


def yamllint(*paths) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "yamllint", "-c", str(ROOT / ".yamllint.yaml"), "--strict",
                           *map(str, paths)], capture_output=True, text=True, cwd=ROOT)


def test_demo_data_passes_yamllint():
    done = yamllint(ROOT / "data", ROOT / "mkdocs.yml")
    assert done.returncode == 0, done.stdout + done.stderr


def test_yamllint_catches_editor_mistakes(tmp_path):
    cases = {
        "truthy.yaml": "name: 张三\nactive: no\n",                 # YAML 1.1 turns `no` into false
        "tab.yaml": "name: 张三\nmemberships:\n\t- term: \"18\"\n",
        "dup.yaml": "name: 张三\nname: 李四\n",
        "indent.yaml": "items:\n  - title: 甲\n     type: 决议\n",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert yamllint(path).returncode != 0, name


def test_editorconfig():
    text = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "charset = utf-8" in text and "end_of_line = lf" in text and "[*.{yaml,yml}]" in text
