"""Time from saving a YAML file to the reloaded preview in a real browser (median of 5).

    .venv/bin/python bench/preview_reload.py [--runs 5]

Copies the demo to a temporary folder, starts `mkdocs serve --livereload` on a free port, opens a
deputy's page in headless Chromium, then repeatedly changes the deputy's name in data/deputies/d0002.yaml
and measures until the page (reloaded by livereload, not by us) shows the new name.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
sys.path.insert(0, str(ROOT / "hooks"))

from local_serve import free_port, stop_process  # noqa: E402
from renda_site.address import deputy as deputy_page  # noqa: E402

NAMES = "甲乙丙丁戊己庚辛壬癸"
PARTS = ["data", "docs", "hooks", "overrides", "mkdocs.yml"]


@dataclass
class Served:
    url: str
    lines: list[str] = field(default_factory=list)


def copy_project(dest: Path) -> Path:
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


@contextlib.contextmanager
def mkdocs_serve(project: Path):
    """`mkdocs serve --livereload` on a free port, its output collected line by line."""
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                               cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    served = Served(f"http://127.0.0.1:{port}/")
    threading.Thread(target=lambda: served.lines.extend(line.rstrip() for line in process.stdout), daemon=True).start()
    try:
        deadline = time.monotonic() + 90
        while not any("Serving on" in line for line in served.lines):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("mkdocs serve did not start:\n" + "\n".join(served.lines[-20:]))
            time.sleep(0.1)
        yield served
    finally:
        stop_process(process)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        project = copy_project(Path(tmp) / "project")
        deputy = project / "data/deputies/d0002.yaml"
        text = deputy.read_text(encoding="utf-8")
        name_line = next(line for line in text.splitlines() if line.startswith("name:"))
        browser = playwright.chromium.launch(executable_path=os.environ.get("RENDA_CHROMIUM")
                                             or shutil.which("chromium"), headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        with mkdocs_serve(project) as served:
            page = browser.new_page()
            page.goto(served.url + deputy_page("d0002").removesuffix(".md") + "/")
            times, builds = [], []
            for run in range(args.runs):
                mark = len(served.lines)
                new_name = f"测试代表{NAMES[run % len(NAMES)]}"
                time.sleep(1.0)                      # let the previous rebuild settle
                started = time.perf_counter()
                with page.expect_event("load", timeout=60_000):
                    deputy.write_text(text.replace(name_line, f"name: {new_name}"), encoding="utf-8")
                page.wait_for_function(f"document.body.innerText.includes('{new_name}')", timeout=30_000)
                times.append(time.perf_counter() - started)
                built = [float(line.split("built in")[1].split()[0]) for line in served.lines[mark:]
                         if "Documentation built in" in line]
                builds.append(built[-1] if built else float("nan"))
                print(f"run {run + 1}: {times[-1]:.2f} s (of which MkDocs rebuild {builds[-1]:.2f} s)")
        browser.close()
    print(f"save → reloaded page: median {statistics.median(times):.2f} s over {len(times)} runs "
          f"(min {min(times):.2f}, max {max(times):.2f})")
    print(f"MkDocs rebuild alone: median {statistics.median(builds):.2f} s; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
