"""Scale benchmark: prints figures, asserts nothing. Builds synthetic sites of N pages (bench/synth.py)
and reports, per N: wall time of the build (validation + generation + MkDocs + Pagefind), time per
built page, the generator's share, MkDocs' share, Pagefind's, peak RSS, output bytes per page, the
standalone `check`, and the same pages built by plain MkDocs + Material without the hooks.

    .venv/bin/python bench/run.py                      # N = 1000 5000 10000 20000
    .venv/bin/python bench/run.py --sizes 1000 --runs 1 --work /tmp/renda-bench
    .venv/bin/python bench/run.py --sizes 1000 --runs 1 --cli-pagefind   # also time `pagefind --site` alone

Every build is a fresh one (no site/, no .cache/), the way CI builds, and is the real build: the hook
validates and generates in on_config, hands each converted page to the search indexer, starts Pagefind
in on_env (it runs beside the theme's rendering) and waits for it in on_post_build. The generator's
time and the wait for Pagefind after the last page come from the hook's log lines; MkDocs = build wall
- generator - that wait. The hooks' cost is measured by a second build with RENDA_PAGEFIND=0 (hooks,
no search index) against plain MkDocs on the same Markdown.
Peak memory: os.wait4's rusage of the build covers the build process and its reaped children (the
Pagefind binary is one), so it is the larger of the two; a sampler reads each one's VmHWM from /proc
while the build runs to tell them apart. Medians over --runs runs for N <= 5000, --big-runs above.
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
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
GENERATED = re.compile(r"生成页面 (\d+) 个.*?用时 ([\d.]+) 秒")
INDEXED = re.compile(r"站内搜索索引：(\d+) 个页面，([\d.]+) KB(?:，分 \d+ 部分)?；页面生成后又等待 ([\d.]+) 秒")
TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    wall: float          # seconds of the whole process (for a build: generator, MkDocs and Pagefind)
    rss_mb: float        # peak resident memory, os.wait4: the process and its reaped children
    cpu: float           # user + system CPU seconds, os.wait4: also includes reaped children's
    generator: float = 0.0
    search: float = 0.0          # waited for Pagefind after the last page (and moved its bundle), from the log
    search_pages: int = 0
    own_rss_mb: float = 0.0      # the build process alone (sampled VmHWM)
    pagefind_rss_mb: float = 0.0     # the Pagefind binary alone (sampled VmHWM)
    pagefind_cpu: float = 0.0        # the Pagefind binary's CPU (sampled, last reading before it exits)
    pagefind_wall: float = 0.0       # first to last sighting of the Pagefind binary
    output: str = ""


class Sampler(threading.Thread):
    """Reads VmHWM (peak RSS so far, so one reading after the peak is exact) and CPU ticks of a process
    and all its descendants from /proc every `interval` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval, self.done = pid, interval, threading.Event()
        self.seen: dict[int, dict] = {}

    def run(self) -> None:
        while not self.done.is_set():
            now = time.perf_counter()
            for pid in self.tree(self.pid):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                hwm = re.search(r"VmHWM:\s+(\d+) kB", status)
                name = re.search(r"Name:\s+(\S+)", status).group(1)
                info = self.seen.setdefault(pid, {"name": name, "hwm_kb": 0, "cpu": 0.0, "first": now})
                info["name"], info["last"] = name, now
                if hwm:
                    info["hwm_kb"] = max(info["hwm_kb"], int(hwm.group(1)))
                    info["cpu"] = (int(fields[11]) + int(fields[12])) / TICK   # utime + stime, all threads
            self.done.wait(self.interval)

    @staticmethod
    def tree(root: int) -> list[int]:
        pids, todo = [], [root]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            try:       # children of every thread (the search index's Pagefind runs start from one)
                for task in Path(f"/proc/{pid}/task").iterdir():
                    todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
        return pids

    def pagefind(self) -> dict | None:
        """The Pagefind runs (one per part of the index, one after another): the largest peak, their CPU
        added up, and the first and last time one was seen."""
        found = [info for info in self.seen.values() if info["name"].startswith("pagefind")]
        if not found:
            return None
        return {"hwm_kb": max(info["hwm_kb"] for info in found), "cpu": sum(info["cpu"] for info in found),
                "first": min(info["first"] for info in found), "last": max(info["last"] for info in found),
                "runs": len(found)}


