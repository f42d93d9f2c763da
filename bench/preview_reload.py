"""Time from saving a YAML file to the reloaded preview in a real browser (median of 5).

    .venv/bin/python bench/preview_reload.py [--runs 5]

Copies the demo to a temporary folder, starts `mkdocs serve --livereload` on a free port, opens a
deputy's page in headless Chromium, then repeatedly changes the deputy's name in data/deputies/d0002.yaml
and measures until the page (reloaded by livereload, not by us) shows the new name.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from browser import find_chromium  # noqa: E402
from conftest import copy_project  # noqa: E402
from editors_preview import mkdocs_serve  # noqa: E402

NAMES = "甲乙丙丁戊己庚辛壬癸"


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
        browser = playwright.chromium.launch(executable_path=find_chromium(), headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        with mkdocs_serve(project) as served:
            page = browser.new_page()
            page.goto(served.url + "daibiao/d0002/")
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
