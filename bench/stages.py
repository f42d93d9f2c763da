"""What each stage of a build costs: one synthetic site of N pages built with the stage clock on
(RENDA_STAGE_TIMES, see hooks/renda_site/stages.py), beside the same build without the search index and
the same pages built by plain MkDocs + Material (bench/run.py's builds).

    .venv/bin/python bench/stages.py 10000 [--runs 3] [--work /tmp/renda-stages]

Prints one table: each stage's calls, seconds (median of the runs), milliseconds per page and share of
the build's wall time; the rest of the wall time is MkDocs itself (Markdown, navigation, templates,
writing) plus starting Python. Every figure of one run comes from the same session of the machine;
the load average is printed before and after.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from run import PY, Run, build, hooks_build, plain_build, plain_project

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def fresh_hooks(project: Path) -> None:
    """The synthetic project runs its own copy of hooks/: refreshed, so the code measured is this checkout's."""
    shutil.rmtree(project / "hooks", ignore_errors=True)
    shutil.copytree(REPO / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))


def staged_build(project: Path, times: Path) -> tuple[Run, dict]:
    times.unlink(missing_ok=True)
    os.environ["RENDA_STAGE_TIMES"] = str(times)
    try:
        run = build(project)
    finally:
        del os.environ["RENDA_STAGE_TIMES"]
    return run, json.loads(times.read_text(encoding="utf-8"))


def html_pages(site: Path) -> int:
    return sum(1 for path in site.rglob("*.html") if "pagefind" not in path.parts)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description="构建各阶段的用时（合成站点）")
    parser.add_argument("n", type=int, help="页面数（bench/synth.py 的 N）")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/renda-stages"))
    args = parser.parse_args()
    project = args.work / f"n{args.n}"
    if not (project / "mkdocs.yml").exists():
        subprocess.run([PY, str(HERE / "synth.py"), str(args.n), str(project)], check=True)
    fresh_hooks(project)
    plain = plain_project(project)
    print(f"负载（开始）：{load()}")
    builds: list[Run] = []
    hooks_only: list[Run] = []
    plains: list[Run] = []
    stages: list[dict] = []
    for number in range(1, args.runs + 1):
        run, measured = staged_build(project, args.work / "stages.json")
        builds.append(run)
        stages.append(measured)
        hooks_only.append(hooks_build(project))
        plains.append(plain_build(plain))
        print(f"第 {number} 次：构建 {run.wall:.2f} 秒，无索引 {hooks_only[-1].wall:.2f} 秒，"
              f"纯 MkDocs {plains[-1].wall:.2f} 秒（负载 {load()}）")
    pages = html_pages(project / "site")
    wall = statistics.median(r.wall for r in builds)
    print(f"\n{pages} 个 HTML 页面，{args.runs} 次的中位数；构建墙钟时间 {wall:.2f} 秒\n")
    print("| 阶段 | 调用次数 | 秒 | 每页毫秒 | 占构建 |")
    print("| --- | --- | --- | --- | --- |")
    names = list(dict.fromkeys(name for measured in stages for name in measured))
    total = 0.0
    for name in names:
        seconds = statistics.median(m.get(name, {}).get("seconds", 0.0) for m in stages)
        calls = max(m.get(name, {}).get("calls", 0) for m in stages)
        total += seconds
        print(f"| {name} | {calls} | {seconds:.2f} | {1000 * seconds / pages:.3f} | {100 * seconds / wall:.1f} % |")
    rest = wall - total
    print(f"| MkDocs 本身和其他（Markdown、导航、模板、写文件、启动） | — | {rest:.2f} | {1000 * rest / pages:.3f} | "
          f"{100 * rest / wall:.1f} % |")
    hooks_wall = statistics.median(r.wall for r in hooks_only)
    plain_wall = statistics.median(r.wall for r in plains)
    print(f"\n构建（含 Pagefind）{wall:.2f} 秒 / 纯 MkDocs {plain_wall:.2f} 秒 = {wall / plain_wall:.2f} 倍")
    print(f"无索引构建（钩子）{hooks_wall:.2f} 秒 / 纯 MkDocs {plain_wall:.2f} 秒 = {hooks_wall / plain_wall:.2f} 倍")
    build_cpu = statistics.median(r.cpu for r in builds)
    own_mb = statistics.median(r.own_rss_mb for r in builds)
    pagefind_mb = statistics.median(r.pagefind_rss_mb for r in builds)
    print(f"构建 CPU（含子进程）{build_cpu:.2f} 秒；构建进程峰值内存 {own_mb:.0f} MB；"
          f"Pagefind 峰值内存 {pagefind_mb:.0f} MB")
    print(f"负载（结束）：{load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
