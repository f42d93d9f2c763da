"""How long `python -m renda_site check` takes: the real command, run several times, medians of wall clock and
of CPU (user + sys of the process: the fairer figure on a shared machine), with the load average of each run.

    PYTHONPATH=hooks .venv/bin/python bench/check_time.py [--runs 5] [--root .] [--no-inspection]
    .venv/bin/python bench/check_time.py --root /tmp/s10k --trees /work/main /work/wt-x --no-inspection

With --trees, each run takes the generator (hooks/) of every tree in turn, the order alternating from run to
run, so that a change in the machine's load falls on both. Every run is cold: `check` keeps nothing between
runs (its reuse of unchanged files lives only inside one `mkdocs serve` process).

Wall time includes starting Python and importing pydantic, as a pre-commit hook would pay it; the
command's own figure ("用时") is the load + check time inside the process, before the 网站体检.
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


def run_once(tree: Path, root: Path, extra: list[str]) -> tuple[int, float, float, float, int]:
    """(exit status, wall s, CPU s, reported s, peak memory KiB) of one `check`."""
    env = dict(os.environ, PYTHONPATH=str(tree / "hooks"))
    command = [sys.executable, "-m", "renda_site", "--root", str(root), "check", "--quiet-warnings", *extra]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    match = re.search(r"用时 ([0-9.]+) 秒", output)
    return (os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime,
            float(match.group(1)) if match else float("nan"), usage.ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project checked")
    parser.add_argument("--trees", type=Path, nargs="+", default=[ROOT], help="the code trees compared")
    parser.add_argument("--no-inspection", action="store_true", help="pass --no-inspection to check")
    args = parser.parse_args()
    extra = ["--no-inspection"] if args.no_inspection else []
    results: dict[Path, list[tuple[int, float, float, float, int]]] = {tree: [] for tree in args.trees}
    for run in range(1, args.runs + 1):
        order = args.trees if run % 2 else list(reversed(args.trees))
        for tree in order:
            row = run_once(tree, args.root, extra)
            results[tree].append(row)
            print(f"run {run} {tree}: exit {row[0]}, wall {row[1]:.2f} s, CPU {row[2]:.2f} s, reported {row[3]:.2f} s, "
                  f"peak {row[4] // 1024} MB, load {os.getloadavg()[0]:.1f}", flush=True)
    files = sum(1 for _ in (args.root / "data").rglob("*.yaml")) + sum(1 for _ in (args.root / "docs").rglob("*.md"))
    print(f"command: PYTHONPATH=TREE/hooks {sys.executable} -m renda_site --root {args.root} check --quiet-warnings "
          + " ".join(extra))
    print(f"files checked: {files} (data/*.yaml + docs/*.md)")
    for tree, rows in results.items():
        wall, cpu, reported = (statistics.median(r[column] for r in rows) for column in (1, 2, 3))
        print(f"{tree}: median of {len(rows)}: wall {wall:.2f} s, CPU {cpu:.2f} s, reported {reported:.2f} s, "
              f"peak {max(r[4] for r in rows) // 1024} MB")


if __name__ == "__main__":
    main()
