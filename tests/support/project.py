"""The demo project for tests: copied to a temporary folder, built with MkDocs, and where pages land."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"
sys.path.insert(0, str(HOOKS))
sys.path.insert(0, str(ROOT / "deploy"))

PROJECT_PARTS = ["data", "docs", "hooks", "overrides", "mkdocs.yml"]


def copy_project(dest: Path) -> Path:
    """A fresh copy of the demo project (no caches, no built site)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def ctrl_c_as_in_a_terminal() -> None:
    """For `preexec_fn`, in the child before it runs: Ctrl-C does what it does in a terminal's foreground
    job, even when the tests themselves were started with it ignored (`nohup … &`, `&` in a script)."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir), *extra],
        capture_output=True, text=True, env=env, cwd=project)


class Built:
    def __init__(self, project: Path, site: Path, result: subprocess.CompletedProcess, seconds: float):
        self.project, self.site, self.result, self.seconds = project, site, result, seconds

    def html(self, uri: str) -> str:
        """The built HTML of a source page such as `daibiao/d0001.md`."""
        return (self.site / output_path(uri)).read_text(encoding="utf-8")

    def text(self, uri: str) -> str:
        """The page's text: its HTML without tags, entities decoded."""
        import html
        import re
        return html.unescape(re.sub(r"<[^>]+>", "", self.html(uri)))


def output_path(uri: str) -> str:
    """Where MkDocs (use_directory_urls) writes the page built from `uri`."""
    stem = uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def demo_site_url() -> str | None:
    """The demo's public address (mkdocs.yml site_url), with a trailing slash, or None."""
    import yaml
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    url = config.get("site_url")
    return url.rstrip("/") + "/" if url else None


def local_url(url: str, base: str) -> str:
    """A public address under the demo's site_url, moved under `base` (where a test serves or keeps the
    site): absolute links in feeds and open data point at the public site, tests resolve them locally."""
    public = demo_site_url()
    return base + url[len(public):] if public and url.startswith(public) else url


def dev_sh_project(dest: Path) -> Path:
    """The demo project with dev.sh, as an editor's clone has it, and a .venv that dev.sh finds ready
    (its python and mkdocs run the interpreter of the tests; nothing is installed)."""
    copy_project(dest)
    for name in ("dev.sh", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, dest / name)
    bin_dir = dest / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, command in (("python", ""), ("mkdocs", " -m mkdocs")):
        (bin_dir / name).write_text(f'#!/bin/sh\nexec "{sys.executable}"{command} "$@"\n', encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    for name in ("requirements.txt", "requirements-dev.txt"):
        (dest / ".venv" / f".installed-{name}").touch()
    return dest


def dev_sh(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`bash dev.sh <args>` in `project` (made by dev_sh_project), as an editor types it."""
    environ = {k: v for k, v in os.environ.items() if k != "VENV"}
    return subprocess.run(["bash", "dev.sh", *args], cwd=project, capture_output=True, text=True,
                          env=dict(environ, **env), stdin=subprocess.DEVNULL)


def synthetic_site(pages: int, dest: Path) -> dict[str, int]:
    """The benchmark's synthetic project of `pages` pages, written by running bench/synth.py as a script
    (the tests run the benchmark's scripts, never import them); returns its record counts."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), str(pages), str(dest)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    counts = dict(pair.split("=") for pair in result.stdout.split())
    return {name: int(count) for name, count in counts.items() if name != "total"}