def measure(cmd: list[str], cwd: Path, env: dict, sample: bool = False) -> Run:
    """Run `cmd`: wall time, and os.wait4's rusage (peak RSS and CPU of it and its reaped children)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = Sampler(proc.pid) if sample else None
    if sampler:
        sampler.start()
    out = proc.stdout.read().decode("utf-8", "replace")   # EOF: the process (and Pagefind) are done
    if sampler:
        sampler.done.set()
        sampler.join()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"命令失败（{proc.returncode}）：{' '.join(cmd)}\n{out[-3000:]}")
    run = Run(wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, output=out)
    if sampler:
        run.own_rss_mb = sampler.seen.get(proc.pid, {}).get("hwm_kb", 0) / 1024
        child = sampler.pagefind()
        if child:
            run.pagefind_rss_mb, run.pagefind_cpu = child["hwm_kb"] / 1024, child["cpu"]
            run.pagefind_wall = child["last"] - child["first"]
    return run


def environment(project: Path, pagefind: bool = False) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", RENDA_PAGEFIND="0", PYTHONPATH=str(project / "hooks"))
    if pagefind:
        del env["RENDA_PAGEFIND"]        # the real build: the hook indexes the site in on_post_build
    return env


def clean(project: Path) -> None:
    for part in ("site", ".cache"):
        shutil.rmtree(project / part, ignore_errors=True)


def build(project: Path) -> Run:
    clean(project)
    run = measure([PY, "-m", "mkdocs", "build", "-f", "mkdocs.yml", "-d", "site"], project,
                  environment(project, pagefind=True), sample=True)
    found, indexed = GENERATED.search(run.output), INDEXED.search(run.output)
    if not found or not indexed:
        sys.exit("构建日志中没有找到“生成页面 … 用时 X 秒”或“站内搜索索引：… 又等待 S 秒”：\n" + run.output[-2000:])
    run.generator, run.search, run.search_pages = float(found.group(2)), float(indexed.group(3)), int(indexed.group(1))
    return run


def hooks_build(project: Path) -> Run:
    """The same build without the search index (RENDA_PAGEFIND=0): what the hooks cost over plain MkDocs."""
    clean(project)
    run = measure([PY, "-m", "mkdocs", "build", "-f", "mkdocs.yml", "-d", "site"], project, environment(project))
    found = GENERATED.search(run.output)
    run.generator = float(found.group(2)) if found else 0.0
    return run


def cli_pagefind(project: Path) -> Run:
    """For comparison only: plain `pagefind --site site` over the full HTML (what the build does NOT do),
    written to a scratch folder so the hook's index stays in site/pagefind."""
    scratch = project / "cli-pagefind"
    shutil.rmtree(scratch, ignore_errors=True)
    run = measure([PY, "-m", "pagefind", "--site", "site", "--output-path", str(scratch), "--quiet"],
                  project, environment(project), sample=True)
    shutil.rmtree(scratch, ignore_errors=True)
    return run


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
from renda_site.publish.output import write_pages
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
    clis: list = field(default_factory=list)
    hooks: list = field(default_factory=list)
    plains: list = field(default_factory=list)
    site_bytes: int = 0
    index_bytes: int = 0
    load: str = ""


def med(values) -> float:
    return statistics.median(list(values))


def bench(n: int, runs: int, work: Path, cli: bool = False) -> Row:
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
        row.hooks.append(hooks_build(project))
        row.plains.append(plain_build(plain))
        row.builds.append(b := build(project))           # last: its site/ is the one kept and measured
        if cli:
            row.clis.append(cli_pagefind(project))
        print(f"  N={n} 第 {index + 1}/{runs} 次：check {row.check[-1].wall:.2f}s"
              f"  构建 {b.wall:.2f}s（CPU {b.cpu:.1f}s）"
              f" = 生成器 {b.generator:.2f}s + MkDocs {b.wall - b.generator - b.search:.2f}s"
              f" + 等待 Pagefind {b.search:.2f}s（pagefind 进程 {b.pagefind_wall:.1f}s，CPU {b.pagefind_cpu:.1f}s）"
              f"  内存：构建进程 {b.own_rss_mb:.0f} MB，pagefind {b.pagefind_rss_mb:.0f} MB，wait4 {b.rss_mb:.0f} MB"
              + (f"  [pagefind --site {row.clis[-1].wall:.2f}s，CPU {row.clis[-1].cpu:.1f}s，"
                 f"{row.clis[-1].rss_mb:.0f} MB]"
                 if cli else "")
              + f"  无索引构建 {row.hooks[-1].wall:.2f}s"
                f"  纯 MkDocs {row.plains[-1].wall:.2f}s（CPU {row.plains[-1].cpu:.1f}s）",
              flush=True)
    site = project / "site"
    row.site_bytes, row.pages = tree_size(site, skip="pagefind")
    row.index_bytes = tree_size(site / "pagefind")[0] if (site / "pagefind").is_dir() else 0
    plain_pages = tree_size(plain / "site")[1]
    if plain_pages != row.pages:
        print(f"  注意：插件构建 {row.pages} 页，纯 MkDocs 构建 {plain_pages} 页", flush=True)
    shutil.rmtree(plain, ignore_errors=True)
    row.load = f"{load_before:.1f}→{os.getloadavg()[0]:.1f}"
    return row


