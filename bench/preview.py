"""Preview speed on a large site: time from saving one article / one deputy file to the preview server
serving the changed page. Prints figures, asserts nothing.

    .venv/bin/python bench/synth.py 10000 /tmp/renda-preview
    .venv/bin/python bench/preview.py /tmp/renda-preview [--edits 3] [-- extra mkdocs serve args]

Runs `mkdocs serve --dirty --livereload` (what `bash dev.sh serve` runs, plus --dirty) on a free loopback
port with RENDA_PAGEFIND=0, edits the files in place (the project is a throwaway synthetic one) and polls
the page's URL until the new text is served.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from local_serve import free_port  # noqa: E402
from renda_site.address import deputy as deputy_page  # noqa: E402


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the server so far (rebuilds run in its process): a figure that does not
    depend on how busy the shared machine is."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(url: str, text: str, limit: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.05)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description="预览速度测试：修改一个文件到预览页面更新所需的时间")
    parser.add_argument("project", type=Path)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("serve_args", nargs="*", default=["--dirty"])
    args = parser.parse_args()
    project = args.project.resolve()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", RENDA_PAGEFIND="0")
    log = open(project / "preview.log", "w")
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}", *args.serve_args]
    server = subprocess.Popen(cmd, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        startup = wait_for(base, "</html>", 900)
        print(f"首次构建并开始服务：{startup:.1f} s（{' '.join(cmd[2:])}）", flush=True)
        article = sorted((project / "docs" / "dongtai").glob("*.md"))[0]
        deputy = sorted((project / "data" / "deputies").glob("*.yaml"))[0]
        targets = [("文章", article, base + "dongtai/" + article.stem + "/"),
                   ("代表", deputy, base + deputy_page(deputy.stem).removesuffix(".md") + "/")]
        results: dict[str, list[float]] = {}
        for index in range(args.edits):
            for kind, path, url in targets:
                token = f"预览测试第{index + 1}次修改{int(time.time() * 1000) % 100000}"
                text = path.read_text("utf-8")
                if kind == "文章":
                    text = text.rstrip("\n") + f"\n\n{token}。\n"
                else:
                    text = re.sub(r"(?m)^bio: \|\n  ", f"bio: |\n  {token}。", text, count=1)
                time.sleep(1.5)                      # let the watcher settle after the previous rebuild
                cpu = cpu_seconds(server.pid)
                path.write_text(text, "utf-8")
                seconds = wait_for(url, token, 120)
                cpu = cpu_seconds(server.pid) - cpu
                results.setdefault(kind, []).append(seconds if seconds is not None else float("nan"))
                results.setdefault(kind + "（CPU）", []).append(cpu)
                print(f"  修改{kind} {path.relative_to(project)} → {url[len(base) - 1:]}："
                      f"{'超时' if seconds is None else f'{seconds:.2f} s'}（服务进程 CPU {cpu:.2f} s，"
                      f"负载 {os.getloadavg()[0]:.1f}）", flush=True)
        for kind, values in results.items():
            print(f"{kind}：中位数 {statistics.median(values):.2f} s，各次 {', '.join(f'{v:.2f}' for v in values)}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    logged = (project / "preview.log").read_text("utf-8")
    builds = re.findall(r"(?:预览：|生成页面 ).*", logged)
    print("构建日志中的生成器记录（每次保存走哪条路、生成了多少）：", *builds[-4 * args.edits:], sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
