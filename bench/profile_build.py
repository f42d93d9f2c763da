"""Profile one build of a synthetic site: where does the time go? Prints the top entries.

    .venv/bin/python bench/profile_build.py 1000 [--top 30] [--work /tmp/renda-profile]

CPU time (time.process_time) is profiled, not wall time: the shared machine's load does not distort it.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description="对合成站点的一次构建做性能剖析")
    parser.add_argument("n", type=int)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--work", type=Path, default=Path("/tmp/renda-profile"))
    args = parser.parse_args()
    project = args.work / f"n{args.n}"
    shutil.rmtree(project, ignore_errors=True)
    subprocess.run([sys.executable, str(HERE / "synth.py"), str(args.n), str(project)], check=True)
    os.chdir(project)
    os.environ.update(NO_MKDOCS_2_WARNING="1", RENDA_PAGEFIND="0")
    sys.path.insert(0, str(project / "hooks"))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config = load_config("mkdocs.yml")
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    build(config)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    print(f"{pages} 个页面，CPU {stats.total_tt:.1f} s（剖析开销约使时间加倍，看比例）")
    stats.sort_stats("cumulative").print_stats(args.top)
    print("\n".join(line[:200] for line in out.getvalue().splitlines() if line.strip()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
