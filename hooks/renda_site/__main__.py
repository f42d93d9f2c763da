"""Command line: `python -m renda_site check` validates everything without building;
`python -m renda_site generate --out DIR` writes the generated Markdown pages (for any generator);
`python -m renda_site schema --out schemas/` exports the JSON Schemas of the data files."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .editors import argparse_zh, cli as editor_cli
from .pipeline import ContentError, check, generate, inspect_checked


def main(argv: list[str] | None = None) -> int:
    argparse_zh.install()
    parser = argparse_zh.ChineseArgumentParser(prog="bash dev.sh", description="人大网站数据检查与页面生成")
    parser.add_argument("--root", type=Path, default=Path("."), help="项目根目录（含 data/ 和 docs/），默认当前目录")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")
    check_cmd = commands.add_parser("check", help="检查 data/ 和 docs/，不生成网站")
    check_cmd.add_argument("--quiet-warnings", action="store_true", help="只列出错误")
    check_cmd.add_argument("--all", action="store_true", help="列出每一个警告（默认同类警告合并为一行）")
    check_cmd.add_argument(
        "--no-inspection", action="store_true", help="不做网站体检（栏目更新、人名、链接、网页元数据）"
    )
    gen = commands.add_parser("generate", help="检查并把生成的 Markdown 页面和订阅源、开放数据文件写入 --out 目录")
    gen.add_argument("--out", type=Path, required=True)
    gen.add_argument("--site-url", default=None, help="网站正式地址（如 https://example.gov.cn/renda/），"
                                                      "用于订阅源和开放数据中的完整链接")
    schema_cmd = commands.add_parser("schema", help="从数据模型导出 JSON Schema（供编辑器提示和开放数据）")
    schema_cmd.add_argument("--out", type=Path, default=Path("schemas"), help="输出目录，默认 schemas/")
    editor_cli.add_commands(commands)
    args = parser.parse_args(argv)
    if args.command in editor_cli.EDITOR_COMMANDS:
        return editor_cli.run(args)
    if args.command == "schema":
        from .publish.schema import write_schemas
        paths = write_schemas(args.out)
        print(f"已导出 {len(paths)} 个 JSON Schema 到 {args.out}/")
        return 0
    started = time.perf_counter()
    if args.command == "check":
        problems, loaded = check(args.root)
        shown = [str(p) for p in problems.errors] if args.quiet_warnings else problems.lines(every=args.all)
        for line in shown:
            print(line)
        if problems.errors and not args.no_inspection:
            print("（数据有错误，网站体检在改正后进行。）")
        print(f"共 {len(problems.errors)} 个错误，{len(problems.warnings)} 个警告。用时 "
              f"{time.perf_counter() - started:.2f} 秒。")
        if problems.errors:
            return 1
        if not args.no_inspection:
            print()
            for line in inspect_checked(loaded).lines():
                print(line)
        return 0
    try:
        result = generate(args.root, site_url=args.site_url)
    except ContentError as exc:
        for problem in exc.problems.errors:
            print(problem, file=sys.stderr)
        print(f"共 {len(exc.problems.errors)} 个错误，未生成任何页面。", file=sys.stderr)
        return 1
    from .publish.output import (
        write_pages,  # not imported for `check`: it pulls in templates and pinyin
    )
    stats = write_pages(result.pages, args.out, result.files)
    print(f"生成页面 {len(result.pages)} 个、文件 {len(result.files)} 个（写入 {stats.written}，未变 "
          f"{stats.unchanged}，删除 {stats.removed}），"
          f"用时 {time.perf_counter() - started:.2f} 秒。")
    return 0


if __name__ == "__main__":
    status = main()
    # Everything is written and closed by now. Without os._exit the interpreter frees the loaded
    # content object by object before exiting, a large part of `check` on a large site.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
