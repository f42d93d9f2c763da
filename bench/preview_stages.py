"""Where one preview rebuild spends its time: the rebuilds `mkdocs serve --dirty` runs after a save, run
in this process without the server and its file watcher, with the stage clock on. Prints figures,
asserts nothing.

    .venv/bin/python bench/synth.py 10000 /tmp/renda-preview
    .venv/bin/python bench/preview_stages.py /tmp/renda-preview [--rounds 2]

Edits the project in place (a throwaway synthetic one), as bench/preview.py does: one article body,
one deputy's bio. For each rebuild: wall and CPU seconds, the full passes of Python's cycle collector
in it, and the generator's stages (stages.py); the rest of the wall time is MkDocs itself.
"""
from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import re
import sys
import tempfile
import time
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"


def main() -> int:
    parser = argparse.ArgumentParser(description="预览一次重新生成的各阶段用时")
    parser.add_argument("project", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    project = args.project.resolve()
    times = Path(tempfile.mkdtemp(prefix="renda-stages-")) / "stages.json"
    os.environ.update(RENDA_STAGE_TIMES=str(times), RENDA_PAGEFIND="0", NO_MKDOCS_2_WARNING="1")
    os.chdir(project)
    from mkdocs.commands.build import build  # after the environment: the hooks read it on import
    from mkdocs.config import load_config
    logging.basicConfig(level=logging.INFO, format="%(name)s %(message)s", filename=str(project / "stages.log"))
    site = tempfile.mkdtemp(prefix="mkdocs_")

    def config():
        loaded = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
        loaded.site_url = SERVE_URL
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    started = time.perf_counter()
    build(first, serve_url=SERVE_URL, dirty=True)
    print(f"首次构建 {time.perf_counter() - started:.1f} s", flush=True)
    full_passes = {"seconds": 0.0, "count": 0, "started": 0.0}

    def count(phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                full_passes["started"] = time.perf_counter()
            else:
                full_passes["seconds"] += time.perf_counter() - full_passes["started"]
                full_passes["count"] += 1
    gc.callbacks.append(count)
    article = sorted((project / "docs" / "dongtai").glob("*.md"))[0]
    deputy = sorted((project / "data" / "deputies").glob("*.yaml"))[0]
    for index in range(args.rounds):
        for kind, path in (("文章", article), ("代表", deputy)):
            text = path.read_text("utf-8")
            token = f"阶段测试第{index + 1}次{int(time.time() * 1000) % 100000}"
            text = text + f"\n\n{token}。\n" if kind == "文章" else re.sub(r"(?m)^bio: \|\n  ", f"bio: |\n  {token}。",
                                                                      text, count=1)
            path.write_text(text, "utf-8")
            full_passes.update(seconds=0.0, count=0)
            started, cpu = time.perf_counter(), time.process_time()
            rebuild = config()
            build(rebuild, serve_url=SERVE_URL, dirty=True)
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            rebuild.plugins.on_shutdown()                   # writes this rebuild's stage times
            stages = json.loads(times.read_text("utf-8"))
            ours = sum(v["seconds"] for name, v in stages.items() if not name.startswith("每页"))
            shown = "，".join(f"{name} {v['seconds']:.2f}" for name, v in stages.items() if v["seconds"] >= 0.02)
            load = os.getloadavg()[0]
            print(f"修改{kind}（第 {index + 1} 次）：墙钟 {wall:.2f} s，CPU {cpu:.2f} s，负载 {load:.1f}；"
                  f"循环垃圾回收全量 {full_passes['count']} 次 {full_passes['seconds']:.2f} s；"
                  f"生成器各阶段合计 {ours:.2f} s（{shown}）；MkDocs 及其余 {wall - ours:.2f} s", flush=True)
    return 0


if __name__ == "__main__":          # the QR helper process imports this module again: run only here
    sys.exit(main())
