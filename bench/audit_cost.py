"""The cost of publishing only what is used and auditing every published file, on a synthetic site.

    .venv/bin/python bench/audit_cost.py SITE_PROJECT [--runs 3]

Builds the project (`mkdocs build`, with the search index) `--runs` times and prints, for each run, the
whole build's wall time and the time the output audit adds after the last page (the build log's figure:
pages are audited by a second process while MkDocs writes them), then the medians and the audit's share.
The project is a folder made by bench/synth.py (or the demo).
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

AUDIT = re.compile(r"发布前检查：(\d+) 个文件逐一检查通过.*?页面生成后又用时 ([\d.]+) 秒")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    hooks = Path(__file__).resolve().parent.parent / "hooks"
    env = dict(os.environ, PYTHONPATH=str(hooks), NO_MKDOCS_2_WARNING="1")
    walls, audits = [], []
    for run in range(args.runs):
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(args.project / "mkdocs.yml")],
                                env=env, capture_output=True, text=True)
        wall = time.perf_counter() - started
        found = AUDIT.search(result.stderr)
        if result.returncode != 0 or not found:
            sys.exit(f"build failed:\n{result.stderr[-3000:]}")
        walls.append(wall)
        audits.append(float(found.group(2)))
        print(f"run {run + 1}: build {wall:.1f} s, audit {audits[-1]:.2f} s over {found.group(1)} files, load "
              f"{os.getloadavg()[0]:.1f}")
    build, audit = statistics.median(walls), statistics.median(audits)
    print(f"median: build {build:.1f} s, audit {audit:.2f} s = {audit / build:.1%} of the build")


if __name__ == "__main__":
    main()
