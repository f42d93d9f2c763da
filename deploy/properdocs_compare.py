"""Build the site with MkDocs and with ProperDocs (the maintained fork of MkDocs 1.6) and print how the two
output folders differ.

    python deploy/properdocs_compare.py [--project 文件夹] [--work 文件夹] [--pagefind]

Both builds run in strict mode from the same project, with the hooks and theme as they are. Every file is
compared byte for byte (.gz files by their content); the one line each generator writes about itself
(<meta name="generator" content="mkdocs-1.6.1, …"> / "mkdocs-ProperDocs 1.6.7, …") is set aside and
counted. Any other difference is printed with the first differing lines. Exit status 1 when anything
besides that line differs or a build fails. Without --pagefind both builds skip the search index, whose
file names vary from one build to the next anyway.
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
BUILDERS = {"mkdocs": "mkdocs", "properdocs": "properdocs"}      # output folder -> `python -m` module


def build(module: str, project: Path, out: Path, pagefind: bool) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", RENDA_PAGEFIND="1" if pagefind else "0")
    return subprocess.run([sys.executable, "-m", module, "build", "--strict", "-q", "-d", str(out)],
                          cwd=project, env=env, capture_output=True, text=True, check=False)


def content(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data     # gzip's header carries a time


def compare(a: Path, b: Path) -> tuple[list[str], int, list[str]]:
    """(report lines, files differing only in the generator line, paths that differ otherwise)."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    lines = [f"只在 {a.name} 中：{path}" for path in sorted(files_a - files_b)]
    lines += [f"只在 {b.name} 中：{path}" for path in sorted(files_b - files_a)]
    differ = sorted(files_a - files_b) + sorted(files_b - files_a)
    generator_only = 0
    for path in sorted(files_a & files_b):
        left, right = content(a / path), content(b / path)
        if left == right:
            continue
        if GENERATOR.sub(b"", left) == GENERATOR.sub(b"", right):
            generator_only += 1
            continue
        differ.append(path)
        shown = difflib.unified_diff(left.decode("utf-8", "replace").splitlines(),
                                     right.decode("utf-8", "replace").splitlines(), a.name, b.name, n=0, lineterm="")
        lines.append(f"不同：{path}")
        lines += ["    " + line[:200] for line in list(shown)[2:14]]
    return lines, generator_only, differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="用 MkDocs 和 ProperDocs 分别生成网站并比较输出")
    parser.add_argument("--project", type=Path, default=PROJECT, help="网站项目文件夹（默认为本仓库）")
    parser.add_argument("--work", type=Path, help="放两份输出的文件夹（默认为临时文件夹，比较后删除）")
    parser.add_argument("--pagefind", action="store_true", help="两次都建立搜索索引（默认不建立）")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("properdocs") is None:
        print(f"没有安装 ProperDocs。请先运行：{sys.executable} -m pip install properdocs==1.6.7"
              "（bash dev.sh test 安装的测试用软件中已包含它）")
        return 1
    work = args.work or Path(tempfile.mkdtemp(prefix="renda-properdocs-"))
    try:
        outputs = {}
        for name, module in BUILDERS.items():
            out = work / name
            shutil.rmtree(out, ignore_errors=True)
            done = build(module, args.project.resolve(), out, args.pagefind)
            if done.returncode != 0:
                print(f"{name} 生成失败（退出码 {done.returncode}）：\n{done.stdout}{done.stderr}")
                return 1
            outputs[name] = out
        lines, generator_only, differ = compare(outputs["mkdocs"], outputs["properdocs"])
        total = sum(1 for p in outputs["mkdocs"].rglob("*") if p.is_file())
        print("\n".join(lines))
        print(f"MkDocs 输出 {total} 个文件：与 ProperDocs 完全相同 {total - generator_only - len(differ)} 个，"
              f"只有 generator 标记不同 {generator_only} 个，其他不同 {len(differ)} 个。")
        return 1 if differ else 0
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