@dataclass
class Figures:
    """Medians of one row, in the units the table prints."""
    check: float
    check_cpu: float
    total: float             # the build: validation + generation + MkDocs + Pagefind
    total_cpu: float
    generator: float
    mkdocs: float
    search: float            # waited for Pagefind after the last page
    pf_wall: float
    pf_cpu: float
    own_rss: float
    pf_rss: float
    wait4_rss: float
    hooks: float             # the build without the search index (RENDA_PAGEFIND=0)
    hooks_cpu: float
    plain: float
    plain_cpu: float
    hooks_ratio: float       # hooks / plain MkDocs, wall
    hooks_ratio_cpu: float   # the same in CPU


def figures(r: Row) -> Figures:
    b = r.builds
    build, build_cpu = med(x.wall for x in b), med(x.cpu for x in b)
    check_s, check_cpu = med(c.wall for c in r.check), med(c.cpu for c in r.check)
    hooks, hooks_cpu = med(h.wall for h in r.hooks), med(h.cpu for h in r.hooks)
    plain, plain_cpu = med(p.wall for p in r.plains), med(p.cpu for p in r.plains)
    generator, search = med(x.generator for x in b), med(x.search for x in b)
    return Figures(check_s, check_cpu, build, build_cpu, generator, med(x.wall - x.generator - x.search for x in b),
                   search, med(x.pagefind_wall for x in b), med(x.pagefind_cpu for x in b),
                   max(x.own_rss_mb for x in b), max(x.pagefind_rss_mb for x in b), max(x.rss_mb for x in b),
                   hooks, hooks_cpu, plain, plain_cpu, hooks / plain, hooks_cpu / plain_cpu)


def report(rows: list[Row]) -> None:
    head = ("| N | HTML 页 | 次数 | 构建（CPU） | 每页（CPU） | 生成器 | MkDocs | 等待 Pagefind | "
            "pagefind 进程（CPU） | 构建进程峰值内存 | Pagefind 峰值内存 | wait4 峰值 | 每页字节 | 索引每页 | "
            "check（CPU） | 无索引构建（CPU） | 纯 MkDocs（CPU） | 无索引 / 纯（CPU） | 负载 |")
    print("\n" + head)
    print("|" + " --- |" * (head.count("|") - 1))
    for r in rows:
        f = figures(r)
        print(f"| {r.n:,} | {r.pages:,} | {r.runs} | {f.total:.1f} s（{f.total_cpu:.1f} s） | "
              f"{f.total / r.pages * 1000:.2f} ms（{f.total_cpu / r.pages * 1000:.2f} ms） | "
              f"{f.generator:.2f} s | {f.mkdocs:.1f} s | {f.search:.1f} s | {f.pf_wall:.1f} s（{f.pf_cpu:.1f} s） | "
              f"{f.own_rss:.0f} MB | {f.pf_rss:.0f} MB | {f.wait4_rss:.0f} MB | "
              f"{r.site_bytes / r.pages / 1024:.1f} KB | "
              f"{r.index_bytes / r.pages / 1024:.1f} KB | {f.check:.2f} s（{f.check_cpu:.2f} s） | "
              f"{f.hooks:.1f} s（{f.hooks_cpu:.1f} s） | {f.plain:.1f} s（{f.plain_cpu:.1f} s） | "
              f"{f.hooks_ratio:.2f}（{f.hooks_ratio_cpu:.2f}） | {r.load} |")
    print("\n构建 = 一次真实的 `mkdocs build`（hook 在 on_config 里校验全部数据并生成页面，"
          "Pagefind 在页面渲染的同时建索引），"
          "各取中位数；括号内为 CPU 时间（用户态 + 内核态，含 pagefind 子进程）。每页 = 构建 / HTML 页数。生成器用时、"
          "等待 Pagefind（最后一页写完后等 Pagefind 结束并移入索引包）取自构建日志；MkDocs = 构建 − 生成器 − 等待。"
          "pagefind 进程 = 从 /proc 第一次到最后一次看到该进程的时间及其 CPU。"
          "峰值内存：构建进程、pagefind 进程各自的 VmHWM"
          "（每 0.05 秒读 /proc）；wait4 = os.wait4 报告的值（构建进程及其已回收的子进程中最大的）。check = 单独运行"
          " `python -m renda_site check`（构建本身已含同样的校验，不计入构建）。"
          "无索引构建 = 同一项目、RENDA_PAGEFIND=0；"
          "纯 MkDocs = 同样的 Markdown，同一 mkdocs.yml 去掉 hooks，无 Pagefind。"
          "负载 = 开始和结束时的 1 分钟平均负载。")
    if any(r.clis for r in rows):
        print("\n对照：不经 hook，直接 `python -m pagefind --site site` 索引完整 HTML（构建并不这样做）：")
        for r in rows:
            if r.clis:
                print(f"  N={r.n:,}：{med(c.wall for c in r.clis):.1f} s（CPU {med(c.cpu for c in r.clis):.1f} s），"
                      f"峰值内存 {max(c.rss_mb for c in r.clis):.0f} MB（wait4），"
                      f"{max(c.pagefind_rss_mb for c in r.clis):.0f} MB（VmHWM）")
    goals(rows)


