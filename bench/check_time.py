"""How long `python -m renda_site check` takes on the demo: the real command, run 5 times, median.

    PYTHONPATH=hooks .venv/bin/python bench/check_time.py [--runs 5] [--root .]

Wall time includes starting Python and importing pydantic, as a pre-commit hook would pay it; the
command's own figure ("用时") is the load + check time inside the process.
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

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    command = [sys.executable, "-m", "renda_site", "check", "--quiet-warnings"]
    walls, inner = [], []
    for run in range(1, args.runs + 1):
        started = time.perf_counter()
        result = subprocess.run(command, cwd=args.root, env=env, capture_output=True, text=True)
        walls.append(time.perf_counter() - started)
        match = re.search(r"用时 ([0-9.]+) 秒", result.stdout)
        inner.append(float(match.group(1)) if match else float("nan"))
        print(f"run {run}: exit {result.returncode}, wall {walls[-1]:.3f} s, reported {inner[-1]:.2f} s")
    files = sum(1 for _ in (args.root / "data").rglob("*.yaml")) + sum(1 for _ in (args.root / "docs").rglob("*.md"))
    print(f"command: cd {args.root} && PYTHONPATH=hooks {' '.join(command[0:1])} -m renda_site check --quiet-warnings")
    print(f"files checked: {files} (data/*.yaml + docs/*.md)")
    print(f"median of {args.runs}: wall {statistics.median(walls):.3f} s, reported {statistics.median(inner):.2f} s")


if __name__ == "__main__":
    main()
