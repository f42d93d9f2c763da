"""Before/after in one run: the same synthetic site built by two checkouts of this repository, alternately,
so that a slower or busier machine affects both alike. Prints figures, asserts nothing.

    .venv/bin/python bench/compare_builds.py OLD_CHECKOUT NEW_CHECKOUT [--pages 10000] [--runs 3] [--work DIR] [--plain]

Each checkout writes its synthetic project with its own bench/synth.py (the content must come out the
same: the script names the files that differ — a checkout's own configuration and hand-written pages —
and stops if more than one in a hundred do) and builds it with its own hooks and theme overrides,
the real build (validation, generation, MkDocs, Pagefind). Reported per checkout: medians of wall time,
CPU time (the build with its QR worker and Pagefind: less sensitive than wall time to a busy machine),
the generator's time, the wait for Pagefind after the last page, the build process's peak RSS and
Pagefind's; and the ratio new/old of each median. With --plain, each round also builds the same pages
with plain MkDocs (no hooks, no index: bench/run.py `plain_project`), for scale on the same machine.
"""
from __future__ import annotations

import argparse
import filecmp
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402


def differences(a: Path, b: Path, prefix: str = "") -> list[str]:
    """Paths that exist on one side only or differ, below two folders."""
    compared = filecmp.dircmp(a, b)
    out = [prefix + name for name in compared.left_only + compared.right_only + compared.diff_files
           + compared.funny_files]
    for sub in compared.common_dirs:
        out += differences(a / sub, b / sub, f"{prefix}{sub}/")
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/renda-compare"))
    parser.add_argument("--plain", action="store_true", help="also build plain MkDocs each round")
    args = parser.parse_args()
    projects = {}
    for name, checkout in (("old", args.old), ("new", args.new)):
        project = args.work / name
        if not project.exists():
            subprocess.run([sys.executable, str(checkout / "bench" / "synth.py"), str(args.pages), str(project)],
                           check=True, stdout=subprocess.DEVNULL)
        projects[name] = project
    total = sum(1 for _ in (projects["new"] / "docs").rglob("*.md"))
    for part in ("data", "docs"):
        changed = differences(projects["old"] / part, projects["new"] / part, part + "/")
        if changed:
            print(f"{part}/ differs in {len(changed)} paths (configuration and hand-written pages of the checkouts): "
                  + ", ".join(changed[:8]))
        if len(changed) > max(10, total // 100):
            sys.exit(f"the two checkouts wrote different synthetic {part}/: not comparable")
    runs: dict[str, list] = {"old": [], "new": []}
    plain, plain_walls = (bench.plain_project(projects["new"]) if args.plain else None), []
    for round_ in range(args.runs):
        if plain is not None:
            plain_walls.append(bench.plain_build(plain).wall)
            print(f"round {round_ + 1} plain MkDocs: {plain_walls[-1]:.1f} s", flush=True)
        for name in ("old", "new"):
            result = bench.build(projects[name])
            runs[name].append(result)
            print(f"round {round_ + 1} {name}: {result.wall:.1f} s (CPU {result.cpu:.1f} s), "
                  f"generator {result.generator:.2f} s, "
                  f"waited {result.search:.1f} s, build {result.own_rss_mb:.0f} MB, "
                  f"pagefind {result.pagefind_rss_mb:.0f} MB",
                  flush=True)
    figures = {
        "wall (s)": lambda r: r.wall, "CPU, build and its helpers (s)": lambda r: r.cpu,
        "generator (s)": lambda r: r.generator, "wait for Pagefind (s)": lambda r: r.search,
        "build process peak RSS (MB)": lambda r: r.own_rss_mb, "Pagefind peak RSS (MB)": lambda r: r.pagefind_rss_mb}
    print(f"\n{args.pages} pages, medians of {args.runs} alternating builds")
    print(f"| figure | old ({args.old}) | new ({args.new}) | new/old |")
    print("| --- | --- | --- | --- |")
    for label, get in figures.items():
        old, new = (statistics.median(get(r) for r in runs[n]) for n in ("old", "new"))
        print(f"| {label} | {old:.2f} | {new:.2f} | {new / old:.3f} |" if old else f"| {label} | {old} | {new} | – |")
    if plain_walls:
        print(f"plain MkDocs (same pages, no hooks): median {statistics.median(plain_walls):.1f} s of "
              + ", ".join(f"{w:.1f}" for w in plain_walls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