def goals(rows: list[Row]) -> None:
    by_n = {r.n: r for r in rows}
    if 10000 not in by_n:
        return
    big, f = by_n[10000], figures(by_n[10000])
    print("\n目标（10,000 页）：")
    print(f"  校验 + 生成 + MkDocs + Pagefind（一次构建）≤ 60 s：{f.total:.1f} s → "
          f"{'达到' if f.total <= 60 else '未达到'}"
          f"（另加单独的 check {f.check:.1f} s 为 {f.total + f.check:.1f} s）")
    if 1000 in by_n:
        small = figures(by_n[1000])
        wall = (f.total / big.pages) / (small.total / by_n[1000].pages)
        cpu = (f.total_cpu / big.pages) / (small.total_cpu / by_n[1000].pages)
        print(f"  每页用时 ≤ 1,000 页的 1.2 倍：墙钟 {wall:.2f} 倍，CPU {cpu:.2f} 倍 → "
              f"{'达到' if wall <= 1.2 else '未达到'}")
    print(f"  hooks 比纯 MkDocs 多 ≤ 10 %：{f.hooks_ratio:.2f}（CPU {f.hooks_ratio_cpu:.2f}）→ "
          f"{'达到' if f.hooks_ratio <= 1.10 else '未达到'}")
    peak = max(f.own_rss, f.pf_rss)
    print(f"  峰值内存 ≤ 1.5 GB：构建进程 {f.own_rss:.0f} MB，pagefind 进程 {f.pf_rss:.0f} MB → "
          f"{'达到' if peak <= 1536 else '未达到'}")
    print(f"  check ≤ 3 s：{f.check:.2f} s → {'达到' if f.check <= 3 else '未达到'}")


def main() -> int:
    parser = argparse.ArgumentParser(description="大规模站点构建性能测试（只打印数字）")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 20000])
    parser.add_argument("--runs", type=int, default=3, help="N <= 5000 时每个 N 的运行次数（取中位数）")
    parser.add_argument("--big-runs", type=int, default=3, help="N > 5000 时的运行次数")
    parser.add_argument("--work", type=Path, default=Path("/tmp/renda-bench"))
    parser.add_argument("--keep", action="store_true", help="保留生成的项目（用于预览测试、搜索探测）")
    parser.add_argument("--cli-pagefind", action="store_true",
                        help="另外计时直接运行 pagefind --site site（旧的测法，仅作对照）")
    args = parser.parse_args()
    from importlib.metadata import version
    print(f"机器：{platform.machine()}，{os.cpu_count()} 核，Python {platform.python_version()}；"
          f"mkdocs {version('mkdocs')}，mkdocs-material {version('mkdocs-material')}，Markdown {version('markdown')}，"
          f"PyYAML {version('pyyaml')}，pagefind {version('pagefind')}", flush=True)
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        rows.append(bench(n, args.runs if n <= 5000 else args.big_runs, args.work, args.cli_pagefind))
        if not args.keep:
            shutil.rmtree(args.work / f"n{n}", ignore_errors=True)
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
