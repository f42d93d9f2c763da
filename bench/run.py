"""Scale benchmark: prints figures, asserts nothing. Builds synthetic sites of N pages (bench/synth.py)
and reports, per N: wall time of check + generation + MkDocs + Pagefind, time per built page, the
generator's share, MkDocs' share, Pagefind's, peak RSS, output bytes per page, and the same pages built
by plain MkDocs + Material without the hooks.

    .venv/bin/python bench/run.py                      # N = 1000 5000 10000 20000
    .venv/bin/python bench/run.py --sizes 1000 --runs 1 --work /tmp/renda-bench

Every build is a fresh one (no site/, no .cache/), the way CI builds. Medians over --runs runs for
N <= 5000, over --big-runs runs above. Pagefind runs as its own timed step (builds use RENDA_PAGEFIND=0).
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
GENERATED = re.compile(r"生成页面 (\d+) 个.*?用时 ([\d.]+) 秒")


@dataclass
class Run:
    wall: float          # seconds of the `mkdocs build` process (generator included)
    rss_mb: float        # peak resident memory of that process
    cpu: float           # user + system CPU seconds of that process (less sensitive to a busy machine)
    generator: float = 0.0
    output: str = ""


def measure(cmd: list[str], cwd: Path, env: dict) -> Run:
    """Run `cmd`, returning its wall time and the peak RSS of that one child (os.wait4's rusage)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"命令失败（{proc.returncode}）：{' '.join(cmd)}\n{out[-3000:]}")
    return Run(wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, output=out)


def environment(project: Path) -> dict:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", RENDA_PAGEFIND="0",
                PYTHONPATH=str(project / "hooks"))


def clean(project: Path) -> None:
    for part in ("site", ".cache"):
        shutil.rmtree(project / part, ignore_errors=True)


def build(project: Path) -> Run:
    clean(project)
    run = measure([PY, "-m", "mkdocs", "build", "-f", "mkdocs.yml", "-d", "site"], project, environment(project))
    found = GENERATED.search(run.output)
    if not found:
        sys.exit("构建日志中没有找到“生成页面 … 用时 X 秒”这一行：\n" + run.output[-2000:])
    run.generator = float(found.group(2))
    return run


def pagefind(project: Path) -> Run:
    """The search index, timed on its own. After the search branch lands, prefer its own entry point."""
    shutil.rmtree(project / "site" / "pagefind", ignore_errors=True)
    module = project / "hooks" / "renda_site" / "search_index.py"
    if module.is_file() and "__main__" in module.read_text("utf-8"):
        cmd = [PY, "-m", "renda_site.search_index", "site"]      # the hook's own indexing, when it has a CLI
    else:
        cmd = [PY, "-m", "pagefind", "--site", "site", "--quiet"]
    return measure(cmd, project, environment(project))


def plain_project(project: Path) -> Path:
    """The same pages for plain MkDocs + Material: generated Markdown and decorated articles written out
    first, then built with the same mkdocs.yml minus its `hooks:` entry."""
    plain = project.parent / (project.name + "-plain")
    shutil.rmtree(plain, ignore_errors=True)
    code = f"""
import sys, shutil
from pathlib import Path
sys.path.insert(0, {str(project / 'hooks')!r})
from renda_site import generate
from renda_site.output import write_pages
root, plain = Path({str(project)!r}), Path({str(plain)!r})
result = generate(root)
shutil.copytree(root / "docs", plain / "docs")
for md in sorted((plain / "docs").rglob("*.md")):
    uri = md.relative_to(plain / "docs").as_posix()
    text = md.read_text("utf-8")
    if text.startswith("---"):
        end = text.index("\\n---", 3) + 4
        head, body = text[:end], text[end:]
    else:
        head, body = "", text
    md.write_text(head + result.decorate(uri, body), "utf-8")
write_pages(result.pages, plain / "generated")      # write_pages prunes other .md files in its folder
shutil.copytree(plain / "generated", plain / "docs", dirs_exist_ok=True)
shutil.rmtree(plain / "generated")
"""
    subprocess.run([PY, "-c", code], check=True, env=environment(project))
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", config)
    assert "mkdocs_hooks" not in config
    (plain / "mkdocs.yml").write_text(config, "utf-8")
    for part in ("overrides", "data", "hooks"):      # overrides for the theme; data/hooks for `watch:`
        os.symlink(project / part, plain / part)
    return plain


def plain_build(plain: Path) -> Run:
    clean(plain)
    return measure([PY, "-m", "mkdocs", "build", "-f", "mkdocs.yml", "-d", "site"], plain, environment(plain))


def check(project: Path) -> Run:
    return measure([PY, "-m", "renda_site", "--root", str(project), "check", "--quiet-warnings"],
                   project, environment(project))


def tree_size(path: Path, skip: str | None = None) -> tuple[int, int]:
    """Total bytes and number of HTML pages under `path`, leaving out the folder `skip`."""
    total = pages = 0
    for dirpath, dirnames, filenames in os.walk(path):
        if skip and skip in dirnames and Path(dirpath) == path:
            dirnames.remove(skip)
        for name in filenames:
            total += os.path.getsize(os.path.join(dirpath, name))
            pages += name.endswith(".html")
    return total, pages


@dataclass
class Row:
    n: int
    runs: int
    pages: int = 0
    synth: float = 0.0
    check: list = field(default_factory=list)
    builds: list = field(default_factory=list)
    finds: list = field(default_factory=list)
    plains: list = field(default_factory=list)
    site_bytes: int = 0
    index_bytes: int = 0
    load: str = ""


def med(values) -> float:
    return statistics.median(values)


def bench(n: int, runs: int, work: Path) -> Row:
    project = work / f"n{n}"
    shutil.rmtree(project, ignore_errors=True)
    row = Row(n, runs)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    subprocess.run([PY, str(HERE / "synth.py"), str(n), str(project)], check=True, stdout=subprocess.DEVNULL)
    row.synth = time.perf_counter() - started
    plain = plain_project(project)
    for index in range(runs):
        row.check.append(check(project))
        row.builds.append(build(project))
        row.finds.append(pagefind(project))
        row.plains.append(plain_build(plain))
        print(f"  N={n} 第 {index + 1}/{runs} 次：check {row.check[-1].wall:.2f}s  build {row.builds[-1].wall:.2f}s"
              f"（生成器 {row.builds[-1].generator:.2f}s）  pagefind {row.finds[-1].wall:.2f}s"
              f"  plain {row.plains[-1].wall:.2f}s", flush=True)
    site = project / "site"
    row.site_bytes, row.pages = tree_size(site, skip="pagefind")
    row.index_bytes = tree_size(site / "pagefind")[0] if (site / "pagefind").is_dir() else 0
    plain_pages = tree_size(plain / "site")[1]
    if plain_pages != row.pages:
        print(f"  注意：插件构建 {row.pages} 页，纯 MkDocs 构建 {plain_pages} 页", flush=True)
    shutil.rmtree(plain, ignore_errors=True)
    row.load = f"{load_before:.1f}→{os.getloadavg()[0]:.1f}"
    return row


def report(rows: list[Row]) -> None:
    head = ("| N | HTML 页 | 次数 | check | 总计（CPU） | 每页（CPU） | 生成器 | MkDocs | Pagefind（CPU） | "
            "构建峰值内存 | Pagefind 峰值内存 | 每页字节 | 索引每页 | 纯 MkDocs（CPU） | 插件/纯（CPU） | 负载 |")
    print("\n" + head)
    print("|" + " --- |" * (head.count("|") - 1))
    for r in rows:
        build, build_cpu = med(b.wall for b in r.builds), med(b.cpu for b in r.builds)
        generator = med(b.generator for b in r.builds)
        find, find_cpu = med(f.wall for f in r.finds), med(f.cpu for f in r.finds)
        check_s, check_cpu = med(c.wall for c in r.check), med(c.cpu for c in r.check)
        plain, plain_cpu = med(p.wall for p in r.plains), med(p.cpu for p in r.plains)
        total, total_cpu = check_s + build + find, check_cpu + build_cpu + find_cpu
        print(f"| {r.n:,} | {r.pages:,} | {r.runs} | {check_s:.2f} s | {total:.1f} s（{total_cpu:.1f} s） | "
              f"{total / r.pages * 1000:.2f} ms（{total_cpu / r.pages * 1000:.2f} ms） | {generator:.2f} s | "
              f"{build - generator:.1f} s | {find:.1f} s（{find_cpu:.1f} s） | {max(b.rss_mb for b in r.builds):.0f} MB | "
              f"{max(f.rss_mb for f in r.finds):.0f} MB | {r.site_bytes / r.pages / 1024:.1f} KB | "
              f"{r.index_bytes / r.pages / 1024:.1f} KB | {plain:.1f} s（{plain_cpu:.1f} s） | "
              f"{build / plain:.2f}（{build_cpu / plain_cpu:.2f}） | {r.load} |")
    print("\n总计 = check + 构建（生成器 + MkDocs，RENDA_PAGEFIND=0）+ Pagefind，各取中位数；括号内为 CPU 时间"
          "（用户态 + 内核态，机器繁忙时比墙钟时间可靠）。每页 = 总计 / HTML 页数。MkDocs = 构建 − 生成器"
          "（生成器时间取自构建日志）。内存为各进程的最大常驻内存（wait4）。纯 MkDocs = 同样的 Markdown"
          "（生成页和加了页眉页脚的文章先写出），同一 mkdocs.yml 去掉 hooks。负载 = 开始和结束时的 1 分钟平均负载。")


def main() -> int:
    parser = argparse.ArgumentParser(description="大规模站点构建性能测试（只打印数字）")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 20000])
    parser.add_argument("--runs", type=int, default=3, help="N <= 5000 时每个 N 的运行次数（取中位数）")
    parser.add_argument("--big-runs", type=int, default=3, help="N > 5000 时的运行次数")
    parser.add_argument("--work", type=Path, default=Path("/tmp/renda-bench"))
    parser.add_argument("--keep", action="store_true", help="保留生成的项目（用于预览测试）")
    args = parser.parse_args()
    import markdown, mkdocs, material  # noqa: E401  (versions for the report)
    from importlib.metadata import version
    print(f"机器：{platform.machine()}，{os.cpu_count()} 核，Python {platform.python_version()}；"
          f"mkdocs {version('mkdocs')}，mkdocs-material {version('mkdocs-material')}，Markdown {version('markdown')}，"
          f"PyYAML {version('pyyaml')}，pagefind {version('pagefind')}", flush=True)
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        rows.append(bench(n, args.runs if n <= 5000 else args.big_runs, args.work))
        if not args.keep:
            shutil.rmtree(args.work / f"n{n}", ignore_errors=True)
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
